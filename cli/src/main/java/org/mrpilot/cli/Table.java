package org.mrpilot.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain-text table with right-aligned columns, for benchmark output a person reads. */
public final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... header) {
        this.header = List.of(header);
    }

    public Table row(Object... cells) {
        if (cells.length != header.size()) throw new IllegalArgumentException("row has " + cells.length + " cells, header " + header.size());
        List<String> row = new ArrayList<>();
        for (Object c : cells) row.add(format(c));
        rows.add(row);
        return this;
    }

    static String format(Object c) {
        if (c instanceof Double || c instanceof Float) {
            double d = ((Number) c).doubleValue();
            if (d == 0 || Double.isNaN(d)) return String.valueOf(d);
            double a = Math.abs(d);
            return String.format(Locale.ROOT, a >= 1000 || a < 0.001 ? "%.3g" : a >= 100 ? "%.1f" : a >= 1 ? "%.3f" : "%.4f", d);
        }
        return String.valueOf(c);
    }

    public void print(PrintStream out) {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> r : rows) width[i] = Math.max(width[i], r.get(i).length());
        }
        line(out, header, width);
        StringBuilder rule = new StringBuilder();
        for (int w : width) rule.append("-".repeat(w)).append("  ");
        out.println(rule.toString().stripTrailing());
        for (List<String> r : rows) line(out, r, width);
    }

    private static void line(PrintStream out, List<String> cells, int[] width) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            s.append(i == 0 ? c + " ".repeat(width[i] - c.length()) : " ".repeat(width[i] - c.length()) + c).append("  ");
        }
        out.println(s.toString().stripTrailing());
    }
}
