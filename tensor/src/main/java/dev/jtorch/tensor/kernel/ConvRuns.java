package dev.jtorch.tensor.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A panel of output positions as runs of consecutive image offsets, for the implicit-GEMM
 * convolution drivers: with a unit column stride the positions of one output row read (for any
 * tap) consecutive input elements, so a row of the column matrix is a few contiguous copies of
 * the image, done here with vectors instead of one element at a time. Run {@code k} covers
 * columns {@code [dst[k], dst[k] + len[k])}, which read image offsets {@code src[k] ..} (plus a
 * tap's offset). Values are only copied, so results have the same bits as the element-by-element
 * packing. One instance lives in each driver's per-thread buffers.
 *
 * <p>(The col2im scatter of the input gradient was tried the same way, with masked adds: with
 * runs of 11 (a 13x13 image) it measured slower than the scalar loop, so it stays scalar.)
 */
final class ConvRuns {
    private static final VectorSpecies<Float> F = FloatMicroKernels.F;
    /** Vector width: {@link #gather} may write up to {@code L - 1} elements past a run; buffers leave that much room. */
    static final int L = F.length();

    int[] src = new int[0];
    int[] dst = new int[0];
    int[] len = new int[0];
    int n;

    /** Groups {@code base[0 .. count)} into maximal runs of consecutive values. */
    void build(int[] base, int count) {
        if (src.length < count) {
            src = new int[count];
            dst = new int[count];
            len = new int[count];
        }
        int k = -1;
        for (int j = 0; j < count; j++) {
            if (k >= 0 && base[j] == src[k] + len[k]) {
                len[k]++;
            } else {
                k++;
                src[k] = base[j];
                dst[k] = j;
                len[k] = 1;
            }
        }
        n = k + 1;
    }

    /**
     * {@code b[d + dst[k] + c] = x[src[k] + off + c]} for every run {@code k} and {@code c < len[k]};
     * a run's last partial vector is stored through a mask (whole, overlapping stores measured
     * slower), so nothing outside the runs is written. {@code b} must have {@code L} elements of room
     * after the last run (a masked store still checks the whole vector's index range).
     */
    void gather(float[] x, int off, float[] b, int d) {
        int xl = x.length - L;
        for (int k = 0; k < n; k++) {
            int s = src[k] + off;
            int t = d + dst[k];
            int e = len[k];
            int c = 0;
            for (; c + L <= e && s + c <= xl; c += L) {
                FloatVector.fromArray(F, x, s + c).intoArray(b, t + c);
            }
            if (c < e && s + c <= xl) {
                FloatVector.fromArray(F, x, s + c).intoArray(b, t + c, F.indexInRange(c, e));
                c = e;
            }
            for (; c < e; c++) {
                b[t + c] = x[s + c];
            }
        }
    }
}
