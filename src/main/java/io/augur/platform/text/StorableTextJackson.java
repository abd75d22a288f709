package io.augur.platform.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds every JSON string the API reads to {@link StorableText}: string values, map keys and the
 * strings and keys inside free-form objects (model attributes). A string that breaks the rule fails
 * the read with a mapping error whose path names the field ({@code attributes.notes}, {@code [3].model}),
 * which the problem mapper answers as a 400.
 */
@Singleton
public class StorableTextJackson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("augur-storable-text");
        module.addDeserializer(String.class, new Strings());
        module.addKeyDeserializer(String.class, new Keys());
        module.addDeserializer(Object.class, new Untyped());
        mapper.registerModule(module);
    }

    static JsonMappingException unstorable(JsonParser p, String reason) {
        return JsonMappingException.from(p, reason);
    }

    /** Strings, as Jackson reads them, then checked. */
    static final class Strings extends StdScalarDeserializer<String> {
        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = StringDeserializer.instance.deserialize(p, ctxt);
            String problem = s == null ? null : StorableText.problem(s);
            if (problem != null) {
                throw unstorable(p, problem);
            }
            return s;
        }
    }

    /** Keys of maps with String keys. */
    static final class Keys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            String problem = StorableText.problem(key);
            if (problem != null) {
                throw JsonMappingException.from(ctxt, "key '" + printable(key) + "' " + problem);
            }
            return key;
        }
    }

    /**
     * Free-form values ({@code Object}, {@code Map<String, Object>}): read as a tree, checked, and
     * turned into the maps, lists, strings, numbers and booleans Jackson's untyped reader produces.
     * Depth is bounded by Jackson's StreamReadConstraints (nesting depth 1000).
     */
    static final class Untyped extends StdDeserializer<Object> {
        Untyped() {
            super(Object.class);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode tree = ctxt.readTree(p);
            List<Object> path = new ArrayList<>();
            String problem = check(tree, path);
            if (problem != null) {
                JsonMappingException e = unstorable(p, problem);
                for (int i = path.size() - 1; i >= 0; i--) {
                    Object step = path.get(i);
                    e.prependPath(step instanceof Integer index
                            ? new JsonMappingException.Reference(null, index)
                            : new JsonMappingException.Reference(null, (String) step));
                }
                throw e;
            }
            return plain(tree);
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) {
            return null;
        }

        /** The first unstorable string or key, its path left in {@code path}; null when all are storable. */
        private static String check(JsonNode node, List<Object> path) {
            if (node.isTextual()) {
                return StorableText.problem(node.textValue());
            }
            if (node.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    String keyProblem = StorableText.problem(f.getKey());
                    path.add(printable(f.getKey()));
                    if (keyProblem != null) {
                        return "key " + keyProblem;
                    }
                    String problem = check(f.getValue(), path);
                    if (problem != null) {
                        return problem;
                    }
                    path.removeLast();
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    path.add(i);
                    String problem = check(node.get(i), path);
                    if (problem != null) {
                        return problem;
                    }
                    path.removeLast();
                }
            }
            return null;
        }

        private static Object plain(JsonNode node) {
            if (node.isObject()) {
                Map<String, Object> map = new LinkedHashMap<>();
                node.fields().forEachRemaining(f -> map.put(f.getKey(), plain(f.getValue())));
                return map;
            }
            if (node.isArray()) {
                List<Object> list = new ArrayList<>(node.size());
                node.forEach(n -> list.add(plain(n)));
                return list;
            }
            if (node.isTextual()) {
                return node.textValue();
            }
            if (node.isNumber()) {
                return node.numberValue();
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            return null;
        }
    }

    /** A key as it can be shown in a field path: NUL and lone surrogates written as escapes. */
    static String printable(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '\u0000' || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
