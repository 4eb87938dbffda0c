package org.mrpilot.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a crash left half-received is gone after a restart; what was stored stays. */
class InstanceStoreTest {
    @TempDir
    Path tmp;

    @Test
    void startDeletesHalfReceivedFilesOnly() throws Exception {
        Path root = tmp.resolve("store");
        Path stored = root.resolve("studies/1.2/3.4/5.6.dcm");
        Files.createDirectories(stored.getParent());
        Files.write(stored, new byte[] {1, 2, 3});
        Path incoming = root.resolve("incoming");
        Files.createDirectories(incoming);
        Path half = Files.write(incoming.resolve("cstore-123.part"), new byte[4096]);

        new InstanceStore(root, 1 << 20);

        assertTrue(Files.notExists(half), "half-received file swept");
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(stored));
    }
}
