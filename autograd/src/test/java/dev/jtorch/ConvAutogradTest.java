package dev.jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.autograd.GradCheck;
import dev.jtorch.tensor.NDArray;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * Gradients of conv1d, conv2d and conv_transpose1d/2d with respect to input, weight and bias by
 * {@code gradcheck} (and {@code gradgradcheck}: the backward is differentiable) in float64 over
 * random small configurations: stride, padding (numeric and "same"), dilation, groups, batch 1,
 * unbatched inputs.
 */
class ConvAutogradTest {

    static Tensor leaf(SplittableRandom r, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble(-1, 1);
        }
        return new Tensor(NDArray.wrap(v, shape)).requiresGrad_();
    }

    @Property(tries = 12)
    void conv2dGradients(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int g = 1 + r.nextInt(2);
        int c = g * (1 + r.nextInt(2));
        int o = g * (1 + r.nextInt(2));
        int kh = 1 + r.nextInt(3);
        int kw = 1 + r.nextInt(3);
        int[] s = {1 + r.nextInt(2), 1 + r.nextInt(2)};
        int[] p = {r.nextInt(2), r.nextInt(2)};
        int[] d = {1 + r.nextInt(2), 1 + r.nextInt(2)};
        int h = d[0] * (kh - 1) + 1 + r.nextInt(3);
        int w = d[1] * (kw - 1) + 1 + r.nextInt(3);
        boolean unbatched = r.nextInt(4) == 0;
        Tensor x = unbatched ? leaf(r, c, h, w) : leaf(r, 1 + r.nextInt(2), c, h, w);
        Tensor wt = leaf(r, o, c / g, kh, kw);
        Tensor b = leaf(r, o);
        GradCheck.Fn fn = GradCheck.Fn.of(in -> Torch.conv2d(in[0], in[1], in[2], s, p, d, g));
        assertTrue(GradCheck.gradcheck(fn, x, wt, b));
        assertTrue(GradCheck.gradgradcheck(fn, x, wt, b));
    }

    @Property(tries = 10)
    void conv1dGradientsWithSamePadding(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int k = 1 + r.nextInt(4);
        int d = 1 + r.nextInt(2);
        Tensor x = leaf(r, 1 + r.nextInt(2), 2, d * (k - 1) + 1 + r.nextInt(4));
        Tensor wt = leaf(r, 3, 2, k);
        GradCheck.Fn fn = GradCheck.Fn.of(in -> Torch.conv1d(in[0], in[1], null, 1, "same", d, 1));
        assertTrue(GradCheck.gradcheck(fn, x, wt));
        assertTrue(GradCheck.gradgradcheck(fn, x, wt));
    }

    @Property(tries = 10)
    void convTransposeGradients(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int g = 1 + r.nextInt(2);
        int[] s = {1 + r.nextInt(3), 1 + r.nextInt(3)};
        int[] d = {1 + r.nextInt(2), 1 + r.nextInt(2)};
        int[] op = {r.nextInt(Math.max(s[0], d[0])), r.nextInt(Math.max(s[1], d[1]))};
        Tensor x = leaf(r, 1 + r.nextInt(2), 2 * g, 2 + r.nextInt(2), 2 + r.nextInt(3));
        Tensor wt = leaf(r, 2 * g, 1 + r.nextInt(2), 1 + r.nextInt(3), 1 + r.nextInt(3));
        // padding may remove at most the kernel's extent, so that the output is not empty
        int[] p = {r.nextInt(1 + d[0] * (wt.size(2) - 1) / 2), r.nextInt(1 + d[1] * (wt.size(3) - 1) / 2)};
        Tensor b = leaf(r, wt.size(1) * g);
        GradCheck.Fn fn = GradCheck.Fn.of(in -> Torch.convTranspose2d(in[0], in[1], in[2], s, p, op, g, d));
        assertTrue(GradCheck.gradcheck(fn, x, wt, b));
        assertTrue(GradCheck.gradgradcheck(fn, x, wt, b));
        Tensor x1 = leaf(r, 1, 2, 4);
        Tensor w1 = leaf(r, 2, 3, 3);
        p[0] = Math.min(p[0], d[0]);
        GradCheck.Fn fn1 = GradCheck.Fn.of(in -> Torch.convTranspose1d(in[0], in[1], null, s[0], p[0], op[0], 1, d[0]));
        assertTrue(GradCheck.gradcheck(fn1, x1, w1));
    }

    @Test
    void gradFnNames() {
        SplittableRandom r = new SplittableRandom(1);
        Tensor x = leaf(r, 1, 2, 5, 5);
        Tensor w = leaf(r, 3, 2, 3, 3);
        assertEquals("ConvolutionBackward0", Torch.conv2d(x, w, null).gradFn().name());
        assertEquals("SqueezeBackward1", Torch.conv2d(x.squeeze(0), w, null).gradFn().name());
        assertEquals("ConvolutionBackward0", Torch.convTranspose2d(leaf(r, 1, 3, 2, 2), w, null).gradFn().name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Torch.conv2d(leaf(r, 1, 3, 5, 5), w, null));
        assertEquals("Given groups=1, weight of size [3, 2, 3, 3], expected input[1, 3, 5, 5] to have 2 channels, "
                + "but got 3 channels instead", e.getMessage());
    }
}
