package org.mrpilot.agent;

import java.util.function.Consumer;

/** Installs SIGINT/SIGTERM handlers where the JVM offers sun.misc.Signal; elsewhere the JVM default applies. */
final class Signals {
    private Signals() {
    }

    static void onTermination(Consumer<String> handler) {
        try {
            for (String name : new String[] {"INT", "TERM"}) {
                sun.misc.Signal.handle(new sun.misc.Signal(name), s -> handler.accept(name));
            }
        } catch (NoClassDefFoundError | IllegalArgumentException e) {
            // No signal API: Ctrl-C still ends the JVM, without the orderly stop.
        }
    }
}
