package dev.jtorch.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link CascadeSum#innerSum} with SIMD: PyTorch's {@code vectorized_inner_sum} on 8-lane float
 * (4-lane double) vectors, 4 vector accumulators, the cascade's carries through small level
 * buffers, then the scalar tail and the lanes added one by one in PyTorch's order (not a tree
 * {@code reduceLanes}). The result is bit-identical to the scalar reference and to libtorch.
 *
 * <p>The loops run on the preferred species, never on a fixed 256-bit one: on JDK 17, a JVM that
 * uses two float shapes pollutes the type profiles of the Vector API's shared methods
 * ({@code fromArray}, {@code intoArray}, ...), after which C2 fails to intrinsify them in every
 * kernel, the GEMM micro-kernel included (measured: class-check deoptimisations and boxed vectors
 * in the CNN step). With 512-bit vectors, one vector holds two of PyTorch's 8-lane accumulators
 * side by side (lanes 0-7 accumulator {@code k}, lanes 8-15 accumulator {@code k + 1}); every lane
 * still adds the same elements in the same order, so the bits do not change. Callers check that
 * the preferred vectors are 256 or 512 bits ({@link VectorReduction}).
 */
final class VectorSum {
    private VectorSum() {}

    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    /** PyTorch's float lanes, and the floats of one group of its 4 accumulators. */
    private static final int FL = CascadeSum.FLOAT_LANES;
    private static final int FW = CascadeSum.ILP * FL;
    /** PyTorch's double lanes, and the doubles of one group of its 4 accumulators. */
    private static final int DL = CascadeSum.DOUBLE_LANES;
    private static final int DW = CascadeSum.ILP * DL;

    /** Whether the preferred vectors have the 256 or 512 bits this class handles. */
    static boolean supported() {
        return FS.vectorBitSize() == 256 || FS.vectorBitSize() == 512;
    }

    /** The sum of a contiguous row of at least 8 floats; rows long enough for a carry take the cascade. */
    static float sum(float[] x, int off, int n) {
        int groups = n / FW;
        int lp = CascadeSum.levelPower(groups);
        if (groups >= 1 << lp) {
            return cascadeSum(x, off, n, groups, lp);
        }
        float[] a = new float[FW]; // accumulator k, lane l at k*FL + l
        addGroups(x, off, groups, a);
        int p = off + groups * FW;
        // the leftover whole vectors go into accumulator 0, lane by lane as PyTorch's vector adds do
        for (int end = off + n / FL * FL; p < end; p += FL) {
            for (int l = 0; l < FL; l++) {
                a[l] += x[p + l];
            }
        }
        float r = 0;
        for (int end = off + n; p < end; p++) {
            r += x[p];
        }
        // ((a0 + a1) + a2) + a3 per lane, then the lanes added to the tail sum one by one: PyTorch's order
        for (int l = 0; l < FL; l++) {
            r += a[l] + a[FL + l] + a[2 * FL + l] + a[3 * FL + l];
        }
        return r;
    }

    /**
     * The cascade: each round adds {@code 2^lp} groups of 4 vectors into level 1 ({@link #addGroups}),
     * then {@link CascadeSum#carry} moves levels up; the last partial round goes into level 0 and
     * {@link CascadeSum#finishInner} ends in scalar code on the {@code 4 x lanes} buffers, in PyTorch's order.
     */
    private static float cascadeSum(float[] x, int off, int n, int groups, int lp) {
        int step = 1 << lp;
        float[] lv = new float[(CascadeSum.LEVELS - 1) * FW]; // level L, accumulator k, lane l at (L-1)*FW + k*FL + l
        int p = off;
        int g = 0;
        for (; groups - g >= step; g += step, p += step * FW) {
            addGroups(x, p, step, lv);
            CascadeSum.carry(lv, g + step, lp);
        }
        float[] a = new float[FW]; // level 0
        addGroups(x, p, groups - g, a);
        return CascadeSum.finishInner(x, off, n, p + (groups - g) * FW, FL, a, lv);
    }

    /** {@code dst[k*FL + l] += sum over the groups of x[p + (g*4 + k)*FL + l]}: 4 accumulators from zero. */
    private static void addGroups(float[] x, int p, int count, float[] dst) {
        if (FS.length() == 2 * FL) {
            addGroupsPaired(x, p, count, dst);
            return;
        }
        FloatVector a0 = FloatVector.zero(FS);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        for (int j = 0; j < count; j++, p += FW) {
            a0 = a0.add(FloatVector.fromArray(FS, x, p));
            a1 = a1.add(FloatVector.fromArray(FS, x, p + FL));
            a2 = a2.add(FloatVector.fromArray(FS, x, p + 2 * FL));
            a3 = a3.add(FloatVector.fromArray(FS, x, p + 3 * FL));
        }
        FloatVector.fromArray(FS, dst, 0).add(a0).intoArray(dst, 0);
        FloatVector.fromArray(FS, dst, FL).add(a1).intoArray(dst, FL);
        FloatVector.fromArray(FS, dst, 2 * FL).add(a2).intoArray(dst, 2 * FL);
        FloatVector.fromArray(FS, dst, 3 * FL).add(a3).intoArray(dst, 3 * FL);
    }

    /**
     * {@link #addGroups} on 16-lane vectors: accumulators 0 and 1 in one vector, 2 and 3 in the other.
     * Two groups per iteration (each accumulator still adds its elements one group after the other:
     * same bits); the unrolled loop measured 10-20% faster on a 1M-float row (4 MB, read from L3).
     */
    private static void addGroupsPaired(float[] x, int p, int count, float[] dst) {
        FloatVector a01 = FloatVector.zero(FS);
        FloatVector a23 = a01;
        int j = 0;
        for (; j + 1 < count; j += 2, p += 2 * FW) {
            FloatVector x0 = FloatVector.fromArray(FS, x, p);
            FloatVector x1 = FloatVector.fromArray(FS, x, p + 2 * FL);
            FloatVector x2 = FloatVector.fromArray(FS, x, p + FW);
            FloatVector x3 = FloatVector.fromArray(FS, x, p + FW + 2 * FL);
            a01 = a01.add(x0).add(x2);
            a23 = a23.add(x1).add(x3);
        }
        for (; j < count; j++, p += FW) {
            a01 = a01.add(FloatVector.fromArray(FS, x, p));
            a23 = a23.add(FloatVector.fromArray(FS, x, p + 2 * FL));
        }
        FloatVector.fromArray(FS, dst, 0).add(a01).intoArray(dst, 0);
        FloatVector.fromArray(FS, dst, 2 * FL).add(a23).intoArray(dst, 2 * FL);
    }

    /** The sum of a contiguous row of at least 4 doubles; rows long enough for a carry take the cascade. */
    static double sum(double[] x, int off, int n) {
        int groups = n / DW;
        int lp = CascadeSum.levelPower(groups);
        if (groups >= 1 << lp) {
            return cascadeSum(x, off, n, groups, lp);
        }
        double[] a = new double[DW];
        addGroups(x, off, groups, a);
        int p = off + groups * DW;
        for (int end = off + n / DL * DL; p < end; p += DL) {
            for (int l = 0; l < DL; l++) {
                a[l] += x[p + l];
            }
        }
        double r = 0;
        for (int end = off + n; p < end; p++) {
            r += x[p];
        }
        for (int l = 0; l < DL; l++) {
            r += a[l] + a[DL + l] + a[2 * DL + l] + a[3 * DL + l];
        }
        return r;
    }

    /** The double cascade; see {@link #cascadeSum(float[], int, int, int, int)}. */
    private static double cascadeSum(double[] x, int off, int n, int groups, int lp) {
        int step = 1 << lp;
        double[] lv = new double[(CascadeSum.LEVELS - 1) * DW];
        int p = off;
        int g = 0;
        for (; groups - g >= step; g += step, p += step * DW) {
            addGroups(x, p, step, lv);
            CascadeSum.carry(lv, g + step, lp);
        }
        double[] a = new double[DW];
        addGroups(x, p, groups - g, a);
        return CascadeSum.finishInner(x, off, n, p + (groups - g) * DW, DL, a, lv);
    }

    /** {@code dst[k*DL + l] += sum over the groups of x[p + (g*4 + k)*DL + l]}: 4 accumulators from zero. */
    private static void addGroups(double[] x, int p, int count, double[] dst) {
        if (DS.length() == 2 * DL) {
            addGroupsPaired(x, p, count, dst);
            return;
        }
        DoubleVector a0 = DoubleVector.zero(DS);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        for (int j = 0; j < count; j++, p += DW) {
            a0 = a0.add(DoubleVector.fromArray(DS, x, p));
            a1 = a1.add(DoubleVector.fromArray(DS, x, p + DL));
            a2 = a2.add(DoubleVector.fromArray(DS, x, p + 2 * DL));
            a3 = a3.add(DoubleVector.fromArray(DS, x, p + 3 * DL));
        }
        DoubleVector.fromArray(DS, dst, 0).add(a0).intoArray(dst, 0);
        DoubleVector.fromArray(DS, dst, DL).add(a1).intoArray(dst, DL);
        DoubleVector.fromArray(DS, dst, 2 * DL).add(a2).intoArray(dst, 2 * DL);
        DoubleVector.fromArray(DS, dst, 3 * DL).add(a3).intoArray(dst, 3 * DL);
    }

    /** {@link #addGroups(double[], int, int, double[])} on 8-lane vectors, two accumulators per vector. */
    private static void addGroupsPaired(double[] x, int p, int count, double[] dst) {
        DoubleVector a01 = DoubleVector.zero(DS);
        DoubleVector a23 = a01;
        for (int j = 0; j < count; j++, p += DW) {
            a01 = a01.add(DoubleVector.fromArray(DS, x, p));
            a23 = a23.add(DoubleVector.fromArray(DS, x, p + 2 * DL));
        }
        DoubleVector.fromArray(DS, dst, 0).add(a01).intoArray(dst, 0);
        DoubleVector.fromArray(DS, dst, 2 * DL).add(a23).intoArray(dst, 2 * DL);
    }
}
