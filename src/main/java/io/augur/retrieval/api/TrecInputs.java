package io.augur.retrieval.api;

import io.augur.platform.problem.Problem;
import io.augur.platform.problem.ProblemException;
import io.augur.retrieval.engine.Qrels;
import io.augur.retrieval.engine.TrecEval;
import io.augur.retrieval.engine.TrecEvalOptions;
import io.augur.stats.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plumbing between the API's inputs and the retrieval engine: TREC text from strings, uploaded files
 * or JSON arrays; trec_eval options from request fields; and engine errors such as
 * {@code run line 1042} turned into problems that name the request field and the line.
 */
final class TrecInputs {

    private static final Pattern LINE = Pattern.compile("^(run|qrels) line (\\d+)$");

    private TrecInputs() {
    }

    /** Where an engine input came from, to name it in errors. */
    record Source(String field, boolean array) {
        static Source text(String field) {
            return new Source(field, false);
        }

        static Source array(String field) {
            return new Source(field, true);
        }
    }

    /** Parses qrels from an uploaded file (gzip detected by content). */
    static Qrels qrels(Path file, Source source) {
        return translate(source, null, () -> TrecEval.readQrels(file));
    }

    /** Parses qrels from TREC text. */
    static Qrels qrels(String text, Source source) {
        return translate(source, null, () -> Qrels.parse(bytes(text)));
    }

    /** TREC qrels text from judgments: one "query 0 doc relevance" line each. */
    static String qrelsText(List<TrecEvaluationRequest.Judgment> judgments) {
        StringBuilder sb = new StringBuilder(judgments.size() * 24);
        for (TrecEvaluationRequest.Judgment j : judgments) {
            sb.append(j.query()).append(" 0 ").append(j.doc()).append(' ').append(j.relevance()).append('\n');
        }
        return sb.toString();
    }

    /** TREC run text from results: one "query Q0 doc rank score tag" line each. */
    static String runText(List<TrecEvaluationRequest.Result> results) {
        StringBuilder sb = new StringBuilder(results.size() * 40);
        for (int i = 0; i < results.size(); i++) {
            TrecEvaluationRequest.Result r = results.get(i);
            sb.append(r.query()).append(" Q0 ").append(r.doc()).append(' ')
                    .append(r.rank() == null ? i + 1 : r.rank()).append(' ').append(r.score()).append(' ')
                    .append(r.tag() == null ? "run" : r.tag()).append('\n');
        }
        return sb.toString();
    }

    static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Runs an engine call, renaming the engine's input errors to the request's terms: "run line 7"
     * becomes field {@code run} (or {@code results[6]} for a JSON array) with the line in the detail and
     * as the error's row; an unreadable (e.g. corrupt gzip) file becomes a 400 on its field.
     */
    static <T> T translate(Source qrels, Source run, Callable<T> call) {
        try {
            return call.call();
        } catch (InvalidInputException e) {
            throw rename(e, qrels, run);
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause(), qrels, run);
        } catch (IOException e) {
            throw unreadable(e, qrels, run);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException unreadable(IOException e, Source qrels, Source run) {
        // which input failed is not known here; name the file being read (the run, when qrels were read already)
        Source s = run != null ? run : qrels;
        String field = s == null ? "body" : s.field();
        return ProblemException.invalid(field, "the file could not be read (" + e.getMessage()
                + "); expected TREC text, optionally gzip-compressed");
    }

    static RuntimeException rename(InvalidInputException e, Source qrels, Source run) {
        Matcher m = LINE.matcher(e.field());
        if (m.matches()) {
            Source s = m.group(1).equals("run") ? run : qrels;
            if (s == null) {
                return e;
            }
            long line = Long.parseLong(m.group(2));
            if (s.array()) {
                String field = s.field() + "[" + (line - 1) + "]";
                return new ProblemException(400, "/problems/invalid-input", "Invalid input", field + ": " + e.reason(),
                        field, List.of(new Problem.FieldError(field, line, e.reason())));
            }
            String detail = s.field() + " line " + line + ": " + e.reason();
            return new ProblemException(400, "/problems/invalid-input", "Invalid input", detail, s.field(),
                    List.of(new Problem.FieldError(s.field(), line, e.reason())));
        }
        if (e.field().equals("run") && run != null) {
            return ProblemException.invalid(run.field(), e.reason());
        }
        if (e.field().equals("qrels") && qrels != null) {
            return ProblemException.invalid(qrels.field(), e.reason());
        }
        return e;
    }

    /** trec_eval options from request fields; null means trec_eval's default. */
    static TrecEvalOptions options(List<String> measures, Boolean perQuery, Boolean complete, Integer relevanceLevel,
            Long maxDocs, Boolean judgedOnly, Long numDocsInCollection, Boolean summary) {
        List<String> m = new ArrayList<>();
        if (measures != null) {
            for (int i = 0; i < measures.size(); i++) {
                String s = measures.get(i);
                if (s == null || s.isBlank()) {
                    throw ProblemException.invalid("measures[" + i + "]", "must not be blank");
                }
                for (String part : s.strip().split("\\s+")) {
                    m.add(part);
                }
            }
        }
        if (relevanceLevel != null && (relevanceLevel > Qrels.MAX_RELEVANCE || relevanceLevel < -Qrels.MAX_RELEVANCE)) {
            throw ProblemException.invalid("relevanceLevel", "must be between " + -Qrels.MAX_RELEVANCE + " and "
                    + Qrels.MAX_RELEVANCE + ", was " + relevanceLevel);
        }
        if (maxDocs != null && maxDocs <= 0) {
            throw ProblemException.invalid("maxDocs", "must be positive, was " + maxDocs);
        }
        if (numDocsInCollection != null && numDocsInCollection < 0) {
            throw ProblemException.invalid("numDocsInCollection", "must be zero or positive");
        }
        return new TrecEvalOptions(Boolean.TRUE.equals(perQuery), Boolean.TRUE.equals(complete),
                relevanceLevel == null ? 1 : relevanceLevel, maxDocs == null ? Long.MAX_VALUE : maxDocs, m,
                Boolean.TRUE.equals(judgedOnly), numDocsInCollection == null ? 0 : numDocsInCollection,
                summary == null || summary);
    }

    // multipart form fields arrive as text: parsed here so that a bad value is a 400 naming the field

    static Boolean bool(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase()) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ProblemException.invalid(field, "expected true or false, got '" + value + "'");
        };
    }

    static Long integer(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "expected an integer, got '" + value + "'");
        }
    }

    static Integer int32(String field, String value) {
        Long v = integer(field, value);
        if (v == null) {
            return null;
        }
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw ProblemException.invalid(field, "out of range: " + value);
        }
        return v.intValue();
    }

    static Double number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(value.strip());
            if (!Double.isFinite(d)) {
                throw ProblemException.invalid(field, "must be a finite number (not NaN or Infinity)");
            }
            return d;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "expected a number, got '" + value + "'");
        }
    }

    /** A finite double, or null (JSON has no NaN or Infinity). */
    static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
