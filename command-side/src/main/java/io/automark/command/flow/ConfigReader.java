package io.automark.command.flow;

import io.automark.command.common.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
                return null;
            }
        }
        return maps;
    }

    void problem(String key, String message) {
        problems.add(new Problem(key.isEmpty() ? path : path + "." + key, message));
    }
}
