package dev.jtorch.tensor.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 {@code max_pool2d_with_indices} for the common 2x2, stride-2, unpadded, undilated
 * window, one plane at a time, {@code L} outputs per step. The scalar scan's compare-and-branch
 * mispredicts about half the time on activations after a ReLU (many ties at zero), which made
 * it several times slower than the data movement; here each window's four values are gathered
 * into lanes and reduced with compares and blends. The result is the scan's, value and index:
 * the maximum of each row's pair, then of the two pairs, each step keeping the first of equal
 * values and letting a NaN win (so the last NaN's index is kept), which is what the scan in
 * window order picks. Outputs past the last full vector take the same steps in scalar code.
 *
 * <p>Output rows at least half a vector wide ({@link #forward2x2Rows}) read their windows with
 * plain loads instead of gathers (four gathers per {@code L} outputs made the 26x26 -> 13x13 pool
 * of the example CNN cost more than its convolution's forward): two vectors of each input row
 * hold the pairs of {@code L} windows, split into even and odd columns by a lane shuffle. The
 * selection is the same, so are values and indices.
 */
public final class VectorMaxPool {
    private VectorMaxPool() {}

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    private static final int L = F.length();
    /** Outputs per vector step: {@link #forward2x2Planes} needs planes at least this big. */
    public static final int LANES = L;
    /** {@link #forward2x2Rows} is used for output rows at least this wide. */
    public static final int MIN_ROW = L / 2;

    /** Lane {@code i} takes lane {@code 2i mod L}: the even columns of a vector in the low half, of the next one in the high half. */
    private static final VectorShuffle<Float> EVEN = VectorShuffle.fromOp(F, i -> (2 * i) % L);
    private static final VectorShuffle<Float> ODD = VectorShuffle.fromOp(F, i -> (2 * i + 1) % L);
    private static final boolean[] HIGH = highHalf();
    /** {@code 0, 2, 4, ...}: the window starts of one row chunk, relative to the first. */
    private static final int[] TWICE_IOTA = twiceIota();

    private static boolean[] highHalf() {
        boolean[] h = new boolean[L];
        for (int i = L / 2; i < L; i++) {
            h[i] = true;
        }
        return h;
    }

    private static int[] twiceIota() {
        int[] t = new int[L];
        for (int i = 0; i < L; i++) {
            t[i] = 2 * i;
        }
        return t;
    }

    /** The offset in its plane of each output's window's top-left value: {@code 2 * oh * iW + 2 * ow}. */
    public static int[] windowStarts(int iW, int oH, int oW) {
        int[] map = new int[oH * oW];
        for (int oh = 0; oh < oH; oh++) {
            for (int ow = 0; ow < oW; ow++) {
                map[oh * oW + ow] = 2 * oh * iW + 2 * ow;
            }
        }
        return map;
    }

    /** Usable when the preferred int species has as many lanes as the float one and the long one half (true on x86 and ARM). */
    public static boolean supported() {
        return I.length() == L && 2 * LS.length() == L;
    }

    /**
     * One plane: {@code out[outOff + o]} and {@code idx[outOff + o]} for the {@code map.length}
     * outputs, from the plane at {@code in[inOff]} of row length {@code iW}; {@code map} from
     * {@link #windowStarts}.
     */
    public static void forward2x2(float[] in, int inOff, int iW, int[] map, float[] out, long[] idx, int outOff) {
        int n = map.length;
        int bound = n - n % L;
        for (int o = 0; o < bound; o += L) {
            window4(in, inOff, iW, map, map, o, out, idx, outOff + o);
        }
        for (int o = bound; o < n; o++) {
            scalar(in, inOff, iW, map[o], out, idx, outOff + o);
        }
    }

    /**
     * Like {@link #forward2x2} for the planes {@code [p0, p1)} at once (planes {@code inPlane}
     * input and {@code map.length} output elements apart): the outputs are taken {@code L} at a
     * time across plane boundaries, so a small plane (the 5x5 of a pooled 11x11) leaves no
     * scalar tail per plane, only one at the end of the range. Needs {@code map.length >= L}
     * (a vector then spans at most two planes); the values and indices are {@link #forward2x2}'s.
     */
    public static void forward2x2Planes(float[] in, int inOff, int inPlane, int iW, int[] map, int p0, int p1,
                                        float[] out, long[] idx, int outOff) {
        int n = map.length;
        // gather offsets and plane-relative indices for outputs q .. q + L - 1 of a plane, lanes past
        // the plane's end reading the next plane's first windows
        int[] offs = new int[n + L];
        int[] starts = new int[n + L];
        System.arraycopy(map, 0, offs, 0, n);
        System.arraycopy(map, 0, starts, 0, n);
        for (int j = 0; j < L; j++) {
            offs[n + j] = inPlane + map[j];
            starts[n + j] = map[j];
        }
        int total = (p1 - p0) * n;
        int bound = total - total % L;
        int p = p0;
        int q = 0;
        for (int f = 0; f < bound; f += L) {
            window4(in, inOff + p * inPlane, iW, offs, starts, q, out, idx, outOff + p0 * n + f);
            q += L;
            if (q >= n) {
                q -= n;
                p++;
            }
        }
        for (int f = bound; f < total; f++) {
            scalar(in, inOff + p * inPlane, iW, map[q], out, idx, outOff + p0 * n + f);
            if (++q == n) {
                q = 0;
                p++;
            }
        }
    }

    /**
     * Like {@link #forward2x2Planes}, output row by output row: {@code L} outputs of a row at a time
     * from plain loads ({@link #rowChunk}). A row's last chunk also writes the first outputs of the
     * next row, which that row then overwrites; where a chunk would read past the input or write
     * past the range's last output (another thread's), the row is finished in scalar code.
     * Planes {@code [p0, p1)} of {@code oH x oW} outputs from {@code iW}-wide input planes
     * {@code inPlane} apart; outputs from {@code out[outOff]} for plane 0.
     */
    public static void forward2x2Rows(float[] in, int inOff, int inPlane, int iW, int oH, int oW, int p0, int p1,
                                      float[] out, long[] idx, int outOff) {
        int outPlane = oH * oW;
        int end = outOff + p1 * outPlane;
        for (int p = p0; p < p1; p++) {
            int ib = inOff + p * inPlane;
            int ob = outOff + p * outPlane;
            for (int oh = 0; oh < oH; oh++) {
                int t0 = 2 * oh * iW;
                int o0 = ob + oh * oW;
                int ow = 0;
                for (; ow < oW && ib + t0 + 2 * ow + iW + 2 * L <= in.length && o0 + ow + L <= end; ow += L) {
                    rowChunk(in, ib, t0 + 2 * ow, iW, out, idx, o0 + ow);
                }
                for (; ow < oW; ow++) {
                    scalar(in, ib, iW, t0 + 2 * ow, out, idx, o0 + ow);
                }
            }
        }
    }

    /** {@code L} outputs whose windows start at plane offsets {@code t, t + 2, ...}: the pairs of each row from two plain loads. */
    private static void rowChunk(float[] in, int base, int t, int iW, float[] out, long[] idx, int o) {
        VectorMask<Float> high = VectorMask.fromArray(F, HIGH, 0);
        int top = base + t;
        FloatVector t0 = FloatVector.fromArray(F, in, top);
        FloatVector t1 = FloatVector.fromArray(F, in, top + L);
        FloatVector b0 = FloatVector.fromArray(F, in, top + iW);
        FloatVector b1 = FloatVector.fromArray(F, in, top + iW + L);
        FloatVector a = t0.rearrange(EVEN).blend(t1.rearrange(EVEN), high);
        FloatVector b = t0.rearrange(ODD).blend(t1.rearrange(ODD), high);
        FloatVector c = b0.rearrange(EVEN).blend(b1.rearrange(EVEN), high);
        FloatVector d = b0.rearrange(ODD).blend(b1.rearrange(ODD), high);
        VectorMask<Float> topWins = b.compare(VectorOperators.GT, a).or(b.test(VectorOperators.IS_NAN));
        VectorMask<Float> bottom = d.compare(VectorOperators.GT, c).or(d.test(VectorOperators.IS_NAN));
        FloatVector m1 = a.blend(b, topWins);
        FloatVector m2 = c.blend(d, bottom);
        VectorMask<Float> second = m2.compare(VectorOperators.GT, m1).or(m2.test(VectorOperators.IS_NAN));
        m1.blend(m2, second).intoArray(out, o);
        IntVector start = IntVector.fromArray(I, TWICE_IOTA, 0).add(t);
        IntVector i1 = start.add(1, topWins.cast(I));
        IntVector i2 = start.add(iW).add(1, bottom.cast(I));
        IntVector index = i1.blend(i2, second.cast(I));
        ((LongVector) index.convertShape(VectorOperators.I2L, LS, 0)).intoArray(idx, o);
        ((LongVector) index.convertShape(VectorOperators.I2L, LS, 1)).intoArray(idx, o + L / 2);
    }

    /** {@code L} outputs: windows at {@code base + offs[q + l]}, indices {@code starts[q + l]} plus the winner's place. */
    private static void window4(float[] in, int base, int iW, int[] offs, int[] starts, int q, float[] out, long[] idx,
                                int o) {
        FloatVector a = FloatVector.fromArray(F, in, base, offs, q);
        FloatVector b = FloatVector.fromArray(F, in, base + 1, offs, q);
        FloatVector c = FloatVector.fromArray(F, in, base + iW, offs, q);
        FloatVector d = FloatVector.fromArray(F, in, base + iW + 1, offs, q);
        VectorMask<Float> top = b.compare(VectorOperators.GT, a).or(b.test(VectorOperators.IS_NAN));
        VectorMask<Float> bottom = d.compare(VectorOperators.GT, c).or(d.test(VectorOperators.IS_NAN));
        FloatVector m1 = a.blend(b, top);
        FloatVector m2 = c.blend(d, bottom);
        VectorMask<Float> second = m2.compare(VectorOperators.GT, m1).or(m2.test(VectorOperators.IS_NAN));
        m1.blend(m2, second).intoArray(out, o);
        IntVector start = IntVector.fromArray(I, starts, q);
        IntVector i1 = start.add(1, top.cast(I));
        IntVector i2 = start.add(iW).add(1, bottom.cast(I));
        IntVector index = i1.blend(i2, second.cast(I));
        ((LongVector) index.convertShape(VectorOperators.I2L, LS, 0)).intoArray(idx, o);
        ((LongVector) index.convertShape(VectorOperators.I2L, LS, 1)).intoArray(idx, o + L / 2);
    }

    /** One output the scalar way: the window at {@code base + t}. */
    private static void scalar(float[] in, int base, int iW, int t, float[] out, long[] idx, int o) {
        float a = in[base + t];
        float b = in[base + t + 1];
        float c = in[base + t + iW];
        float d = in[base + t + iW + 1];
        boolean top = b > a || b != b;
        boolean bottom = d > c || d != d;
        float m1 = top ? b : a;
        float m2 = bottom ? d : c;
        boolean second = m2 > m1 || m2 != m2;
        out[o] = second ? m2 : m1;
        idx[o] = second ? (bottom ? t + iW + 1 : t + iW) : (top ? t + 1 : t);
    }
}
