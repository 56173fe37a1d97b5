package io.automark.ops.sides;

import io.automark.ops.AutomarkCli;
import io.automark.ops.CliLogging;
import io.automark.ops.stack.AxonQuietMode;
import io.automark.query.QuerySideApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code automark query-side}: the query side as its own application. */
@Command(name = "query-side", mixinStandardHelpOptions = true,
        description = {"Runs the query side alone (port 8081) against MONGODB_URI.",
                "MONGODB_URI defaults to mongodb://localhost:27017/automark, where 'automark store' listens.",
                "Unknown options (e.g. --server.port=9091) are passed to Spring."})
public class QuerySideCommand implements Callable<Integer> {

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() {
        AxonQuietMode.apply();
        CliLogging.handOverToSpring();

        QuerySideApplication.main(springArgs.toArray(String[]::new));
        return AutomarkCli.KEEP_RUNNING;
    }
}
