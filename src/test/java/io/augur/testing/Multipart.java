package io.augur.testing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/** What the upload tests share: a file part with form fields, a gzip of a text, and a short unique tag for names. */
public final class Multipart {

    private Multipart() {
    }

    /** A request carrying the part "file" (named {@code fileName}, octet-stream) and the form fields, as name, value pairs. */
    public static RequestSpecification file(String fileName, byte[] content, String... fields) {
        return fields(given().multiPart("file", fileName, content, "application/octet-stream"), fields);
    }

    /** The request with the form fields added, given as name, value pairs. */
    public static RequestSpecification fields(RequestSpecification request, String... fields) {
        for (int i = 0; i < fields.length; i += 2) {
            request = request.multiPart(fields[i], fields[i + 1]);
        }
        return request;
    }

    /** The text, UTF-8, gzipped. */
    public static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Eight random hex characters, to keep the names one test writes apart from every other test's. */
    public static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
