package dev.jtorch.conformance;

import dev.jtorch.Torch;
import dev.jtorch.nn.Conv1d;
import dev.jtorch.nn.Conv2d;
import dev.jtorch.nn.ConvNd;
import dev.jtorch.nn.ConvTranspose1d;
import dev.jtorch.nn.ConvTranspose2d;
import dev.jtorch.tensor.DType;
import java.util.Random;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Conv1dImpl;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.Conv2dOptions;
import org.bytedeco.pytorch.ConvTranspose1dImpl;
import org.bytedeco.pytorch.ConvTranspose1dOptions;
import org.bytedeco.pytorch.ConvTranspose2dImpl;
import org.bytedeco.pytorch.ConvTranspose2dOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/**
 * Convolutions against libtorch: forward values, {@code grad_fn} names and input/weight/bias
 * gradients of {@code conv1d}, {@code conv2d} ("same" padding included) and
 * {@code conv_transpose1d/2d} on random configurations (stride, padding, dilation, groups, batch 1,
 * unbatched, non-contiguous inputs), float32 and float64; PyTorch's error messages for bad shapes
 * and parameters; and the default initialisation of {@code Conv1d}, {@code Conv2d},
 * {@code ConvTranspose2d} bit-exact after the same seed.
 *
 * <p>Tolerance: every value is a sum of at most {@code T} products of unit-normal numbers (T = the
 * largest of the kernel volume {@code C/g*kh*kw}, the batch-positions {@code N*OH*OW} summed by
 * the weight gradient, and {@code O/g*kh*kw} summed by the input gradient); the summation order
 * differs from libtorch's (GEMM blocking, mkldnn), so float32 uses rtol 1e-5 with atol
 * {@code 1e-6 * T}, float64 rtol 1e-12 with atol {@code 1e-14 * T}.
 */
class ConvConformanceTest {

    private static double atol(DType t, long terms) {
        return (t == DType.FLOAT32 ? 1e-6 : 1e-14) * terms;
    }

    private static double rtol(DType t) {
        return t == DType.FLOAT32 ? 1e-5 : 1e-12;
    }

    private static long[] longs(int... v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    @Test
    void conv2dValuesAndGradients() {
        Oracle.require();
        Random rnd = new Random(11);
        for (int trial = 0; trial < 40; trial++) {
            try (PointerScope scope = new PointerScope()) {
                GradCase c = new GradCase(rnd);
                DType t = trial % 2 == 0 ? DType.FLOAT32 : DType.FLOAT64;
                int g = 1 + rnd.nextInt(3);
                int cin = g * (1 + rnd.nextInt(3));
                int o = g * (1 + rnd.nextInt(3));
                int kh = 1 + rnd.nextInt(3);
                int kw = 1 + rnd.nextInt(4);
                int[] s = {1 + rnd.nextInt(2), 1 + rnd.nextInt(3)};
                int[] p = {rnd.nextInt(2), rnd.nextInt(3)};
                int[] d = {1 + rnd.nextInt(2), 1 + rnd.nextInt(2)};
                int n = 1 + rnd.nextInt(3);
                int h = Math.max(1, d[0] * (kh - 1) + 1 - 2 * p[0]) + rnd.nextInt(6);
                int w = Math.max(1, d[1] * (kw - 1) + 1 - 2 * p[1]) + rnd.nextInt(7);
                boolean unbatched = rnd.nextInt(5) == 0;
                GradCase.Leaf x = c.anyLayout(t, unbatched ? new int[] {cin, h, w} : new int[] {n, cin, h, w}, true, false);
                GradCase.Leaf wt = c.anyLayout(t, new int[] {o, cin / g, kh, kw}, true, false);
                GradCase.Leaf b = rnd.nextBoolean() ? c.leaf(t, new int[] {o}, true) : null;
                long terms = Math.max((long) cin / g * kh * kw, Math.max((long) n * h * w, (long) o / g * kh * kw));
                String what = "conv2d " + c.describe() + " s" + java.util.Arrays.toString(s) + " p"
                        + java.util.Arrays.toString(p) + " d" + java.util.Arrays.toString(d) + " g" + g;
                boolean same = trial % 5 == 4;
                if (same) {
                    c.check(what + " same", () -> torch.conv2d(x.t, wt.t, b == null ? new TensorOptional() : new TensorOptional(b.t),
                            longs(1, 1), "same", longs(d), g),
                            () -> Torch.conv2d(x.j, wt.j, b == null ? null : b.j, new int[] {1}, "same", d, g),
                            rtol(t), atol(t, terms));
                } else {
                    c.check(what, () -> torch.conv2d(x.t, wt.t, b == null ? new TensorOptional() : new TensorOptional(b.t),
                            longs(s), longs(p), longs(d), g),
                            () -> Torch.conv2d(x.j, wt.j, b == null ? null : b.j, s, p, d, g), rtol(t), atol(t, terms));
                }
            }
        }
    }

    @Test
    void conv1dValuesAndGradients() {
        Oracle.require();
        Random rnd = new Random(12);
        for (int trial = 0; trial < 40; trial++) {
            try (PointerScope scope = new PointerScope()) {
                GradCase c = new GradCase(rnd);
                DType t = trial % 2 == 0 ? DType.FLOAT32 : DType.FLOAT64;
                int g = 1 + rnd.nextInt(2);
                int cin = g * (1 + rnd.nextInt(3));
                int o = g * (1 + rnd.nextInt(3));
                int k = 1 + rnd.nextInt(5);
                int s = 1 + rnd.nextInt(3);
                int p = rnd.nextInt(3);
                int d = 1 + rnd.nextInt(2);
                int n = 1 + rnd.nextInt(3);
                int len = Math.max(1, d * (k - 1) + 1 - 2 * p) + rnd.nextInt(9);
                GradCase.Leaf x = c.anyLayout(t, new int[] {n, cin, len}, true, false);
                GradCase.Leaf wt = c.leaf(t, new int[] {o, cin / g, k}, true);
                GradCase.Leaf b = c.leaf(t, new int[] {o}, true);
                long terms = Math.max((long) cin * k, (long) n * len);
                String what = "conv1d " + c.describe() + " s" + s + " p" + p + " d" + d + " g" + g;
                if (trial % 4 == 3) {
                    c.check(what + " same", () -> torch.conv1d(x.t, wt.t, new TensorOptional(b.t), longs(1), "same", longs(d), g),
                            () -> Torch.conv1d(x.j, wt.j, b.j, 1, "same", d, g), rtol(t), atol(t, terms));
                } else {
                    c.check(what, () -> torch.conv1d(x.t, wt.t, new TensorOptional(b.t), longs(s), longs(p), longs(d), g),
                            () -> Torch.conv1d(x.j, wt.j, b.j, s, p, d, g), rtol(t), atol(t, terms));
                }
            }
        }
    }

    @Test
    void convTransposeValuesAndGradients() {
        Oracle.require();
        Random rnd = new Random(13);
        for (int trial = 0; trial < 50; trial++) {
            try (PointerScope scope = new PointerScope()) {
                GradCase c = new GradCase(rnd);
                DType t = trial % 2 == 0 ? DType.FLOAT32 : DType.FLOAT64;
                int g = 1 + rnd.nextInt(2);
                int cin = g * (1 + rnd.nextInt(3));
                int cout = 1 + rnd.nextInt(3);
                int kh = 1 + rnd.nextInt(3);
                int kw = 1 + rnd.nextInt(3);
                int[] s = {1 + rnd.nextInt(3), 1 + rnd.nextInt(3)};
                int[] d = {1 + rnd.nextInt(2), 1 + rnd.nextInt(2)};
                int[] p = {rnd.nextInt(1 + d[0] * (kh - 1) / 2), rnd.nextInt(1 + d[1] * (kw - 1) / 2)};
                int[] op = {rnd.nextInt(Math.max(s[0], d[0])), rnd.nextInt(Math.max(s[1], d[1]))};
                int n = 1 + rnd.nextInt(3);
                GradCase.Leaf x = c.anyLayout(t, new int[] {n, cin, 1 + rnd.nextInt(4), 1 + rnd.nextInt(5)}, true, false);
                GradCase.Leaf wt = c.leaf(t, new int[] {cin, cout, kh, kw}, true);
                GradCase.Leaf b = c.leaf(t, new int[] {cout * g}, true);
                long terms = 64L * n;
                String what = "conv_transpose2d " + c.describe() + " s" + java.util.Arrays.toString(s) + " p"
                        + java.util.Arrays.toString(p) + " op" + java.util.Arrays.toString(op) + " d"
                        + java.util.Arrays.toString(d) + " g" + g;
                if (trial % 3 == 2) {
                    GradCase.Leaf x1 = c.leaf(t, new int[] {n, cin, 2 + rnd.nextInt(5)}, true);
                    GradCase.Leaf w1 = c.leaf(t, new int[] {cin, cout, kw}, true);
                    c.check(what + " 1d", () -> torch.conv_transpose1d(x1.t, w1.t, new TensorOptional(), longs(s[1]),
                            longs(p[1]), longs(op[1]), g, d[1]),
                            () -> Torch.convTranspose1d(x1.j, w1.j, null, s[1], p[1], op[1], g, d[1]), rtol(t), atol(t, terms));
                } else {
                    c.check(what, () -> torch.conv_transpose2d(x.t, wt.t, new TensorOptional(b.t), longs(s), longs(p),
                            longs(op), g, longs(d)),
                            () -> Torch.convTranspose2d(x.j, wt.j, b.j, s, p, op, g, d), rtol(t), atol(t, terms));
                }
            }
        }
    }

    /** Each bad call raises libtorch's message verbatim ({@link GradCase#check} compares the texts). */
    @Test
    void errorsInLibtorchsWords() {
        Oracle.require();
        Random rnd = new Random(14);
        java.util.List<String> mismatches = new java.util.ArrayList<>();
        int[][][] cases = { // input, weight, {stride, padding, dilation, groups}
            {{64, 16, 13, 13}, {64, 32, 3, 3}, {1, 0, 1, 1}},
            {{2, 3}, {4, 3, 3, 3}, {1, 0, 1, 1}},
            {{1, 3, 2, 2}, {4, 3, 3, 3}, {1, 0, 1, 1}},
            {{1, 3, 5, 5}, {4, 3, 3}, {1, 0, 1, 1}},
            {{1, 6, 5, 5}, {4, 3, 3, 3}, {1, 0, 1, 3}},
            {{1, 6, 5, 5}, {2, 3, 3, 3}, {1, 0, 1, 3}},
            {{1, 3, 5, 5}, {4, 3, 3, 3}, {0, 0, 1, 1}},
            {{1, 3, 5, 5}, {4, 3, 3, 3}, {1, -1, 1, 1}},
            {{1, 3, 5, 5}, {4, 3, 3, 3}, {1, 0, 0, 1}},
            {{1, 3, 5, 5}, {4, 3, 3, 3}, {1, 0, 1, 0}},
        };
        for (int[][] k : cases) {
            try (PointerScope scope = new PointerScope()) {
                GradCase c = new GradCase(rnd);
                GradCase.Leaf x = c.leaf(DType.FLOAT32, k[0], false);
                GradCase.Leaf w = c.leaf(DType.FLOAT32, k[1], false);
                int[] a = k[2];
                collect(mismatches, () -> c.check("conv2d " + c.describe() + " " + java.util.Arrays.toString(a),
                        () -> torch.conv2d(x.t, w.t, new TensorOptional(), longs(a[0]), longs(a[1]), longs(a[2]), a[3]),
                        () -> Torch.conv2d(x.j, w.j, null, new int[] {a[0]}, new int[] {a[1]}, new int[] {a[2]}, a[3]), 0, 0));
            }
        }
        try (PointerScope scope = new PointerScope()) {
            GradCase c = new GradCase(rnd);
            GradCase.Leaf x = c.leaf(DType.FLOAT32, new int[] {1, 3, 5, 5}, false);
            GradCase.Leaf w = c.leaf(DType.FLOAT32, new int[] {4, 3, 3, 3}, false);
            GradCase.Leaf b = c.leaf(DType.FLOAT32, new int[] {5}, false);
            GradCase.Leaf wd = c.leaf(DType.FLOAT64, new int[] {4, 3, 3, 3}, false);
            collect(mismatches, () -> c.check("bias size", () -> torch.conv2d(x.t, w.t, new TensorOptional(b.t), longs(1), longs(0), longs(1), 1),
                    () -> Torch.conv2d(x.j, w.j, b.j), 0, 0));
            collect(mismatches, () -> c.check("dtype", () -> torch.conv2d(x.t, wd.t, new TensorOptional(), longs(1), longs(0), longs(1), 1),
                    () -> Torch.conv2d(x.j, wd.j, null), 0, 0));
            collect(mismatches, () -> c.check("same strided", () -> torch.conv2d(x.t, w.t, new TensorOptional(), longs(2), "same", longs(1), 1),
                    () -> Torch.conv2d(x.j, w.j, null, new int[] {2}, "same", new int[] {1}, 1), 0, 0));
            collect(mismatches, () -> c.check("stride list", () -> torch.conv2d(x.t, w.t, new TensorOptional(), longs(1, 1, 1), longs(0), longs(1), 1),
                    () -> Torch.conv2d(x.j, w.j, null, new int[] {1, 1, 1}, new int[] {0}, new int[] {1}, 1), 0, 0));
            GradCase.Leaf wt = c.leaf(DType.FLOAT32, new int[] {3, 2, 3, 3}, false);
            collect(mismatches, () -> c.check("output_padding", () -> torch.conv_transpose2d(x.t, wt.t, new TensorOptional(), longs(1), longs(0),
                    longs(1), 1, longs(1)),
                    () -> Torch.convTranspose2d(x.j, wt.j, null, new int[] {1}, new int[] {0}, new int[] {1}, 1, new int[] {1}),
                    0, 0));
            collect(mismatches, () -> c.check("transposed channels", () -> torch.conv_transpose2d(x.t, w.t, new TensorOptional(), longs(1), longs(0),
                    longs(0), 1, longs(1)),
                    () -> Torch.convTranspose2d(x.j, w.j, null), 0, 0));
        }
        if (!mismatches.isEmpty()) {
            throw new AssertionError(String.join("\n", mismatches));
        }
    }

    /** Runs one comparison, recording a mismatch instead of stopping, so that one run reports them all. */
    private static void collect(java.util.List<String> mismatches, Runnable check) {
        try {
            check.run();
        } catch (AssertionError e) {
            mismatches.add(e.getMessage());
        }
    }

    /** Conv2d with padding_mode reflect/replicate/circular equals libtorch's {@code F.pad(mode)} then an unpadded conv2d. */
    @Test
    void paddingModesMatchLibtorchsPad() {
        Oracle.require();
        Random rnd = new Random(15);
        for (String mode : new String[] {"reflect", "replicate", "circular"}) {
            for (int trial = 0; trial < 4; trial++) {
                try (PointerScope scope = new PointerScope()) {
                    GradCase c = new GradCase(rnd);
                    int ph = rnd.nextInt(3);
                    int pw = rnd.nextInt(3);
                    Conv2d layer = new Conv2d(2, 3, new int[] {3, 2}, Conv2d.options().padding(ph, pw).paddingMode(mode));
                    GradCase.Leaf x = c.anyLayout(DType.FLOAT64, new int[] {2, 2, 3 + rnd.nextInt(3), 3 + rnd.nextInt(3)},
                            true, false);
                    Tensor tw = Oracle.toTorch(layer.weight().array().to(DType.FLOAT64));
                    Tensor tb = Oracle.toTorch(layer.bias().array().to(DType.FLOAT64));
                    layer.to(DType.FLOAT64);
                    c.check("Conv2d padding_mode=" + mode + " padding=(" + ph + ", " + pw + ") " + c.describe(),
                            () -> torch.conv2d(torch.pad(x.t, longs(pw, pw, ph, ph), mode, new org.bytedeco.pytorch.DoubleOptional()),
                                    tw, new TensorOptional(tb), longs(1), longs(0), longs(1), 1),
                            () -> layer.forward(x.j), 1e-12, 1e-12);
                }
            }
        }
    }

    private static void assertSameParameters(Tensor tw, Tensor tb, ConvNd j, String what) {
        Oracle.assertExact(Oracle.fromTorch(tw), j.weight().array(), what + " weight");
        if (tb != null) {
            Oracle.assertExact(Oracle.fromTorch(tb), j.bias().array(), what + " bias");
        }
    }

    @Test
    void defaultInitIsBitExactAfterTheSameSeed() {
        Oracle.require();
        try (PointerScope scope = new PointerScope()) {
            Torch.manualSeed(0);
            torch.manual_seed(0);
            Conv2dImpl t2 = new Conv2dImpl(1, 32, new LongPointer(3L, 3L));
            Conv2d j2 = new Conv2d(1, 32, 3);
            assertSameParameters(t2.weight(), t2.bias(), j2, "Conv2d(1, 32, 3)");
            // the stream continues: a grouped, rectangular conv next
            Conv2dOptions o = new Conv2dOptions(6, 4, new LongPointer(2L, 3L));
            o.groups().put(2L);
            Conv2dImpl tg = new Conv2dImpl(o);
            Conv2d jg = new Conv2d(6, 4, new int[] {2, 3}, Conv2d.options().groups(2));
            assertSameParameters(tg.weight(), tg.bias(), jg, "Conv2d(6, 4, (2, 3), groups=2)");
            Conv1dImpl t1 = new Conv1dImpl(5, 7, new LongPointer(1).put(4L));
            Conv1d j1 = new Conv1d(5, 7, 4);
            assertSameParameters(t1.weight(), t1.bias(), j1, "Conv1d(5, 7, 4)");
            ConvTranspose2dOptions ot = new ConvTranspose2dOptions(4, 6, new LongPointer(3L, 3L));
            ot.groups().put(2L);
            ConvTranspose2dImpl tt = new ConvTranspose2dImpl(ot);
            ConvTranspose2d jt = new ConvTranspose2d(4, 6, 3, ConvTranspose2d.options().groups(2));
            assertSameParameters(tt.weight(), tt.bias(), jt, "ConvTranspose2d(4, 6, 3, groups=2)");
            ConvTranspose1dOptions ot1 = new ConvTranspose1dOptions(3, 4, new LongPointer(1).put(5L));
            ConvTranspose1dImpl tt1 = new ConvTranspose1dImpl(ot1);
            ConvTranspose1d jt1 = new ConvTranspose1d(3, 4, 5);
            assertSameParameters(tt1.weight(), tt1.bias(), jt1, "ConvTranspose1d(3, 4, 5)");
            float[] xv = new float[2 * 3 * 7];
            Random r = new Random(7);
            for (int i = 0; i < xv.length; i++) {
                xv[i] = (float) r.nextGaussian();
            }
            dev.jtorch.tensor.NDArray x1 = dev.jtorch.tensor.NDArray.wrap(xv, new int[] {2, 3, 7});
            Oracle.assertClose(Oracle.fromTorch(tt1.forward(Oracle.toTorch(x1))), jt1.forward(new dev.jtorch.Tensor(x1)).array(),
                    1e-5, 1e-6, "ConvTranspose1d(3, 4, 5) forward"); // float32 sums in another order
            Conv2dImpl t64 = new Conv2dImpl(32, 64, new LongPointer(3L, 3L));
            Conv2d j64 = new Conv2d(32, 64, 3);
            assertSameParameters(t64.weight(), t64.bias(), j64, "Conv2d(32, 64, 3)");
        }
    }
}
