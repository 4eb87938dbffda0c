package org.mrpilot.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar on stderr for long work. On a terminal it redraws one line; elsewhere (CI logs) it prints a
 * line at every 10 % so logs stay short.
 */
public final class Progress implements AutoCloseable {
    private static final int WIDTH = 30;
    private final String label;
    private final long total;
    private final PrintStream out;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long done;
    private int lastDecile = -1;

    public Progress(String label, long total) {
        this(label, total, System.err, System.console() != null);
    }

    Progress(String label, long total, PrintStream out, boolean terminal) {
        this.label = label;
        this.total = Math.max(1, total);
        this.out = out;
        this.terminal = terminal;
        draw();
    }

    public synchronized void step() {
        advance(1);
    }

    public synchronized void advance(long n) {
        done = Math.min(total, done + n);
        draw();
    }

    private void draw() {
        double fraction = done / (double) total;
        int decile = (int) (fraction * 10);
        if (!terminal && decile == lastDecile) return;
        lastDecile = decile;
        int filled = (int) Math.round(fraction * WIDTH);
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        String eta = done == 0 || done == total ? "" : String.format(Locale.ROOT, " eta %.0fs", elapsed / done * (total - done));
        String line = String.format(Locale.ROOT, "%s [%s%s] %d/%d %.1fs%s", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
                done, total, elapsed, eta);
        out.print(terminal ? "\r" + line + "\u001b[K" : line + "\n");
        out.flush();
    }

    @Override
    public synchronized void close() {
        if (terminal) out.println();
    }
}
