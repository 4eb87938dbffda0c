package org.mrpilot.cli;

/** One `./mrpilot <name>` command. */
public interface Command {
    String name();

    /** One line for the command list. */
    String summary();

    /** Usage and options, printed by --help. */
    String usage();

    /** Runs the command; returns the process exit code. Throw {@link UsageException} for bad arguments. */
    int run(Args args) throws Exception;
}
