package org.mrpilot.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollingFileTest {
    @TempDir
    Path dir;

    @Test
    void rollsBySizeAndKeepsAtMostCountFiles() throws Exception {
        Path log = dir.resolve("logs/mrpilot.log");
        try (RollingFile file = new RollingFile(log, 100, 3)) {
            for (int i = 0; i < 20; i++) file.write(String.format("line %02d %s%n", i, "x".repeat(30)));
        }
        assertTrue(Files.exists(log));
        assertTrue(Files.exists(dir.resolve("logs/mrpilot.log.1")));
        assertTrue(Files.exists(dir.resolve("logs/mrpilot.log.2")));
        assertFalse(Files.exists(dir.resolve("logs/mrpilot.log.3")));
        for (Path p : new Path[] {log, dir.resolve("logs/mrpilot.log.1"), dir.resolve("logs/mrpilot.log.2")}) {
            assertTrue(Files.size(p) <= 100, p + " is " + Files.size(p) + " bytes");
        }
        assertTrue(Files.readString(log).contains("line 19"), "newest line is in the current file");
        assertTrue(Files.readString(dir.resolve("logs/mrpilot.log.1")).contains("line 17"));
    }

    @Test
    void appendsToAnExistingFileAcrossRestarts() throws Exception {
        Path log = dir.resolve("mrpilot.log");
        try (RollingFile file = new RollingFile(log, 1000, 2)) {
            file.write("first\n");
        }
        try (RollingFile file = new RollingFile(log, 1000, 2)) {
            file.write("second\n");
        }
        assertEquals("first\nsecond\n", Files.readString(log));
    }

    @Test
    void lineFormatCarriesTimeLevelOriginAndTheErrorOnTheConsole() {
        String line = LogFormat.line(0, "ERROR", "org.mrpilot.x", "it broke", new IllegalStateException("why"), false);
        assertEquals("1970-01-01T00:00:00Z ERROR [org.mrpilot.x] it broke (java.lang.IllegalStateException: why)\n", line);
        assertTrue(LogFormat.line(0, "ERROR", "o", "m", new IllegalStateException("why"), true).contains("\tat "));
    }
}
