package dev.jtorch.tensor.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
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
 */
public final class VectorMaxPool {
    private VectorMaxPool() {}

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    private static final int L = F.length();
    /** Outputs per vector step: {@link #forward2x2Planes} needs planes at least this big. */
    public static final int LANES = L;

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
