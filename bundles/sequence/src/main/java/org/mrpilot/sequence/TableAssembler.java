package org.mrpilot.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mrpilot.api.sequence.Block;

/** Collects the blocks of a table, one TR at a time, rotating each logical block onto the gradient axes. */
final class TableAssembler {
    private final Waveforms w;
    private final GradientRotation rotation;
    private final List<Block> blocks = new ArrayList<>();

    TableAssembler(Waveforms w, GradientRotation rotation) {
        this.w = w;
        this.rotation = rotation;
    }

    List<Block> blocks() {
        return blocks;
    }

    /** Appends one TR of blocks, padded with a delay so that it lasts {@code trS}; refuses a TR that is too short. */
    void addRepetition(Orientation o, List<LogicalBlock> tr, double trS) {
        if (blocks.isEmpty()) {
            // The geometry is in the table: the console's own FOV rotation and position must not be applied on top.
            tr.get(0).label("NOROT", 1).label("NOPOS", 1);
        }
        long used = 0;
        for (LogicalBlock lb : tr) {
            Block b = lb.toBlock(o, w, rotation);
            blocks.add(b);
            used += b.durationUs();
        }
        long trUs = Math.round(trS * 1e6);
        if (trUs < used) throw new IllegalArgumentException(String.format(Locale.ROOT, "TR %.2f ms is shorter than the minimum %.2f ms", trS * 1e3, used / 1e3));
        if (trUs % Waveforms.GRAD_RASTER_US != 0) throw new IllegalArgumentException("TR " + trS * 1e3 + " ms is not on the 10 us raster");
        if (trUs > used) blocks.add(Block.delay(trUs - used));
    }

}
