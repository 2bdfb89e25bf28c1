package dev.jtorch.tensor.kernel;

import jdk.incubator.vector.FloatVector;

/** Test access to {@link VectorSleef} on one float vector (tests stay free of jdk.incubator imports). */
final class VectorSleefProbe {
    private VectorSleefProbe() {}

    static final int FLOAT_LANES = FloatVector.SPECIES_PREFERRED.length();

    static void expLog(float[] x, float[] exp, float[] log) {
        FloatVector v = FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, x, 0);
        VectorSleef.exp(v).intoArray(exp, 0);
        VectorSleef.log(v).intoArray(log, 0);
    }

    /** {@link VectorSleef#exp} and {@link VectorSleef#expNoOverflow} of {@code x[off..off+FLOAT_LANES)}. */
    static void exps(float[] x, int off, float[] exp, float[] expNoOverflow) {
        FloatVector v = FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, x, off);
        VectorSleef.exp(v).intoArray(exp, off);
        VectorSleef.expNoOverflow(v).intoArray(expNoOverflow, off);
    }
}
