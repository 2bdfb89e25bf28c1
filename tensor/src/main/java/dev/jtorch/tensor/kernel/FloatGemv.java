package dev.jtorch.tensor.kernel;

import dev.jtorch.tensor.Parallel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 matrix-vector products, the GEMM cases with {@code n == 1} ({@code A x}) or
 * {@code m == 1} ({@code x B}, i.e. {@code B^T x}). Both are memory-bound, so no packing: a matrix
 * with contiguous rows is reduced row by row (dot products, four rows at a time, one accumulator
 * each); a matrix with contiguous columns is accumulated column by column (axpy, four columns at a
 * time into a contiguous result).
 */
final class FloatGemv {
    private FloatGemv() {}

    private static final VectorSpecies<Float> SPECIES = FloatMicroKernels.F;
    private static final int L = SPECIES.length();
    /** Matrices with fewer elements run on the calling thread. */
    private static final long PARALLEL_MIN = 1L << 18;

    /**
     * {@code y = alpha * M x + beta * y} for an {@code rows x len} matrix {@code M} (element
     * {@code (i, p)} at {@code m[mOff + i * rs + p * cs]}, where {@code rs == 1} or {@code cs == 1}),
     * vector {@code x} (stride {@code xs}) and {@code y} (stride {@code ys}). Returns false (and
     * does nothing) when neither stride of {@code M} is 1.
     */
    static boolean gemv(int rows, int len, float alpha, float[] m, int mOff, int rs, int cs,
                        float[] x, int xOff, int xs, float beta, float[] y, int yOff, int ys) {
        if (cs != 1 && rs != 1) {
            return false;
        }
        float[] xc = x;
        int xo = xOff;
        if (xs != 1) {
            xc = new float[len];
            for (int p = 0; p < len; p++) {
                xc[p] = x[xOff + p * xs];
            }
            xo = 0;
        }
        float[] acc = new float[rows];
        float[] xv = xc;
        int xov = xo;
        int tasks = (long) rows * len < PARALLEL_MIN || Parallel.inParallelRegion()
                ? 1 : Math.min(Parallel.getNumThreads(), Math.max(1, rows / 64));
        Parallel.parallelFor(tasks, t -> {
            int i0 = GemmPlan.partStart(t, tasks, rows, 16);
            int i1 = GemmPlan.partStart(t + 1, tasks, rows, 16);
            if (cs == 1) {
                dotRows(i0, i1, len, m, mOff, rs, xv, xov, acc);
            } else {
                axpyCols(i0, i1, len, m, mOff, cs, xv, xov, acc);
            }
        });
        for (int i = 0; i < rows; i++) {
            int yi = yOff + i * ys;
            y[yi] = beta == 0 ? alpha * acc[i] : alpha * acc[i] + beta * y[yi];
        }
        return true;
    }

    /** {@code out[i] = M[i, :] . x} for {@code i} in {@code [i0, i1)}; rows of {@code M} contiguous. */
    static void dotRows(int i0, int i1, int len, float[] m, int mOff, int rs, float[] x, int xo, float[] out) {
        int bound = SPECIES.loopBound(len);
        int i = i0;
        for (; i + 4 <= i1; i += 4) {
            int r0 = mOff + i * rs;
            int r1 = r0 + rs;
            int r2 = r1 + rs;
            int r3 = r2 + rs;
            FloatVector s0 = FloatVector.zero(SPECIES);
            FloatVector s1 = FloatVector.zero(SPECIES);
            FloatVector s2 = FloatVector.zero(SPECIES);
            FloatVector s3 = FloatVector.zero(SPECIES);
            int p = 0;
            for (; p < bound; p += L) {
                FloatVector v = FloatVector.fromArray(SPECIES, x, xo + p);
                s0 = FloatVector.fromArray(SPECIES, m, r0 + p).fma(v, s0);
                s1 = FloatVector.fromArray(SPECIES, m, r1 + p).fma(v, s1);
                s2 = FloatVector.fromArray(SPECIES, m, r2 + p).fma(v, s2);
                s3 = FloatVector.fromArray(SPECIES, m, r3 + p).fma(v, s3);
            }
            float t0 = Lanes.sum(s0);
            float t1 = Lanes.sum(s1);
            float t2 = Lanes.sum(s2);
            float t3 = Lanes.sum(s3);
            for (; p < len; p++) {
                float v = x[xo + p];
                t0 += m[r0 + p] * v;
                t1 += m[r1 + p] * v;
                t2 += m[r2 + p] * v;
                t3 += m[r3 + p] * v;
            }
            out[i] = t0;
            out[i + 1] = t1;
            out[i + 2] = t2;
            out[i + 3] = t3;
        }
        for (; i < i1; i++) {
            out[i] = dot(len, m, mOff + i * rs, x, xo);
        }
    }

    /** One dot product with four independent accumulators. */
    static float dot(int len, float[] a, int ao, float[] b, int bo) {
        int step = 4 * L;
        int bound4 = len - len % step;
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = FloatVector.zero(SPECIES);
        FloatVector s2 = FloatVector.zero(SPECIES);
        FloatVector s3 = FloatVector.zero(SPECIES);
        int p = 0;
        for (; p < bound4; p += step) {
            s0 = FloatVector.fromArray(SPECIES, a, ao + p).fma(FloatVector.fromArray(SPECIES, b, bo + p), s0);
            s1 = FloatVector.fromArray(SPECIES, a, ao + p + L).fma(FloatVector.fromArray(SPECIES, b, bo + p + L), s1);
            s2 = FloatVector.fromArray(SPECIES, a, ao + p + 2 * L).fma(FloatVector.fromArray(SPECIES, b, bo + p + 2 * L), s2);
            s3 = FloatVector.fromArray(SPECIES, a, ao + p + 3 * L).fma(FloatVector.fromArray(SPECIES, b, bo + p + 3 * L), s3);
        }
        int bound = SPECIES.loopBound(len);
        for (; p < bound; p += L) {
            s0 = FloatVector.fromArray(SPECIES, a, ao + p).fma(FloatVector.fromArray(SPECIES, b, bo + p), s0);
        }
        float s = Lanes.sum(s0.add(s1).add(s2.add(s3)));
        for (; p < len; p++) {
            s += a[ao + p] * b[bo + p];
        }
        return s;
    }

    /** {@code out[i] = sum_p M[p * cs + i] * x[p]} for {@code i} in {@code [i0, i1)}; columns of {@code M} contiguous. */
    static void axpyCols(int i0, int i1, int len, float[] m, int mOff, int cs, float[] x, int xo, float[] out) {
        int n = i1 - i0;
        int bound = SPECIES.loopBound(n);
        int base = mOff + i0;
        int p = 0;
        for (; p + 4 <= len; p += 4) {
            int c0 = base + p * cs;
            int c1 = c0 + cs;
            int c2 = c1 + cs;
            int c3 = c2 + cs;
            float x0 = x[xo + p];
            float x1 = x[xo + p + 1];
            float x2 = x[xo + p + 2];
            float x3 = x[xo + p + 3];
            FloatVector v0 = FloatVector.broadcast(SPECIES, x0);
            FloatVector v1 = FloatVector.broadcast(SPECIES, x1);
            FloatVector v2 = FloatVector.broadcast(SPECIES, x2);
            FloatVector v3 = FloatVector.broadcast(SPECIES, x3);
            int i = 0;
            for (; i < bound; i += L) {
                FloatVector s = FloatVector.fromArray(SPECIES, out, i0 + i);
                s = FloatVector.fromArray(SPECIES, m, c0 + i).fma(v0, s);
                s = FloatVector.fromArray(SPECIES, m, c1 + i).fma(v1, s);
                s = FloatVector.fromArray(SPECIES, m, c2 + i).fma(v2, s);
                s = FloatVector.fromArray(SPECIES, m, c3 + i).fma(v3, s);
                s.intoArray(out, i0 + i);
            }
            for (; i < n; i++) {
                out[i0 + i] += m[c0 + i] * x0 + m[c1 + i] * x1 + m[c2 + i] * x2 + m[c3 + i] * x3;
            }
        }
        for (; p < len; p++) {
            int c0 = base + p * cs;
            float x0 = x[xo + p];
            for (int i = 0; i < n; i++) {
                out[i0 + i] += m[c0 + i] * x0;
            }
        }
    }
}
