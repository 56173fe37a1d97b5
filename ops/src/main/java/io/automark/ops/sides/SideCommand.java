package io.automark.ops.sides;

import io.automark.ops.AutomarkCli;
import io.automark.ops.CliLogging;
import io.automark.ops.stack.AxonQuietMode;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Runs one side as its own application; options the launcher does not know go to Spring. */
abstract class SideCommand implements Callable<Integer> {

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() {
        AxonQuietMode.apply();
        CliLogging.handOverToSpring();

        start(springArgs.toArray(String[]::new));
        return AutomarkCli.KEEP_RUNNING;
    }

    /** Starts the side's Spring application with these arguments. */
    abstract void start(String[] springArgs);
}
