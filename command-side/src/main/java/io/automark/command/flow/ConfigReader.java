package io.automark.command.flow;

import io.automark.command.common.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads a component's JSON configuration and notes each missing or mistyped key as a problem. */
final class ConfigReader {

    private final Map<String, Object> config;
    private final String path;
    private final List<Problem> problems;

    ConfigReader(Map<String, Object> config, String path, List<Problem> problems) {
        this.config = config;
        this.path = path;
        this.problems = problems;
    }

    Object raw(String key) {
        return config.get(key);
    }

    String requireText(String key) {
        if (config.get(key) instanceof String text && !text.isBlank()) {
            return text;
        }
        problem(key, "is required and must be a non-blank string");
        return null;
    }

    /** The text under the key, null when it is absent; notes a problem when it is there but no non-blank string. */
    String optionalText(String key) {
        Object value = config.get(key);
        if (value == null || value instanceof String text && !text.isBlank()) {
            return (String) value;
        }
        problem(key, "must be a non-blank string when given");
        return null;
    }

    /**
     * Notes one problem per key of the object that is none of the known ones, in the keys' order. A field the
     * component does not read would be kept and ignored, so a misspelt or misplaced one would go unnoticed.
     *
     * @param prefix where the object lies under the configuration, "" for the configuration itself
     */
    void refuseUnknown(String prefix, Map<?, ?> object, String owner, Set<String> known) {
        for (Object key : new TreeSet<>(object.keySet().stream().map(String::valueOf).toList())) {
            if (!known.contains(key)) {
                problem(prefix + key, "is not a field of " + owner + "; it takes " + new TreeSet<>(known));
            }
        }
    }

    Map<String, Object> all() {
        return config;
    }

    List<?> requireList(String key) {
        if (config.get(key) instanceof List<?> list && !list.isEmpty()) {
            return list;
        }
        problem(key, "is required and must be a non-empty list");
        return null;
    }

    Map<?, ?> requireMap(String key) {
        if (config.get(key) instanceof Map<?, ?> map) {
            return map;
        }
        problem(key, "is required and must be an object");
        return null;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> requireListOfMaps(String key) {
        List<?> list = requireList(key);
        if (list == null) {
            return null;
        }
        List<Map<String, Object>> maps = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Map<?, ?> map) {
                maps.add((Map<String, Object>) map);
            } else {
                problem(key + "[" + i + "]", "must be an object");
                // Kept in its place, so that the other entries are still checked under their own index.
                maps.add(null);
            }
        }
        return maps;
    }

    void problem(String key, String message) {
        problems.add(new Problem(key.isEmpty() ? path : path + "." + key, message));
    }
}
