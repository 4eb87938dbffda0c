package org.mrpilot.dicom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real peers (dcmtk, dicom3tools) and returns what they printed. */
public final class Tools {
    public record Result(int exit, String output) {
    }

    private Tools() {
    }

    static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Runs {@code command}, its output going to a file so a hung peer cannot block us: killed after 60 s. */
    public static Result run(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("mrpilot-tool-", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new IOException(command.get(0) + " did not finish within 60 s; output:\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    static Result storescu(int port, String callingAe, String calledAe, List<Path> files) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("storescu", "-v", "-aet", callingAe, "-aec", calledAe, "127.0.0.1", String.valueOf(port)));
        files.forEach(f -> cmd.add(f.toString()));
        return run(cmd);
    }

    /** A dcmtk storescp writing into {@code dir}, for as long as the returned process lives. */
    static Process storescp(int port, String aeTitle, Path dir) throws IOException {
        return new ProcessBuilder("storescp", "-aet", aeTitle, "-od", dir.toString(), String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    static void stop(Process p) throws InterruptedException {
        if (p == null) return;
        p.destroy();
        if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
    }
}
