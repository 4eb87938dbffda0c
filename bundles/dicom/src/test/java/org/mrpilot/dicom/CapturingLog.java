package org.mrpilot.dicom;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Log} the tests can read back. */
final class CapturingLog implements Log {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
        System.err.println("WARN " + message);
    }

    boolean contains(String fragment) {
        return lines.stream().anyMatch(l -> l.contains(fragment));
    }
}
