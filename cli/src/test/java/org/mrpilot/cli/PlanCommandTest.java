package org.mrpilot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrpilot.api.acquisition.AcquisitionParameters;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.dicom.LocalizerWriter;

/**
 * `plan` on real DICOM files: a generated localizer written by the DICOM bundle's writer (checked by dciodvfy), planned
 * from its files; folders no plan can come from are refused with the reason, and nothing is written for them.
 */
class PlanCommandTest {
    @TempDir
    static Path tmp;
    static Path localizer;
    static Path followUp;
    static JsonObject generatedPlan;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... argv) {
        return new Main(List.of(new PlanCommand())).run(argv, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void generate() throws Exception {
        Path dicom = tmp.resolve("dicom");
        localizer = dicom.resolve("localizer");
        followUp = dicom.resolve("follow-up");
        Path out = tmp.resolve("generated.json");
        int code = new Main(List.of(new PlanCommand())).run(new String[] {"plan", "generated", "--seed", "7", "--dicom-out", dicom.toString(),
                "--models", "../models-onnx/models", "-o", out.toString()}, System.out, System.err);
        assertEquals(0, code);
        generatedPlan = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
    }

    @Test
    void generatedLocalizerIsValidDicomAndPlansTheSameFromItsFiles() throws Exception {
        List<Path> files = files(localizer);
        assertTrue(files.size() >= 9, "three planes of at least three slices: " + files.size());
        int followUpSlices = files(followUp).size();
        assertTrue(followUpSlices >= 7, "the follow-up localizer: contiguous 5 mm slices across AC and PC, " + followUpSlices);
        for (Path f : files(tmp.resolve("dicom"))) {
            String report = tool("dciodvfy", f.toString());
            assertFalse(report.contains("Error"), "dciodvfy errors for " + f + ":\n" + report);
        }
        Path first = tmp.resolve("first.json");
        assertEquals(0, run("plan", localizer.toString(), "--models", "../models-onnx/models", "-o", first.toString(), "--no-png"),
                err.toString(StandardCharsets.UTF_8));
        assertTrue(JsonParser.parseString(Files.readString(first)).getAsJsonObject().has("follow_up_localizer"), "the localizer alone asks for it");
        Path out = tmp.resolve("from-dicom.json");
        assertEquals(0, run("plan", localizer.toString(), "--follow-up", followUp.toString(), "--models", "../models-onnx/models", "-o", out.toString()),
                err.toString(StandardCharsets.UTF_8));
        JsonObject plan = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        assertEquals(generatedPlan.get("stacks"), plan.get("stacks"), "the generated run planned from the same files");
        assertFalse(plan.has("follow_up_localizer"), "the plan that used the follow-up asks for no other");
        assertTrue(plan.getAsJsonObject("quality").get("usable").getAsBoolean());
        assertFalse(plan.has("ground_truth"), "a DICOM folder carries no ground truth");
        BufferedImage png = ImageIO.read(tmp.resolve("from-dicom.png").toFile());
        assertEquals(3 * PlanOverlay.PANEL, png.getWidth(), 3 * 8 + 1);
        assertTrue(generatedPlan.getAsJsonObject("ground_truth").get("ac_mm").getAsDouble() < 30, generatedPlan.toString());
    }

    @Test
    void emptyAndNonDicomFoldersAreRefused() throws Exception {
        assertRefused(Files.createDirectories(tmp.resolve("empty")), "holds no files");
        Path text = Files.createDirectories(tmp.resolve("text"));
        Files.writeString(text.resolve("README"), "localizer went missing");
        assertRefused(text, "no DICOM file");
    }

    @Test
    void aSingleSliceIsRefused() throws Exception {
        Path one = Files.createDirectories(tmp.resolve("one"));
        Files.copy(files(localizer).get(0), one.resolve("0001.dcm"));
        assertRefused(one, "1 slice(s)");
    }

    @Test
    void slicesFromTwoFramesOfReferenceAreRefused() throws Exception {
        Path mixed = Files.createDirectories(tmp.resolve("mixed"));
        List<Path> files = files(localizer);
        for (Path f : files) Files.copy(f, Files.createDirectories(mixed.resolve(localizer.relativize(f)).getParent()).resolve(f.getFileName()));
        // dcmtk moves the last plane into another frame of reference, as if the patient had been re-landmarked
        List<String> cmd = new ArrayList<>(List.of("dcmodify", "-nb", "-m", "(0020,0052)=1.2.826.0.1.3680043.9.7777.99"));
        for (Path f : files(mixed).subList(2 * files.size() / 3, files.size())) cmd.add(f.toString());
        tool(cmd.toArray(String[]::new));
        assertRefused(mixed, "different FrameOfReferenceUIDs");
    }

    @Test
    void aLocalizerWithoutAHeadIsRefused() throws Exception {
        // the generated localizer's geometry with pure receiver noise (Rayleigh magnitude) in every pixel
        List<ImageSlice> air = new ArrayList<>();
        Random random = new Random(5);
        for (ImageSlice s : DicomLocalizer.read(localizer)) {
            float[] noise = new float[s.pixels().length];
            for (int i = 0; i < noise.length; i++) noise[i] = (float) Math.hypot(random.nextGaussian(), random.nextGaussian()) * 10;
            air.add(new ImageSlice(s.columns(), s.rows(), noise, s.positionMm(), s.rowDirection(), s.columnDirection(), s.rowSpacingMm(),
                    s.columnSpacingMm(), s.thicknessMm(), s.frameOfReferenceUid()));
        }
        Path dir = tmp.resolve("air");
        LocalizerWriter.write(dir, LocalizerWriter.newStudy("Air^Empty", "AIR1"), new AcquisitionParameters(0.008, List.of(0.004), List.of(), 20, 3), air);
        assertRefused(dir, "no signal above noise");
    }

    private void assertRefused(Path dir, String reason) {
        Path out = dir.resolveSibling(dir.getFileName() + ".json");
        err.reset();
        assertEquals(1, run("plan", dir.toString(), "--models", "../models-onnx/models", "-o", out.toString()));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains(reason) && message.lines().count() == 1, message);
        assertFalse(Files.exists(out), "no plan for a refused localizer");
        assertFalse(Files.exists(dir.resolveSibling(dir.getFileName() + ".png")), "no picture for a refused localizer");
    }

    private static List<Path> files(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String tool(String... command) throws Exception {
        Path output = Files.createTempFile(tmp, "tool", ".out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command[0] + " did not finish in 60 s");
        }
        String text = Files.readString(output);
        if (!command[0].equals("dciodvfy")) assertEquals(0, p.exitValue(), command[0] + ": " + text);
        return text;
    }
}
