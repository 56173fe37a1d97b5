package io.automark.query.infrastructure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the query side's event processors share work between instances.
 *
 * @param maxClaimedSegments how many segments of each processing group one instance claims at most; null (the
 *                           default) claims every free segment, right for a single instance. With several
 *                           instances, set it to the segment count divided by the instance count so each takes a
 *                           share instead of one holding all and the others idling.
 */
@ConfigurationProperties("automark.query.processing")
public record QueryProcessingProperties(Integer maxClaimedSegments) {
}
