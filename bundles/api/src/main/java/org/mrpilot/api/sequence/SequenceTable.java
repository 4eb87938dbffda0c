package org.mrpilot.api.sequence;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A whole sequence as a table of blocks, vendor-neutral (the Pulseq event model).
 *
 * @param definitions extra [DEFINITIONS] entries (Name, FOV, TE, ...) as text, sorted by key; the rasters are separate
 */
public record SequenceTable(Rasters rasters, Map<String, String> definitions, List<Block> blocks) {
    public SequenceTable {
        definitions = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(definitions));
        blocks = List.copyOf(blocks);
        if (blocks.isEmpty()) throw new IllegalArgumentException("a sequence needs at least one block");
    }

    public double durationS() {
        long us = 0;
        for (Block b : blocks) us += b.durationUs();
        return us * 1e-6;
    }
}
