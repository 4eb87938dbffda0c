package org.mrpilot.api.sequence;

import java.util.List;

/**
 * One block of a sequence table: its duration and the events that start in it (any may be null). A block with no
 * events is a delay. Labels and an optional rotation travel as extensions.
 */
public record Block(long durationUs, RfPulse rf, Gradient gx, Gradient gy, Gradient gz, Adc adc, List<Label> labels, Rotation rotation) {
    public Block {
        if (durationUs <= 0) throw new IllegalArgumentException("block duration must be positive");
        labels = List.copyOf(labels);
    }

    public static Block delay(long durationUs) {
        return new Block(durationUs, null, null, null, null, null, List.of(), null);
    }

    public Gradient gradient(int axis) {
        return switch (axis) {
            case 0 -> gx;
            case 1 -> gy;
            case 2 -> gz;
            default -> throw new IllegalArgumentException("axis " + axis);
        };
    }
}
