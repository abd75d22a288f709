package io.augur.horizon.engine;

import java.time.LocalDate;

/** A model's 50% time horizon (human minutes) and its release date: one point of the trend. */
public record ModelHorizon(String model, LocalDate releaseDate, double minutes) {
}
