package io.augur.platform.api;

import io.augur.platform.compute.ComputePool;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.List;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestMulti;

/**
 * Streamed exports: rows from a store cursor written as CSV (RFC 4180, a header line, cells quoted when they
 * hold a comma, a quote or a line break) or JSON Lines (one object per line), in chunks of
 * {@value #ROWS_PER_CHUNK} rows, so the response is sent chunk by chunk as the cursor is read and never held
 * whole. Each chunk is formatted on the compute pool, one after the other, not on the event loop the cursor
 * delivers on. A cell is a String, a Number, a Boolean or null (empty in CSV, null in JSON).
 */
public final class Exports {

    public static final int ROWS_PER_CHUNK = 8192;
    public static final String CSV = "text/csv";
    public static final String JSON_LINES = "application/x-ndjson";

    private Exports() {
    }

    /**
     * {@code format} csv (default) or jsonl; {@code cells} gives each row's cells in {@code columns}' order.
     * {@code precondition} runs before the status line is written, so its failure (a 404) is answered as a
     * problem; a failure once rows are flowing can only cut the response short.
     */
    public static <T> RestMulti<String> of(ComputePool compute, Uni<?> precondition, Multi<T> rows, String format,
            List<String> columns, Function<T, Object[]> cells) {
        boolean jsonl = "jsonl".equals(format);
        Multi<String> body = rows.group().intoLists().of(ROWS_PER_CHUNK).onItem().transformToUniAndConcatenate(list ->
                compute.submit(() -> {
                    StringBuilder sb = new StringBuilder(list.size() * 64);
                    for (T row : list) {
                        Object[] c = cells.apply(row);
                        if (jsonl) {
                            json(sb, columns, c);
                        } else {
                            csv(sb, c);
                        }
                    }
                    return sb.toString();
                }));
        if (!jsonl) {
            StringBuilder header = new StringBuilder();
            csv(header, columns.toArray());
            body = Multi.createBy().concatenating().streams(Multi.createFrom().item(header.toString()), body);
        }
        Multi<String> data = body;
        Map<String, List<String>> headers = Map.of("Content-Type", List.of(jsonl ? JSON_LINES : CSV + "; charset=UTF-8"));
        return RestMulti.fromUniResponse(precondition.replaceWith(Boolean.TRUE), ok -> data, ok -> headers, ok -> 200);
    }

    private static void csv(StringBuilder sb, Object[] cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object v = cells[i];
            if (v == null) {
                continue;
            }
            String s = v.toString();
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                sb.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(s);
            }
        }
        sb.append('\n');
    }

    private static void json(StringBuilder sb, List<String> columns, Object[] cells) {
        sb.append('{');
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            string(sb, columns.get(i));
            sb.append(": ");
            Object v = cells[i];
            if (v == null) {
                sb.append("null");
            } else if (v instanceof Number n) {
                if (n instanceof Double d && !Double.isFinite(d)) {
                    sb.append("null");
                } else {
                    sb.append(n);
                }
            } else if (v instanceof Boolean b) {
                sb.append(b);
            } else {
                string(sb, v.toString());
            }
        }
        sb.append("}\n");
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
