package org.mrpilot.api.inference;

import java.nio.file.Path;
import java.util.List;

/** The inference runtime's identity: library version, execution providers and where its native code lives. */
public record RuntimeInfo(String runtime, String version, List<String> providers, Path nativeDirectory) {
    public RuntimeInfo {
        providers = List.copyOf(providers);
    }
}
