package io.augur.platform.pipeline;

import io.augur.platform.problem.Problem;
import io.augur.stats.Workers;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bean Validation of a request body in time linear in its size, stopping after {@code limit} violations.
 * Hibernate Validator collects every violation of a property in a hash set whose hash ignores the element
 * index, so a list of 20,000 nulls costs time quadratic in its length (27 s measured), and a cascaded
 * validation lists every violation (a problem of megabytes). Here the walk is ours: each container
 * property (list or map) has its own constraints checked on its size and its elements validated in chunks
 * of {@value #CHUNK} (indices shifted back), so violations never pile up in one set. Records without containers are validated in one call; nested records are
 * walked in declaration and list order until the limit is reached. Field paths are JSON paths
 * ({@code points[3].x}).
 */
final class BoundedValidator {

    /** Longest field path or message kept in a problem (map keys come from the client). */
    private static final int MAX_TEXT = 200;

    /** Elements validated together once a container is known to hold a violation. */
    static final int CHUNK = 32;

    private final Validator validator;
    private final ClassValue<Shape> shapes = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type, validator);
        }
    };

    BoundedValidator(Validator validator) {
        this.validator = validator;
    }

    /** Violations found before the walk stopped; {@code more} says whether it stopped early. */
    record Result(List<Problem.FieldError> errors, boolean more) {
    }

    Result validate(Object body, int limit) {
        List<Problem.FieldError> out = new ArrayList<>();
        boolean more = walk(body, "", out, limit);
        return new Result(out, more);
    }

    /** Returns true when it stopped because more than {@code limit} violations were found. */
    private boolean walk(Object value, String path, List<Problem.FieldError> out, int limit) {
        if (value == null || !value.getClass().isRecord()) {
            return false;
        }
        Shape shape = shapes.get(value.getClass());
        if (!shape.containers() && shape.nested().isEmpty()) {
            if (add(validator.validate(value), path, 0, out, limit)) {
                return true;
            }
        } else {
            @SuppressWarnings("unchecked")
            Class<Object> type = (Class<Object>) value.getClass();
            for (Property p : shape.properties) {
                if (validateProperty(type, p, p.get(value), path, out, limit)) {
                    return true;
                }
            }
            for (String derived : shape.derived) { // constrained accessors beyond the components (@AssertTrue isX())
                if (add(validator.validateProperty(value, derived), path, 0, out, limit)) {
                    return true;
                }
            }
        }
        for (Property p : shape.nested) {
            Object v = p.get(value);
            String at = join(path, p.name);
            if (v instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    if ((i & 1023) == 0) {
                        Workers.checkCancelled();
                    }
                    if (walk(list.get(i), at + "[" + i + "]", out, limit)) {
                        return true;
                    }
                }
            } else if (v instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (walk(e.getValue(), at + "[" + e.getKey() + "]", out, limit)) {
                        return true;
                    }
                }
            } else if (walk(v, at, out, limit)) {
                return true;
            }
        }
        return false;
    }

    /** Throws when a record type (or one nested in it) carries a container constraint this walk cannot check. */
    void requireSupported(Class<?> type) {
        if (!type.isRecord()) {
            return;
        }
        if (!validator.getConstraintsForClass(type).getConstraintDescriptors().isEmpty()) {
            throw new IllegalStateException("class-level constraint on " + type.getSimpleName() + ": not supported, put it on "
                    + "an accessor (@AssertTrue boolean isX())");
        }
        for (RecordComponent c : type.getRecordComponents()) {
            if (List.class.isAssignableFrom(c.getType()) || Map.class.isAssignableFrom(c.getType())) {
                containerViolation(type, c.getName(), 0);
            }
            for (Class<?> nested : Shape.recordsIn(c.getGenericType())) {
                if (nested != type) {
                    requireSupported(nested);
                }
            }
        }
    }

    /** One property's own constraints and its elements' constraints, without cascading. */
    private boolean validateProperty(Class<Object> type, Property p, Object v, String path, List<Problem.FieldError> out,
            int limit) {
        if (!(v instanceof List<?>) && !(v instanceof Map<?, ?>)) {
            return add(validator.validateValue(type, p.name, v), path, 0, out, limit);
        }
        String message = containerViolation(type, p.name, v instanceof List<?> l ? l.size() : ((Map<?, ?>) v).size());
        if (message != null) {
            out.add(new Problem.FieldError(clip(join(path, p.name)), null, message));
            if (out.size() == limit) {
                return true;
            }
        }
        if (v instanceof List<?> list) {
            for (int from = 0; from < list.size(); from += CHUNK) {
                Workers.checkCancelled();
                List<?> chunk = list.subList(from, Math.min(list.size(), from + CHUNK));
                if (add(elementsOnly(validator.validateValue(type, p.name, chunk)), path, from, out, limit)) {
                    return true;
                }
            }
        } else {
            Map<?, ?> map = (Map<?, ?>) v;
            Map<Object, Object> chunk = new LinkedHashMap<>();
            var it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                chunk.put(e.getKey(), e.getValue());
                if (chunk.size() == CHUNK || !it.hasNext()) {
                    if (add(elementsOnly(validator.validateValue(type, p.name, chunk)), path, 0, out, limit)) {
                        return true;
                    }
                    chunk.clear();
                }
            }
        }
        return false;
    }

    /**
     * The container's own constraints, checked on its size: validating the whole container with Hibernate
     * Validator would also validate every element at once (the quadratic case). Request records put only
     * {@code @NotNull}, {@code @NotEmpty} and {@code @Size} on lists and maps; any other constraint there is a
     * programming error caught by the tests that walk every request record.
     */
    private String containerViolation(Class<?> type, String name, int size) {
        PropertyDescriptor d = validator.getConstraintsForClass(type).getConstraintsForProperty(name);
        if (d == null) {
            return null;
        }
        for (ConstraintDescriptor<?> c : d.getConstraintDescriptors()) {
            Annotation a = c.getAnnotation();
            String custom = c.getMessageTemplate().startsWith("{") ? null : c.getMessageTemplate();
            if (a instanceof NotNull) {
                continue; // a null container is not a List or Map: validated by validateValue above
            }
            if (a instanceof NotEmpty && size == 0) {
                return custom != null ? custom : "must not be empty";
            }
            if (a instanceof Size z && (size < z.min() || size > z.max())) {
                return custom != null ? custom : "size must be between " + z.min() + " and " + z.max();
            }
            if (!(a instanceof NotEmpty) && !(a instanceof Size)) {
                throw new IllegalStateException("unsupported constraint " + a.annotationType().getSimpleName() + " on "
                        + type.getSimpleName() + "." + name + ": lists and maps take @NotNull, @NotEmpty and @Size");
            }
        }
        return null;
    }

    private static Set<ConstraintViolation<Object>> elementsOnly(Set<ConstraintViolation<Object>> found) {
        Set<ConstraintViolation<Object>> out = new java.util.HashSet<>();
        for (ConstraintViolation<Object> c : found) {
            if (hasIndexOrKey(c.getPropertyPath())) {
                out.add(c);
            }
        }
        return out;
    }

    private static boolean hasIndexOrKey(Path path) {
        for (Path.Node n : path) {
            if (n.getIndex() != null || n.getKey() != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds violations in path order (indices compared as numbers), shifting the first index of each path by
     * {@code offset} (the chunk's start); true once more than {@code limit} were seen.
     */
    private static boolean add(Set<? extends ConstraintViolation<?>> found, String prefix, int offset,
            List<Problem.FieldError> out, int limit) {
        if (found.isEmpty()) {
            return false;
        }
        List<Problem.FieldError> errors = new ArrayList<>(found.size());
        for (ConstraintViolation<?> v : found) {
            errors.add(new Problem.FieldError(clip(join(prefix, fieldPath(v.getPropertyPath(), offset))), null,
                    clip(v.getMessage())));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field, BoundedValidator::naturalOrder));
        for (Problem.FieldError e : errors) {
            if (out.size() == limit) {
                return true;
            }
            out.add(e);
        }
        return false;
    }

    /** {@code points[3].x} from a Bean Validation path; container element nodes contribute only their index or key. */
    static String fieldPath(Path path, int offset) {
        StringBuilder sb = new StringBuilder();
        boolean shifted = false;
        for (Path.Node n : path) {
            if (n.getKind() == ElementKind.BEAN) {
                continue;
            }
            if (n.getIndex() != null) {
                sb.append('[').append(n.getIndex() + (shifted ? 0 : offset)).append(']');
                shifted = true;
            } else if (n.getKey() != null) {
                sb.append('[').append(n.getKey()).append(']');
            }
            if (n.getName() != null && n.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(n.getName());
            }
        }
        return sb.toString();
    }

    private static String join(String prefix, String path) {
        if (prefix.isEmpty()) {
            return path;
        }
        if (path.isEmpty()) {
            return prefix;
        }
        return path.charAt(0) == '[' ? prefix + path : prefix + "." + path;
    }

    private static String clip(String s) {
        return s == null || s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "...";
    }

    /** Compares runs of digits as numbers, so points[9] comes before points[10]. */
    static int naturalOrder(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                int c = Integer.compare(i - si, j - sj);
                if (c == 0) {
                    c = a.substring(si, i).compareTo(b.substring(sj, j));
                }
                if (c != 0) {
                    return c;
                }
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** A record component and its accessor. */
    private record Property(String name, Method accessor) {
        Object get(Object record) {
            try {
                return accessor.invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + name + " of " + record.getClass().getName(), e);
            }
        }
    }

    /** The components of a record type, those that hold records, and whether any is a list or map. */
    private record Shape(List<Property> properties, List<Property> nested, boolean containers, List<String> derived) {
        static Shape of(Class<?> type, Validator validator) {
            List<Property> all = new ArrayList<>();
            List<Property> nested = new ArrayList<>();
            boolean containers = false;
            if (type.isRecord()) {
                for (RecordComponent c : type.getRecordComponents()) {
                    Method accessor = c.getAccessor();
                    accessor.setAccessible(true);
                    Property p = new Property(c.getName(), accessor);
                    all.add(p);
                    if (holdsRecords(c.getGenericType())) {
                        nested.add(p);
                    }
                    containers |= List.class.isAssignableFrom(c.getType()) || Map.class.isAssignableFrom(c.getType());
                }
            }
            List<String> derived = new ArrayList<>();
            for (PropertyDescriptor d : validator.getConstraintsForClass(type).getConstrainedProperties()) {
                if (all.stream().noneMatch(p -> p.name.equals(d.getPropertyName()))) {
                    derived.add(d.getPropertyName());
                }
            }
            return new Shape(List.copyOf(all), List.copyOf(nested), containers, List.copyOf(derived));
        }

        static List<Class<?>> recordsIn(Type t) {
            List<Class<?>> out = new ArrayList<>();
            if (t instanceof Class<?> c && c.isRecord()) {
                out.add(c);
            } else if (t instanceof ParameterizedType p) {
                for (Type arg : p.getActualTypeArguments()) {
                    out.addAll(recordsIn(arg));
                }
            } else if (t instanceof WildcardType w) {
                for (Type b : w.getUpperBounds()) {
                    out.addAll(recordsIn(b));
                }
            }
            return out;
        }

        private static boolean holdsRecords(Type t) {
            if (t instanceof Class<?> c) {
                return c.isRecord();
            }
            if (t instanceof ParameterizedType p) {
                for (Type arg : p.getActualTypeArguments()) {
                    if (holdsRecords(arg)) {
                        return true;
                    }
                }
                return false;
            }
            if (t instanceof WildcardType w) {
                for (Type b : w.getUpperBounds()) {
                    if (holdsRecords(b)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
