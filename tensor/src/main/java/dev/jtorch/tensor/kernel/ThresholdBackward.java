package dev.jtorch.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * ATen's {@code threshold_backward(grad, self, threshold)} on contiguous rows, the backward of
 * ReLU ({@code threshold_backward(grad, result, 0)}): {@code self <= threshold ? 0 : grad}, one
 * pass, as ATen's {@code threshold_kernel} computes it ({@code blendv(grad, 0, self <= threshold)}):
 * a NaN in {@code self} passes the gradient (a comparison with NaN is false), {@code -0.0} is
 * {@code <= 0} and gives {@code +0.0}, and a NaN gradient where {@code self <= threshold} gives 0.
 * Only selects values, so the bits equal the scalar loop's; with the SIMD kernels off
 * ({@link Kernels#VECTORIZED} false) the scalar loop does it all.
 */
public final class ThresholdBackward {
    private ThresholdBackward() {}

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    /** {@code out[oo + i] = self[so + i] <= threshold ? 0 : grad[go + i]} for {@code i < n}. */
    public static void apply(float[] grad, int go, float[] self, int so, float threshold, float[] out, int oo, int n) {
        int i = Kernels.VECTORIZED ? vector(grad, go, self, so, threshold, out, oo, n) : 0;
        scalar(grad, go + i, self, so + i, threshold, out, oo + i, n - i);
    }

    /** The double version of {@link #apply(float[], int, float[], int, float, float[], int, int)}. */
    public static void apply(double[] grad, int go, double[] self, int so, double threshold, double[] out, int oo, int n) {
        int i = Kernels.VECTORIZED ? vector(grad, go, self, so, threshold, out, oo, n) : 0;
        scalar(grad, go + i, self, so + i, threshold, out, oo + i, n - i);
    }

    /** The scalar reference. */
    static void scalar(float[] grad, int go, float[] self, int so, float threshold, float[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i] = self[so + i] <= threshold ? 0f : grad[go + i];
        }
    }

    /** The scalar reference (double). */
    static void scalar(double[] grad, int go, double[] self, int so, double threshold, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i] = self[so + i] <= threshold ? 0d : grad[go + i];
        }
    }

    /** The leading whole vectors; returns how many elements were done. */
    static int vector(float[] grad, int go, float[] self, int so, float threshold, float[] out, int oo, int n) {
        int bound = F.loopBound(n);
        FloatVector zero = FloatVector.zero(F);
        for (int i = 0; i < bound; i += F.length()) {
            FloatVector s = FloatVector.fromArray(F, self, so + i);
            FloatVector.fromArray(F, grad, go + i).blend(zero, s.compare(VectorOperators.LE, threshold)).intoArray(out, oo + i);
        }
        return bound;
    }

    /** The leading whole vectors (double); returns how many elements were done. */
    static int vector(double[] grad, int go, double[] self, int so, double threshold, double[] out, int oo, int n) {
        int bound = D.loopBound(n);
        DoubleVector zero = DoubleVector.zero(D);
        for (int i = 0; i < bound; i += D.length()) {
            DoubleVector s = DoubleVector.fromArray(D, self, so + i);
            DoubleVector.fromArray(D, grad, go + i).blend(zero, s.compare(VectorOperators.LE, threshold)).intoArray(out, oo + i);
        }
        return bound;
    }
}
