package io.automark.query.web;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param page 0-based
 */
public record PageOf<T>(List<T> items, long total, int page, int size) {
}
