package org.mrpilot.api.inference;

import java.nio.file.Path;

/**
 * A model as it serves now.
 *
 * @param intraOpThreads threads one inference may use
 * @param loadSeconds    wall time of hash check, session creation and self-test
 * @param runs           inferences served so far
 * @param meanRunSeconds mean wall time of one inference (0 before the first)
 */
public record ModelInfo(ModelCard card, Path file, int intraOpThreads, double loadSeconds, long runs, double meanRunSeconds) {
}
