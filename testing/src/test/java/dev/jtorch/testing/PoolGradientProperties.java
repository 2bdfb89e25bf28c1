package dev.jtorch.testing;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.tensor.NDArray;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Pooling gradients (and, through the recorded backward ops, second derivatives with respect to
 * the output gradient) match finite differences on float64 inputs over random configurations.
 * Max pooling gets distinct values at least 1 apart, so no window has a tie that a finite
 * difference of 1e-6 could flip.
 */
class PoolGradientProperties {

    /** Random normal values, or (distinct) a shuffled 0..n-1 plus small noise. */
    private static Tensor leaf(Random rnd, boolean distinct, int... shape) {
        int n = NDArray.zeros(shape).numel();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = distinct ? i + 0.3 * rnd.nextDouble() : rnd.nextGaussian();
        }
        for (int i = n - 1; distinct && i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        return new Tensor(NDArray.wrap(v, shape)).requiresGrad_(true);
    }

    /** A valid window: kernel 1..3, stride 1..3, dilation 1..2, padding up to half the kernel; input at least the effective kernel. */
    private record Win(int k, int s, int p, int d, int in) {
        static Win random(Random rnd) {
            int k = 1 + rnd.nextInt(3);
            int d = 1 + rnd.nextInt(2);
            int p = rnd.nextInt(k / 2 + 1);
            int eff = (k - 1) * d + 1;
            return new Win(k, 1 + rnd.nextInt(3), p, d, Math.max(1, eff - 2 * p) + rnd.nextInt(4));
        }
    }

    private static int[] batchedOrNot(Random rnd, int h, int w) {
        return rnd.nextBoolean() ? new int[] {1 + rnd.nextInt(2), 2, h, w} : new int[] {2, h, w};
    }

    @Property(tries = 25)
    void maxPool2d(@ForAll long seed) {
        Random rnd = new Random(seed);
        Win a = Win.random(rnd);
        Win b = Win.random(rnd);
        boolean ceil = rnd.nextBoolean();
        GradientProperties.Op op = x -> Torch.maxPool2d(x[0], new int[] {a.k, b.k}, new int[] {a.s, b.s},
                new int[] {a.p, b.p}, new int[] {a.d, b.d}, ceil);
        Tensor input = leaf(rnd, true, batchedOrNot(rnd, a.in, b.in));
        // a window that dilation steps entirely over (only padding) yields -inf, where no finite difference exists
        Assume.that(Arrays.stream(op.apply(input).array().toDoubleArray()).allMatch(Double::isFinite));
        GradientProperties.assertGradgradcheck(op, input);
    }

    @Property(tries = 25)
    void avgPool2d(@ForAll long seed) {
        Random rnd = new Random(seed);
        Win a = Win.random(rnd);
        Win b = Win.random(rnd);
        boolean ceil = rnd.nextBoolean();
        boolean countPad = rnd.nextBoolean();
        Integer divisor = rnd.nextBoolean() ? null : 1 + rnd.nextInt(5);
        GradientProperties.assertGradgradcheck(x -> Torch.avgPool2d(x[0], new int[] {a.k, b.k}, new int[] {a.s, b.s},
                new int[] {a.p, b.p}, ceil, countPad, divisor), leaf(rnd, false, batchedOrNot(rnd, a.in, b.in)));
    }

    @Property(tries = 25)
    void adaptiveAvgPool2d(@ForAll long seed) {
        Random rnd = new Random(seed);
        int h = 1 + rnd.nextInt(7);
        int w = 1 + rnd.nextInt(7);
        int oh = 1 + rnd.nextInt(h + 2);
        int ow = 1 + rnd.nextInt(w + 2);
        GradientProperties.assertGradgradcheck(x -> Torch.adaptiveAvgPool2d(x[0], oh, ow),
                leaf(rnd, false, batchedOrNot(rnd, h, w)));
    }

    @Property(tries = 25)
    void adaptiveMaxPool2d(@ForAll long seed) {
        Random rnd = new Random(seed);
        int h = 1 + rnd.nextInt(7);
        int w = 1 + rnd.nextInt(7);
        int oh = 1 + rnd.nextInt(h + 2);
        int ow = 1 + rnd.nextInt(w + 2);
        GradientProperties.assertGradgradcheck(x -> Torch.adaptiveMaxPool2d(x[0], oh, ow).values(),
                leaf(rnd, true, batchedOrNot(rnd, h, w)));
    }

    @Property(tries = 25)
    void pool1d(@ForAll long seed) {
        Random rnd = new Random(seed);
        Win a = Win.random(rnd);
        boolean ceil = rnd.nextBoolean();
        int[] shape = rnd.nextBoolean() ? new int[] {2, 3, a.in} : new int[] {3, a.in};
        int[] k = {a.k};
        int[] s = {a.s};
        int[] p = {a.p};
        boolean countPad = rnd.nextBoolean();
        int out = 1 + rnd.nextInt(a.in + 2);
        GradientProperties.Op max = x -> Torch.maxPool1d(x[0], k, s, p, new int[] {a.d}, ceil);
        Tensor input = leaf(rnd, true, shape);
        Assume.that(Arrays.stream(max.apply(input).array().toDoubleArray()).allMatch(Double::isFinite)); // as in maxPool2d
        GradientProperties.assertGradcheck(max, input);
        GradientProperties.assertGradcheck(x -> Torch.avgPool1d(x[0], k, s, p, ceil, countPad), leaf(rnd, false, shape));
        GradientProperties.assertGradcheck(x -> Torch.adaptiveAvgPool1d(x[0], out), leaf(rnd, false, shape));
    }
}
