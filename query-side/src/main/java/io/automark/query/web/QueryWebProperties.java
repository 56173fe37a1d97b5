package io.automark.query.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the query side's HTTP API.
 *
 * @param maxBodySize the largest request body the query side's writes accept (default 16KB; a choice of list
 *                    columns is far smaller)
 */
@ConfigurationProperties("automark.query.web")
public record QueryWebProperties(DataSize maxBodySize) {

    public QueryWebProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(16) : maxBodySize;
    }
}
