package io.automark.query.execution.users;

/**
 * How many users one batch lists at a component (with a result, when a list asks for one).
 *
 * @param batchId the batch document's id
 */
record BatchCount(String batchId, long users) {
}
