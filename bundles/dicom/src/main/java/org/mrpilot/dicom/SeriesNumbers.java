package org.mrpilot.dicom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Series numbers for our results, from {@value #FIRST} up so they stay clear of the scanner's. The next number is kept
 * in a file, written durably before a number is handed out, so an agent restart never gives a number out twice.
 */
final class SeriesNumbers {
    static final int FIRST = 9000;
    private final Path file;
    private int next;

    SeriesNumbers(Path file) throws IOException {
        this.file = file;
        this.next = Files.exists(file) ? read(file) : FIRST;
    }

    private static int read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        try {
            int n = Integer.parseInt(text);
            if (n >= FIRST) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IOException("series number file " + file + " holds '" + text + "', not a number of at least " + FIRST);
    }

    synchronized int next() throws IOException {
        DurableFiles.write(file, String.valueOf(next + 1).getBytes(StandardCharsets.US_ASCII));
        return next++;
    }
}
