package io.automark.ops.sides;

import io.automark.query.QuerySideApplication;
import picocli.CommandLine.Command;

/** {@code automark query-side}: the query side as its own application. */
@Command(name = "query-side", mixinStandardHelpOptions = true,
        description = {"Runs the query side alone (port 8081) against MONGODB_URI.",
                "MONGODB_URI defaults to mongodb://localhost:27017/automark, where 'automark store' listens.",
                "Unknown options (e.g. --server.port=9091) are passed to Spring."})
public class QuerySideCommand extends SideCommand {

    @Override
    void start(String[] springArgs) {
        QuerySideApplication.main(springArgs);
    }
}
