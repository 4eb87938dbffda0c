package org.mrpilot.physics.anatomy;

/** The intracranial part of a head, in canonical head coordinates (mm, AC at the origin). */
interface Brain {
    /** Signed distance (mm) from the brain's outer surface, negative inside. */
    double distance(double u, double v, double w);

    /** Label of a point inside the brain (distance below zero). */
    byte label(double u, double v, double w);
}
