package io.augur.pairwise.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Model name to dense index, in order of first appearance. Not thread-safe (used inside builders). */
final class ModelIndex {

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    int indexOf(String name) {
        Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        int next = names.size();
        ids.put(name, next);
        names.add(name);
        return next;
    }

    int find(String name) {
        Integer id = ids.get(name);
        return id == null ? -1 : id;
    }

    int size() {
        return names.size();
    }

    String name(int i) {
        return names.get(i);
    }

    List<String> snapshot() {
        return List.copyOf(names);
    }
}
