package dev.jtorch.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtorch.PooledWithIndices;
import dev.jtorch.Torch;
import dev.jtorch.autograd.Autograd;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.T_TensorTensor_T;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/**
 * Pooling against libtorch: values, indices, grad_fn names and input gradients of max, average,
 * adaptive average (2-d and 1-d) and adaptive max pooling on random configurations (ceil mode, padding,
 * dilation, count_include_pad, divisor_override, batched and unbatched, non-contiguous inputs,
 * float32, float64 and int64), including invalid ones, where the error message must be libtorch's.
 * Everything is compared bit-exactly (jtorch sums each window in the same order and dtype as
 * ATen's CPU kernels, and scatters gradients in the same output order), except a (1, 1) adaptive
 * output, which both compute as a mean (a reduction: rtol 1e-5, atol 1e-6). Inputs are contiguous,
 * permuted or stepped views; expanded ones would add the expand's gradient reduction to the check.
 */
class PoolConformanceTest {
    private static final int CASES = 300;
    private static final DType[] DTYPES = {DType.FLOAT32, DType.FLOAT64, DType.FLOAT32, DType.FLOAT64, DType.INT64};

    /** One random 2-d window configuration, sometimes invalid. */
    private record Cfg(int[] k, int[] s, int[] p, int[] d, boolean ceil) {
        @Override
        public String toString() {
            return "k=" + Arrays.toString(k) + " s=" + Arrays.toString(s) + " p=" + Arrays.toString(p) + " d="
                    + Arrays.toString(d) + " ceil=" + ceil;
        }
    }

    private static int[] list(Random r, int a, int b) {
        return r.nextBoolean() ? new int[] {a} : new int[] {a, b};
    }

    private static Cfg cfg(Random r, boolean dilated) {
        int kH = 1 + r.nextInt(4);
        int kW = 1 + r.nextInt(4);
        int[] k = list(r, kH, kW);
        kW = k.length == 1 ? kH : kW;
        int[] s = r.nextInt(4) == 0 ? new int[0] : list(r, 1 + r.nextInt(3), 1 + r.nextInt(3));
        int[] d = !dilated || r.nextBoolean() ? new int[] {1} : list(r, 1 + r.nextInt(3), 1 + r.nextInt(3));
        boolean invalid = r.nextInt(12) == 0;
        int pH = invalid ? r.nextInt(kH + 1) : r.nextInt(kH / 2 + 1);
        int pW = invalid ? r.nextInt(kW + 1) : r.nextInt(kW / 2 + 1);
        return new Cfg(k, s, list(r, pH, pW), d, r.nextBoolean());
    }

    private static int[] shape2d(Random r) {
        int h = 1 + r.nextInt(12);
        int w = 1 + r.nextInt(12);
        int c = 1 + r.nextInt(3);
        if (r.nextInt(3) == 0) {
            return new int[] {c, h, w};
        }
        return new int[] {r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(3), c, h, w};
    }

    private static long[] l(int[] v) {
        return GradCase.longs(v);
    }

    private static List<dev.jtorch.Tensor> pair(PooledWithIndices p) {
        return List.of(p.values(), p.indices());
    }

    @Test
    void maxPool2dValuesIndicesAndGradients() {
        Oracle.require();
        Random rnd = new Random(11);
        for (int i = 0; i < CASES; i++) {
            try (PointerScope scope = new PointerScope()) {
                GradCase c = new GradCase(rnd);
                Cfg f = cfg(rnd, true);
                GradCase.Leaf x = c.anyLayout(DTYPES[i % 5], shape2d(rnd), i % 5 != 4 && rnd.nextInt(4) != 0, false);
                String what = "max_pool2d_with_indices " + f + " " + c.describe();
                c.checkList(what, () -> {
                    T_TensorTensor_T r = torch.max_pool2d_with_indices(x.t, l(f.k), l(f.s), l(f.p), l(f.d), f.ceil);
                    return new TensorVector(r.get0(), r.get1());
                }, () -> pair(Torch.maxPool2dWithIndices(x.j, f.k, f.s, f.p, f.d, f.ceil)));
            }
        }
    }

    @Test
    void maxPool2dPropagatesNaNAsATen() {
        Oracle.require();
        Random rnd = new Random(12);
        for (int i = 0; i < 60; i++) {
            try (PointerScope scope = new PointerScope()) {
                Cfg f = cfg(rnd, true);
                int[] shape = shape2d(rnd);
                double[] v = new double[NDArray.zeros(shape).numel()];
                for (int j = 0; j < v.length; j++) {
                    int u = rnd.nextInt(6);
                    v[j] = u == 0 ? Double.NaN : u == 1 ? Double.NEGATIVE_INFINITY : rnd.nextInt(3);
                }
                NDArray a = NDArray.wrap(v, shape).to(DTYPES[i % 2]);
                IndexingInputs.check(() -> {
                    T_TensorTensor_T r = torch.max_pool2d_with_indices(Oracle.toTorch(a), l(f.k), l(f.s), l(f.p), l(f.d), f.ceil);
                    return torch.cat(new TensorVector(r.get0().to(torch.ScalarType.Double), r.get1().to(torch.ScalarType.Double)), 0);
                }, () -> {
                    var r = a.maxPool2dWithIndices(f.k, f.s, f.p, f.d, f.ceil);
                    return NDArray.cat(List.of(r.values().to(DType.FLOAT64), r.indices().to(DType.FLOAT64)), 0);
                }, "max_pool2d NaN/-inf/ties " + f + Arrays.toString(shape));
            }
        }
    }

    @Test
    void avgPool2dValuesAndGradients() {
        Oracle.require();
        Random rnd = new Random(13);
        for (int i = 0; i < CASES; i++) {
            try (PointerScope scope = new PointerScope()) {
                GradCase c = new GradCase(rnd);
                Cfg f = cfg(rnd, false);
                boolean countPad = rnd.nextBoolean();
                Integer div = rnd.nextInt(3) != 0 ? null : rnd.nextInt(8);
                GradCase.Leaf x = c.anyLayout(DTYPES[i % 5], shape2d(rnd), i % 5 != 4 && rnd.nextInt(4) != 0, false);
                String what = "avg_pool2d " + f + " count_include_pad=" + countPad + " divisor=" + div + " " + c.describe();
                c.check(what, () -> torch.avg_pool2d(x.t, l(f.k), l(f.s), l(f.p), f.ceil, countPad,
                        div == null ? new LongOptional() : new LongOptional(div)),
                        () -> Torch.avgPool2d(x.j, f.k, f.s, f.p, f.ceil, countPad, div), 0, 0);
            }
        }
    }

    @Test
    void adaptiveAvgPool2dValuesAndGradients() {
        Oracle.require();
        Random rnd = new Random(14);
        for (int i = 0; i < CASES; i++) {
            try (PointerScope scope = new PointerScope()) {
                GradCase c = new GradCase(rnd);
                int[] shape = shape2d(rnd);
                if (rnd.nextInt(15) == 0) {
                    shape[shape.length - 1 - rnd.nextInt(2)] = 0;
                }
                int oh = rnd.nextInt(6) == 0 ? 1 : rnd.nextInt(shape[shape.length - 2] + 3);
                int ow = oh == 1 && rnd.nextBoolean() ? 1 : rnd.nextInt(shape[shape.length - 1] + 3);
                GradCase.Leaf x = c.anyLayout(DTYPES[i % 5], shape, i % 5 != 4 && rnd.nextInt(4) != 0, false);
                String what = "adaptive_avg_pool2d (" + oh + ", " + ow + ") " + c.describe();
                // (1, 1) is a mean over H*W in both (MeanBackward1): a reduction, rtol 1e-5 (summation order may differ)
                double rtol = oh == 1 && ow == 1 ? 1e-5 : 0;
                double atol = oh == 1 && ow == 1 ? 1e-6 : 0;
                c.check(what, () -> torch.adaptive_avg_pool2d(x.t, oh, ow), () -> Torch.adaptiveAvgPool2d(x.j, oh, ow), rtol,
                        atol);
            }
        }
    }

    @Test
    void adaptiveMaxPool2dValuesIndicesAndGradients() {
        Oracle.require();
        Random rnd = new Random(18);
        for (int i = 0; i < CASES; i++) {
            try (PointerScope scope = new PointerScope()) {
                GradCase c = new GradCase(rnd);
                int[] shape = shape2d(rnd);
                if (rnd.nextInt(15) == 0) {
                    shape[shape.length - 1 - rnd.nextInt(3)] = 0;
                }
                int oh = rnd.nextInt(shape[shape.length - 2] + 3);
                int ow = rnd.nextInt(shape[shape.length - 1] + 3);
                // an empty output's backward raises (checked in argumentErrorsUseLibtorchsWords)
                boolean grad = i % 5 != 4 && rnd.nextInt(4) != 0 && oh > 0 && ow > 0;
                GradCase.Leaf x = c.anyLayout(DTYPES[i % 5], shape, grad, false);
                c.checkList("adaptive_max_pool2d (" + oh + ", " + ow + ") " + c.describe(), () -> {
                    T_TensorTensor_T r = torch.adaptive_max_pool2d(x.t, oh, ow);
                    return new TensorVector(r.get0(), r.get1());
                }, () -> pair(Torch.adaptiveMaxPool2d(x.j, oh, ow)));
            }
        }
    }

    @Test
    void pool1dValuesIndicesAndGradients() {
        Oracle.require();
        Random rnd = new Random(15);
        for (int i = 0; i < CASES; i++) {
            try (PointerScope scope = new PointerScope()) {
                GradCase c = new GradCase(rnd);
                int len = 1 + rnd.nextInt(14);
                int[] shape = rnd.nextBoolean() ? new int[] {1 + rnd.nextInt(3), len} : new int[] {1 + rnd.nextInt(3), 2, len};
                int k = 1 + rnd.nextInt(4);
                int[] ks = {k};
                int[] s = rnd.nextInt(3) == 0 ? new int[0] : new int[] {1 + rnd.nextInt(3)};
                int[] p = {rnd.nextInt(k / 2 + (rnd.nextInt(10) == 0 ? 2 : 1))};
                int[] d = {1 + rnd.nextInt(2)};
                boolean ceil = rnd.nextBoolean();
                boolean grad = rnd.nextInt(3) != 0;
                GradCase.Leaf x = c.anyLayout(DTYPES[i % 5], shape, grad && i % 5 != 4, false);
                String cfg = " k=" + k + " s=" + Arrays.toString(s) + " p=" + p[0] + " d=" + d[0] + " ceil=" + ceil + " "
                        + c.describe();
                switch (i % 4) {
                    case 0:
                        c.check("max_pool1d" + cfg, () -> torch.max_pool1d(x.t, l(ks), l(s), l(p), l(d), ceil),
                                () -> Torch.maxPool1d(x.j, ks, s, p, d, ceil), 0, 0);
                        break;
                    case 1:
                        c.checkList("max_pool1d_with_indices" + cfg, () -> {
                            T_TensorTensor_T r = torch.max_pool1d_with_indices(x.t, l(ks), l(s), l(p), l(d), ceil);
                            return new TensorVector(r.get0(), r.get1());
                        }, () -> pair(Torch.maxPool1dWithIndices(x.j, ks, s, p, d, ceil)));
                        break;
                    case 2:
                        boolean countPad = rnd.nextBoolean();
                        c.check("avg_pool1d count_include_pad=" + countPad + cfg,
                                () -> torch.avg_pool1d(x.t, l(ks), l(s), l(p), ceil, countPad),
                                () -> Torch.avgPool1d(x.j, ks, s, p, ceil, countPad), 0, 0);
                        break;
                    default:
                        int out = rnd.nextInt(len + 3);
                        c.check("adaptive_avg_pool1d " + out + cfg, () -> torch.adaptive_avg_pool1d(x.t, out),
                                () -> Torch.adaptiveAvgPool1d(x.j, out), out == 1 ? 1e-5 : 0, out == 1 ? 1e-6 : 0);
                }
            }
        }
    }

    /** grad_fn of the first and second derivative, and the second derivative's values, float64. */
    @Test
    void doubleBackwardMatchesLibtorch() {
        Oracle.require();
        Random rnd = new Random(16);
        int[] k = {3};
        int[] s = {2};
        int[] p = {1};
        int[] d = {1};
        checkDoubleBackward(rnd, "max_pool2d", t -> torch.max_pool2d_with_indices(t, l(k), l(s), l(p), l(d), true).get0(),
                j -> Torch.maxPool2d(j, k, s, p, d, true));
        checkDoubleBackward(rnd, "avg_pool2d", t -> torch.avg_pool2d(t, l(k), l(s), l(p), true, false, new LongOptional()),
                j -> Torch.avgPool2d(j, k, s, p, true, false, null));
        checkDoubleBackward(rnd, "adaptive_avg_pool2d", t -> torch.adaptive_avg_pool2d(t, 3, 2),
                j -> Torch.adaptiveAvgPool2d(j, 3, 2));
        checkDoubleBackward(rnd, "adaptive_max_pool2d", t -> torch.adaptive_max_pool2d(t, 3, 4).get0(),
                j -> Torch.adaptiveMaxPool2d(j, 3, 4).values());
    }

    private static void checkDoubleBackward(Random rnd, String what, Function<Tensor, Tensor> theirs,
            Function<dev.jtorch.Tensor, dev.jtorch.Tensor> ours) {
        try (PointerScope scope = new PointerScope()) {
            GradCase c = new GradCase(rnd);
            NDArray xa = c.values(DType.FLOAT64, 2, 3, 7, 6);
            Tensor tx = Oracle.toTorch(xa).set_requires_grad(true);
            dev.jtorch.Tensor jx = new dev.jtorch.Tensor(xa.clone()).requiresGrad_(true);
            Tensor ty = theirs.apply(tx);
            dev.jtorch.Tensor jy = ours.apply(jx);
            NDArray ga = c.values(DType.FLOAT64, jy.sizes());
            Tensor tg = Oracle.toTorch(ga).set_requires_grad(true);
            dev.jtorch.Tensor jg = new dev.jtorch.Tensor(ga.clone()).requiresGrad_(true);
            Tensor tgx = torch.grad(new TensorVector(ty), new TensorVector(tx), new TensorVector(tg), new BoolOptional(true),
                    true, false).get(0);
            dev.jtorch.Tensor jgx = Autograd.grad(new dev.jtorch.Tensor[] {jy}, new dev.jtorch.Tensor[] {jx},
                    new dev.jtorch.Tensor[] {jg}, true, true, false)[0];
            assertEquals(GradCase.gradFnName(tgx), jgx.gradFn().name(), what + ": grad_fn of the gradient");
            Oracle.assertExact(Oracle.fromTorch(tgx), jgx.array(), what + ": gradient");
            NDArray wa = c.values(DType.FLOAT64, jx.sizes());
            Tensor tgg = torch.grad(new TensorVector(tgx.mul(Oracle.toTorch(wa)).sum()), new TensorVector(tg)).get(0);
            dev.jtorch.Tensor jgg = Autograd.grad(jgx.mul(new dev.jtorch.Tensor(wa)).sum(), jg);
            Oracle.assertExact(Oracle.fromTorch(tgg), jgg.array(), what + ": gradient of the gradient");
        }
    }

    @Test
    void argumentErrorsUseLibtorchsWords() {
        Oracle.require();
        int[][] shapes = {{5, 5}, {5}, {1, 2, 5, 5, 5}, {2, 0, 5, 5}, {0, 5, 5}, {0, 2, 5, 5}, {2, 3, 0, 4}, {2, 0}, {0, 3}};
        int[][] lists = {{}, {2}, {2, 2}, {2, 2, 2}, {0}, {-1}, {3, 0}};
        Random rnd = new Random(17);
        for (int[] shape : shapes) {
            for (int i = 0; i < 8; i++) {
                try (PointerScope scope = new PointerScope()) {
                    NDArray a = new GradCase(rnd).values(DType.FLOAT32, shape);
                    int[] k = lists[1 + rnd.nextInt(lists.length - 1)];
                    int[] s = lists[rnd.nextInt(lists.length)];
                    int[] p = rnd.nextBoolean() ? new int[] {0} : lists[1 + rnd.nextInt(lists.length - 1)];
                    int[] d = rnd.nextBoolean() ? new int[] {1} : lists[1 + rnd.nextInt(lists.length - 1)];
                    String what = Arrays.toString(shape) + " k=" + Arrays.toString(k) + " s=" + Arrays.toString(s) + " p="
                            + Arrays.toString(p) + " d=" + Arrays.toString(d);
                    Tensor t = Oracle.toTorch(a);
                    dev.jtorch.Tensor j = new dev.jtorch.Tensor(a);
                    IndexingInputs.check(() -> torch.max_pool2d_with_indices(t, l(k), l(s), l(p), l(d), false).get0(),
                            () -> Torch.maxPool2d(j, k, s, p, d, false).array(), "max_pool2d " + what);
                    IndexingInputs.check(() -> torch.avg_pool2d(t, l(k), l(s), l(p), false, true, new LongOptional()),
                            () -> Torch.avgPool2d(j, k, s, p, false, true, null).array(), "avg_pool2d " + what);
                    IndexingInputs.check(() -> torch.max_pool1d(t, l(k), l(s), l(p), l(d), false),
                            () -> Torch.maxPool1d(j, k, s, p, d, false).array(), "max_pool1d " + what);
                    IndexingInputs.check(() -> torch.max_pool1d_with_indices(t, l(k), l(s), l(p), l(d), false).get0(),
                            () -> Torch.maxPool1dWithIndices(j, k, s, p, d, false).values().array(), "max_pool1d_with_indices " + what);
                    IndexingInputs.check(() -> torch.avg_pool1d(t, l(k), l(s), l(p), false, true),
                            () -> Torch.avgPool1d(j, k, s, p, false, true).array(), "avg_pool1d " + what);
                    IndexingInputs.check(() -> torch.adaptive_avg_pool2d(t, l(k)),
                            () -> Torch.adaptiveAvgPool2d(j, k).array(), "adaptive_avg_pool2d " + what);
                    IndexingInputs.check(() -> torch.adaptive_max_pool2d(t, l(k)).get0(),
                            () -> Torch.adaptiveMaxPool2d(j, k).values().array(), "adaptive_max_pool2d " + what);
                    IndexingInputs.check(() -> torch.adaptive_avg_pool1d(t, l(k)),
                            () -> Torch.adaptiveAvgPool1d(j, k).array(), "adaptive_avg_pool1d " + what);
                }
            }
        }
    }

    @Test
    void emptyAdaptiveOutputsRaiseInBackward() {
        Oracle.require();
        for (int[] out : new int[][] {{0, 2}, {2, 0}}) {
            try (PointerScope scope = new PointerScope()) {
                NDArray a = new GradCase(new Random(19)).values(DType.FLOAT32, 3, 4, 5);
                Tensor t = Oracle.toTorch(a).set_requires_grad(true);
                dev.jtorch.Tensor j = new dev.jtorch.Tensor(a).requiresGrad_(true);
                String what = "empty output " + Arrays.toString(out);
                IndexingInputs.check(() -> {
                    Tensor y = torch.adaptive_max_pool2d(t, out[0], out[1]).get0();
                    return torch.grad(new TensorVector(y.sum()), new TensorVector(t)).get(0);
                }, () -> Autograd.grad(Torch.adaptiveMaxPool2d(j, out).values().sum(), j).array(), "adaptive_max_pool2d " + what);
                IndexingInputs.check(() -> {
                    Tensor y = torch.adaptive_avg_pool2d(t, out[0], out[1]);
                    return torch.grad(new TensorVector(y.sum()), new TensorVector(t)).get(0);
                }, () -> Autograd.grad(Torch.adaptiveAvgPool2d(j, out).sum(), j).array(), "adaptive_avg_pool2d " + what);
            }
        }
    }

    @Test
    void divisorOverrideZeroAndIntegerInputs() {
        Oracle.require();
        NDArray a = NDArray.ones(DType.FLOAT32, 2, 3, 5, 5);
        IndexingInputs.check(() -> torch.avg_pool2d(Oracle.toTorch(a), new long[] {2}, new long[0], new long[] {0}, false,
                true, new LongOptional(0)), () -> a.avgPool2d(new int[] {2}, new int[0], new int[] {0}, false, true, 0),
                "divisor_override=0");
        NDArray b = NDArray.ones(DType.BOOL, 2, 3, 5, 5);
        IndexingInputs.check(() -> torch.avg_pool2d(Oracle.toTorch(b), new long[] {2}, new long[0], new long[] {0}, false,
                true, new LongOptional()), () -> b.avgPool2d(new int[] {2}, new int[0], new int[] {0}, false, true, null),
                "bool avg_pool2d");
        NDArray c = NDArray.ones(DType.INT64, 2, 3, 5, 5);
        IndexingInputs.check(() -> torch.adaptive_avg_pool2d(Oracle.toTorch(c), 2, 2), () -> c.adaptiveAvgPool2d(2, 2),
                "int64 adaptive_avg_pool2d");
    }
}
