package org.mrpilot.api.inference;

import java.util.List;

/**
 * One input or output of a model as its card declares it.
 *
 * @param name          the graph's tensor name
 * @param dtype         element type as ONNX names it ("float32")
 * @param shape         one entry per axis: a fixed size ("3") or a symbolic free dimension ("N", "H")
 * @param unit          physical unit of the values after normalisation is undone ("s", "a.u.", "1")
 * @param normalisation how raw values map to what the graph sees, in words a reader can apply
 */
public record TensorSpec(String name, String dtype, List<String> shape, String unit, String normalisation) {

    public TensorSpec {
        shape = List.copyOf(shape);
    }

    /** True when axis {@code i} accepts any size. */
    public boolean isFree(int axis) {
        return !shape.get(axis).chars().allMatch(Character::isDigit);
    }
}
