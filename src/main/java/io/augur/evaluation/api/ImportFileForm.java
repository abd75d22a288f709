package io.augur.evaluation.api;

import io.augur.platform.pipeline.Uploads;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The form of a long-format file import (evaluations, item results): the part {@code file}, its format and
 * createMissing, declared and parsed here once. A subclass, taken as a {@code @BeanParam}, is the multipart form of
 * its operation, filled by RESTEasy Reactive (generated code, no reflection), and its OpenAPI schema; it describes
 * {@code file} and {@code createMissing} for its rows with {@code @SchemaProperty}, listing file, format,
 * createMissing in that order (properties so listed come first: the order is the generated clients' parameter
 * order). Fields are strings given their documented type, so that a bad value is our 400 problem naming the field.
 */
public abstract class ImportFileForm {

    @RestForm
    @Schema(required = true, type = SchemaType.STRING, format = "binary")
    public FileUpload file;

    @RestForm
    @Schema(enumeration = {"csv", "jsonl"}, description = "Default: recognised by the first character")
    public String format;

    @RestForm
    @Schema(type = SchemaType.BOOLEAN, example = "true")
    public String createMissing;

    /** The form, checked: a missing part or a bad field is a 400 naming it. */
    Import read() {
        Uploads.Part part = Uploads.part("file", file);
        String f = Uploads.choice("format", format, "csv", "jsonl");
        return new Import(part, f, Uploads.flag("createMissing", createMissing));
    }

    /** A checked import form; format null: recognised by the file's first character. */
    record Import(Uploads.Part file, String format, boolean createMissing) {
    }
}
