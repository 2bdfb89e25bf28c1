package dev.jtorch.autograd;

import dev.jtorch.Tensor;
import dev.jtorch.tensor.NDArray;
import java.util.Arrays;
import java.util.Random;

/**
 * {@code torch.autograd.gradcheck} and {@code gradgradcheck}: compare the analytical Jacobian
 * (from backward) with central finite differences. Use float64 inputs: float32 differences are
 * too coarse for the default tolerances. On mismatch a {@link GradcheckError} names the output,
 * the input, the worst element and both values.
 */
public final class GradCheck {
    private GradCheck() {}

    /** The function under test: any tensors in, one or more tensors out. */
    @FunctionalInterface
    public interface Fn {
        Tensor[] apply(Tensor... inputs);

        /** Adapts a single-output function. */
        static Fn of(java.util.function.Function<Tensor[], Tensor> f) {
            return in -> new Tensor[] {f.apply(in)};
        }
    }

    /** Raised when the Jacobians disagree (PyTorch's {@code GradcheckError}). */
    public static final class GradcheckError extends AssertionError {
        GradcheckError(String message) {
            super(message);
        }
    }

    /** {@code gradcheck(fn, inputs)} with PyTorch's defaults: eps 1e-6, atol 1e-5, rtol 1e-3. */
    public static boolean gradcheck(Fn fn, Tensor... inputs) {
        return gradcheck(fn, inputs, 1e-6, 1e-5, 1e-3);
    }

    /**
     * {@code torch.autograd.gradcheck(fn, inputs, eps, atol, rtol)}: true when every element of
     * the analytical Jacobian is within {@code atol + rtol * |numerical|}; throws otherwise.
     */
    public static boolean gradcheck(Fn fn, Tensor[] inputs, double eps, double atol, double rtol) {
        Tensor[] outs = fn.apply(inputs);
        for (int o = 0; o < outs.length; o++) {
            if (!outs[o].dtype().isFloatingPoint()) {
                continue;
            }
            for (int i = 0; i < inputs.length; i++) {
                if (inputs[i] == null || !inputs[i].requiresGrad()) {
                    continue;
                }
                double[][] num = numerical(fn, inputs, i, o, eps);
                double[][] ana = analytical(outs[o], inputs[i], inputs);
                compare(num, ana, o, i, atol, rtol, inputs[i].sizes(), outs[o].sizes());
            }
        }
        return true;
    }

    /**
     * {@code torch.autograd.gradgradcheck(fn, inputs)}: gradcheck of the function
     * {@code (inputs, v) -> grad(fn(inputs), inputs, v, create_graph=True)} for random {@code v},
     * i.e. of the second derivatives.
     */
    public static boolean gradgradcheck(Fn fn, Tensor... inputs) {
        return gradgradcheck(fn, inputs, 1e-6, 1e-5, 1e-3, 0);
    }

    /** {@code gradgradcheck} with explicit tolerances and the seed of the random grad_outputs. */
    public static boolean gradgradcheck(Fn fn, Tensor[] inputs, double eps, double atol, double rtol, long seed) {
        Tensor[] outs = fn.apply(inputs);
        Random r = new Random(seed);
        Tensor[] v = new Tensor[outs.length];
        for (int o = 0; o < outs.length; o++) {
            double[] vals = new double[outs[o].numel()];
            for (int k = 0; k < vals.length; k++) {
                vals[k] = r.nextGaussian();
            }
            v[o] = new Tensor(NDArray.wrap(vals, outs[o].sizes()).to(outs[o].dtype())).requiresGrad_(true);
        }
        int n = inputs.length;
        Tensor[] all = Arrays.copyOf(inputs, n + v.length);
        System.arraycopy(v, 0, all, n, v.length);
        Fn firstOrder = in -> {
            // the numerical Jacobian evaluates this under no-grad; the gradient inside needs a graph
            try (GradMode.Guard ignored = GradMode.enableGrad()) {
                Tensor[] x = Arrays.copyOf(in, n);
                Tensor[] gv = Arrays.copyOfRange(in, n, in.length);
                Tensor[] y = fn.apply(x);
                Tensor[] diffInputs = Arrays.stream(x).filter(t -> t != null && t.requiresGrad()).toArray(Tensor[]::new);
                Tensor[] g = Autograd.grad(y, diffInputs, gv, true, true, true);
                for (int k = 0; k < g.length; k++) {
                    if (g[k] == null) {
                        g[k] = Tensor.zerosLike(diffInputs[k]);
                    }
                }
                return g;
            }
        };
        return gradcheck(firstOrder, all, eps, atol, rtol);
    }

    /** Column j = d out / d input[j], by central differences; rows are output elements. */
    private static double[][] numerical(Fn fn, Tensor[] inputs, int which, int outIndex, double eps) {
        NDArray x = inputs[which].array();
        int[] shape = x.sizes();
        int n = x.numel();
        double[][] jac = null;
        try (GradMode.Guard ignored = GradMode.noGrad()) {
            for (int j = 0; j < n; j++) {
                int[] idx = unravel(j, shape);
                double orig = x.getDouble(idx);
                x.set(orig - eps, idx);
                double[] lo = fn.apply(inputs)[outIndex].toDoubleArray();
                x.set(orig + eps, idx);
                double[] hi = fn.apply(inputs)[outIndex].toDoubleArray();
                x.set(orig, idx);
                if (jac == null) {
                    jac = new double[lo.length][n];
                }
                for (int k = 0; k < lo.length; k++) {
                    jac[k][j] = (hi[k] - lo[k]) / (2 * eps);
                }
            }
        }
        return jac == null ? new double[0][0] : jac;
    }

    /** Row k = gradient of output element k with respect to the input (vector-Jacobian products). */
    private static double[][] analytical(Tensor out, Tensor input, Tensor[] inputs) {
        int m = out.numel();
        int n = input.numel();
        double[][] jac = new double[m][n];
        if (!out.requiresGrad()) {
            return jac; // an output without history (a constant gradient, e.g. of sign) has a zero Jacobian
        }
        for (int k = 0; k < m; k++) {
            double[] e = new double[m];
            e[k] = 1;
            Tensor v = new Tensor(NDArray.wrap(e, out.sizes()).to(out.dtype()));
            Tensor g = Autograd.grad(new Tensor[] {out}, new Tensor[] {input}, new Tensor[] {v}, true, false, true)[0];
            if (g != null) {
                jac[k] = g.toDoubleArray();
            }
        }
        return jac;
    }

    private static void compare(double[][] num, double[][] ana, int o, int i, double atol, double rtol,
            int[] inShape, int[] outShape) {
        double worst = -1;
        int wk = -1;
        int wj = -1;
        boolean failed = false;
        for (int k = 0; k < num.length; k++) {
            for (int j = 0; j < num[k].length; j++) {
                double a = ana[k][j];
                double nu = num[k][j];
                double excess = Math.abs(a - nu) - (atol + rtol * Math.abs(nu));
                if (Double.isNaN(a) != Double.isNaN(nu) || excess > 0) {
                    failed = true;
                }
                if (excess > worst || Double.isNaN(excess)) {
                    worst = Double.isNaN(excess) ? Double.POSITIVE_INFINITY : excess;
                    wk = k;
                    wj = j;
                }
            }
        }
        if (failed) {
            throw new GradcheckError("Jacobian mismatch for output " + o + " with respect to input " + i + ",\n"
                    + "numerical:" + num[wk][wj] + "\nanalytical:" + ana[wk][wj] + "\n"
                    + "worst element: output index " + Arrays.toString(unravel(wk, outShape)) + ", input index "
                    + Arrays.toString(unravel(wj, inShape)) + " (atol " + atol + ", rtol " + rtol + ")");
        }
    }

    private static int[] unravel(int flat, int[] shape) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = shape[d] == 0 ? 0 : flat % shape[d];
            flat = shape[d] == 0 ? 0 : flat / shape[d];
        }
        return idx;
    }
}
