package org.mrpilot.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line arguments: {@code --key value}, {@code --key=value}, flags ({@code --flag}) and positionals.
 * A command declares its flags; every option a command does not read is reported as unknown by {@link #done()}.
 */
public final class Args {
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> positionals = new ArrayList<>();
    private final Set<String> read = new HashSet<>();

    private Args() {
    }

    /** Parses {@code argv}; names in {@code flags} take no value. */
    public static Args parse(List<String> argv, Set<String> flags) {
        Args args = new Args();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--")) {
                args.positionals.addAll(argv.subList(i + 1, argv.size()));
                break;
            }
            if (a.startsWith("--") && a.length() > 2) {
                String key = a.substring(2);
                String value;
                int eq = key.indexOf('=');
                if (eq >= 0) {
                    value = key.substring(eq + 1);
                    key = key.substring(0, eq);
                } else if (flags.contains(key)) {
                    value = "true";
                } else {
                    if (i + 1 >= argv.size()) throw new UsageException("option --" + key + " needs a value");
                    value = argv.get(++i);
                }
                args.options.put(key, value);
            } else if (a.startsWith("-") && a.length() == 2 && !Character.isDigit(a.charAt(1))) {
                String key = a.substring(1);
                if (i + 1 >= argv.size()) throw new UsageException("option -" + key + " needs a value");
                args.options.put(key, argv.get(++i));
            } else {
                args.positionals.add(a);
            }
        }
        return args;
    }

    public boolean flag(String name) {
        read.add(name);
        return Boolean.parseBoolean(options.getOrDefault(name, "false"));
    }

    public String string(String name, String fallback) {
        read.add(name);
        return options.getOrDefault(name, fallback);
    }

    public String required(String name) {
        read.add(name);
        String v = options.get(name);
        if (v == null) throw new UsageException("option --" + name + " is required");
        return v;
    }

    public long longValue(String name, long fallback) {
        String v = string(name, null);
        if (v == null) return fallback;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + " must be a whole number, got '" + v + "'");
        }
    }

    public int intValue(String name, int fallback) {
        return Math.toIntExact(longValue(name, fallback));
    }

    public double doubleValue(String name, double fallback) {
        String v = string(name, null);
        if (v == null) return fallback;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + " must be a number, got '" + v + "'");
        }
    }

    /** A comma-separated list of numbers, e.g. {@code --times 0.1,0.2}. */
    public double[] doubles(String name) {
        String v = string(name, null);
        if (v == null) return null;
        String[] parts = v.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UsageException("option --" + name + " must be numbers separated by commas, got '" + parts[i] + "'");
            }
        }
        return out;
    }

    public Path path(String name, Path fallback) {
        String v = string(name, null);
        return v == null ? fallback : Path.of(v);
    }

    public List<String> positionals() {
        return List.copyOf(positionals);
    }

    /** Refuses options the command never read (typos would otherwise be ignored silently). */
    public void done() {
        for (String key : options.keySet()) {
            if (!read.contains(key)) throw new UsageException("unknown option --" + key);
        }
    }
}
