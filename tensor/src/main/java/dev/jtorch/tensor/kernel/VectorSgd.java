package dev.jtorch.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The lane blocks of {@link SgdKernels}: each method returns how many leading elements it updated
 * (a multiple of the lane count), the caller finishes the tail with the scalar loop. One small
 * branch-free loop per combination of weight decay and Nesterov (a vector chosen by a condition
 * inside a loop is boxed by C2 on JDK 17); {@code maximize} runs on the scalar loop.
 */
final class VectorSgd {
    private VectorSgd() {}

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    /** The update of the lane blocks of {@code [0, n)}; returns how many elements it did. */
    static int step(float[] p, int po, float[] g, int go, float[] buf, int bo, int n, float negLr, float momentum, float gradAlpha,
                    boolean decay, float weightDecay, boolean nesterov, boolean maximize) {
        if (maximize) {
            return 0;
        }
        if (decay) {
            return nesterov ? decayNesterov(p, po, g, go, buf, bo, n, negLr, momentum, gradAlpha, weightDecay)
                    : decay(p, po, g, go, buf, bo, n, negLr, momentum, gradAlpha, weightDecay);
        }
        return nesterov ? nesterov(p, po, g, go, buf, bo, n, negLr, momentum, gradAlpha)
                : plain(p, po, g, go, buf, bo, n, negLr, momentum, gradAlpha);
    }

    /** {@link #step(float[], int, float[], int, float[], int, int, float, float, float, boolean, float, boolean, boolean)} for float64. */
    static int step(double[] p, int po, double[] g, int go, double[] buf, int bo, int n, double negLr, double momentum, double gradAlpha,
                    boolean decay, double weightDecay, boolean nesterov, boolean maximize) {
        if (maximize) {
            return 0;
        }
        if (decay) {
            return nesterov ? decayNesterov(p, po, g, go, buf, bo, n, negLr, momentum, gradAlpha, weightDecay)
                    : decay(p, po, g, go, buf, bo, n, negLr, momentum, gradAlpha, weightDecay);
        }
        return nesterov ? nesterov(p, po, g, go, buf, bo, n, negLr, momentum, gradAlpha)
                : plain(p, po, g, go, buf, bo, n, negLr, momentum, gradAlpha);
    }

    private static int plain(float[] p, int po, float[] g, int go, float[] buf, int bo, int n, float negLr, float momentum, float gradAlpha) {
        int bound = F.loopBound(n);
        int i = 0;
        FloatVector lr = FloatVector.broadcast(F, negLr);
        FloatVector m = FloatVector.broadcast(F, momentum);
        FloatVector ga = FloatVector.broadcast(F, gradAlpha);
        for (; i < bound; i += F.length()) {
            FloatVector gi = FloatVector.fromArray(F, g, go + i);
            FloatVector pi = FloatVector.fromArray(F, p, po + i);
            FloatVector b = gi.fma(ga, FloatVector.fromArray(F, buf, bo + i).mul(m));
            b.intoArray(buf, bo + i);
            b.fma(lr, pi).intoArray(p, po + i);
        }
        return i;
    }

    private static int decay(float[] p, int po, float[] g, int go, float[] buf, int bo, int n, float negLr, float momentum, float gradAlpha, float weightDecay) {
        int bound = F.loopBound(n);
        int i = 0;
        FloatVector lr = FloatVector.broadcast(F, negLr);
        FloatVector m = FloatVector.broadcast(F, momentum);
        FloatVector ga = FloatVector.broadcast(F, gradAlpha);
        FloatVector wd = FloatVector.broadcast(F, weightDecay);
        for (; i < bound; i += F.length()) {
            FloatVector gi = FloatVector.fromArray(F, g, go + i);
            FloatVector pi = FloatVector.fromArray(F, p, po + i);
            gi = pi.fma(wd, gi);
            FloatVector b = gi.fma(ga, FloatVector.fromArray(F, buf, bo + i).mul(m));
            b.intoArray(buf, bo + i);
            b.fma(lr, pi).intoArray(p, po + i);
        }
        return i;
    }

    private static int nesterov(float[] p, int po, float[] g, int go, float[] buf, int bo, int n, float negLr, float momentum, float gradAlpha) {
        int bound = F.loopBound(n);
        int i = 0;
        FloatVector lr = FloatVector.broadcast(F, negLr);
        FloatVector m = FloatVector.broadcast(F, momentum);
        FloatVector ga = FloatVector.broadcast(F, gradAlpha);
        for (; i < bound; i += F.length()) {
            FloatVector gi = FloatVector.fromArray(F, g, go + i);
            FloatVector pi = FloatVector.fromArray(F, p, po + i);
            FloatVector b = gi.fma(ga, FloatVector.fromArray(F, buf, bo + i).mul(m));
            b.intoArray(buf, bo + i);
            b.fma(m, gi).fma(lr, pi).intoArray(p, po + i);
        }
        return i;
    }

    private static int decayNesterov(float[] p, int po, float[] g, int go, float[] buf, int bo, int n, float negLr, float momentum, float gradAlpha, float weightDecay) {
        int bound = F.loopBound(n);
        int i = 0;
        FloatVector lr = FloatVector.broadcast(F, negLr);
        FloatVector m = FloatVector.broadcast(F, momentum);
        FloatVector ga = FloatVector.broadcast(F, gradAlpha);
        FloatVector wd = FloatVector.broadcast(F, weightDecay);
        for (; i < bound; i += F.length()) {
            FloatVector gi = FloatVector.fromArray(F, g, go + i);
            FloatVector pi = FloatVector.fromArray(F, p, po + i);
            gi = pi.fma(wd, gi);
            FloatVector b = gi.fma(ga, FloatVector.fromArray(F, buf, bo + i).mul(m));
            b.intoArray(buf, bo + i);
            b.fma(m, gi).fma(lr, pi).intoArray(p, po + i);
        }
        return i;
    }

    private static int plain(double[] p, int po, double[] g, int go, double[] buf, int bo, int n, double negLr, double momentum, double gradAlpha) {
        int bound = D.loopBound(n);
        int i = 0;
        DoubleVector lr = DoubleVector.broadcast(D, negLr);
        DoubleVector m = DoubleVector.broadcast(D, momentum);
        DoubleVector ga = DoubleVector.broadcast(D, gradAlpha);
        for (; i < bound; i += D.length()) {
            DoubleVector gi = DoubleVector.fromArray(D, g, go + i);
            DoubleVector pi = DoubleVector.fromArray(D, p, po + i);
            DoubleVector b = gi.fma(ga, DoubleVector.fromArray(D, buf, bo + i).mul(m));
            b.intoArray(buf, bo + i);
            b.fma(lr, pi).intoArray(p, po + i);
        }
        return i;
    }

    private static int decay(double[] p, int po, double[] g, int go, double[] buf, int bo, int n, double negLr, double momentum, double gradAlpha, double weightDecay) {
        int bound = D.loopBound(n);
        int i = 0;
        DoubleVector lr = DoubleVector.broadcast(D, negLr);
        DoubleVector m = DoubleVector.broadcast(D, momentum);
        DoubleVector ga = DoubleVector.broadcast(D, gradAlpha);
        DoubleVector wd = DoubleVector.broadcast(D, weightDecay);
        for (; i < bound; i += D.length()) {
            DoubleVector gi = DoubleVector.fromArray(D, g, go + i);
            DoubleVector pi = DoubleVector.fromArray(D, p, po + i);
            gi = pi.fma(wd, gi);
            DoubleVector b = gi.fma(ga, DoubleVector.fromArray(D, buf, bo + i).mul(m));
            b.intoArray(buf, bo + i);
            b.fma(lr, pi).intoArray(p, po + i);
        }
        return i;
    }

    private static int nesterov(double[] p, int po, double[] g, int go, double[] buf, int bo, int n, double negLr, double momentum, double gradAlpha) {
        int bound = D.loopBound(n);
        int i = 0;
        DoubleVector lr = DoubleVector.broadcast(D, negLr);
        DoubleVector m = DoubleVector.broadcast(D, momentum);
        DoubleVector ga = DoubleVector.broadcast(D, gradAlpha);
        for (; i < bound; i += D.length()) {
            DoubleVector gi = DoubleVector.fromArray(D, g, go + i);
            DoubleVector pi = DoubleVector.fromArray(D, p, po + i);
            DoubleVector b = gi.fma(ga, DoubleVector.fromArray(D, buf, bo + i).mul(m));
            b.intoArray(buf, bo + i);
            b.fma(m, gi).fma(lr, pi).intoArray(p, po + i);
        }
        return i;
    }

    private static int decayNesterov(double[] p, int po, double[] g, int go, double[] buf, int bo, int n, double negLr, double momentum, double gradAlpha, double weightDecay) {
        int bound = D.loopBound(n);
        int i = 0;
        DoubleVector lr = DoubleVector.broadcast(D, negLr);
        DoubleVector m = DoubleVector.broadcast(D, momentum);
        DoubleVector ga = DoubleVector.broadcast(D, gradAlpha);
        DoubleVector wd = DoubleVector.broadcast(D, weightDecay);
        for (; i < bound; i += D.length()) {
            DoubleVector gi = DoubleVector.fromArray(D, g, go + i);
            DoubleVector pi = DoubleVector.fromArray(D, p, po + i);
            gi = pi.fma(wd, gi);
            DoubleVector b = gi.fma(ga, DoubleVector.fromArray(D, buf, bo + i).mul(m));
            b.intoArray(buf, bo + i);
            b.fma(m, gi).fma(lr, pi).intoArray(p, po + i);
        }
        return i;
    }
}
