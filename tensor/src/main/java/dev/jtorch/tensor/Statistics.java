package dev.jtorch.tensor;

import dev.jtorch.tensor.ReducePlan.Layout;
import dev.jtorch.tensor.kernel.Kernels;
import dev.jtorch.tensor.kernel.ReduceOp;
import dev.jtorch.tensor.kernel.ReductionKernels;

/** var/std, logsumexp and vector norms with PyTorch's dtypes, empty-input rules and messages. */
final class Statistics {
    private Statistics() {}

    private static final ReductionKernels K = Kernels.REDUCTION;

    // ------------------------------------------------------------------ var, std

    /**
     * {@code torch.var(x, dims, correction=, keepdim=)} (and {@code std} when {@code sqrt}):
     * {@code sum((x - mean)^2) / max(0, n - correction)}.
     *
     * <p>Like PyTorch on CPU, a reduction to a single element takes the mean in the input dtype
     * ({@code x.mean()}) and sums the squared deviations in double ({@code std_var_all_cpu});
     * otherwise each row is done in double, PyTorch with Welford's update, here with two passes: the
     * mean as {@code x0 + sum(x - x0) / n} (exact for a constant row, where Welford gives 0 too), then
     * the squared deviations. The two agree to double rounding.
     */
    static NDArray varStd(NDArray x, int[] dims, double correction, boolean keepdim, boolean sqrt) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("std and var only support floating point and complex dtypes");
        }
        boolean[] mask = ReducePlan.dimMask(dims, x.dim());
        ReducePlan p = ReducePlan.of(x, mask, keepdim, Layout.ROWS);
        if (x.numel() == 0) {
            return NDArray.full(Double.NaN, x.dtype(), p.outShape);
        }
        NDArray out = NDArray.empty(x.dtype(), p.outShape);
        double denom = Math.max(0, p.n - correction);
        Object xs = p.src.storage();
        if (p.outNumel() == 1) {
            double mean = Reductions.mean(x, null, false).item();
            double ssd = x.dtype() == DType.FLOAT32
                    ? K.sumSquaredDeviations((float[]) xs, p.src.offset(), p.stride, p.n, mean)
                    : K.sumSquaredDeviations((double[]) xs, p.src.offset(), p.stride, p.n, mean);
            return out.fill_(finish(ssd / denom, sqrt));
        }
        if (x.dtype() == DType.FLOAT32) {
            float[] a = (float[]) xs;
            float[] o = (float[]) out.storage();
            p.forEach((in, oi) -> {
                double mean = a[in] + K.sumDeviations(a, in, p.stride, p.n, a[in]) / p.n;
                o[oi] = (float) finish(K.sumSquaredDeviations(a, in, p.stride, p.n, mean) / denom, sqrt);
            });
        } else {
            double[] a = (double[]) xs;
            double[] o = (double[]) out.storage();
            p.forEach((in, oi) -> {
                double mean = a[in] + K.sumDeviations(a, in, p.stride, p.n, a[in]) / p.n;
                o[oi] = finish(K.sumSquaredDeviations(a, in, p.stride, p.n, mean) / denom, sqrt);
            });
        }
        return out;
    }

    private static double finish(double var, boolean sqrt) {
        return sqrt ? Math.sqrt(var) : var;
    }

    // ------------------------------------------------------------------ logsumexp

    /**
     * {@code torch.logsumexp(x, dims, keepdim)}: integral inputs are computed in the default float.
     * Rows whose max is infinite use 0 instead (so all -inf gives -inf and +inf gives inf).
     * {@code dims == null} reduces every dim; an empty array is PyTorch's {@code dim=()}, which fails
     * for inputs of rank > 0 unless keepdim (PyTorch's in-place add of a [1, ..., 1] max into a 0-d sum).
     */
    static NDArray logSumExp(NDArray x, int[] dims, boolean keepdim) {
        NDArray src = x.dtype().isFloatingPoint() ? x : x.to(DType.defaultFloat());
        boolean[] mask = ReducePlan.dimMask(dims, x.dim());
        if (dims != null && dims.length == 0 && !keepdim && x.dim() > 0 && x.numel() > 0) {
            // dim=(): PyTorch adds amax(x, dim=(), keepdim=True), shaped [1, ..., 1], in place to the 0-d sum
            int[] ones = new int[x.dim()];
            java.util.Arrays.fill(ones, 1);
            throw new IllegalArgumentException("output with shape [] doesn't match the broadcast shape " + Shapes.str(ones));
        }
        ReducePlan p = ReducePlan.of(src, mask, keepdim, Layout.CONTIGUOUS_ROWS);
        if (p.n == 0) {
            return NDArray.full(Double.NEGATIVE_INFINITY, src.dtype(), p.outShape);
        }
        NDArray out = NDArray.empty(src.dtype(), p.outShape);
        if (src.dtype() == DType.FLOAT32) {
            float[] a = (float[]) p.src.storage();
            float[] o = (float[]) out.storage();
            p.forEach((in, oi) -> o[oi] = K.logSumExp(a, in, p.stride, p.n));
        } else {
            double[] a = (double[]) p.src.storage();
            double[] o = (double[]) out.storage();
            p.forEach((in, oi) -> o[oi] = K.logSumExp(a, in, p.stride, p.n));
        }
        return out;
    }

    // ------------------------------------------------------------------ norms

    /**
     * {@code torch.linalg.vector_norm(x, ord=p, dim=dims, keepdim=keepdim)}, which {@code torch.norm}
     * calls for a numeric {@code p}: p = 2 (sqrt of the sum of squares), 1, inf (max |x|), -inf
     * (min |x|), 0 (count of non-zeros), otherwise {@code sum(|x|^p)^(1/p)}. Accumulates in the input dtype.
     */
    static NDArray norm(NDArray x, double p, int[] dims, boolean keepdim) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("linalg.vector_norm: Expected a floating point or complex tensor as input. Got "
                    + x.dtype().scalarTypeName());
        }
        if (x.numel() == 0 && (p < 0 || p == Double.POSITIVE_INFINITY)) {
            requireIdentity(x, p, dims);
        }
        boolean[] mask = ReducePlan.dimMask(dims, x.dim());
        if (p == 2 || p == 1 || Double.isInfinite(p)) {
            ReduceOp op = p == 2 ? ReduceOp.SQUARE_SUM : p == 1 ? ReduceOp.ABS_SUM
                    : p > 0 ? ReduceOp.ABS_MAX : ReduceOp.ABS_MIN;
            NDArray out = Reductions.reduce(op, x, mask, keepdim);
            return p == 2 ? sqrtInPlace(out) : out;
        }
        ReducePlan plan = ReducePlan.of(x, mask, keepdim, Layout.ROWS);
        NDArray out = NDArray.zeros(x.dtype(), plan.outShape);
        if (x.dtype() == DType.FLOAT32) {
            float[] a = (float[]) plan.src.storage();
            float[] o = (float[]) out.storage();
            plan.forEach((in, oi) -> o[oi] = (float) powNorm(a, in, plan.stride, plan.n, p));
        } else {
            double[] a = (double[]) plan.src.storage();
            double[] o = (double[]) out.storage();
            plan.forEach((in, oi) -> o[oi] = powNorm(a, in, plan.stride, plan.n, p));
        }
        return out;
    }

    /** p = 0 counts non-zeros (NaN counts); other finite p: {@code (sum |x|^p)^(1/p)} accumulated in float. */
    private static double powNorm(float[] a, int off, int stride, int n, double p) {
        float acc = 0;
        for (int i = 0; i < n; i++) {
            float v = a[off + i * stride];
            acc += p == 0 ? (v != 0 ? 1 : 0) : (float) Math.pow(Math.abs(v), p);
        }
        return p == 0 ? acc : Math.pow(acc, 1 / p);
    }

    private static double powNorm(double[] a, int off, int stride, int n, double p) {
        double acc = 0;
        for (int i = 0; i < n; i++) {
            double v = a[off + i * stride];
            acc += p == 0 ? (v != 0 ? 1 : 0) : Math.pow(Math.abs(v), p);
        }
        return p == 0 ? acc : Math.pow(acc, 1 / p);
    }

    private static NDArray sqrtInPlace(NDArray out) {
        if (out.dtype() == DType.FLOAT32) {
            float[] o = (float[]) out.storage();
            for (int i = 0; i < o.length; i++) {
                o[i] = (float) Math.sqrt(o[i]);
            }
        } else {
            double[] o = (double[]) out.storage();
            for (int i = 0; i < o.length; i++) {
                o[i] = Math.sqrt(o[i]);
            }
        }
        return out;
    }

    /** Norms without an identity (p < 0, p = inf) cannot reduce over an empty dim. */
    private static void requireIdentity(NDArray x, double p, int[] dims) {
        String ord = Double.isInfinite(p) ? (p > 0 ? "inf" : "-inf")
                : p == Math.rint(p) && Math.abs(p) < 1e15 ? Long.toString((long) p) : Double.toString(p);
        if (dims == null || dims.length == 0) {
            throw new IllegalArgumentException("linalg.vector_norm cannot compute the " + ord
                    + " norm on an empty tensor because the operation does not have an identity");
        }
        for (int d : dims) {
            if (x.size(d) == 0) {
                // sic: PyTorch's message has no space before "because"
                throw new IllegalArgumentException("linalg.vector_norm cannot compute the " + ord + " norm on the dimension "
                        + d + "because this dimension is empty and the operation does not have an identity");
            }
        }
    }

    /**
     * {@code torch.norm(x, p="fro", dim=dims, keepdim=keepdim)}: the 2-norm over at most two dims
     * (all dims when {@code dims} is null). Other string orders need a matrix norm.
     */
    static NDArray norm(NDArray x, String p, int[] dims, boolean keepdim) {
        if (!"fro".equals(p)) {
            throw new IllegalArgumentException("linalg.matrix_norm: Order " + p + " not supported.");
        }
        if (dims != null && dims.length > 2) {
            StringBuilder got = new StringBuilder();
            for (int d : dims) {
                got.append(got.length() == 0 ? "" : " ").append(d);
            }
            throw new IllegalArgumentException("linalg.matrix_norm: dim must be a 2-tuple. Got " + got);
        }
        return norm(x, 2, dims, keepdim);
    }
}
