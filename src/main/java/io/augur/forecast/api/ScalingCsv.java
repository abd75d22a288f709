package io.augur.forecast.api;

import io.augur.platform.pipeline.CsvRecords;
import io.augur.platform.pipeline.Uploads;
import io.augur.platform.problem.Problem.FieldError;
import io.augur.platform.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Training runs as Epoch AI publishes them for Chinchilla (data/svg_extracted_data.csv of
 * epoch-research/analyzing-chinchilla: Model Size, Training FLOP, loss): each row a point (N, D, loss) with
 * D = C / (6 N) when only the compute is given (Hoffmann et al.'s C = 6ND).
 */
final class ScalingCsv {

    private ScalingCsv() {
    }

    static List<ForecastRequests.PointInput> points(Uploads.Part file) throws IOException {
        try (InputStream in = file.open()) {
            CsvRecords csv = new CsvRecords(in, "file");
            List<String> header = csv.next();
            if (header == null) {
                throw ProblemException.invalid("file", "the file is empty");
            }
            int n = find(header, "model size", "parameters", "n");
            int d = find(header, "training tokens", "tokens", "d");
            int c = find(header, "training flop", "training flops", "compute", "c");
            int loss = find(header, "loss");
            if (n < 0 || loss < 0 || d < 0 && c < 0) {
                throw ProblemException.invalid("file header", "needs Model Size, loss and Training FLOP (or Training "
                        + "Tokens); the header has " + header);
            }
            List<ForecastRequests.PointInput> out = new ArrayList<>();
            List<FieldError> errors = new ArrayList<>();
            for (List<String> cells = csv.next(); cells != null; cells = csv.next()) {
                long line = csv.line();
                Double nv = positive(cells, n, header, line, errors);
                Double dv = d >= 0 ? positive(cells, d, header, line, errors) : null;
                Double cv = d < 0 ? positive(cells, c, header, line, errors) : null;
                Double lv = positive(cells, loss, header, line, errors);
                if (errors.size() >= 100) {
                    break;
                }
                if (nv != null && lv != null && (dv != null || cv != null)) {
                    out.add(new ForecastRequests.PointInput(null, nv, dv != null ? dv : cv / (6 * nv), null, lv, null, null));
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalidRows(errors);
            }
            if (out.size() > ForecastRequests.MAX_POINTS) {
                throw ProblemException.invalid("file", "more than " + ForecastRequests.MAX_POINTS + " rows");
            }
            return out;
        }
    }

    private static int find(List<String> header, String... names) {
        for (String name : names) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).strip().toLowerCase(Locale.ROOT).equals(name)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static Double positive(List<String> cells, int i, List<String> header, long line, List<FieldError> errors) {
        String s = i < cells.size() ? cells.get(i).strip() : "";
        try {
            double v = Double.parseDouble(s);
            if (Double.isFinite(v) && v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(header.get(i).strip(), line, "expected a positive number, got '" + s + "'"));
        return null;
    }
}
