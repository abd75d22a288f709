package io.augur.platform.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtLogRecord;

/**
 * One JSON object per log line: timestamp, level, logger, thread, message, MDC entries and the stack
 * trace of an exception, for log collectors. Written here because quarkus-logging-json is not
 * published for the pinned Quarkus version and jboss-logmanager's JsonFormatter needs JSON-P on the
 * boot class path.
 */
public class JsonLogFormatter extends ExtFormatter {

    @Override
    public String format(ExtLogRecord record) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"timestamp\":\"").append(Instant.ofEpochMilli(record.getMillis())).append('"');
        field(sb, "level", record.getLevel().getName());
        field(sb, "logger", record.getLoggerName());
        field(sb, "thread", record.getThreadName());
        field(sb, "message", formatMessage(record));
        Map<String, String> mdc = record.getMdcCopy();
        if (mdc != null) {
            mdc.forEach((k, v) -> field(sb, k, v));
        }
        Throwable t = record.getThrown();
        if (t != null) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            field(sb, "exception", trace.toString());
        }
        return sb.append("}\n").toString();
    }

    private static void field(StringBuilder sb, String name, String value) {
        if (value == null) {
            return;
        }
        sb.append(",\"");
        escape(sb, name);
        sb.append("\":\"");
        escape(sb, value);
        sb.append('"');
    }

    /** JSON string escaping (RFC 8259 section 7). */
    static void escape(StringBuilder sb, String s) {
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
    }
}
