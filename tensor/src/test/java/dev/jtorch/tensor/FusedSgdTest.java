package dev.jtorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link FusedSgd} against SGD's op-by-op update written with the NDArray ops it replaces:
 * bit-identical for every flag combination, both dtypes, lengths around the vector width (tails)
 * and special values (NaN, infinities, signed zeros, subnormals); and it declines the layouts it
 * does not take, leaving the operands untouched. A NaN equals any NaN here: which NaN an x86
 * instruction returns (the default NaN of an invalid operation, or one of several NaN operands)
 * depends on the operand order the JIT picks, so the sign and payload of a NaN are not fixed even
 * between the op-by-op path's own vector and scalar parts (nor in PyTorch).
 */
class FusedSgdTest {
    private static final int[] LENGTHS = {0, 1, 7, 15, 16, 17, 31, 33, 64, 257, 1000};

    /** The update as SGD writes it op by op. */
    private static void reference(NDArray p, NDArray grad, NDArray buf, double lr, double momentum, double dampening,
                                  double wd, boolean nesterov, boolean maximize) {
        NDArray g = maximize ? grad.neg() : grad;
        if (wd != 0) {
            g = g.add(p, wd);
        }
        buf.mul_(momentum).add_(g, 1 - dampening);
        g = nesterov ? g.add(buf, momentum) : buf;
        p.add_(g, -lr);
    }

    private static NDArray values(DType t, int n, Random r, boolean special) {
        double[] v = new double[n];
        double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, 1e-40, -1e-310, 3e38, 1e300};
        for (int i = 0; i < n; i++) {
            v[i] = special && r.nextInt(8) == 0 ? specials[r.nextInt(specials.length)] : r.nextGaussian() * Math.exp(r.nextGaussian() * 3);
        }
        return NDArray.wrap(v, new int[] {n}).to(t);
    }

    private static void check(DType t, int n, long seed, double lr, double momentum, double dampening, double wd,
                              boolean nesterov, boolean maximize, boolean special) {
        Random r = new Random(seed);
        NDArray p = values(t, n, r, special);
        NDArray g = values(t, n, r, special);
        NDArray b = values(t, n, r, special);
        NDArray p2 = p.clone();
        NDArray b2 = b.clone();
        reference(p2, g, b2, lr, momentum, dampening, wd, nesterov, maximize);
        assertTrue(FusedSgd.momentumStep_(p, g, b, lr, momentum, dampening, wd, nesterov, maximize));
        String what = t + " n=" + n + " lr=" + lr + " m=" + momentum + " d=" + dampening + " wd=" + wd + " nesterov=" + nesterov + " maximize=" + maximize;
        if (t == DType.FLOAT32) {
            assertArrayEquals(bits(b2.toFloatArray()), bits(b.toFloatArray()), "buf " + what);
            assertArrayEquals(bits(p2.toFloatArray()), bits(p.toFloatArray()), "param " + what);
        } else {
            assertArrayEquals(bits(b2.toDoubleArray()), bits(b.toDoubleArray()), "buf " + what);
            assertArrayEquals(bits(p2.toDoubleArray()), bits(p.toDoubleArray()), "param " + what);
        }
    }

    private static int[] bits(float[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = Float.floatToIntBits(a[i]);
        }
        return r;
    }

    private static long[] bits(double[] a) {
        long[] r = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = Double.doubleToLongBits(a[i]);
        }
        return r;
    }

    @Test
    void everyFlagCombinationAndTailMatchesTheOpByOpUpdate() {
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (int n : LENGTHS) {
                for (int flags = 0; flags < 8; flags++) {
                    boolean nesterov = (flags & 1) != 0;
                    boolean maximize = (flags & 2) != 0;
                    double wd = (flags & 4) != 0 ? 1e-2 : 0;
                    check(t, n, n * 31L + flags, 0.01, 0.9, nesterov ? 0 : 0.1, wd, nesterov, maximize, false);
                    check(t, n, n * 37L + flags, 0.1, 0.5, 0, wd, nesterov, maximize, true);
                }
            }
        }
    }

    @Property(tries = 150)
    void randomHyperparametersMatchTheOpByOpUpdate(@ForAll @IntRange(min = 0, max = 300) int n, @ForAll long seed,
                                                   @ForAll boolean float64, @ForAll boolean nesterov, @ForAll boolean maximize,
                                                   @ForAll boolean decay, @ForAll boolean special) {
        Random r = new Random(seed);
        double lr = Math.exp(r.nextGaussian() * 3);
        double momentum = r.nextDouble();
        double dampening = nesterov ? 0 : r.nextDouble();
        double wd = decay ? Math.exp(r.nextGaussian() * 4) : 0;
        check(float64 ? DType.FLOAT64 : DType.FLOAT32, n, seed, lr, momentum, dampening, wd, nesterov, maximize, special);
    }

    @Test
    void splitsLongRowsOverThePoolWithTheSameBits() {
        check(DType.FLOAT32, FlatParallel.MIN_PARALLEL + 77, 5, 0.01, 0.9, 0, 1e-4, false, false, true);
        check(DType.FLOAT64, FlatParallel.MIN_PARALLEL + 3, 6, 0.01, 0.9, 0, 0, true, false, false);
    }

    @Test
    void worksOnContiguousViewsAtAnOffset() {
        NDArray p = NDArray.randn(4, 9).narrow(0, 1, 2);
        NDArray g = NDArray.randn(3, 9).narrow(0, 1, 2);
        NDArray b = NDArray.randn(2, 9);
        NDArray p2 = p.clone();
        NDArray b2 = b.clone();
        reference(p2, g, b2, 0.05, 0.9, 0, 0, false, false);
        assertTrue(FusedSgd.momentumStep_(p, g, b, 0.05, 0.9, 0, 0, false, false));
        assertArrayEquals(p2.toFloatArray(), p.toFloatArray());
        assertArrayEquals(b2.toFloatArray(), b.toFloatArray());
    }

    @Test
    void declinesOtherLayoutsAndDtypesWithoutWriting() {
        NDArray p = NDArray.randn(3, 4);
        NDArray before = p.clone();
        assertFalse(FusedSgd.momentumStep_(p.t(), NDArray.randn(4, 3), NDArray.randn(4, 3), 0.1, 0.9, 0, 0, false, false));
        assertFalse(FusedSgd.momentumStep_(p, NDArray.randn(3, 4).t().contiguous().t(), NDArray.randn(3, 4), 0.1, 0.9, 0, 0, false, false));
        assertFalse(FusedSgd.momentumStep_(p, NDArray.randn(DType.FLOAT64, 3, 4), NDArray.randn(3, 4), 0.1, 0.9, 0, 0, false, false));
        assertFalse(FusedSgd.momentumStep_(p, NDArray.randn(12), NDArray.randn(3, 4), 0.1, 0.9, 0, 0, false, false));
        assertFalse(FusedSgd.momentumStep_(p, p, NDArray.randn(3, 4), 0.1, 0.9, 0, 0, false, false));
        NDArray lp = NDArray.zeros(DType.INT64, 3, 4);
        assertFalse(FusedSgd.momentumStep_(lp, lp.clone(), lp.clone(), 0.1, 0.9, 0, 0, false, false));
        assertArrayEquals(before.toFloatArray(), p.toFloatArray());
        assertEquals(0, lp.sum().itemLong());
    }
}
