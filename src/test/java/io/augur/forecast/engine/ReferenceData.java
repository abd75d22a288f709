package io.augur.forecast.engine;

import io.augur.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Loaders of the shared reference data used by the forecast reference tests and benchmarks. */
final class ReferenceData {

    private ReferenceData() {
    }

    /** Simple CSV split (the reference files have no quoted commas in the used columns). */
    static List<String[]> csv(Path p) {
        try {
            List<String[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(p)) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int column(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].trim().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("no column " + name);
    }

    /** Epoch's Chinchilla points: N = Model Size, D = Training FLOP / (6 N), 5 highest losses dropped. */
    static List<Observation> chinchilla() {
        List<String[]> rows = csv(SharedData.require("scaling/chinchilla_epoch_points.csv"));
        String[] h = rows.get(0);
        int cn = column(h, "Model Size");
        int cc = column(h, "Training FLOP");
        int cl = column(h, "loss");
        List<double[]> pts = new ArrayList<>();
        for (String[] r : rows.subList(1, rows.size())) {
            double n = Double.parseDouble(r[cn]);
            double c = Double.parseDouble(r[cc]);
            pts.add(new double[] {n, c / (6 * n), Double.parseDouble(r[cl])});
        }
        pts.sort(Comparator.comparingDouble(a -> a[2]));
        List<Observation> out = new ArrayList<>();
        for (double[] a : pts.subList(0, pts.size() - 5)) {
            out.add(Observation.of(a[2], a[0], a[1]));
        }
        return out;
    }
}
