package org.mrpilot.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AgentLifecycleTest {
    @Test
    void aStopThatTimesOutMarksACleanExitAsFailed() {
        assertEquals(0, AgentLifecycle.statusAfterStop(0, false));
        assertEquals(1, AgentLifecycle.statusAfterStop(0, true));
    }

    @Test
    void aRefusedConfigurationKeepsItsExitCodeWhenTheStopTimesOut() {
        assertEquals(2, AgentLifecycle.statusAfterStop(2, false));
        assertEquals(2, AgentLifecycle.statusAfterStop(2, true));
    }
}
