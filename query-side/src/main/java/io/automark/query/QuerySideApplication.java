package io.automark.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The query side on its own: builds read models from the event stream and answers queries over HTTP. */
@SpringBootApplication
public class QuerySideApplication {

    /** The Spring profile that carries the query side's settings. */
    public static final String PROFILE = "query";

    public static void main(String[] args) {
        new SpringApplicationBuilder(QuerySideApplication.class)
                .profiles(PROFILE)
                .run(args);
    }
}
