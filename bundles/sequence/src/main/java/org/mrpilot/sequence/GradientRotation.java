package org.mrpilot.sequence;

/** How an oblique orientation reaches the scanner. */
public enum GradientRotation {
    /** Logical gradients rotated into physical trapezoids / extended trapezoids; readable by every 1.4/1.5 interpreter. */
    BAKED_IN,
    /** Logical gradients plus a ROTATIONS quaternion per block (format 1.5.1; only when asked for, older readers refuse it). */
    ROTATIONS_EXTENSION
}
