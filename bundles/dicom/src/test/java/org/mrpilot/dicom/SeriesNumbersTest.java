package org.mrpilot.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Result series numbers carry on after a restart instead of starting over, and a damaged counter is refused. */
class SeriesNumbersTest {
    @TempDir
    Path tmp;

    @Test
    void numbersContinueAcrossRestarts() throws Exception {
        Path file = tmp.resolve("series-number.next");
        SeriesNumbers first = new SeriesNumbers(file);
        assertEquals(9000, first.next());
        assertEquals(9001, first.next());

        SeriesNumbers restarted = new SeriesNumbers(file);
        assertEquals(9002, restarted.next());
    }

    @Test
    void damagedCounterIsRefusedNamingTheFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("series-number.next"), "90x1");
        IOException e = assertThrows(IOException.class, () -> new SeriesNumbers(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("'90x1'"), e.getMessage());
        assertEquals("90x1", Files.readString(file), "left as found");
    }
}
