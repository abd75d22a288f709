package io.augur.pairwise.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.augur.pairwise.engine.BattleCsvReader;
import io.augur.pairwise.engine.BattleSink;
import io.augur.pairwise.engine.BattleSource;
import io.augur.pairwise.engine.Outcome;
import io.augur.platform.pipeline.Uploads;
import io.augur.platform.problem.ProblemException;
import io.augur.stats.InvalidInputException;
import io.augur.stats.Workers;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Battle files as users have them, read in one streaming pass: CSV with a header (Chatbot Arena's
 * {@code model_a, model_b, winner}, evalica's {@code left, right, winner}), JSON Lines (one battle object per
 * line) and FastChat's {@code clean_battle*.json} (one JSON list of battle objects, each with model_a,
 * model_b, winner and also anony, dedup_tag, language, turn, tstamp...: the fields a battle does not need are
 * skipped). The format is given or recognised by the first byte ({@code [} JSON list, <code>{</code> JSON
 * Lines, anything else CSV); gzip is inflated on the fly. Filters: {@code anony} keeps anonymous battles
 * only, {@code dedup} drops battles whose {@code dedup_tag.sampled} is false (FastChat's two filters).
 * Battle ids: a {@code battle_id} (or {@code battleId}) column or field when the file has one.
 */
final class BattleFiles {

    /** How to read a battle file. */
    record Options(String format, boolean anonyOnly, boolean sampledOnly) {
    }

    /** An uploaded battle file and how to read it. */
    record Upload(Uploads.Part file, Options options) {

        /** Opens the file; call on the compute pool. */
        BattleSource open() {
            return BattleFiles.open(file, options);
        }
    }

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private BattleFiles() {
    }

    /** Opens the uploaded file and reads its header (CSV) or first token (JSON). Call on the compute pool. */
    static BattleSource open(Uploads.Part file, Options options) {
        String field = file.field();
        InputStream raw = file.open();
        try {
            BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
            String sniffed = Uploads.sniffFormat(in);
            String format = options.format() == null ? sniffed : options.format();
            if (sniffed != null && !sniffed.equals(format)) {
                throw ProblemException.invalid("format", "the file looks like " + describe(sniffed) + " (its first "
                        + "character), not " + describe(format) + "; send one format per file");
            }
            if (sniffed == null) {
                throw ProblemException.invalid(field, "the file is empty");
            }
            return switch (format) {
                case "csv" -> BattleCsvReader.open(in, new BattleCsvReader.Options(null, null, options.anonyOnly(),
                        options.sampledOnly()));
                default -> new JsonSource(JSON.createParser(in), "json".equals(format), options);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(String format) {
        return switch (format) {
            case "json" -> "a JSON list (json)";
            case "jsonl" -> "JSON Lines (jsonl)";
            default -> "CSV (csv)";
        };
    }

    /** Battles of a JSON list or of JSON Lines, read with Jackson's streaming parser. */
    private static final class JsonSource implements BattleSource {
        private final JsonParser p;
        private final boolean list;
        private final Options options;
        private final Map<String, Integer> models = new HashMap<>();
        private long position;
        private boolean started;
        private boolean done;
        private boolean anyId;

        JsonSource(JsonParser p, boolean list, Options options) {
            this.p = p;
            this.list = list;
            this.options = options;
        }

        @Override
        public String format() {
            return list ? "json" : "jsonl";
        }

        @Override
        public String idSource() {
            return anyId ? "field battle_id" : null;
        }

        private String where() {
            long line = p.currentLocation().getLineNr();
            return list ? "json record " + position + " (line " + line + ")" : "jsonl line " + line;
        }

        @Override
        public int next(int max, BattleSink sink) {
            try {
                return read(max, sink);
            } catch (JsonProcessingException e) {
                String at = list ? "json line " + e.getLocation().getLineNr() : "jsonl line " + e.getLocation().getLineNr();
                throw new InvalidInputException(at, "malformed JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private int read(int max, BattleSink sink) throws IOException {
            if (done) {
                return 0;
            }
            if (!started) {
                started = true;
                if (list && p.nextToken() != JsonToken.START_ARRAY) {
                    throw new InvalidInputException("json line 1", "expected a JSON list of battle objects");
                }
            }
            int read = 0;
            while (read < max) {
                JsonToken t = p.nextToken();
                if (t == null || list && t == JsonToken.END_ARRAY) {
                    if (list && t == null) {
                        throw new InvalidInputException("json line " + p.currentLocation().getLineNr(),
                                "the JSON list is not closed: the file ends inside it");
                    }
                    if (list && p.nextToken() != null) {
                        throw new InvalidInputException("json line " + p.currentLocation().getLineNr(),
                                "content after the end of the JSON list");
                    }
                    done = true;
                    break;
                }
                position++;
                if ((position & 0xFFFF) == 0) {
                    Workers.checkCancelled();
                }
                if (t != JsonToken.START_OBJECT) {
                    throw new InvalidInputException(where(), "expected a battle object, got " + t.asString());
                }
                if (record(sink)) {
                    read++;
                }
            }
            return read;
        }

        /** One battle object; false when a filter drops it. */
        private boolean record(BattleSink sink) throws IOException {
            String where = where();
            String a = null;
            String b = null;
            String winner = null;
            String id = null;
            Boolean anony = null;
            boolean sampled = true;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "model_a", "modelA" -> a = text(v, name, where);
                    case "model_b", "modelB" -> b = text(v, name, where);
                    case "winner", "outcome" -> winner = text(v, name, where);
                    case "battle_id", "battleId" -> {
                        id = v == JsonToken.VALUE_NUMBER_INT ? p.getText() : text(v, name, where);
                        anyId = true;
                    }
                    case "anony" -> {
                        if (v != JsonToken.VALUE_TRUE && v != JsonToken.VALUE_FALSE) {
                            throw new InvalidInputException(where + " field anony", "expected true or false");
                        }
                        anony = v == JsonToken.VALUE_TRUE;
                    }
                    case "dedup_tag" -> sampled = sampled(v, where);
                    default -> p.skipChildren();
                }
            }
            if (options.anonyOnly()) {
                if (anony == null) {
                    throw new InvalidInputException(where + " field anony", "missing (needed by the anony filter)");
                }
                if (!anony) {
                    return false;
                }
            }
            if (options.sampledOnly() && !sampled) {
                return false;
            }
            String[] fields = {"model_a", "model_b", "winner"};
            String[] values = {a, b, winner};
            for (int k = 0; k < 3; k++) {
                if (values[k] == null || values[k].isBlank()) {
                    throw new InvalidInputException(where + " field " + fields[k], "missing");
                }
            }
            for (int k = 0; k < 2; k++) {
                if (values[k].length() > BattleCsvReader.MAX_NAME) {
                    throw new InvalidInputException(where + " field " + fields[k], "model name longer than "
                            + BattleCsvReader.MAX_NAME + " characters");
                }
            }
            if (a.equals(b)) {
                throw new InvalidInputException(where + " field model_b", "self-battle: model '" + b
                        + "' cannot battle itself");
            }
            Outcome o = Outcome.parse(winner, where + " field winner");
            if (id != null && (id.isBlank() || id.length() > BattleCsvReader.MAX_NAME)) {
                throw new InvalidInputException(where + " field battle_id", id.isBlank() ? "missing battle id"
                        : "battle id longer than " + BattleCsvReader.MAX_NAME + " characters");
            }
            sink.battle(model(a, sink), model(b, sink), o.ordinal(), id == null ? null : id.strip(), position);
            return true;
        }

        private int model(String name, BattleSink sink) {
            Integer i = models.get(name);
            if (i == null) {
                i = sink.model(name);
                models.put(name, i);
            }
            return i;
        }

        private String text(JsonToken v, String name, String where) throws IOException {
            if (v == JsonToken.VALUE_NULL) {
                return null;
            }
            if (v != JsonToken.VALUE_STRING) {
                throw new InvalidInputException(where + " field " + name, "expected a string");
            }
            return p.getText();
        }

        /** FastChat's dedup_tag: {"high_freq": false, "sampled": true}; a missing "sampled" counts as true. */
        private boolean sampled(JsonToken v, String where) throws IOException {
            if (v == JsonToken.VALUE_NULL) {
                return true;
            }
            if (v != JsonToken.START_OBJECT) {
                throw new InvalidInputException(where + " field dedup_tag", "expected an object such as "
                        + "{\"high_freq\": false, \"sampled\": true}");
            }
            boolean sampled = true;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if ("sampled".equals(name) && (t == JsonToken.VALUE_FALSE || t == JsonToken.VALUE_TRUE)) {
                    sampled = t == JsonToken.VALUE_TRUE;
                } else {
                    p.skipChildren();
                }
            }
            return sampled;
        }
    }
}
