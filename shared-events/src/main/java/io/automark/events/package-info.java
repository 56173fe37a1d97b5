/**
 * The contract between the command side and the query side: events as immutable records, each with a revision.
 *
 * <p>Events carry pseudonymous user ids and the values that changed. They never carry contact details, message
 * bodies or secrets; those stay in the audience store and the channel configuration.
 */
package io.automark.events;
