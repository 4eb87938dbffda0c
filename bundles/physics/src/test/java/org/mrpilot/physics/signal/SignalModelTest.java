package org.mrpilot.physics.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Signal equations against values worked out by hand and checked with an independent Python evaluation (6 digits). */
class SignalModelTest {
    // A = 0.8, T1 = 1.0 s, T2 = 0.1 s, T2* = 0.05 s, B = 1.9
    private static final double PD = 0.8, T1 = 1.0, T2 = 0.1, T2S = 0.05, B = 1.9;

    @Test
    void spoiledGradientEcho() {
        // E1 = e^-0.01 = 0.990050; sin30 = 0.5, cos30 = 0.866025
        // 0.8 * 0.5 * 0.009950 / (1 - 0.857408) * e^(-0.005/0.05) = 0.0252561
        assertEquals(0.0252561, new SpoiledGradientEcho(0.010, 0.005, 30).signal(PD, T1, T2, T2S, B), 1e-6);
    }

    @Test
    void spinEcho() {
        // 0.8 * (1 - e^-2) * e^-1 = 0.8 * 0.864665 * 0.367879 = 0.254474
        assertEquals(0.254474, new SpinEcho(2.0, 0.1).signal(PD, T1, T2, T2S, B), 1e-6);
    }

    @Test
    void multiEchoGivesOneModelPerEcho() {
        var echoes = SpinEcho.multiEcho(2.0, 0.05, 0.1);
        assertEquals(2, echoes.size());
        // 0.8 * 0.864665 * e^-0.5 = 0.419557
        assertEquals(0.419557, echoes.get(0).signal(PD, T1, T2, T2S, B), 1e-6);
    }

    @Test
    void inversionRecoveryMagnitude() {
        // |0.8 (1 - 1.9 e^-0.2)| = |0.8 (1 - 1.9*0.818731)| = |0.8 * -0.555589| = 0.444471
        assertEquals(0.444471, new InversionRecovery(0.2).signal(PD, T1, T2, T2S, B), 1e-6);
        // at TI = T1 ln(B) the magnitude is zero (null point)
        assertEquals(0, new InversionRecovery(Math.log(B)).signal(PD, T1, T2, T2S, B), 1e-12);
    }

    @Test
    void t2Prepared() {
        // 0.8 e^-0.5 = 0.485225
        assertEquals(0.485225, new T2Prepared(0.05).signal(PD, T1, T2, T2S, B), 1e-6);
    }

    @Test
    void balancedSsfp() {
        // TR 5 ms, 60 deg: E1 = 0.995012, E2 = e^-0.05 = 0.951229
        // num = 0.8 * 0.866025 * 0.004988 = 0.00345574; den = 1 - 0.043783*0.5 - 0.946484 = 0.0316245
        // * sqrt(E2) 0.975310 -> 0.106571
        assertEquals(0.106571, new BalancedSsfp(0.005, 60).signal(PD, T1, T2, T2S, B), 1e-6);
    }

    @Test
    void refusesImpossibleTimings() {
        assertThrows(IllegalArgumentException.class, () -> new SpoiledGradientEcho(0.01, 0.02, 30));
        assertThrows(IllegalArgumentException.class, () -> new SpinEcho(-1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new InversionRecovery(0));
        assertThrows(IllegalArgumentException.class, () -> new BalancedSsfp(0.005, 0));
        assertThrows(IllegalArgumentException.class, () -> new T2Prepared(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> SpinEcho.multiEcho(2.0));
    }
}
