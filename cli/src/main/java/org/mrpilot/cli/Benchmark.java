package org.mrpilot.cli;

import com.google.gson.JsonObject;
import java.io.PrintStream;

/**
 * One `./mrpilot bench <name>`: measures our component next to a peer in the same run, prints a readable
 * table on {@code out} and returns its figures, which `--json FILE` writes.
 */
public interface Benchmark {
    String name();

    String summary();

    /** Options after `bench <name>`, for --help. */
    String usage();

    JsonObject run(Args args, PrintStream out) throws Exception;
}
