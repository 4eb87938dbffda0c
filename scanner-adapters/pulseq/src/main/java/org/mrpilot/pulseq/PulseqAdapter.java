package org.mrpilot.pulseq;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;
import org.mrpilot.api.adapter.AdapterException;
import org.mrpilot.api.adapter.AdapterStatus;
import org.mrpilot.api.adapter.PushResult;
import org.mrpilot.api.adapter.ScannerAdapter;
import org.mrpilot.api.sequence.GeometryTable;
import org.mrpilot.api.sequence.SafetyLimits;
import org.mrpilot.api.sequence.SequenceRefusedException;
import org.mrpilot.api.sequence.SequenceTable;
import org.mrpilot.sequence.SafetyChecker;

/**
 * The Pulseq vendor adapter: checks a table against the limits, then writes {@code <name>.seq} and
 * {@code <name>.geometry.json} into the output folder. A push changes both files or neither (see {@link StagedFiles}).
 */
public final class PulseqAdapter implements ScannerAdapter {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private final Path folder;
    private final PulseqVersion version;
    private final SafetyLimits limits;
    private int pushes;
    private String lastPushed = "";

    public PulseqAdapter(Path folder, PulseqVersion version, SafetyLimits limits) {
        this.folder = folder;
        this.version = version;
        this.limits = limits;
    }

    @Override
    public String vendor() {
        return "pulseq";
    }

    @Override
    public synchronized PushResult push(String name, GeometryTable geometry, SequenceTable sequence) throws SequenceRefusedException, AdapterException {
        Path seqFile = seqFile(name);
        Path jsonFile = folder.resolve(name + ".geometry.json");
        PulseqWriter.Signed seq = checkAndWrite(sequence);
        LinkedHashMap<Path, byte[]> files = new LinkedHashMap<>();
        files.put(jsonFile, GeometrySidecar.toJson(geometry, seq.signature()).getBytes(StandardCharsets.UTF_8));
        files.put(seqFile, seq.bytes()); // last: a console polling for .seq files finds its sidecar already there
        stage(files, seqFile);
        pushes++;
        lastPushed = name;
        return new PushResult(name, List.of(seqFile.toString(), jsonFile.toString()), seq.signature());
    }

    /**
     * Checks and writes {@code <name>.seq} alone, for a table that comes without a plan (a file read back and rewritten);
     * returns its signature.
     */
    public synchronized String pushWithoutGeometry(String name, SequenceTable sequence) throws SequenceRefusedException, AdapterException {
        Path seqFile = seqFile(name);
        PulseqWriter.Signed seq = checkAndWrite(sequence);
        LinkedHashMap<Path, byte[]> files = new LinkedHashMap<>();
        files.put(seqFile, seq.bytes());
        stage(files, seqFile);
        return seq.signature();
    }

    private Path seqFile(String name) {
        if (!NAME.matcher(name).matches()) throw new IllegalArgumentException("sequence name '" + name + "' must be letters, digits, '-' or '_'");
        return folder.resolve(name + ".seq");
    }

    private PulseqWriter.Signed checkAndWrite(SequenceTable sequence) throws SequenceRefusedException, AdapterException {
        SafetyChecker.requireSafe(sequence, limits);
        try {
            return PulseqWriter.writeSigned(sequence, version);
        } catch (IllegalArgumentException e) {
            throw new AdapterException("cannot express the sequence in Pulseq " + version + ": " + e.getMessage(), e);
        }
    }

    private void stage(LinkedHashMap<Path, byte[]> files, Path seqFile) throws AdapterException {
        try {
            Files.createDirectories(folder);
            StagedFiles.write(files);
        } catch (IOException e) {
            throw new AdapterException("cannot write " + seqFile + " (nothing changed): " + e, e);
        }
    }

    @Override
    public synchronized AdapterStatus status() {
        boolean ready = Files.isDirectory(folder) ? Files.isWritable(folder) : folder.toAbsolutePath().getParent() != null;
        return new AdapterStatus(vendor(), ready, "writes Pulseq " + version + " to " + folder, pushes, lastPushed);
    }

}
