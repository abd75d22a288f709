package io.augur.evaluation.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.augur.evaluation.store.EvaluationStore;
import io.augur.platform.pipeline.CsvRecords;
import io.augur.platform.pipeline.Uploads;
import io.augur.platform.problem.Problem.FieldError;
import io.augur.platform.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Result files as the tools that make them write them, turned into evaluation rows (model, benchmark,
 * metric, seed, value, stdError). Each reader names the file, the key or the line of anything it cannot
 * read. The files are results summaries (kilobytes to a few megabytes), read whole on the compute pool.
 */
final class ResultFiles {

    private ResultFiles() {
    }

    /**
     * lm-evaluation-harness results JSON (v0.4): {@code results -> task -> "metric,filter": value} with
     * {@code "metric_stderr,filter"} beside each metric ("N/A" when the harness had none). The metric is stored
     * as its name, with the filter appended after a slash unless it is "none" ({@code exact_match/strict-match}).
     * The model is {@code model} when given, else the file's {@code model_name}, else {@code pretrained=} of
     * {@code config.model_args}. Non-numeric entries (alias, samples) are skipped.
     */
    static List<EvaluationStore.Row> lmEvalHarness(ObjectMapper json, Uploads.Part file, String model)
            throws IOException {
        String field = file.field();
        JsonNode root;
        try (InputStream in = file.open()) {
            root = json.readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ProblemException.invalid(field, "not JSON (line " + e.getLocation().getLineNr() + "): "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.path("results").isObject()) {
            throw ProblemException.invalid(field + ".results", "missing: an lm-evaluation-harness results file has "
                    + "\"results\": {task: {\"acc,none\": ..., \"acc_stderr,none\": ...}}");
        }
        String name = model;
        if (name == null || name.isBlank()) {
            name = root.path("model_name").asText(null);
        }
        if (name == null || name.isBlank()) {
            Matcher m = Pattern.compile("(?:^|,)pretrained=([^,]+)").matcher(root.path("config").path("model_args").asText(""));
            name = m.find() ? m.group(1) : null;
        }
        if (name == null || name.isBlank()) {
            throw ProblemException.invalid("model", field + " names no model (no model_name, no pretrained= in "
                    + "config.model_args); give the form field model");
        }
        List<EvaluationStore.Row> rows = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> tasks = root.get("results").fields();
        while (tasks.hasNext()) {
            Map.Entry<String, JsonNode> task = tasks.next();
            Iterator<Map.Entry<String, JsonNode>> metrics = task.getValue().fields();
            while (metrics.hasNext()) {
                Map.Entry<String, JsonNode> m = metrics.next();
                String key = m.getKey();
                int comma = key.indexOf(',');
                String metric = comma < 0 ? key : key.substring(0, comma);
                String filter = comma < 0 ? "none" : key.substring(comma + 1);
                if (metric.endsWith("_stderr") || !m.getValue().isNumber()) {
                    continue;
                }
                JsonNode se = task.getValue().get(metric + "_stderr" + (comma < 0 ? "" : "," + filter));
                Double stdError = se != null && se.isNumber() && Double.isFinite(se.asDouble()) && se.asDouble() >= 0
                        ? se.asDouble() : null;
                double value = m.getValue().asDouble();
                if (!Double.isFinite(value)) {
                    throw ProblemException.invalid(field + ".results." + task.getKey() + "." + key, "not a finite number");
                }
                rows.add(new EvaluationStore.Row(rows.size() + 1L, name.strip(), task.getKey(),
                        "none".equals(filter) ? metric : metric + "/" + filter, null, null, value, stdError, null, null));
            }
        }
        if (rows.isEmpty()) {
            throw ProblemException.invalid(field + ".results", "no numeric metric in the results");
        }
        return rows;
    }

    /**
     * rliable's score dictionary, {@code {algorithm: [[run 1 task scores], [run 2 task scores], ...]}} (runs x
     * tasks, as rliable's {@code score_dict} holds them), with the task names given in order (rliable keeps them
     * apart): each score becomes an evaluation of model = algorithm, benchmark = task, seed = run index (from 0).
     */
    static List<EvaluationStore.Row> rliable(ObjectMapper json, Uploads.Part file, List<String> tasks, String metric)
            throws IOException {
        String field = file.field();
        JsonNode root;
        try (InputStream in = file.open()) {
            root = json.readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ProblemException.invalid(field, "not JSON (line " + e.getLocation().getLineNr() + "): "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw ProblemException.invalid(field, "expected {algorithm: [[scores of run 1 per task], ...]}");
        }
        List<EvaluationStore.Row> rows = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> algorithms = root.fields();
        while (algorithms.hasNext()) {
            Map.Entry<String, JsonNode> a = algorithms.next();
            JsonNode runs = a.getValue();
            String at = field + "." + a.getKey();
            if (!runs.isArray() || runs.isEmpty()) {
                throw ProblemException.invalid(at, "expected a runs x tasks array");
            }
            for (int r = 0; r < runs.size(); r++) {
                JsonNode run = runs.get(r);
                if (!run.isArray() || run.size() != tasks.size()) {
                    throw ProblemException.invalid(at + "[" + r + "]", "expected " + tasks.size() + " task scores (one per "
                            + "task name), got " + (run.isArray() ? run.size() : run.getNodeType().name().toLowerCase(Locale.ROOT)));
                }
                for (int t = 0; t < run.size(); t++) {
                    JsonNode v = run.get(t);
                    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                        errors.add(new FieldError(at + "[" + r + "][" + t + "]", null, "not a finite number"));
                        continue;
                    }
                    rows.add(new EvaluationStore.Row(rows.size() + 1L, a.getKey(), tasks.get(t), metric, (long) r, null,
                            v.asDouble(), null, null, null));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidRows(errors.subList(0, Math.min(errors.size(), EvaluationFiles.MAX_ERRORS)));
        }
        return rows;
    }

    /** A wide table's model attribute columns, recognised by name, with their units. */
    record Attributes(int parameters, double parametersUnit, int tokens, double tokensUnit, int compute,
            double computeUnit) {
    }

    private static final Pattern UNIT = Pattern.compile("\\(\\s*(?:in\\s+)?([0-9.eE+]*)\\s*([a-zA-Z]*)\\s*[a-zA-Z ]*\\)");

    /**
     * The multiplier of a unit written in a column header: {@code (B)} 1e9, {@code (M)} 1e6, {@code (T)} 1e12,
     * {@code (K)} 1e3, {@code (1e21 FLOPs)} 1e21, {@code (1e21)}, none 1.
     */
    static double unit(String header) {
        Matcher m = UNIT.matcher(header);
        if (!m.find()) {
            return 1;
        }
        double factor = m.group(1).isEmpty() ? 1 : Double.parseDouble(m.group(1));
        String letter = m.group(2).toUpperCase(Locale.ROOT);
        double scale = switch (letter) {
            case "K" -> 1e3;
            case "M" -> 1e6;
            case "B", "G" -> 1e9;
            case "T" -> 1e12;
            default -> 1;
        };
        return factor * scale;
    }

    /** Result of reading a wide table: the model attributes and the evaluation rows. */
    record Wide(List<ModelInput> models, List<EvaluationStore.Row> rows) {
    }

    /**
     * A wide table, one row per model (Open LLM Leaderboard, HELM): a model column ({@code model},
     * {@code Model}, {@code fullname}, {@code eval_name}), optional attribute columns ({@code #Params (B)},
     * {@code Params (B)}, {@code parameters}; {@code Tokens (T)}, {@code training tokens}; {@code FLOPs (1e21)},
     * {@code compute}) converted by the unit in their header, columns in {@code ignore} skipped, and every other
     * column a benchmark whose numeric cells are evaluations ({@code metric}); an empty cell or "-" is no
     * evaluation. A non-numeric benchmark cell is a 400 naming its line and column.
     */
    static Wide wide(InputStream in, String field, String metric, List<String> ignore) {
        CsvRecords csv = new CsvRecords(in, field);
        List<String> header = csv.next();
        if (header == null) {
            throw ProblemException.invalid(field, "the file is empty");
        }
        int model = -1;
        int params = -1;
        int tokens = -1;
        int compute = -1;
        List<Integer> benchmarks = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).strip();
            String l = h.toLowerCase(Locale.ROOT).replace("#", "").strip();
            if (model < 0 && (l.equals("model") || l.equals("fullname") || l.equals("eval_name") || l.equals("model name"))) {
                model = i;
            } else if (l.startsWith("params") || l.startsWith("parameters") || l.startsWith("model size")) {
                params = i;
            } else if (l.startsWith("tokens") || l.startsWith("training tokens") || l.startsWith("dataset size")) {
                tokens = i;
            } else if (l.startsWith("flops") || l.startsWith("compute") || l.startsWith("training flop")
                    || l.startsWith("training compute")) {
                compute = i;
            } else if (!ignore.contains(h) && !h.isEmpty()) {
                benchmarks.add(i);
            }
        }
        if (model < 0) {
            throw ProblemException.invalid(field + " header", "no model column (model, Model, fullname or eval_name) in "
                    + header);
        }
        double pu = params < 0 ? 1 : unit(header.get(params));
        double tu = tokens < 0 ? 1 : unit(header.get(tokens));
        double cu = compute < 0 ? 1 : unit(header.get(compute));
        List<ModelInput> models = new ArrayList<>();
        List<EvaluationStore.Row> rows = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Map<String, Long> seen = new java.util.HashMap<>();
        for (List<String> cells = csv.next(); cells != null; cells = csv.next()) {
            long line = csv.line();
            String name = cell(cells, model);
            if (name == null) {
                errors.add(new FieldError(header.get(model), line, "missing model name"));
                continue;
            }
            Long first = seen.putIfAbsent(name, line);
            if (first != null) {
                errors.add(new FieldError(header.get(model), line, "model '" + name + "' is also on line " + first));
                continue;
            }
            Double p = number(cells, params, pu, header, line, errors);
            Double t = number(cells, tokens, tu, header, line, errors);
            Double c = number(cells, compute, cu, header, line, errors);
            models.add(new ModelInput(name, null, p == null ? null : Math.round(p), t, c, null, null));
            for (int b : benchmarks) {
                Double v = number(cells, b, 1, header, line, errors);
                if (v != null) {
                    rows.add(new EvaluationStore.Row(line, name, header.get(b).strip(), metric, null, null, v, null,
                            null, null));
                }
            }
            if (errors.size() >= EvaluationFiles.MAX_ERRORS) {
                break;
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidRows(errors);
        }
        return new Wide(models, rows);
    }

    private static String cell(List<String> cells, int i) {
        if (i < 0 || i >= cells.size()) {
            return null;
        }
        String s = cells.get(i).strip();
        return s.isEmpty() || s.equals("-") || s.equalsIgnoreCase("nan") ? null : s;
    }

    private static Double number(List<String> cells, int i, double unit, List<String> header, long line,
            List<FieldError> errors) {
        String s = cell(cells, i);
        if (s == null) {
            return null;
        }
        try {
            double v = Double.parseDouble(s.replace("_", "")) * unit;
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(header.get(i).strip(), line, "not a number: '" + s + "'"));
            return null;
        }
    }
}
