package io.augur.aggregate.engine;

/**
 * One measured score: system {@code system} reached {@code value} on task {@code task} in run
 * {@code run} (a seed or any run label; may be null when runs are not labelled). Higher is better
 * unless a ranking call says otherwise for the task.
 */
public record Score(String system, String task, String run, double value) {
}
