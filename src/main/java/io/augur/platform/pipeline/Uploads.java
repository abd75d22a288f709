package io.augur.platform.pipeline;

import io.augur.platform.problem.ProblemException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Step 1 of the pipeline for uploaded files: a multipart part, spooled to a temporary file by the HTTP
 * layer within {@code augur.http.upload-max-body-size}, is opened as a stream to be parsed in one pass on
 * the compute pool, never held whole in memory. A gzip file is recognised by the part's
 * {@code Content-Encoding: gzip} header or by its magic bytes (1f 8b) and inflated as it is read; a truncated
 * or corrupt gzip stream is a 400 problem naming the part, whatever the parser had read so far. Also the
 * form-field parsers of the upload operations (a bad value is a 400 naming the field).
 */
public final class Uploads {

    private Uploads() {
    }

    /**
     * An uploaded file part, checked: its name (for problems), where the HTTP layer spooled it, and whether the
     * part declares gzip. {@link #open()} reads it, on the compute pool.
     */
    public record Part(String field, Path file, boolean gzip) {

        /** The file as a stream, gzip inflated (declared, or by its magic bytes); read errors are 400s naming the part. */
        public InputStream open() {
            return Uploads.open(field, file, gzip);
        }
    }

    /** The uploaded file of part {@code field}; a missing part is a 400 naming it. */
    public static Part part(String field, FileUpload upload) {
        if (upload == null || upload.uploadedFile() == null) {
            throw ProblemException.invalid(field, "missing: send the file as a multipart part named '" + field
                    + "' (with a filename)");
        }
        return new Part(field, upload.uploadedFile(), declaresGzip(upload));
    }

    /**
     * The format of a text upload by its first non-blank byte (after a UTF-8 byte order mark): "json" for '[' (a
     * list), "jsonl" for '{', otherwise "csv"; null when the file is empty (or blank). The stream is left where it
     * was (mark and reset).
     */
    public static String sniffFormat(BufferedInputStream in) throws IOException {
        in.mark(4096);
        try {
            for (int i = 0; i < 4096; i++) {
                int c = in.read();
                if (c < 0) {
                    return null;
                }
                if (c == 0xEF || c == 0xBB || c == 0xBF || c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                    continue;
                }
                return c == '[' ? "json" : c == '{' ? "jsonl" : "csv";
            }
            return "csv";
        } finally {
            in.reset();
        }
    }

    /**
     * The format of a file streamed row by row, CSV or JSON Lines ({@link #sniffFormat}): an empty file is a 400
     * naming {@code field}, a JSON list a 400 naming "format" ({@code jsonListHint} says what to send instead), and
     * so is a file whose first character contradicts the {@code declared} format (null: none declared).
     */
    public static String streamedFormat(BufferedInputStream in, String field, String declared, String jsonListHint)
            throws IOException {
        String sniffed = sniffFormat(in);
        if (sniffed == null) {
            throw ProblemException.invalid(field, "the file is empty");
        }
        if ("json".equals(sniffed)) {
            throw ProblemException.invalid("format", "a JSON list is not streamed here: " + jsonListHint);
        }
        if (declared != null && !declared.equals(sniffed)) {
            throw ProblemException.invalid("format", "the file looks like " + sniffed + " (its first character), "
                    + "not " + declared + "; send one format per file");
        }
        return sniffed;
    }

    /** True when the part says it is gzip (Content-Encoding or Content-Type). */
    private static boolean declaresGzip(FileUpload upload) {
        String type = upload.contentType() == null ? "" : upload.contentType().toLowerCase(Locale.ROOT);
        String encoding = upload.getHeaders() == null ? null : upload.getHeaders().getFirst("Content-Encoding");
        return type.contains("gzip") || encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip");
    }

    /**
     * Opens the file as a stream, inflating gzip ({@code gzip} true, or magic bytes). Read errors, including a
     * truncated gzip stream, surface as 400 problems naming {@code field}. Call on the compute pool.
     */
    private static InputStream open(String field, Path file, boolean gzip) {
        try {
            BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            boolean magic = b0 == 0x1f && b1 == 0x8b;
            if (gzip && !magic && b0 >= 0) {
                in.close();
                throw ProblemException.invalid(field, "the part says gzip (Content-Encoding or Content-Type) but the "
                        + "file does not start with gzip's magic bytes 1f 8b");
            }
            if (magic) {
                return new Checked(field, new GZIPInputStream(in, 1 << 16), true);
            }
            return new Checked(field, in, false);
        } catch (EOFException | ZipException e) {
            throw corrupt(field, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProblemException corrupt(String field, IOException e) {
        return ProblemException.invalid(field, "truncated or corrupt gzip stream (" + e.getMessage()
                + "); nothing was stored");
    }

    /** Maps read errors to 400 problems naming the part. */
    private static final class Checked extends FilterInputStream {
        private final String field;
        private final boolean gzip;

        Checked(String field, InputStream in, boolean gzip) {
            super(in);
            this.field = field;
            this.gzip = gzip;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (EOFException | ZipException e) {
                if (gzip) {
                    throw corrupt(field, e);
                }
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (EOFException | ZipException e) {
                if (gzip) {
                    throw corrupt(field, e);
                }
                throw e;
            }
        }
    }

    /** A form field as a boolean (true/false), or null when absent or blank. */
    public static Boolean bool(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(field, "expected true or false, got '" + value.strip() + "'");
        };
    }

    /** A form field as a switch: true or false, false when absent or blank. */
    public static boolean flag(String field, String value) {
        return Boolean.TRUE.equals(bool(field, value));
    }

    /** A form field as an integer within [min, max], or null when absent or blank. */
    public static Long integer(String field, String value, long min, long max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        long v;
        try {
            v = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "expected an integer, got '" + value.strip() + "'");
        }
        if (v < min || v > max) {
            throw ProblemException.invalid(field, "must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }

    /** A form field as a finite number within (or at) the bounds, or null when absent or blank. */
    public static Double number(String field, String value, double min, boolean minInclusive, double max,
            boolean maxInclusive) {
        if (value == null || value.isBlank()) {
            return null;
        }
        double v;
        try {
            v = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "expected a number, got '" + value.strip() + "'");
        }
        if (!Double.isFinite(v) || v < min || v > max || !minInclusive && v == min || !maxInclusive && v == max) {
            throw ProblemException.invalid(field, "must be in " + (minInclusive ? "[" : "(") + min + ", " + max
                    + (maxInclusive ? "]" : ")") + ", got " + value.strip());
        }
        return v;
    }

    /** A form field as one of the allowed words, or null when absent or blank. */
    public static String choice(String field, String value, String... allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        for (String a : allowed) {
            if (a.equals(v)) {
                return v;
            }
        }
        throw ProblemException.invalid(field, "must be one of " + String.join(", ", allowed) + ", got '" + v + "'");
    }
}
