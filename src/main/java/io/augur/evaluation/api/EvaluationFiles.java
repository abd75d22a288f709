package io.augur.evaluation.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.augur.evaluation.store.EvaluationStore;
import io.augur.platform.compute.ComputePool;
import io.augur.platform.pipeline.CsvRecords;
import io.augur.platform.pipeline.Uploads;
import io.augur.platform.problem.Problem.FieldError;
import io.augur.platform.problem.ProblemException;
import io.augur.platform.text.StorableText;
import io.augur.stats.Workers;
import io.smallrye.mutiny.Uni;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An uploaded evaluations file read chunk by chunk on the compute pool, in one streaming pass: CSV with a
 * header (the columns of importEvaluationsCsv; an unknown column is a 400 naming it) or JSON Lines (one
 * EvaluationInput object per line; an unknown field is a 400 naming it), optionally gzip. Every row is
 * checked by hand (the same rules as EvaluationInput's constraints, without a validator call per row); the
 * first {@value #MAX_ERRORS} bad rows of the file are named, and nothing is stored. Not thread-safe.
 */
final class EvaluationFiles {

    static final int CHUNK = 50_000;
    static final int MAX_ERRORS = 100;
    private static final Map<String, String> ALIASES = Map.of("std_error", "stderror", "stderr", "stderror");
    // "id" (as getEvaluationExport writes it) is accepted and ignored: rows are identified by their identity
    private static final List<String> KNOWN = List.of("model", "benchmark", "metric", "seed", "step", "value",
            "stderror", "successes", "attempts", "id");

    private final ComputePool compute;
    private final Uploads.Part file;
    private final String format;
    private final ObjectReader json;
    private volatile InputStream in; // opened on the compute pool, closed from the request's end
    private CsvRecords csv;
    private int[] column;
    private JsonParser parser;
    private long rows;
    private String formatUsed;

    EvaluationFiles(ComputePool compute, ObjectMapper mapper, Uploads.Part file, String format) {
        this.compute = compute;
        this.file = file;
        this.format = format;
        this.json = mapper.readerFor(EvaluationInput.class);
    }

    /** The next chunk of rows (empty at the end); a chunk with a bad row fails with the file's first bad rows. */
    Uni<EvaluationStore.Batch> next() {
        return compute.submit(() -> EvaluationStore.Batch.of(read()));
    }

    long rows() {
        return rows;
    }

    /**
     * Closes the file, wherever the import stopped (the end, a bad row, a failed write, a chunk read ahead that no
     * step will take): the spooled upload is deleted at the request's end, but an open stream would keep its disk.
     */
    void close() {
        InputStream open = in;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                // nothing to keep: the file is read no further
            }
        }
    }

    String format() {
        return formatUsed;
    }

    private List<EvaluationStore.Row> read() throws IOException {
        if (in == null) {
            open();
        }
        List<EvaluationStore.Row> out = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        // after a bad row, read on (storing nothing) to name the first MAX_ERRORS bad rows of the file
        while (out.size() < CHUNK || !errors.isEmpty()) {
            if (errors.size() >= MAX_ERRORS) {
                break;
            }
            EvaluationInput row = csv != null ? csvRow(errors) : jsonRow(errors);
            if (row == END) {
                break;
            }
            rows++;
            if ((rows & 0xFFFF) == 0) {
                Workers.checkCancelled();
            }
            if (row != null) {
                EvaluationStore.Row checked = check(row, rows, errors);
                if (checked != null && errors.isEmpty()) {
                    out.add(checked);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidRows(errors);
        }
        return out;
    }

    private static final EvaluationInput END = new EvaluationInput(null, null, null, null, null, null, null, null, null);

    private void open() throws IOException {
        BufferedInputStream b = new BufferedInputStream(file.open(), 1 << 16);
        in = b;
        String sniffed = Uploads.streamedFormat(b, file.field(), format, "send JSON Lines (one evaluation object "
                + "per line) or CSV, or a JSON array to importEvaluations");
        formatUsed = sniffed;
        if ("csv".equals(sniffed)) {
            csv = new CsvRecords(b, "file");
            header(csv.next());
        } else {
            parser = json.getFactory().createParser(b);
        }
    }

    private void header(List<String> header) {
        column = new int[KNOWN.size()];
        java.util.Arrays.fill(column, -1);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            name = ALIASES.getOrDefault(name, name);
            int k = KNOWN.indexOf(name);
            if (k < 0) {
                errors.add(new FieldError("column '" + header.get(i).strip() + "'", 1L, "unknown column; known columns: "
                        + "model, benchmark, metric, seed, step, value, stdError, successes, attempts (and id, ignored)"));
            } else if (column[k] >= 0) {
                errors.add(new FieldError(header.get(i).strip(), 1L, "column named twice"));
            } else {
                column[k] = i;
            }
        }
        for (String required : List.of("model", "benchmark", "value")) {
            if (column[KNOWN.indexOf(required)] < 0) {
                errors.add(new FieldError(required, 1L, "required column is missing from the header " + header));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidRows(errors);
        }
    }

    /** One CSV row; null when it could not be read (the error is recorded); END at the end of the file. */
    private EvaluationInput csvRow(List<FieldError> errors) {
        List<String> cells = csv.next();
        if (cells == null) {
            return END;
        }
        long line = csv.line();
        if (cells.size() != lastCell() + 1 && cells.size() < lastCell() + 1) {
            errors.add(new FieldError("row", line, "has " + cells.size() + " cells, fewer than the header's"));
            return null;
        }
        String[] v = new String[KNOWN.size()];
        for (int k = 0; k < v.length; k++) {
            if (column[k] >= 0) {
                String s = cells.get(column[k]).strip();
                v[k] = s.isEmpty() ? null : s;
            }
        }
        int before = errors.size();
        Double value = number(v[5], "value", line, errors);
        Double stdError = number(v[6], "stdError", line, errors);
        Long seed = integer(v[3], "seed", line, errors);
        Long step = integer(v[4], "step", line, errors);
        Long successes = integer(v[7], "successes", line, errors);
        Long attempts = integer(v[8], "attempts", line, errors);
        if (errors.size() > before) {
            return null;
        }
        return new EvaluationInput(v[0], v[1], v[2], seed, step, value, stdError, successes, attempts);
    }

    private int lastCell() {
        int max = 0;
        for (int c : column) {
            max = Math.max(max, c);
        }
        return max;
    }

    /** One JSON Lines object; the row number is its position (lines are rows). */
    private EvaluationInput jsonRow(List<FieldError> errors) throws IOException {
        try {
            JsonToken t = parser.nextToken();
            if (t == null) {
                return END;
            }
            if (t != JsonToken.START_OBJECT) {
                errors.add(new FieldError("row", (long) parser.currentLocation().getLineNr(), "expected an evaluation object"));
                throw ProblemException.invalidRows(errors);
            }
            return json.readValue(parser);
        } catch (UnrecognizedPropertyException e) {
            errors.add(new FieldError(e.getPropertyName(), (long) e.getLocation().getLineNr(),
                    "unknown field; known fields: model, benchmark, metric, seed, step, value, stdError, successes, attempts"));
            throw ProblemException.invalidRows(errors);
        } catch (JsonMappingException e) {
            String path = e.getPath().isEmpty() ? "row" : e.getPath().getLast().getFieldName();
            errors.add(new FieldError(path == null ? "row" : path, e.getLocation() == null ? rows + 1
                    : (long) e.getLocation().getLineNr(), e.getOriginalMessage()));
            throw ProblemException.invalidRows(errors);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            errors.add(new FieldError("row", e.getLocation() == null ? rows + 1 : (long) e.getLocation().getLineNr(),
                    "malformed JSON: " + e.getOriginalMessage()));
            throw ProblemException.invalidRows(errors);
        }
    }

    private static Double number(String s, String field, long row, List<FieldError> errors) {
        if (s == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d)) {
                errors.add(new FieldError(field, row, "must be a finite number"));
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, row, "not a number: '" + s + "'"));
            return null;
        }
    }

    private static Long integer(String s, String field, long row, List<FieldError> errors) {
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, row, "not an integer: '" + s + "'"));
            return null;
        }
    }

    /** EvaluationInput's constraints, checked by hand; the row is numbered by its line (CSV) or position (JSON Lines). */
    private EvaluationStore.Row check(EvaluationInput in, long position, List<FieldError> errors) {
        long row = csv != null ? csv.line() : position;
        int before = errors.size();
        name(in.model(), "model", 200, row, errors);
        name(in.benchmark(), "benchmark", 200, row, errors);
        if (in.metric() != null) {
            name(in.metric(), "metric", 100, row, errors);
        }
        if (in.value() == null || !Double.isFinite(in.value())) {
            errors.add(new FieldError("value", row, in.value() == null ? "required" : "must be a finite number"));
        }
        if (in.step() != null && in.step() < 0) {
            errors.add(new FieldError("step", row, "must be greater than or equal to 0"));
        }
        if (in.stdError() != null && (!Double.isFinite(in.stdError()) || in.stdError() < 0)) {
            errors.add(new FieldError("stdError", row, "must be a finite number >= 0"));
        }
        if (!in.isCounts()) {
            errors.add(new FieldError("successes", row, "successes and attempts go together, with attempts > 0 and "
                    + "successes <= attempts"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new EvaluationStore.Row(row, in.model().strip(), in.benchmark().strip(),
                in.metric() == null ? null : in.metric().strip(), in.seed(), in.step(), in.value(), in.stdError(),
                in.successes(), in.attempts());
    }

    private static void name(String s, String field, int max, long row, List<FieldError> errors) {
        if (s == null || s.isBlank()) {
            errors.add(new FieldError(field, row, "required"));
        } else if (s.strip().length() > max) {
            errors.add(new FieldError(field, row, "longer than " + max + " characters"));
        } else {
            String problem = StorableText.problem(s);
            if (problem != null) {
                errors.add(new FieldError(field, row, problem));
            }
        }
    }
}
