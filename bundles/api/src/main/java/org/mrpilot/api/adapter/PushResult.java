package org.mrpilot.api.adapter;

import java.util.List;

/** What a push produced: the artifacts' locations (paths or URIs) and the integrity signature, if the format has one. */
public record PushResult(String name, List<String> artifacts, String signature) {
    public PushResult {
        artifacts = List.copyOf(artifacts);
    }
}
