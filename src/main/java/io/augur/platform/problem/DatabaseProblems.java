package io.augur.platform.problem;

import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a database failure means to the client, read from the failure's cause chain (Hibernate Reactive
 * wraps PostgreSQL's error as a {@link SQLException}; the Vert.x client raises {@link PgException}):
 * <ul>
 * <li>23505 unique violation: 409 naming the column (a concurrent create or rename took the name first);</li>
 * <li>23503 foreign-key violation: 409 (the referenced row was deleted meanwhile);</li>
 * <li>22021 / 22P05 text PostgreSQL cannot store (NUL, bad escapes), 22008 date out of range, 22001, 22003,
 * 22P02, 23502, 23514: 400, naming the column when PostgreSQL reports it;</li>
 * <li>class 08 (connection), 57P01-57P03 (shutdown, starting up), 53300 (too many connections), 40001 /
 * 40P01 (serialization failure, deadlock), a refused or closed connection, a pool timeout: 503 with
 * Retry-After, because a retry will succeed once the database is back.</li>
 * </ul>
 * SQLSTATE codes: PostgreSQL manual, Appendix A "PostgreSQL Error Codes".
 */
public final class DatabaseProblems {

    /** Seconds a client should wait before retrying while the database is unavailable. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private static final Pattern KEY = Pattern.compile("Key \\(([^)]+)\\)=");
    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");
    private static final Pattern UNIQUE = Pattern.compile("^[a-z0-9]+_(.+)_(unique|key)$");

    private DatabaseProblems() {
    }

    /** The problem a database failure stands for, or null when {@code e} is not one. */
    public static ProblemException classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemException p) {
                return p;
            }
            if (t instanceof PgException pg) {
                return fromState(pg.getSqlState(), pg.getConstraint(), pg.getColumn(), pg.getDetail());
            }
        }
        String constraint = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException c && c.getConstraintName() != null) {
                constraint = c.getConstraintName();
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                if (constraint == null && sql.getMessage() != null) {
                    Matcher m = CONSTRAINT.matcher(sql.getMessage());
                    constraint = m.find() ? m.group(1) : null;
                }
                // the message names the constraint, which gives the field; it is not shown (it is the database's text)
                ProblemException p = fromState(sql.getSQLState(), constraint, null, null);
                if (p != null) {
                    return p;
                }
            }
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (unreachable(t)) {
                return unavailable();
            }
        }
        return null;
    }

    /** 503: the database cannot be reached right now. */
    public static ProblemException unavailable() {
        return new ProblemException(503, "/problems/database-unavailable", "Database unavailable",
                "the database is not reachable right now; nothing was changed by this request, retry after "
                        + RETRY_AFTER_SECONDS + " s",
                null, null);
    }

    /** {@code detail} is PostgreSQL's detail line ("Key (name)=(x) already exists."), read only for the field. */
    private static ProblemException fromState(String state, String constraint, String column, String detail) {
        if (state == null) {
            return null;
        }
        String field = fieldOf(constraint, column, detail);
        return switch (state) {
            case "23505" -> ProblemException.conflict(field,
                    (field == null ? "a value" : field) + ": already taken by another stored resource (a concurrent"
                            + " request may have just stored it); choose another or update the stored one");
            case "23503" -> ProblemException.conflict(field,
                    "a referenced resource was deleted or does not exist (a concurrent request may have removed it)");
            case "22021", "22P05" -> invalid(field, "contains text the database cannot store (a NUL character"
                    + " U+0000 or an invalid escape)");
            case "22008" -> invalid(field, "date or time out of the supported range (years 1 to 9999)");
            case "22001" -> invalid(field, "text longer than the column allows");
            case "22003" -> invalid(field, "number out of the supported range");
            case "22P02" -> invalid(field, "invalid value for its type");
            case "23502" -> invalid(field, "is required");
            case "23514" -> invalid(field, "outside the allowed values (for example a count below zero)");
            case "53300", "57P01", "57P02", "57P03", "40001", "40P01" -> unavailable();
            default -> state.startsWith("08") ? unavailable() : null;
        };
    }

    private static ProblemException invalid(String field, String reason) {
        String f = field == null ? "body" : field;
        return new ProblemException(400, "/problems/invalid-input", "Invalid input", f + ": " + reason, f,
                List.of(new Problem.FieldError(f, null, reason)));
    }

    /** The client's name of the column a constraint or error is about: {@code model_name_unique} to {@code name}. */
    static String fieldOf(String constraint, String column, String detail) {
        String snake = column;
        if (snake == null && detail != null) {
            Matcher m = KEY.matcher(detail);
            if (m.find()) {
                snake = m.group(1);
            }
        }
        if (snake == null && constraint != null) {
            Matcher m = UNIQUE.matcher(constraint.toLowerCase(Locale.ROOT));
            if (m.find()) {
                snake = m.group(1);
            }
        }
        if (snake == null || snake.contains(",")) {
            return snake == null ? null : camel(snake.replace(" ", ""));
        }
        return camel(snake.strip());
    }

    private static String camel(String snake) {
        StringBuilder sb = new StringBuilder(snake.length());
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    /**
     * A database connection the pool could not open, lost, or waited too long for. The HTTP side's own
     * closed connections (a client that went away, io.vertx.core.http) are not the database's.
     */
    private static boolean unreachable(Throwable t) {
        String name = t.getClass().getName();
        if (name.startsWith("io.vertx.core.http") || name.startsWith("io.netty.handler.codec.http")) {
            return false;
        }
        if (t instanceof ConnectException || t instanceof io.vertx.sqlclient.ClosedConnectionException
                || t instanceof io.netty.channel.ConnectTimeoutException || t instanceof java.net.NoRouteToHostException) {
            return true;
        }
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        boolean database = name.startsWith("io.vertx.sqlclient") || name.startsWith("io.vertx.pgclient")
                || name.startsWith("org.hibernate.reactive");
        boolean vertx = name.startsWith("io.vertx.core");
        // a reset read from the database's socket surfaces as a bare SocketException (seen during a restart)
        boolean socket = t instanceof java.net.SocketException;
        // a query on a connection that closed under it: the SQL client's SocketConnectionBase fails it with a bare
        // io.vertx.core NoStackTraceThrowable "Connection is not active now, current status: CLOSED"
        return (database || vertx || socket) && (message.contains("connection refused") || message.contains("connection reset"))
                || database && (message.contains("closed") || message.contains("timeout"))
                || vertx && message.startsWith("connection is not active now")
                || vertx && t instanceof TimeoutException;
    }
}
