package org.mrpilot.cli;

import java.nio.file.Path;
import org.mrpilot.physics.anatomy.AnatomyFactory;
import org.mrpilot.physics.anatomy.AnatomySource;
import org.mrpilot.physics.dataset.PhantomExport;
import org.mrpilot.physics.patient.VirtualPatient;

/** `./mrpilot phantom`: one virtual patient as NIfTI volumes, localizer, landmarks and a PNG montage. */
final class PhantomCommand implements Command {
    @Override
    public String name() {
        return "phantom";
    }

    @Override
    public String summary() {
        return "export a virtual patient: NIfTI volumes, localizer, landmarks.json, localizer.png";
    }

    @Override
    public String usage() {
        return """
                --seed N -o DIR [--source procedural|icbm152] [--field 3|1.5] [--no-png]
                  writes labels, pd, t1_s, t2_s, t2star_s, b (.nii.gz, scanner geometry), localizer_{axial,coronal,sagittal}.nii.gz,
                  landmarks.json (AC, PC, mid-sagittal plane, eyes, pose; LPS mm) and localizer.png""";
    }

    @Override
    public int run(Args args) throws Exception {
        if (args.string("seed", null) == null) throw new UsageException("option --seed is required");
        long seed = args.longValue("seed", 0);
        Path out = args.path("o", null);
        if (out == null) throw new UsageException("option -o DIR is required");
        AnatomySource source = DatasetCommand.source(args.string("source", "procedural"));
        if (source == AnatomySource.BOTH) throw new UsageException("a phantom has one source: procedural or icbm152");
        double field = DatasetCommand.field(args);
        boolean png = !args.flag("no-png");
        args.done();
        VirtualPatient patient = VirtualPatient.create(new AnatomyFactory(source).anatomy(seed, 0), seed, field);
        PhantomExport.write(patient, out, png);
        System.out.println("wrote virtual patient " + seed + " (" + patient.anatomy().source() + ") to " + out);
        return 0;
    }
}
