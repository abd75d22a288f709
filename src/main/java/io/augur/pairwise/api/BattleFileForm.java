package io.augur.pairwise.api;

import io.augur.platform.pipeline.Uploads;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The form fields every battle-file upload shares (the part {@code file} and how to read it), declared,
 * documented and parsed here once. A subclass, taken as a {@code @BeanParam}, is both the multipart form of its
 * operation, filled by RESTEasy Reactive (generated code, no reflection), and the OpenAPI schema of that form:
 * the fields are strings, given their documented type in {@code @Schema}, so that a bad value is our 400 problem
 * naming the field.
 * <p>
 * The order of a schema's properties is the order of the parameters of the generated clients' upload methods:
 * inherited fields come first, so a subclass whose own fields stand before inherited ones in the published
 * order says it with {@code @JsonPropertyOrder}; properties a subclass redescribes with {@code @SchemaProperty}
 * come before all others, in the order listed.
 */
public abstract class BattleFileForm {

    @RestForm
    @Schema(required = true, type = SchemaType.STRING, format = "binary", description = "The battle file (csv, jsonl or json; optionally gzip)")
    public FileUpload file;

    @RestForm
    @Schema(enumeration = {"csv", "jsonl", "json"}, description = "Default: recognised by the first character")
    public String format;

    @RestForm
    @Schema(type = SchemaType.BOOLEAN, description = "Keep anonymous battles only (FastChat's anony field); default false", example = "false")
    public String anony;

    @RestForm
    @Schema(type = SchemaType.BOOLEAN, description = "Drop battles whose dedup_tag.sampled is false; default false", example = "false")
    public String dedup;

    /** The uploaded file and how to read it; a missing part or a bad field is a 400 naming it. */
    BattleFiles.Upload upload() {
        Uploads.Part part = Uploads.part("file", file);
        boolean anonyOnly = Uploads.flag("anony", anony);
        boolean sampledOnly = Uploads.flag("dedup", dedup);
        return new BattleFiles.Upload(part, new BattleFiles.Options(Uploads.choice("format", format, "csv", "jsonl", "json"),
                anonyOnly, sampledOnly));
    }
}
