package dev.jtorch.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Node;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorArrayRefOptional;
import org.bytedeco.pytorch.TensorVector;

/**
 * One autograd comparison against libtorch: the same leaves in both frameworks (optionally seen
 * through the same view, so layout-dependent choices such as matmul's folding are exercised), the
 * same op, then the same random output gradient. {@link #check} compares the output (values,
 * dtype, shape), its {@code grad_fn} name, and every leaf's gradient; where libtorch raises,
 * jtorch must raise with the same message.
 */
final class GradCase {
    final Random rnd;
    private final List<Leaf> leaves = new ArrayList<>();

    GradCase(Random rnd) {
        this.rnd = rnd;
    }

    /** The leaves made so far, in creation order. */
    List<Leaf> leaves() {
        return leaves;
    }

    /** A leaf in both frameworks and the input the op sees (the leaf itself or a view of it). */
    static final class Leaf {
        final dev.jtorch.Tensor jBase;
        final Tensor tBase;
        final dev.jtorch.Tensor j;
        final Tensor t;
        final String layout;

        Leaf(dev.jtorch.Tensor jBase, Tensor tBase, dev.jtorch.Tensor j, Tensor t, String layout) {
            this.jBase = jBase;
            this.tBase = tBase;
            this.j = j;
            this.t = t;
            this.layout = layout;
        }

        @Override
        public String toString() {
            return j.dtype() + Arrays.toString(j.sizes()) + " " + layout + (jBase.requiresGrad() ? " grad" : "");
        }
    }

    /** Random values of {@code shape}: normal floats, int64 in [-9, 9]. */
    NDArray values(DType t, int... shape) {
        int n = NDArray.zeros(shape).numel();
        if (t == DType.INT64) {
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = rnd.nextInt(19) - 9;
            }
            return NDArray.wrap(v, shape);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextGaussian();
        }
        return NDArray.wrap(v, shape).to(t);
    }

    /** A contiguous leaf. */
    Leaf leaf(DType dtype, int[] shape, boolean requiresGrad) {
        return leaf(dtype, shape, requiresGrad, 0);
    }

    /** A leaf seen through a random layout: contiguous, permuted, stepped or (when allowed) stride-0 expanded. */
    Leaf anyLayout(DType dtype, int[] shape, boolean requiresGrad, boolean allowExpand) {
        return leaf(dtype, shape, requiresGrad, shape.length == 0 ? 0 : rnd.nextInt(allowExpand ? 4 : 3));
    }

    private Leaf leaf(DType dtype, int[] shape, boolean requiresGrad, int kind) {
        int r = shape.length;
        int d = r == 0 ? 0 : rnd.nextInt(r);
        int[] base = shape.clone();
        int[] perm = permutation(r);
        int[] inverse = new int[r];
        for (int i = 0; i < r; i++) {
            inverse[perm[i]] = i;
        }
        if (kind == 1) {
            for (int i = 0; i < r; i++) {
                base[i] = shape[perm[i]];
            }
        } else if (kind == 2) {
            base[d] = 2 * shape[d];
        } else if (kind == 3) {
            base[d] = 1;
        }
        NDArray values = values(dtype, base);
        dev.jtorch.Tensor jBase = new dev.jtorch.Tensor(values.clone());
        Tensor tBase = Oracle.toTorch(values);
        if (requiresGrad) {
            jBase.requiresGrad_(true);
            tBase.set_requires_grad(true);
        }
        Leaf leaf;
        switch (kind) {
            case 1:
                leaf = new Leaf(jBase, tBase, jBase.permute(inverse), tBase.permute(longs(inverse)),
                        "permute" + Arrays.toString(inverse));
                break;
            case 2:
                leaf = new Leaf(jBase, tBase, jBase.slice(d, 0, base[d], 2),
                        tBase.slice(d, new LongOptional(0), new LongOptional(base[d]), 2), "step 2 on dim " + d);
                break;
            case 3:
                leaf = new Leaf(jBase, tBase, jBase.expand(shape), tBase.expand(longs(shape)), "expand dim " + d);
                break;
            default:
                leaf = new Leaf(jBase, tBase, jBase, tBase, "contiguous");
        }
        leaves.add(leaf);
        return leaf;
    }

    /** An int64 tensor (never a leaf that requires grad) with values in {@code [lo, hi)}. */
    NDArray index(int[] shape, long lo, long hi) {
        int n = NDArray.zeros(shape).numel();
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (long) (rnd.nextDouble() * (hi - lo));
        }
        return NDArray.wrap(v, shape);
    }

    int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }

    String describe() {
        return leaves.toString();
    }

    /**
     * Runs the op in both frameworks and compares the output and its grad_fn name; then
     * backpropagates the same random gradient and compares each leaf's gradient. With
     * {@code rtol == 0 && atol == 0} everything must be bit-identical.
     */
    void check(String what, Supplier<Tensor> torchOp, Supplier<dev.jtorch.Tensor> jtorchOp, double rtol, double atol) {
        Tensor expected;
        try {
            expected = torchOp.get();
        } catch (RuntimeException e) {
            IndexingInputs.expectSameError(IndexingInputs.torchMessage(e), jtorchOp, what);
            return;
        }
        dev.jtorch.Tensor actual = jtorchOp.get();
        compareOutput(expected, actual, what, rtol, atol);
        if (expected.requires_grad()) {
            NDArray g = values(actual.dtype(), actual.sizes());
            try {
                expected.backward(Oracle.toTorch(g), new BoolOptional(), false, new TensorArrayRefOptional());
            } catch (RuntimeException e) {
                IndexingInputs.expectSameError(IndexingInputs.torchMessage(e), () -> {
                    actual.backward(new dev.jtorch.Tensor(g));
                    return null;
                }, what + ": backward");
                return;
            }
            actual.backward(new dev.jtorch.Tensor(g));
        }
        compareGrads(what, rtol, atol);
    }

    /** As {@link #check} for ops with several outputs; a random subset of them receives a gradient. */
    void checkList(String what, Supplier<TensorVector> torchOp, Supplier<List<dev.jtorch.Tensor>> jtorchOp) {
        TensorVector expected;
        try {
            expected = torchOp.get();
        } catch (RuntimeException e) {
            IndexingInputs.expectSameError(IndexingInputs.torchMessage(e), jtorchOp, what);
            return;
        }
        List<dev.jtorch.Tensor> actual = jtorchOp.get();
        assertEquals(expected.size(), actual.size(), what + ": number of outputs");
        for (int i = 0; i < actual.size(); i++) {
            compareOutput(expected.get(i), actual.get(i), what + " output " + i, 0, 0);
        }
        for (int i = 0; i < actual.size(); i++) {
            if (expected.get(i).requires_grad() && rnd.nextInt(3) != 0) {
                NDArray g = values(actual.get(i).dtype(), actual.get(i).sizes());
                expected.get(i).backward(Oracle.toTorch(g), new BoolOptional(true), false, new TensorArrayRefOptional());
                actual.get(i).backward(new dev.jtorch.Tensor(g), true, false);
            }
        }
        compareGrads(what, 0, 0);
    }

    private static void compareOutput(Tensor expected, dev.jtorch.Tensor actual, String what, double rtol, double atol) {
        assertEquals(gradFnName(expected), actual.gradFn() == null ? "null" : actual.gradFn().name(), what + ": grad_fn");
        compare(Oracle.fromTorch(expected), actual.array(), what + ": output", rtol, atol);
    }

    private void compareGrads(String what, double rtol, double atol) {
        for (int i = 0; i < leaves.size(); i++) {
            Leaf l = leaves.get(i);
            if (!l.jBase.requiresGrad()) {
                continue;
            }
            Tensor tg = l.tBase.grad();
            NDArray expected = tg.defined() ? Oracle.fromTorch(tg) : NDArray.zeros(l.jBase.dtype(), l.jBase.sizes());
            dev.jtorch.Tensor jg = l.jBase.grad();
            NDArray actual = jg != null ? jg.array() : NDArray.zeros(l.jBase.dtype(), l.jBase.sizes());
            compare(expected, actual, what + ": gradient of input " + i + " (" + l + ")", rtol, atol);
        }
    }

    private static void compare(NDArray expected, NDArray actual, String what, double rtol, double atol) {
        if (rtol == 0 && atol == 0) {
            Oracle.assertExact(expected, actual, what);
        } else {
            Oracle.assertClose(expected, actual, rtol, atol, what);
        }
    }

    /** {@code out.grad_fn().name()}, or "null" for tensors without history. */
    static String gradFnName(Tensor t) {
        Node fn = t.grad_fn();
        if (fn == null || fn.isNull()) {
            return "null";
        }
        String name = fn.name().getString();
        String prefix = "torch::autograd::generated::";
        return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    static long[] longs(int[] v) {
        return IndexingInputs.longs(v);
    }
}
