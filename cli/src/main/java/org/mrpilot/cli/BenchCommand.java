package org.mrpilot.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** `./mrpilot bench <name> [--json FILE]`: runs one benchmark, prints its table, optionally writes its figures. */
final class BenchCommand implements Command {
    private final Map<String, Benchmark> benchmarks = new TreeMap<>();

    BenchCommand(List<Benchmark> available) {
        available.forEach(b -> benchmarks.put(b.name(), b));
    }

    /** Every benchmark of the product. Add new benchmarks here. */
    static List<Benchmark> all() {
        List<Benchmark> list = new ArrayList<>();
        list.add(new PhysicsBenchmark());
        list.add(new PulseqBenchmark());
        list.add(new DicomBenchmark());
        list.add(new org.mrpilot.cli.mapping.RimBenchmark());
        list.add(new PlanningBenchmark());
        list.add(new MidSagittalBenchmark());
        return list;
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "run a benchmark against its peer: " + String.join(", ", benchmarks.keySet());
    }

    @Override
    public String usage() {
        StringBuilder s = new StringBuilder("NAME [--json FILE] [benchmark options]\n");
        for (Benchmark b : benchmarks.values()) {
            s.append(String.format("%n  %-10s %s%n             options: %s%n", b.name(), b.summary(), b.usage()));
        }
        return s.toString();
    }

    @Override
    public int run(Args args) throws Exception {
        List<String> names = args.positionals();
        if (names.size() != 1) throw new UsageException("name one benchmark: " + String.join(", ", benchmarks.keySet()));
        Benchmark benchmark = benchmarks.get(names.get(0));
        if (benchmark == null) throw new UsageException("no benchmark '" + names.get(0) + "' (have: " + String.join(", ", benchmarks.keySet()) + ")");
        Path json = args.path("json", null);
        JsonObject figures = benchmark.run(args, System.out);
        args.done();
        if (json != null) {
            if (json.toAbsolutePath().getParent() != null) Files.createDirectories(json.toAbsolutePath().getParent());
            Files.writeString(json, new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().serializeNulls().create().toJson(figures) + "\n",
                    StandardCharsets.UTF_8);
            System.out.println("figures written to " + json);
        }
        return 0;
    }
}
