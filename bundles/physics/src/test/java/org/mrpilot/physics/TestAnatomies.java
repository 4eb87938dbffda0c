package org.mrpilot.physics;

import org.mrpilot.physics.anatomy.Anatomy;
import org.mrpilot.physics.anatomy.ProceduralHead;

/** One procedural head shared by the tests of a run: generating it costs about a second. */
public final class TestAnatomies {
    private static Anatomy head;

    private TestAnatomies() {
    }

    public static synchronized Anatomy head() {
        if (head == null) head = ProceduralHead.generate(42);
        return head;
    }
}
