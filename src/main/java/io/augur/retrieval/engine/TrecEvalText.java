package io.augur.retrieval.engine;

import io.augur.retrieval.engine.measure.ValueKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * trec_eval's text output, byte for byte: each line is {@code printf("%-22s\t%s\t%6.4f\n")} for
 * floats (so NaN prints as "  -nan", padded to the field width), {@code %ld} for counts, {@code '%s'} (quoted) for relstring and the bare run id for runid;
 * per-query lines first (with -q), then the summary lines with query "all" (unless -n).
 */
public final class TrecEvalText {

    private TrecEvalText() {
    }

    public static String format(EvaluationResult result) {
        StringBuilder sb = new StringBuilder(4096);
        try {
            write(result, new Writer() {
                @Override
                public void write(char[] cbuf, int off, int len) {
                    sb.append(cbuf, off, len);
                }

                @Override
                public void write(String str) {
                    sb.append(str);
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    /** Streams the text to a writer (for large -q outputs). */
    public static void write(EvaluationResult result, Writer out) throws IOException {
        if (result.options().perQuery()) {
            for (QueryEvaluation q : result.queries()) {
                for (MeasureValue v : q.values()) {
                    out.write(line(v, q.queryId()));
                }
            }
        }
        if (result.options().summary()) {
            for (MeasureValue v : result.summary()) {
                out.write(line(v, "all"));
            }
        }
    }

    static String line(MeasureValue v, String query) {
        StringBuilder sb = new StringBuilder(48);
        sb.append(v.name());
        for (int i = v.name().length(); i < 22; i++) {
            sb.append(' ');
        }
        sb.append('\t').append(query).append('\t');
        ValueKind k = v.kind();
        switch (k) {
            case FLOAT -> sb.append(CFormat.fixed(v.value(), 6, 4));
            case COUNT -> sb.append((long) v.value());
            case TEXT -> sb.append('\'').append(v.text()).append('\'');
            case RUNID -> sb.append(v.text());
        }
        return sb.append('\n').toString();
    }
}
