package org.mrpilot.mapping;

import org.mrpilot.api.mapping.RelaxometryKind;

/**
 * A closed-form relaxometry signal model f(p; t) with its parameter derivatives. Parameters are ordered
 * (A, B, T1) or (A, T2); the relaxation time is always last.
 */
public interface SignalModel {

    int parameters();

    double value(double[] p, double t);

    /** Writes df/dp at time t into {@code out}. */
    void gradient(double[] p, double t, double[] out);

    /** Keeps a parameter vector physically meaningful after an optimiser step. */
    void clamp(double[] p);

    static SignalModel of(RelaxometryKind kind) {
        return kind == RelaxometryKind.T1 ? new InversionRecovery() : new SpinEcho();
    }

    double MIN_RELAXATION_S = 1e-3;
    double MAX_RELAXATION_S = 20;

    /** |A (1 - B exp(-TI/T1))| (seed 001, section 4.1). */
    final class InversionRecovery implements SignalModel {
        @Override
        public int parameters() {
            return 3;
        }

        @Override
        public double value(double[] p, double t) {
            return Math.abs(p[0] * (1 - p[1] * Math.exp(-t / p[2])));
        }

        @Override
        public void gradient(double[] p, double t, double[] out) {
            double e = Math.exp(-t / p[2]);
            double u = p[0] * (1 - p[1] * e);
            double sign = u < 0 ? -1 : 1;
            out[0] = sign * (1 - p[1] * e);
            out[1] = sign * (-p[0] * e);
            out[2] = sign * (-p[0] * p[1] * e * t / (p[2] * p[2]));
        }

        @Override
        public void clamp(double[] p) {
            p[0] = Math.max(p[0], 0);
            p[1] = Math.min(Math.max(p[1], 0), 3);
            p[2] = Math.min(Math.max(p[2], MIN_RELAXATION_S), MAX_RELAXATION_S);
        }
    }

    /** A exp(-TE/T2). */
    final class SpinEcho implements SignalModel {
        @Override
        public int parameters() {
            return 2;
        }

        @Override
        public double value(double[] p, double t) {
            return p[0] * Math.exp(-t / p[1]);
        }

        @Override
        public void gradient(double[] p, double t, double[] out) {
            double e = Math.exp(-t / p[1]);
            out[0] = e;
            out[1] = p[0] * e * t / (p[1] * p[1]);
        }

        @Override
        public void clamp(double[] p) {
            p[0] = Math.max(p[0], 0);
            p[1] = Math.min(Math.max(p[1], MIN_RELAXATION_S), MAX_RELAXATION_S);
        }
    }
}
