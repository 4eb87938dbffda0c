package org.mrpilot.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mrpilot.api.mapping.RelaxometryKind;

class SignalModelTest {

    /** The same table the Python training code is tested against (models-onnx/tests/test_relaxometry.py). */
    @Test
    void matchesTheSignalTableSharedWithTraining() throws Exception {
        Path table = Path.of("..", "..", "models-onnx", "tests", "data", "signal_reference.json");
        int checked = 0;
        for (JsonElement e : JsonParser.parseString(Files.readString(table)).getAsJsonObject().getAsJsonArray("rows")) {
            JsonObject r = e.getAsJsonObject();
            boolean t1 = r.get("kind").getAsString().equals("t1");
            double[] p = t1 ? new double[] {r.get("a").getAsDouble(), r.get("b").getAsDouble(), r.get("t_s").getAsDouble()}
                    : new double[] {r.get("a").getAsDouble(), r.get("t_s").getAsDouble()};
            double value = SignalModel.of(t1 ? RelaxometryKind.T1 : RelaxometryKind.T2).value(p, r.get("time_s").getAsDouble());
            assertEquals(r.get("signal").getAsDouble(), value, 1e-12 * Math.max(1, Math.abs(value)));
            checked++;
        }
        assertEquals(20, checked);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        double[][] cases = {{0.8, 1.9, 1.2}, {0.5, 1.6, 0.4}, {1.0, 2.0, 3.5}};
        for (double[] p : cases) checkGradient(SignalModel.of(RelaxometryKind.T1), p, 0.3);
        checkGradient(SignalModel.of(RelaxometryKind.T2), new double[] {0.9, 0.08}, 0.04);
        checkGradient(SignalModel.of(RelaxometryKind.T2), new double[] {1.0, 2.0}, 0.32);
    }

    private static void checkGradient(SignalModel m, double[] p, double t) {
        double[] g = new double[p.length];
        m.gradient(p, t, g);
        for (int i = 0; i < p.length; i++) {
            double h = 1e-6 * Math.max(1, Math.abs(p[i]));
            double[] up = p.clone(), down = p.clone();
            up[i] += h;
            down[i] -= h;
            assertEquals((m.value(up, t) - m.value(down, t)) / (2 * h), g[i], 1e-5, "d/dp" + i);
        }
    }
}
