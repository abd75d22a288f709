package io.augur.evaluation.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.augur.evaluation.store.ItemResultStore;
import io.augur.platform.pipeline.CsvRecords;
import io.augur.platform.pipeline.Uploads;
import io.augur.platform.problem.Problem.FieldError;
import io.augur.platform.problem.ProblemException;
import io.augur.platform.text.StorableText;
import io.augur.stats.Workers;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An uploaded item-results file read in one streaming pass on the compute pool, in long format: one cell per line,
 * {@code model, benchmark, item, score[, subject][, sample]}, as CSV with a header (aliases: item_id and doc_id for
 * item, category for subject, seed for sample, value for score; any other column is a 400 naming it) or JSON Lines
 * (one object per line with those fields; item may be a string or an integer, score a number or true/false for
 * 1/0). Optionally gzip (by magic bytes or Content-Encoding). Only the current line is held as text; cells go
 * straight into one growing float64 array per (benchmark, model, sample), indexed by the item's position in a
 * per-benchmark dictionary, so memory is 8 bytes a cell plus the item keys, bounded by {@code maxCells}.
 *
 * <p>Checks per line: model and benchmark non-blank (at most 200 characters), item non-blank (at most 500), score a
 * finite number, subject at most 200 characters and the same on every line of an item, sample an integer in
 * [0, 1,000,000] (absent = 0), and no (model, benchmark, item, sample) twice. The first {@value #MAX_ERRORS} bad
 * lines are named (line and field) and nothing is stored. Not thread-safe; one instance per upload.
 */
final class ItemResultFiles {

    static final int MAX_ERRORS = 100;
    static final int MAX_SAMPLE = 1_000_000;
    private static final List<String> KNOWN = List.of("model", "benchmark", "item", "score", "subject", "sample");
    private static final Map<String, String> ALIASES = Map.of("item_id", "item", "doc_id", "item",
            "category", "subject", "seed", "sample", "value", "score");
    private static final int MODEL = 0;
    private static final int BENCHMARK = 1;
    private static final int ITEM = 2;
    private static final int SCORE = 3;
    private static final int SUBJECT = 4;
    private static final int SAMPLE = 5;

    private final long maxCells;
    private final List<FieldError> errors = new ArrayList<>();
    private final Map<String, Bench> benchmarks = new LinkedHashMap<>();
    private final Map<String, Long> modelLines = new LinkedHashMap<>();
    private long cells;
    private long capacity;
    private Bench lastBench;
    private Acc lastAcc;
    private String lastModel;
    private int lastSample = -1;
    private String formatUsed;

    ItemResultFiles(long maxCells) {
        this.maxCells = maxCells;
    }

    /** One benchmark's item dictionary and series. */
    private static final class Bench {
        final String name;
        final long line;
        final Map<String, Integer> index = new HashMap<>();
        final List<String> keys = new ArrayList<>();
        final List<String> subjects = new ArrayList<>();
        final Map<String, Map<Integer, Acc>> series = new LinkedHashMap<>();

        Bench(String name, long line) {
            this.name = name;
            this.line = line;
        }
    }

    /** A growing series: scores by the benchmark's item index, NaN where not given. */
    private static final class Acc {
        double[] v = new double[0];
        int scored;
    }

    String format() {
        return formatUsed;
    }

    /** Reads the whole file; a bad file is a 400 naming its first bad lines, and nothing is kept. */
    ItemResultStore.Upload read(Uploads.Part file, String format) throws IOException {
        try (InputStream raw = file.open();
                BufferedInputStream in = new BufferedInputStream(raw, 1 << 16)) {
            String sniffed = Uploads.streamedFormat(in, file.field(), format, "send JSON Lines (one "
                    + "{model, benchmark, item, score} object per line) or CSV");
            formatUsed = sniffed;
            if ("csv".equals(sniffed)) {
                csv(new CsvRecords(in, "file"));
            } else {
                jsonLines(in);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidRows(errors);
        }
        if (cells == 0) {
            throw ProblemException.invalid("file", "no item results in the file (only a header?)");
        }
        List<ItemResultStore.BenchmarkItems> out = new ArrayList<>();
        for (Bench b : benchmarks.values()) {
            List<ItemResultStore.Series> series = new ArrayList<>();
            b.series.forEach((model, samples) -> samples.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> series.add(new ItemResultStore.Series(model, e.getKey(), e.getValue().v,
                            e.getValue().scored))));
            out.add(new ItemResultStore.BenchmarkItems(b.name, b.line, b.keys, b.subjects, series));
        }
        return new ItemResultStore.Upload(out, modelLines, cells);
    }

    private void csv(CsvRecords csv) {
        List<String> header = csv.next();
        if (header == null) {
            throw ProblemException.invalid("file", "the file is empty");
        }
        int[] column = new int[KNOWN.size()];
        Arrays.fill(column, -1);
        List<FieldError> bad = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            name = ALIASES.getOrDefault(name, name);
            int k = KNOWN.indexOf(name);
            if (k < 0) {
                bad.add(new FieldError("column '" + header.get(i).strip() + "'", 1L, "unknown column; known columns: "
                        + "model, benchmark, item, score, subject, sample"));
            } else if (column[k] >= 0) {
                bad.add(new FieldError(header.get(i).strip(), 1L, "column named twice"));
            } else {
                column[k] = i;
            }
        }
        for (int k = 0; k <= SCORE; k++) {
            if (column[k] < 0) {
                bad.add(new FieldError(KNOWN.get(k), 1L, "required column is missing from the header " + header));
            }
        }
        if (!bad.isEmpty()) {
            throw ProblemException.invalidRows(bad);
        }
        int needed = Arrays.stream(column).max().orElse(0) + 1;
        List<String> cellsOfLine;
        while (errors.size() < MAX_ERRORS && (cellsOfLine = csv.next()) != null) {
            long line = csv.line();
            if (cellsOfLine.size() < needed) {
                errors.add(new FieldError("row", line, "has " + cellsOfLine.size() + " cells, fewer than the header's "
                        + header.size()));
                continue;
            }
            String scoreText = cellsOfLine.get(column[SCORE]).strip();
            double score;
            try {
                score = scoreText.isEmpty() ? Double.NaN : Double.parseDouble(scoreText);
            } catch (NumberFormatException e) {
                errors.add(new FieldError("score", line, "not a number: '" + scoreText + "'"));
                continue;
            }
            Integer sample = null;
            if (column[SAMPLE] >= 0) {
                String s = cellsOfLine.get(column[SAMPLE]).strip();
                if (!s.isEmpty()) {
                    try {
                        sample = Integer.parseInt(s);
                    } catch (NumberFormatException e) {
                        errors.add(new FieldError("sample", line, "not an integer: '" + s + "'"));
                        continue;
                    }
                }
            }
            add(line, cellsOfLine.get(column[MODEL]), cellsOfLine.get(column[BENCHMARK]), cellsOfLine.get(column[ITEM]),
                    score, scoreText.isEmpty(), column[SUBJECT] < 0 ? null : cellsOfLine.get(column[SUBJECT]), sample);
        }
    }

    private void jsonLines(InputStream in) throws IOException {
        JsonParser p = new JsonFactory().createParser(in);
        while (errors.size() < MAX_ERRORS) {
            JsonToken t;
            long line = p.currentLocation().getLineNr();
            try {
                t = p.nextToken();
                if (t == null) {
                    return;
                }
                line = p.currentTokenLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    errors.add(new FieldError("row", line, "expected an object {model, benchmark, item, score}"));
                    return;
                }
                String model = null;
                String benchmark = null;
                String item = null;
                String subject = null;
                double score = Double.NaN;
                boolean scoreMissing = true;
                Integer sample = null;
                boolean ok = true;
                while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
                    String field = p.currentName();
                    t = p.nextToken();
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        p.skipChildren();
                        errors.add(new FieldError(field, line, "expected a single value, not an object or array"));
                        ok = false;
                        continue;
                    }
                    if (t == JsonToken.VALUE_NULL) {
                        continue;
                    }
                    switch (field) {
                        case "model" -> model = p.getText();
                        case "benchmark" -> benchmark = p.getText();
                        case "item" -> {
                            if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT) {
                                item = p.getText();
                            } else {
                                errors.add(new FieldError("item", line, "expected a string or an integer"));
                                ok = false;
                            }
                        }
                        case "subject" -> subject = p.getText();
                        case "score" -> {
                            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                                score = p.getDoubleValue();
                                scoreMissing = false;
                            } else if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                                score = t == JsonToken.VALUE_TRUE ? 1 : 0;
                                scoreMissing = false;
                            } else {
                                errors.add(new FieldError("score", line, "expected a number (or true/false), got '"
                                        + p.getText() + "'"));
                                ok = false;
                            }
                        }
                        case "sample" -> {
                            if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                                sample = p.getIntValue();
                            } else {
                                errors.add(new FieldError("sample", line, "expected an integer, got '" + p.getText() + "'"));
                                ok = false;
                            }
                        }
                        default -> {
                            errors.add(new FieldError(field, line, "unknown field; known fields: model, benchmark, item, "
                                    + "score, subject, sample"));
                            ok = false;
                        }
                    }
                }
                if (ok) {
                    add(line, model, benchmark, item, score, scoreMissing, subject, sample);
                }
            } catch (JsonProcessingException e) {
                errors.add(new FieldError("row", e.getLocation() == null ? line : (long) e.getLocation().getLineNr(),
                        "malformed JSON: " + e.getOriginalMessage()));
                return;
            }
        }
    }

    /** Checks one cell and stores it; a bad cell adds its errors (all of the line's fields). */
    private void add(long line, String model, String benchmark, String item, double score, boolean scoreMissing,
            String subject, Integer sample) {
        if ((line & 0xFFFF) == 0) {
            Workers.checkCancelled();
        }
        int before = errors.size();
        model = name(model, "model", 200, line);
        benchmark = name(benchmark, "benchmark", 200, line);
        item = name(item, "item", 500, line);
        if (subject != null) {
            subject = subject.strip();
            if (subject.isEmpty()) {
                subject = null;
            } else if (subject.length() > 200) {
                errors.add(new FieldError("subject", line, "longer than 200 characters"));
            } else if (StorableText.problem(subject) != null) {
                errors.add(new FieldError("subject", line, StorableText.problem(subject)));
            }
        }
        if (scoreMissing) {
            errors.add(new FieldError("score", line, "required"));
        } else if (!Double.isFinite(score)) {
            errors.add(new FieldError("score", line, "must be a finite number"));
        }
        if (sample != null && (sample < 0 || sample > MAX_SAMPLE)) {
            errors.add(new FieldError("sample", line, "must be between 0 and " + MAX_SAMPLE + ", got " + sample));
        }
        if (errors.size() > before) {
            return; // good lines after a bad one are still collected, to name duplicates among the first bad lines
        }
        int s = sample == null ? 0 : sample;
        Bench b = lastBench;
        if (b == null || !b.name.equals(benchmark)) {
            b = benchmarks.get(benchmark);
            if (b == null) {
                b = new Bench(benchmark, line);
                benchmarks.put(benchmark, b);
            }
            lastBench = b;
            lastAcc = null;
        }
        Integer at = b.index.get(item);
        if (at == null) {
            at = b.keys.size();
            b.index.put(item, at);
            b.keys.add(item);
            b.subjects.add(subject);
        } else if (subject != null) {
            String known = b.subjects.get(at);
            if (known == null) {
                b.subjects.set(at, subject);
            } else if (!known.equals(subject)) {
                errors.add(new FieldError("subject", line, "item '" + item + "' has subject '" + known
                        + "' on an earlier line"));
                return;
            }
        }
        Acc acc = lastAcc;
        if (acc == null || s != lastSample || !model.equals(lastModel)) {
            modelLines.putIfAbsent(model, line);
            acc = b.series.computeIfAbsent(model, k -> new HashMap<>()).computeIfAbsent(s, k -> new Acc());
            lastAcc = acc;
            lastModel = model;
            lastSample = s;
        }
        if (at >= acc.v.length) {
            int grown = Math.max(at + 1, Math.max(b.keys.size(), acc.v.length + (acc.v.length >> 1)));
            capacity += grown - acc.v.length;
            if (capacity > maxCells) {
                throw ProblemException.invalid("file", "more than " + maxCells + " cells (models x items x samples) "
                        + "in one file, the server's limit (augur.item-results.max-cells): split the file by benchmark "
                        + "or by model; nothing was stored");
            }
            int old = acc.v.length;
            acc.v = Arrays.copyOf(acc.v, grown);
            Arrays.fill(acc.v, old, grown, Double.NaN);
        }
        if (!Double.isNaN(acc.v[at])) {
            errors.add(new FieldError("item", line, "item '" + item + "' of model '" + model + "' (sample " + s
                    + ") is given twice"));
            return;
        }
        acc.v[at] = score;
        acc.scored++;
        cells++;
    }

    private String name(String s, String field, int max, long line) {
        if (s == null || s.isBlank()) {
            errors.add(new FieldError(field, line, "required"));
            return null;
        }
        String v = s.strip();
        if (v.length() > max) {
            errors.add(new FieldError(field, line, "longer than " + max + " characters"));
            return null;
        }
        String problem = StorableText.problem(v);
        if (problem != null) {
            errors.add(new FieldError(field, line, problem));
            return null;
        }
        return v;
    }
}
