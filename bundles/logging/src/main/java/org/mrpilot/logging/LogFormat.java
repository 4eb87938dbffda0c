package org.mrpilot.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

/** One log line: ISO time, level, origin (logger or bundle), message; the file also gets stack traces. */
final class LogFormat {
    private LogFormat() {
    }

    static String line(long timeMillis, String level, String origin, String message, Throwable error, boolean withStackTrace) {
        StringBuilder s = new StringBuilder(128)
                .append(Instant.ofEpochMilli(timeMillis)).append(' ')
                .append(String.format("%-5s", level)).append(" [").append(origin).append("] ").append(message);
        if (error != null) {
            if (withStackTrace) {
                StringWriter trace = new StringWriter();
                error.printStackTrace(new PrintWriter(trace));
                s.append(System.lineSeparator()).append(trace.toString().stripTrailing());
            } else {
                s.append(" (").append(error).append(')');
            }
        }
        return s.append('\n').toString();
    }
}
