package org.mrpilot.pulseq;

import org.mrpilot.api.sequence.SequenceTable;

/**
 * A .seq file as read: its version ("1.5.0"), the table, and the MD5 hash of its [SIGNATURE] (null for an unsigned file read with {@link PulseqReader#readAllowingUnsigned};
 * a signature that does not match is refused by the reader).
 */
public record PulseqFile(String version, SequenceTable table, String signature) {
}
