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
            FloatVector a = FloatVector.fromArray(F, in, inOff, map, o);
            FloatVector b = FloatVector.fromArray(F, in, inOff + 1, map, o);
            FloatVector c = FloatVector.fromArray(F, in, inOff + iW, map, o);
            FloatVector d = FloatVector.fromArray(F, in, inOff + iW + 1, map, o);
            VectorMask<Float> top = b.compare(VectorOperators.GT, a).or(b.test(VectorOperators.IS_NAN));
            VectorMask<Float> bottom = d.compare(VectorOperators.GT, c).or(d.test(VectorOperators.IS_NAN));
            FloatVector m1 = a.blend(b, top);
            FloatVector m2 = c.blend(d, bottom);
            VectorMask<Float> second = m2.compare(VectorOperators.GT, m1).or(m2.test(VectorOperators.IS_NAN));
            m1.blend(m2, second).intoArray(out, outOff + o);
            IntVector start = IntVector.fromArray(I, map, o);
            IntVector i1 = start.add(1, top.cast(I));
            IntVector i2 = start.add(iW).add(1, bottom.cast(I));
            IntVector index = i1.blend(i2, second.cast(I));
            ((LongVector) index.convertShape(VectorOperators.I2L, LS, 0)).intoArray(idx, outOff + o);
            ((LongVector) index.convertShape(VectorOperators.I2L, LS, 1)).intoArray(idx, outOff + o + L / 2);
        }
        for (int o = bound; o < n; o++) {
            int t = map[o];
            float a = in[inOff + t];
            float b = in[inOff + t + 1];
            float c = in[inOff + t + iW];
            float d = in[inOff + t + iW + 1];
            boolean top = b > a || b != b;
            boolean bottom = d > c || d != d;
            float m1 = top ? b : a;
            float m2 = bottom ? d : c;
            boolean second = m2 > m1 || m2 != m2;
            out[outOff + o] = second ? m2 : m1;
            idx[outOff + o] = second ? (bottom ? t + iW + 1 : t + iW) : (top ? t + 1 : t);
        }
    }
}
