package org.mrpilot.api.adapter;

import org.mrpilot.api.sequence.GeometryTable;
import org.mrpilot.api.sequence.SequenceRefusedException;
import org.mrpilot.api.sequence.SequenceTable;

/** A vendor adapter (Pulseq files, Access-i, ...) as an OSGi service. Implementations check limits before anything leaves. */
public interface ScannerAdapter {
    /** Short vendor/format name, e.g. "pulseq". */
    String vendor();

    /**
     * Pushes one series: its geometry table and its sequence table under a name (letters, digits, '-', '_').
     *
     * @throws SequenceRefusedException when the table breaks a safety limit; nothing is pushed
     * @throws AdapterException         when the scanner side cannot take it; nothing half-written remains
     */
    PushResult push(String name, GeometryTable geometry, SequenceTable sequence) throws SequenceRefusedException, AdapterException;

    AdapterStatus status();
}
