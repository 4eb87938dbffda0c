package org.mrpilot.pulseq;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * {@code <name>.geometry.json} into the output folder. Files appear whole or not at all (written aside, then moved).
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
        if (!NAME.matcher(name).matches()) throw new IllegalArgumentException("sequence name '" + name + "' must be letters, digits, '-' or '_'");
        SafetyChecker.requireSafe(sequence, limits);
        byte[] seq = PulseqWriter.write(sequence, version);
        String signature = new String(seq, StandardCharsets.US_ASCII).replaceAll("(?s).*\nHash ([0-9a-f]{32})\n$", "$1");
        Path seqFile = folder.resolve(name + ".seq");
        Path jsonFile = folder.resolve(name + ".geometry.json");
        try {
            Files.createDirectories(folder);
            writeAtomically(jsonFile, GeometrySidecar.toJson(geometry, signature).getBytes(StandardCharsets.UTF_8));
            writeAtomically(seqFile, seq);
        } catch (IOException e) {
            throw new AdapterException("cannot write " + seqFile + ": " + e.getMessage(), e);
        }
        pushes++;
        lastPushed = name;
        return new PushResult(name, List.of(seqFile.toString(), jsonFile.toString()), signature);
    }

    @Override
    public synchronized AdapterStatus status() {
        boolean ready = Files.isDirectory(folder) ? Files.isWritable(folder) : folder.toAbsolutePath().getParent() != null;
        return new AdapterStatus(vendor(), ready, "writes Pulseq " + version + " to " + folder, pushes, lastPushed);
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            Files.write(tmp, content);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
