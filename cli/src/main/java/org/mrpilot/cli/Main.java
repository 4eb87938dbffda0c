package org.mrpilot.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Entry point of `./mrpilot COMMAND`. Conventions for every command: `--help` prints usage; an error is one
 * line on stderr and a non-zero exit (2 for usage, 1 otherwise); `--debug` adds the stack trace.
 */
public final class Main {
    private final Map<String, Command> commands = new TreeMap<>();

    Main(List<Command> available) {
        available.forEach(c -> commands.put(c.name(), c));
    }

    /** Every command of the product. Add new commands here. */
    static List<Command> all() {
        List<Command> list = new ArrayList<>();
        list.add(new BenchCommand(BenchCommand.all()));
        list.add(new DatasetCommand());
        list.add(new PhantomCommand());
        list.add(new SeqCommand());
        list.add(new org.mrpilot.cli.mapping.MapCommand());
        list.add(new PlanCommand());
        return list;
    }

    public static void main(String[] argv) {
        System.exit(new Main(all()).run(argv, System.out, System.err));
    }

    int run(String[] argv, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(Arrays.asList(argv));
        boolean debug = args.remove("--debug");
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("help")) {
            out.println(overview());
            return args.isEmpty() ? 2 : 0;
        }
        Command command = commands.get(args.get(0));
        if (command == null) {
            err.println("mrpilot: unknown command '" + args.get(0) + "' (see ./mrpilot --help)");
            return 2;
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println("usage: ./mrpilot " + command.name() + " " + command.usage());
            return 0;
        }
        try {
            return command.run(Args.parse(rest, FLAGS));
        } catch (UsageException e) {
            err.println("mrpilot " + command.name() + ": " + e.getMessage() + " (see ./mrpilot " + command.name() + " --help)");
            return 2;
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            err.println("mrpilot " + command.name() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            if (debug) e.printStackTrace(err);
            return 1;
        }
    }

    /** Options that take no value, shared by all commands so the parser needs no per-command table. */
    static final java.util.Set<String> FLAGS = java.util.Set.of("list", "force", "quiet", "no-png", "rotations", "no-follow-up");

    private String overview() {
        StringBuilder s = new StringBuilder("usage: ./mrpilot COMMAND [options]   (./mrpilot COMMAND --help for its options)\n\n");
        s.append(String.format("  %-10s %s%n", "demo", "start the agent with every bundle on the embedded defaults (Ctrl-C stops it)"));
        s.append(String.format("  %-10s %s%n", "test", "install what the tests need and run every test"));
        for (Command c : commands.values()) s.append(String.format("  %-10s %s%n", c.name(), c.summary()));
        s.append("\nEvery command accepts --debug (stack traces on errors).");
        return s.toString();
    }
}
