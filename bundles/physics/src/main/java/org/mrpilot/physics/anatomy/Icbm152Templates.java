package org.mrpilot.physics.anatomy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.mrpilot.api.geometry.Vec3;

/**
 * Finds and loads the ICBM152 2009a templates shipped in the nilearn PyPI package
 * ({@code nilearn/datasets/data/mni_icbm152_{t1,gm,wm}_tal_nlin_sym_09a_converted.nii.gz}): in a given folder,
 * or in the project's {@code .venv} (found from the working directory upwards).
 */
public final class Icbm152Templates {
    static final String PREFIX = "mni_icbm152_", SUFFIX = "_tal_nlin_sym_09a_converted.nii.gz";
    /** Left eye centre in MNI (RAS) mm: 20 mm below the orbital surface of the frontal lobe, 12 mm behind its pole. */
    static final double[] LEFT_EYE_MNI = {-32, 56, -40};

    record TemplateFiles(Path t1, Path gm, Path wm) {
    }

    private Icbm152Templates() {
    }

    /** The template folder: {@code explicit} if given, else nilearn's data folder inside the nearest .venv. */
    public static Path locate(Path explicit) throws IOException {
        if (explicit != null) {
            files(explicit);
            return explicit;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path lib = dir.resolve(".venv/lib");
            if (!Files.isDirectory(lib)) continue;
            try (Stream<Path> pythons = Files.list(lib)) {
                for (Path python : pythons.sorted().toList()) {
                    Path data = python.resolve("site-packages/nilearn/datasets/data");
                    if (Files.isRegularFile(data.resolve(PREFIX + "t1" + SUFFIX))) return data;
                }
            }
        }
        throw new IOException("ICBM152 templates not found: no .venv with nilearn (deps/pip/test-physics.txt; ./mrpilot installs it)"
                + " above " + Path.of("").toAbsolutePath() + ", and no folder given (--icbm-dir)");
    }

    static TemplateFiles files(Path dir) throws IOException {
        TemplateFiles f = new TemplateFiles(dir.resolve(PREFIX + "t1" + SUFFIX), dir.resolve(PREFIX + "gm" + SUFFIX), dir.resolve(PREFIX + "wm" + SUFFIX));
        for (Path p : new Path[] {f.t1(), f.gm(), f.wm()}) {
            if (!Files.isRegularFile(p)) throw new IOException("ICBM152 template missing: " + p);
        }
        return f;
    }

    /** The ICBM152 head: template brain, procedural head around it (unscaled), documented landmarks. */
    public static Anatomy load(Path dir) throws IOException {
        Brain brain = new Icbm152Brain(files(dir));
        double[] eye = Icbm152Brain.canonical(LEFT_EYE_MNI[0], LEFT_EYE_MNI[1], LEFT_EYE_MNI[2]);
        HeadBuilder.Shape shape = new HeadBuilder.Shape(1, 1, 1, 0, 1.5, 7, 4, eye);
        double[] pc = Icbm152Brain.canonical(Icbm152Brain.PC_MNI[0], Icbm152Brain.PC_MNI[1], Icbm152Brain.PC_MNI[2]);
        Landmarks landmarks = new Landmarks(Vec3.ZERO, new Vec3(pc[0], pc[1], pc[2]), Vec3.ZERO, Vec3.L, new Vec3(eye[0], eye[1], eye[2]),
                new Vec3(-eye[0], eye[1], eye[2]));
        return new HeadBuilder(brain, shape).build("icbm152-2009a", landmarks);
    }
}
