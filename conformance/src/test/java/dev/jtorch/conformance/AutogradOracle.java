package dev.jtorch.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jtorch.Tensor;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.util.Arrays;
import java.util.Random;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.Node;
import org.bytedeco.pytorch.TensorArrayRefOptional;

/**
 * Runs one differentiable op in jtorch and in libtorch on the same inputs and the same output
 * gradient, and compares the output, the grad_fn name and every input's gradient.
 *
 * <p>Tolerances: float32 outputs and gradients within rtol 1e-5, float64 within rtol 1e-10 (the
 * formulas are PyTorch's, but kernels differ in the last bits: Java's Math vs Sleef/libm, and
 * reductions sum in a different order). Where a gradient is a difference of O(1) terms
 * (softmax, var, reductions) the tolerance also scales with the largest expected magnitude:
 * {@code |a - e| <= rtol * (|e| + max|e|)}; pointwise ops use {@code rtol * |e|} plus a floor of
 * {@code rtol * 1e-3 * max|e|} for results that are tiny differences themselves.
 */
final class AutogradOracle {
    private AutogradOracle() {}

    /** The op on jtorch tensors. */
    @FunctionalInterface
    interface Ours {
        Tensor apply(Tensor[] x);
    }

    /** The same op on libtorch tensors. */
    @FunctionalInterface
    interface Theirs {
        org.bytedeco.pytorch.Tensor apply(org.bytedeco.pytorch.Tensor[] t);
    }

    /** How far apart jtorch and libtorch may be. */
    enum Tol {
        /** Elementwise formulas. */
        POINTWISE(1e-3),
        /** Sums and differences of many terms: relative to the largest magnitude. */
        REDUCTION(1),
        /**
         * erf and what is built on it (gelu): PyTorch's vectorized float32 erf is a polynomial
         * approximation with an absolute error of about 1e-7, so small results are compared
         * against the largest magnitude (float64 uses libm and stays at rtol 1e-10).
         */
        ERF(1);

        final double floor;

        Tol(double floor) {
            this.floor = floor;
        }

        double rtol(DType t) {
            return t == DType.FLOAT32 ? 1e-5 : 1e-10;
        }
    }

    /** libtorch's node name without the C++ namespace ({@code torch::autograd::generated::}). */
    static String nodeName(Node n) {
        if (n == null || n.isNull()) {
            return null;
        }
        String s = n.name().getString();
        return s.substring(s.lastIndexOf(':') + 1);
    }

    /**
     * Compares {@code ours} and {@code theirs} on {@code inputs}; {@code grad[i]} says whether
     * input i requires grad. Returns jtorch's output for further checks.
     */
    static Tensor check(String what, NDArray[] inputs, boolean[] grad, Ours ours, Theirs theirs, Tol tol, Random r) {
        Tensor[] x = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            x[i] = inputs[i] == null ? null : new Tensor(inputs[i]);
            if (grad[i]) {
                x[i].requiresGrad_(true);
            }
        }
        Tensor out = ours.apply(x);
        NDArray gout = AutogradInputs.uniform(r, out.dtype(), out.sizes(), -1, 1, true);
        out.backward(new Tensor(gout));
        String desc = what + " " + describe(inputs);
        try (PointerScope scope = new PointerScope()) {
            org.bytedeco.pytorch.Tensor[] t = new org.bytedeco.pytorch.Tensor[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                t[i] = inputs[i] == null ? null : Oracle.toTorch(inputs[i]);
                if (grad[i]) {
                    t[i].set_requires_grad(true);
                }
            }
            org.bytedeco.pytorch.Tensor o = theirs.apply(t);
            assertEquals(nodeName(o.grad_fn()), out.gradFn() == null ? null : out.gradFn().name(), desc + ": grad_fn");
            close(Oracle.fromTorch(o), out.array(), tol, desc + ": output");
            o.backward(Oracle.toTorch(gout), new BoolOptional(false), false, new TensorArrayRefOptional());
            for (int i = 0; i < inputs.length; i++) {
                if (!grad[i]) {
                    continue;
                }
                org.bytedeco.pytorch.Tensor tg = t[i].grad();
                Tensor g = x[i].grad();
                boolean theirsDefined = tg != null && !tg.isNull() && tg.defined();
                if (!theirsDefined || g == null) {
                    assertEquals(theirsDefined, g != null, desc + ": gradient of input " + i + " defined");
                    continue;
                }
                close(Oracle.fromTorch(tg), g.array(), tol, desc + ": gradient of input " + i);
            }
        }
        return out;
    }

    /** {@code |a - e| <= rtol * |e| + floor * rtol * max|e|}, NaN matching NaN; same dtype and shape. */
    static void close(NDArray expected, NDArray actual, Tol tol, String what) {
        assertEquals(expected.dtype(), actual.dtype(), what + ": dtype");
        if (!Arrays.equals(expected.sizes(), actual.sizes())) {
            fail(what + ": shape " + Arrays.toString(actual.sizes()) + ", expected " + Arrays.toString(expected.sizes()));
        }
        double rtol = tol.rtol(expected.dtype());
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        double scale = 0;
        for (double v : e) {
            if (Double.isFinite(v)) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int i = 0; i < e.length; i++) {
            if (Double.isNaN(e[i]) && Double.isNaN(a[i]) || e[i] == a[i]) {
                continue;
            }
            if (!(Math.abs(a[i] - e[i]) <= rtol * Math.abs(e[i]) + tol.floor * rtol * scale)) {
                fail(what + ": element " + i + " expected " + e[i] + " but was " + a[i] + " (rtol " + rtol + ", "
                        + tol + ")");
            }
        }
    }

    static String describe(NDArray[] inputs) {
        StringBuilder sb = new StringBuilder();
        for (NDArray a : inputs) {
            sb.append(a == null ? "null" : a.dtype() + Arrays.toString(a.sizes()) + (a.isContiguous() ? "" : "(strided)"))
                    .append(' ');
        }
        return sb.toString().trim();
    }
}
