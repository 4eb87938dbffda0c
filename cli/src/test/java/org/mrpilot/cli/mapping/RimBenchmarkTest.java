package org.mrpilot.cli.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.mrpilot.api.mapping.RelaxometryKind;
import org.mrpilot.cli.Args;
import org.mrpilot.cli.UsageException;
import org.junit.jupiter.api.Test;

class RimBenchmarkTest {

    @Test
    void withoutKindBothAreBenchmarkedT1First() {
        assertEquals(List.of(RelaxometryKind.T1, RelaxometryKind.T2), List.copyOf(RimBenchmark.kinds(null)));
    }

    @Test
    void kindNamesOneOfThem() {
        assertEquals(EnumSet.of(RelaxometryKind.T1), RimBenchmark.kinds("t1"));
        assertEquals(EnumSet.of(RelaxometryKind.T2), RimBenchmark.kinds("t2"));
    }

    @Test
    void anUnknownKindIsRefusedBeforeAnyWork() {
        UsageException e = assertThrows(UsageException.class, () -> RimBenchmark.kinds("t3"));
        assertTrue(e.getMessage().contains("t1 or t2"), e.getMessage());
        Args args = Args.parse(List.of("--kind", "T2*"), Set.of());
        assertThrows(UsageException.class, () -> new RimBenchmark().run(args, System.out));
    }
}
