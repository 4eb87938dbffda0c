package org.mrpilot.inference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Puts ONNX Runtime's native libraries into one fixed directory under the agent's data directory and points the
 * runtime at it. A fixed, owned directory instead of the runtime's random temp dir: temp may be noexec on a
 * scanner host, and a second extraction per start would leak files.
 */
final class NativeLibraries {
    static final String RESOURCE_DIR = "ai/onnxruntime/native/linux-x64/";
    static final List<String> LIBRARIES = List.of("libonnxruntime.so", "libonnxruntime4j_jni.so");
    private static final String PATH_PROPERTY = "onnxruntime.native.path";

    private NativeLibraries() {
    }

    /**
     * Copies the libraries from {@code loader}'s resources into {@code dir} unless identical copies are there,
     * and sets the runtime's native path. Throws with the directory and the cause when that cannot be done.
     */
    static Path install(Path dir, ClassLoader loader) {
        if (!"Linux".equals(System.getProperty("os.name")) || !List.of("amd64", "x86_64").contains(System.getProperty("os.arch"))) {
            throw new IllegalStateException("ONNX Runtime natives are packaged for linux-x64 only, this is "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch"));
        }
        try {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir) || !Files.isExecutable(dir)) throw new AccessDeniedException(dir.toString());
            for (String lib : LIBRARIES) {
                copyIfChanged(loader, RESOURCE_DIR + lib, dir.resolve(lib));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the ONNX Runtime native directory " + dir + ": " + describe(e), e);
        }
        String previous = System.getProperty(PATH_PROPERTY);
        if (previous != null && !Path.of(previous).toAbsolutePath().equals(dir.toAbsolutePath())) {
            // The JVM can bind the JNI library once only; a second directory would never be used.
            throw new IllegalStateException("ONNX Runtime natives were already set up in " + previous + ", not " + dir);
        }
        System.setProperty(PATH_PROPERTY, dir.toAbsolutePath().toString());
        return dir.toAbsolutePath();
    }

    private static void copyIfChanged(ClassLoader loader, String resource, Path target) throws IOException {
        byte[] bytes;
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("resource " + resource + " is missing from the inference bundle");
            bytes = in.readAllBytes();
        }
        if (Files.isRegularFile(target) && Files.size(target) == bytes.length && java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
            return;
        }
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied (" + e.getMessage() + ")";
        if (e instanceof java.nio.file.FileAlreadyExistsException) return e.getMessage() + " exists and is not a directory";
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
