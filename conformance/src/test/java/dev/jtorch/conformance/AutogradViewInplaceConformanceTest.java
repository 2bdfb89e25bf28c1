package dev.jtorch.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtorch.autograd.Autograd;
import dev.jtorch.autograd.GradMode;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorArrayRefOptional;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/**
 * In-place ops on views against libtorch 2.10: random chains of views (select, narrow, slice
 * with a step, transpose, view, diagonal, unsqueeze, expand, unbind) of a tensor with history, then a
 * random in-place op (mul_, add_, copy_, fill_, zero_, masked_fill_, clamp_, exp_, addcmul_)
 * on the view, on a view of the view, or on the base while an older view is used afterwards;
 * also views made under no_grad and views of leaves. Compared: each step's error message where
 * libtorch raises, the grad_fn names of the base and the view (CopySlices, AsStridedBackward0),
 * the gradients of every leaf, and with create_graph the first gradient and the gradient of a
 * function of it (double backward through CopySlices). Tolerance: rtol 1e-5 / atol 1e-6 for
 * float32 (exp and products round differently in the last bit), 1e-12 for float64.
 */
class AutogradViewInplaceConformanceTest {
    private static final int TRIES = 200;

    /** One op in both frameworks. */
    private record Step(String what, Function<dev.jtorch.Tensor, dev.jtorch.Tensor> ours, Function<Tensor, Tensor> theirs) {}

    /** A pair of tensors that must stay equal. */
    private static final class Pair {
        dev.jtorch.Tensor j;
        Tensor t;

        Pair(dev.jtorch.Tensor j, Tensor t) {
            this.j = j;
            this.t = t;
        }
    }

    private final Random rnd = new Random(7);
    /** How trials ended: an error (same as libtorch's), CopySlices on the base, double backward. */
    private final java.util.Map<String, Integer> outcomes = new java.util.TreeMap<>();
    private final List<Pair> leaves = new ArrayList<>();
    private DType dtype;

    private Pair leaf(int[] shape, boolean requiresGrad) {
        double[] v = new double[NDArray.zeros(shape).numel()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextGaussian();
        }
        NDArray a = NDArray.wrap(v, shape).to(dtype);
        Pair p = new Pair(new dev.jtorch.Tensor(a), Oracle.toTorch(a));
        if (requiresGrad) {
            p.j.requiresGrad_(true);
            p.t.set_requires_grad(true);
            leaves.add(p);
        }
        return p;
    }

    private static long[] longs(int[] v) {
        return Arrays.stream(v).asLongStream().toArray();
    }

    /** A random view op valid (mostly) for {@code shape}; invalid ones must fail alike. */
    private Step view(int[] shape) {
        int r = shape.length;
        int d = r == 0 ? 0 : rnd.nextInt(r);
        int size = r == 0 ? 1 : shape[d];
        switch (rnd.nextInt(r >= 2 ? 9 : 7)) {
            case 8:
            case 6: {
                if (size > 0 && (r < 2 || rnd.nextBoolean())) {
                    int i = rnd.nextInt(size);
                    return new Step("unbind(" + d + ")[" + i + "]", x -> x.unbind(d).get(i), x -> x.unbind(d).get(i));
                }
                int e = (d + 1) % Math.max(r, 1);
                return new Step("transpose(" + d + "," + e + ")", x -> x.transpose(d, e), x -> x.transpose(d, e));
            }
            case 0: {
                int i = size == 0 ? 0 : rnd.nextInt(size);
                return new Step("select(" + d + "," + i + ")", x -> x.select(d, i), x -> x.select(d, i));
            }
            case 1: {
                int s = rnd.nextInt(size + 1);
                int l = rnd.nextInt(size - s + 1);
                return new Step("narrow(" + d + "," + s + "," + l + ")", x -> x.narrow(d, s, l), x -> x.narrow(d, s, l));
            }
            case 2: {
                int s = rnd.nextInt(size + 1);
                int step = 1 + rnd.nextInt(2);
                return new Step("slice(" + d + "," + s + ",:," + step + ")", x -> x.slice(d, s, size, step),
                        x -> x.slice(d, new LongOptional(s), new LongOptional(size), step));
            }
            case 3:
                return new Step("unsqueeze(" + d + ")", x -> x.unsqueeze(d), x -> x.unsqueeze(d));
            case 4: {
                int[] target = shape.clone();
                int ones = -1;
                for (int k = 0; k < r; k++) {
                    if (shape[k] == 1) {
                        ones = k;
                    }
                }
                if (ones >= 0) {
                    target[ones] = 3;
                }
                return new Step("expand" + Arrays.toString(target), x -> x.expand(target), x -> x.expand(longs(target)));
            }
            case 5:
                return new Step("view(-1)", x -> x.view(-1), x -> x.view(-1));
            default: {
                int off = rnd.nextInt(3) - 1;
                return new Step("diagonal(" + off + ")", x -> x.diagonal(off, 0, 1), x -> x.diagonal(off, 0, 1));
            }
        }
    }

    /**
     * A random in-place op on {@code target}; its tensor operands are new leaves. (masked_fill_ is
     * left out on expanded views: libtorch writes them, jtorch's NDArray.maskedFill_ rejects them.)
     */
    private Step inPlace(dev.jtorch.Tensor target) {
        int[] shape = target.sizes();
        int op = rnd.nextInt(9);
        if (op == 6 && expanded(target)) {
            op = 5;
        }
        switch (op) {
            case 0:
                // Python wraps the number in a tensor: mul_.Tensor, MulBackward0
                return new Step("mul_(2.5)", x -> x.mul_(2.5), x -> x.mul_(torch.scalar_tensor(new Scalar(2.5))));
            case 1: {
                Pair o = leaf(shape, rnd.nextBoolean());
                return new Step("add_(leaf)", x -> x.add_(o.j), x -> x.add_(o.t));
            }
            case 2: {
                Pair o = leaf(shape, true);
                return new Step("mul_(leaf)", x -> x.mul_(o.j), x -> x.mul_(o.t));
            }
            case 3: {
                Pair o = leaf(shape, rnd.nextBoolean());
                return new Step("copy_(leaf)", x -> x.copy_(o.j), x -> x.copy_(o.t));
            }
            case 4:
                return new Step("fill_(1.5)", x -> x.fill_(1.5), x -> x.fill_(new Scalar(1.5)));
            case 5:
                return new Step("zero_()", dev.jtorch.Tensor::zero_, Tensor::zero_);
            case 6: {
                byte[] m = new byte[NDArray.zeros(shape).numel()];
                for (int i = 0; i < m.length; i++) {
                    m[i] = (byte) rnd.nextInt(2);
                }
                NDArray mask = NDArray.wrapBool(m, shape);
                return new Step("masked_fill_", x -> x.maskedFill_(new dev.jtorch.Tensor(mask), -2.0),
                        x -> x.masked_fill_(Oracle.toTorch(mask), new Scalar(-2.0)));
            }
            case 7:
                return new Step("clamp_(-0.5,0.5)", x -> x.clamp_(-0.5, 0.5),
                        x -> x.clamp_(new ScalarOptional(new Scalar(-0.5)), new ScalarOptional(new Scalar(0.5))));
            default: {
                Pair a = leaf(shape, true);
                Pair b = leaf(shape, rnd.nextBoolean());
                return rnd.nextBoolean() ? new Step("exp_()", dev.jtorch.Tensor::exp_, Tensor::exp_)
                        : new Step("addcmul_", x -> x.addcmul_(a.j, b.j, 0.5), x -> x.addcmul_(a.t, b.t, new Scalar(0.5)));
            }
        }
    }

    private static boolean expanded(dev.jtorch.Tensor t) {
        for (int d = 0; d < t.dim(); d++) {
            if (t.stride()[d] == 0 && t.size(d) > 1) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code s} on both; false (after checking the messages agree) when libtorch raises. */
    private boolean apply(Step s, Pair p, Pair into, String what) {
        Tensor t;
        try {
            t = s.theirs.apply(p.t);
        } catch (RuntimeException e) {
            String m = IndexingInputs.torchMessage(e);
            outcomes.merge("error: " + m.substring(0, Math.min(40, m.length())), 1, Integer::sum);
            IndexingInputs.expectSameError(IndexingInputs.torchMessage(e), () -> s.ours.apply(p.j), what + " " + s.what);
            return false;
        }
        into.t = t;
        into.j = s.ours.apply(p.j);
        assertEquals(AutogradOracle.nodeName(t.grad_fn()), name(into.j.gradFn()), what + " " + s.what + ": grad_fn");
        return true;
    }

    private static String name(dev.jtorch.autograd.Node n) {
        return n == null ? null : n.name();
    }

    private void compare(NDArray expected, NDArray actual, String what) {
        double tol = dtype == DType.FLOAT32 ? 1e-5 : 1e-12;
        Oracle.assertClose(expected, actual, tol, tol / 10, what);
    }

    @Test
    void viewsModifiedInPlace() {
        Oracle.require();
        for (int k = 0; k < TRIES; k++) {
            try (PointerScope scope = new PointerScope()) {
                trial(k);
            }
        }
        System.out.println("view+in-place outcomes: " + outcomes);
        // the random chains must reach every path at least a few times
        for (String key : new String[] {"CopySlices", "double backward", "base modified, view regenerated",
                "error: a view of a leaf Variable", "error: A view was created in no_grad", "error: Output ",
                "error: unsupported operation: more than one"}) {
            int n = outcomes.entrySet().stream().filter(e -> e.getKey().startsWith(key)).mapToInt(e -> e.getValue()).sum();
            org.junit.jupiter.api.Assertions.assertTrue(n >= 3, key + ": " + outcomes);
        }
    }

    /** retain_grad follows a tensor whose grad_fn an in-place op replaced (directly, or through a view: CopySlices). */
    @Test
    void retainedGradientsOfModifiedTensors() {
        Oracle.require();
        dtype = DType.FLOAT32;
        for (boolean throughView : new boolean[] {false, true}) {
            try (PointerScope scope = new PointerScope()) {
                leaves.clear();
                Pair x = leaf(new int[] {2, 3}, true);
                Pair y = new Pair(x.j.mul(2.0), x.t.mul(torch.scalar_tensor(new Scalar(2.0))));
                y.j.retainGrad();
                y.t.retain_grad();
                if (throughView) {
                    y.j.select(1, 1).mul_(3.0);
                    y.t.select(1, 1).mul_(torch.scalar_tensor(new Scalar(3.0)));
                } else {
                    y.j.mul_(3.0);
                    y.t.mul_(torch.scalar_tensor(new Scalar(3.0)));
                }
                y.j.mul(y.j).sum().backward();
                Tensor tl = y.t.mul(y.t).sum();
                tl.backward(torch.ones_like(tl), new BoolOptional(false), false, new TensorArrayRefOptional());
                String what = throughView ? "through a view" : "directly";
                assertEquals(AutogradOracle.nodeName(y.t.grad_fn()), name(y.j.gradFn()), what + ": grad_fn");
                compare(Oracle.fromTorch(y.t.grad()), y.j.grad().array(), what + ": retained gradient");
                compare(Oracle.fromTorch(x.t.grad()), x.j.grad().array(), what + ": leaf gradient");
            }
        }
    }

    private void trial(int k) {
        leaves.clear();
        dtype = rnd.nextInt(3) == 0 ? DType.FLOAT64 : DType.FLOAT32;
        int[] shape = new int[1 + rnd.nextInt(3)];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = 1 + rnd.nextInt(3);
        }
        Pair x = leaf(shape, true);
        int mode = rnd.nextInt(8);
        // base: a non-leaf (usually), or the leaf itself (in-place on its views must fail)
        Pair base = mode == 0 ? x : new Pair(x.j.mul(x.j), x.t.mul(x.t));
        String what = "trial " + k + " " + dtype + Arrays.toString(shape) + " mode " + mode;
        Pair v = new Pair(null, null);
        Step first = view(shape);
        what += " " + first.what;
        boolean noGrad = mode == 1;
        boolean ok;
        if (noGrad) {
            boolean prev = org.bytedeco.pytorch.GradMode.is_enabled();
            org.bytedeco.pytorch.GradMode.set_enabled(false);
            try (GradMode.Guard g = GradMode.noGrad()) {
                ok = apply(first, base, v, what);
            } finally {
                org.bytedeco.pytorch.GradMode.set_enabled(prev);
            }
        } else {
            ok = apply(first, base, v, what);
        }
        if (!ok) {
            return;
        }
        if (mode == 2) {
            Step second = view(v.j.sizes());
            what += " " + second.what;
            if (!apply(second, v, v, what)) {
                return;
            }
        }
        boolean onBase = mode == 3;
        Pair target = onBase ? base : v;
        Step op = inPlace(target.j);
        what += " " + op.what + (onBase ? " on the base" : "");
        if (!apply(op, target, new Pair(null, null), what)) {
            return;
        }
        assertEquals(AutogradOracle.nodeName(base.t.grad_fn()), name(base.j.gradFn()), what + ": base grad_fn");
        Tensor vfn;
        try {
            vfn = v.t;
            String expected = AutogradOracle.nodeName(vfn.grad_fn());
            assertEquals(expected, name(v.j.gradFn()), what + ": view grad_fn");
        } catch (RuntimeException e) {
            IndexingInputs.expectSameError(IndexingInputs.torchMessage(e), () -> v.j.gradFn(), what + ": view grad_fn");
            return;
        }
        compare(Oracle.fromTorch(base.t), base.j.array(), what + ": base values");
        outcomes.merge(onBase ? "base modified, view regenerated" : name(base.j.gradFn()), 1, Integer::sum);
        // the loss reads the base and (where the base was modified) the older view
        Pair w = leaf(base.j.sizes(), false);
        Pair wv = leaf(v.j.sizes(), false);
        Tensor tl = base.t.mul(w.t).sum().add(v.t.mul(wv.t).sum());
        dev.jtorch.Tensor jl = base.j.mul(w.j).sum().add(v.j.mul(wv.j).sum());
        if (!tl.requires_grad()) {
            assertEquals(false, jl.requiresGrad(), what + ": loss requires grad");
            return;
        }
        boolean doubleBackward = rnd.nextBoolean();
        if (doubleBackward) {
            TensorVector tg;
            Tensor tl0 = tl;
            dev.jtorch.Tensor jl0 = jl;
            try {
                tg = torch.grad(new TensorVector(tl0), new TensorVector(x.t), new TensorVector(), new BoolOptional(true),
                        true, true);
            } catch (RuntimeException e) {
                IndexingInputs.expectSameError(IndexingInputs.torchMessage(e), () -> Autograd.grad(
                        new dev.jtorch.Tensor[] {jl0}, new dev.jtorch.Tensor[] {x.j}, null, true, true, true), what + ": grad");
                return;
            }
            dev.jtorch.Tensor jg = Autograd.grad(new dev.jtorch.Tensor[] {jl}, new dev.jtorch.Tensor[] {x.j}, null, true,
                    true, true)[0];
            Tensor g0 = tg.get(0);
            if (g0 == null || g0.isNull() || !g0.defined()) {
                assertEquals(null, jg, what + ": create_graph gradient defined");
                return;
            }
            compare(Oracle.fromTorch(g0), jg.array(), what + ": create_graph gradient");
            if (!g0.requires_grad()) {
                return;
            }
            Pair r = leaf(x.j.sizes(), false);
            tl = g0.mul(g0).mul(r.t).sum();
            jl = jg.mul(jg).mul(r.j).sum();
            what += " (double backward)";
            outcomes.merge("double backward", 1, Integer::sum);
        }
        try {
            tl.backward(torch.ones_like(tl), new BoolOptional(false), false, new TensorArrayRefOptional());
        } catch (RuntimeException e) {
            dev.jtorch.Tensor jl0 = jl;
            IndexingInputs.expectSameError(IndexingInputs.torchMessage(e), () -> {
                jl0.backward();
                return null;
            }, what + ": backward");
            return;
        }
        jl.backward();
        for (int i = 0; i < leaves.size(); i++) {
            Pair l = leaves.get(i);
            Tensor tg = l.t.grad();
            NDArray expected = tg.defined() ? Oracle.fromTorch(tg) : NDArray.zeros(dtype, l.j.sizes());
            NDArray actual = l.j.grad() != null ? l.j.grad().array() : NDArray.zeros(dtype, l.j.sizes());
            compare(expected, actual, what + ": gradient of leaf " + i);
        }
    }
}
