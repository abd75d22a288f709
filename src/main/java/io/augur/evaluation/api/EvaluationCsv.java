package io.augur.evaluation.api;

import io.augur.platform.problem.Problem.FieldError;
import io.augur.platform.text.StorableText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads evaluations from CSV (RFC 4180: comma separated, optional double quotes, "" inside quotes).
 * The first line names the columns, in any order: model, benchmark, value (required), metric, seed,
 * step, stdError (or std_error), successes, attempts. Empty cells are absent values. Rows are
 * numbered from 1 after the header; every unreadable cell is reported with its row and column.
 */
final class EvaluationCsv {

    static final String EXAMPLE = """
            model,benchmark,metric,seed,step,value,stdError,successes,attempts
            pythia-1.4b,arc-challenge,accuracy,1,143000,0.2807,0.0131,,
            pythia-1.4b,arc-challenge,accuracy,2,143000,0.2790,0.0131,,
            """;

    private static final Set<String> REQUIRED = Set.of("model", "benchmark", "value");
    private static final Map<String, String> ALIASES = Map.of("std_error", "stderror", "stderr", "stderror");
    private static final Set<String> KNOWN = Set.of("model", "benchmark", "metric", "seed", "step", "value",
            "stderror", "successes", "attempts");

    /** The rows read, and the errors of the rows that could not be read (at most {@code maxErrors}). */
    record Result(List<EvaluationInput> rows, List<Long> rowNumbers, List<FieldError> errors) {
    }

    private EvaluationCsv() {
    }

    static Result parse(String body, int maxErrors) {
        List<List<String>> records = records(body);
        List<FieldError> errors = new ArrayList<>();
        if (records.isEmpty()) {
            errors.add(new FieldError("body", null, "the CSV is empty; the first line must name the columns"));
            return new Result(List.of(), List.of(), errors);
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = records.getFirst();
        for (int i = 0; i < header.size(); i++) {
            String headerProblem = StorableText.problem(header.get(i));
            if (headerProblem != null) {
                add(errors, maxErrors, new FieldError("column " + (i + 1), 0L, headerProblem));
                continue;
            }
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            name = ALIASES.getOrDefault(name, name);
            if (!KNOWN.contains(name)) {
                add(errors, maxErrors, new FieldError(label(header.get(i)), 0L, "unknown column; known columns: "
                        + "model, benchmark, metric, seed, step, value, stdError, successes, attempts"));
            } else if (column.putIfAbsent(name, i) != null) {
                add(errors, maxErrors, new FieldError(label(header.get(i)), 0L, "column named twice"));
            }
        }
        for (String required : REQUIRED) {
            if (!column.containsKey(required)) {
                errors.add(new FieldError(required, 0L, "required column is missing from the header"));
            }
        }
        if (!errors.isEmpty()) {
            return new Result(List.of(), List.of(), errors);
        }
        List<EvaluationInput> rows = new ArrayList<>(records.size() - 1);
        List<Long> numbers = new ArrayList<>(records.size() - 1);
        for (int r = 1; r < records.size(); r++) {
            List<String> cells = records.get(r);
            long row = r;
            if (cells.size() != header.size()) {
                add(errors, maxErrors, new FieldError("row", row,
                        "has " + cells.size() + " cells, the header names " + header.size()));
                continue;
            }
            Cells c = new Cells(cells, column, row, errors, maxErrors);
            EvaluationInput in = new EvaluationInput(c.text("model"), c.text("benchmark"), c.text("metric"),
                    c.integer("seed"), c.integer("step"), c.number("value"), c.number("stderror"),
                    c.integer("successes"), c.integer("attempts"));
            if (c.ok) {
                rows.add(in);
                numbers.add(row);
            }
        }
        return new Result(rows, numbers, errors);
    }

    /** A header cell as a problem's field name: at most 100 characters, so a problem stays small. */
    private static String label(String header) {
        String s = header.strip();
        return s.length() <= 100 ? s : s.substring(0, 100) + "...";
    }

    static void add(List<FieldError> errors, int max, FieldError e) {
        if (errors.size() < max) {
            errors.add(e);
        }
    }

    /** The cells of one row, read by column name; a cell that cannot be read is reported. */
    private static final class Cells {
        private final List<String> cells;
        private final Map<String, Integer> column;
        private final long row;
        private final List<FieldError> errors;
        private final int maxErrors;
        boolean ok = true;

        Cells(List<String> cells, Map<String, Integer> column, long row, List<FieldError> errors, int maxErrors) {
            this.cells = cells;
            this.column = column;
            this.row = row;
            this.errors = errors;
            this.maxErrors = maxErrors;
        }

        String text(String name) {
            Integer i = column.get(name);
            if (i == null) {
                return null;
            }
            String s = cells.get(i).strip();
            String problem = StorableText.problem(s);
            if (problem != null) {
                fail(name, problem);
                return null;
            }
            return s.isEmpty() ? null : s;
        }

        Double number(String name) {
            String s = text(name);
            if (s == null) {
                return null;
            }
            try {
                return Double.valueOf(s);
            } catch (NumberFormatException e) {
                fail(name, "not a number: '" + label(s) + "'");
                return null;
            }
        }

        Long integer(String name) {
            String s = text(name);
            if (s == null) {
                return null;
            }
            try {
                return Long.valueOf(s);
            } catch (NumberFormatException e) {
                fail(name, "not a whole number: '" + label(s) + "'");
                return null;
            }
        }

        private void fail(String name, String message) {
            ok = false;
            add(errors, maxErrors, new FieldError(name.equals("stderror") ? "stdError" : name, row, message));
        }
    }

    /** Splits RFC 4180 text into records of cells; blank lines are skipped. */
    static List<List<String>> records(String body) {
        List<List<String>> out = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int n = body.length();
        for (int i = 0; i < n; i++) {
            char ch = body.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < n && body.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
                any = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < n && body.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || !cell.isEmpty()) {
                    cells.add(cell.toString());
                    out.add(cells);
                }
                cells = new ArrayList<>();
                cell.setLength(0);
                any = false;
            } else {
                cell.append(ch);
                any = true;
            }
        }
        if (any || !cell.isEmpty()) {
            cells.add(cell.toString());
            out.add(cells);
        }
        return out;
    }
}
