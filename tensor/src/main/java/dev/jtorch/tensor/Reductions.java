package dev.jtorch.tensor;

import dev.jtorch.tensor.ReducePlan.Layout;
import dev.jtorch.tensor.kernel.Kernels;
import dev.jtorch.tensor.kernel.ReduceOp;
import dev.jtorch.tensor.kernel.ReductionKernels;

/**
 * Sum, mean, prod, amax/amin, max/min (with indices), argmax/argmin, all/any with PyTorch's
 * dtypes, empty-tensor rules and messages. Float rows go to {@link Kernels#REDUCTION}; a
 * {@link ReducePlan} decides between rows and column blocks. Int64 reductions wrap on overflow,
 * as in PyTorch; bool inputs of sum/prod are summed as int64.
 */
final class Reductions {
    private Reductions() {}

    private static final ReductionKernels K = Kernels.REDUCTION;

    // ------------------------------------------------------------------ sum, prod, mean

    /** {@code torch.sum(x, dims, keepdim)}: integral and bool inputs give int64; no dims reduces all. */
    static NDArray sum(NDArray x, int[] dims, boolean keepdim) {
        boolean[] mask = ReducePlan.dimMask(dims, x.dim());
        return reduce(ReduceOp.SUM, integralAsLong(x), mask, keepdim);
    }

    /** {@code torch.prod(x, dim, keepdim)}; {@code dim == null} reduces all (0-d result). */
    static NDArray prod(NDArray x, Integer dim, boolean keepdim) {
        boolean[] mask = ReducePlan.dimMask(dim == null ? null : new int[] {dim}, x.dim());
        return reduce(ReduceOp.PROD, integralAsLong(x), mask, dim != null && keepdim);
    }

    /** {@code torch.mean(x, dims, keepdim)}: floating inputs only; the sum divided by the count in the input dtype. */
    static NDArray mean(NDArray x, int[] dims, boolean keepdim) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("mean(): could not infer output dtype. Input dtype must be either a "
                    + "floating point or complex dtype. Got: " + x.dtype().scalarTypeName());
        }
        boolean[] mask = ReducePlan.dimMask(dims, x.dim());
        NDArray out = reduce(ReduceOp.SUM, x, mask, keepdim);
        long count = 1;
        for (int d = 0; d < x.dim(); d++) {
            if (mask[d]) {
                count *= x.sizeAt(d);
            }
        }
        if (out.dtype() == DType.FLOAT32) {
            float[] o = (float[]) out.storage();
            float c = count;
            for (int i = 0; i < o.length; i++) {
                o[i] /= c;
            }
        } else {
            double[] o = (double[]) out.storage();
            double c = count;
            for (int i = 0; i < o.length; i++) {
                o[i] /= c;
            }
        }
        return out;
    }

    private static NDArray integralAsLong(NDArray x) {
        return x.dtype().isFloatingPoint() ? x : x.to(DType.INT64);
    }

    /** {@code op} over the masked dims into a new array of {@code x}'s dtype (float32, float64 or int64). */
    static NDArray reduce(ReduceOp op, NDArray x, boolean[] mask, boolean keepdim) {
        if (GatheredReduce.applies(x, mask)) {
            NDArray out = NDArray.empty(x.dtype(), ReducePlan.outShape(x.sizes(), mask, keepdim));
            GatheredReduce.reduce(op, x, mask, out);
            return out;
        }
        ReducePlan p = ReducePlan.of(x, mask, keepdim, Layout.ROWS_OR_COLUMNS);
        NDArray out = NDArray.empty(x.dtype(), p.outShape);
        if (p.n == 0) {
            return out.fill_(op.identity());
        }
        Object xs = p.src.storage();
        Object os = out.storage();
        switch (x.dtype()) {
            case FLOAT32: {
                float[] a = (float[]) xs;
                float[] o = (float[]) os;
                if (p.cols > 0) {
                    p.forEach((in, oi) -> K.reduceColumns(op, a, in, p.stride, p.n, p.cols, o, oi));
                } else if (parallelSum(op, p, o.length)) {
                    o[0] = RowSum.sum(a, p.src.offset(), p.n, RowSum.chunks(p.n));
                } else {
                    p.forEach((in, oi) -> o[oi] = K.reduce(op, a, in, p.stride, p.n));
                }
                break;
            }
            case FLOAT64: {
                double[] a = (double[]) xs;
                double[] o = (double[]) os;
                if (p.cols > 0) {
                    p.forEach((in, oi) -> K.reduceColumns(op, a, in, p.stride, p.n, p.cols, o, oi));
                } else if (parallelSum(op, p, o.length)) {
                    o[0] = RowSum.sum(a, p.src.offset(), p.n, RowSum.chunks(p.n));
                } else {
                    p.forEach((in, oi) -> o[oi] = K.reduce(op, a, in, p.stride, p.n));
                }
                break;
            }
            case INT64: {
                long[] a = (long[]) xs;
                long[] o = (long[]) os;
                if (p.cols > 0) {
                    p.forEach((in, oi) -> K.reduceColumns(op, a, in, p.stride, p.n, p.cols, o, oi));
                } else {
                    p.forEach((in, oi) -> o[oi] = K.reduce(op, a, in, p.stride, p.n));
                }
                break;
            }
            default:
                throw new AssertionError("reduce() takes float32, float64 or int64, got " + x.dtype());
        }
        return out;
    }

    /** A float sum into one output over one contiguous row long enough to split ({@link RowSum}). */
    private static boolean parallelSum(ReduceOp op, ReducePlan p, int outputs) {
        return op == ReduceOp.SUM && outputs == 1 && p.stride == 1 && !RowSum.serial(p.n);
    }

    // ------------------------------------------------------------------ amax, amin, max, min

    /** {@code torch.amax} / {@code torch.amin}: values only, several dims, NaN propagates. */
    static NDArray amaxAmin(NDArray x, int[] dims, boolean keepdim, boolean max) {
        if (x.numel() == 0) {
            requireReducible(x, dims, max ? "amax()" : "amin()");
        }
        boolean[] mask = ReducePlan.dimMask(dims, x.dim());
        ReduceOp op = max ? ReduceOp.MAX : ReduceOp.MIN;
        if (x.dtype() == DType.BOOL) {
            return reduce(op, x.to(DType.INT64), mask, keepdim).to(DType.BOOL);
        }
        return reduce(op, x, mask, keepdim);
    }

    /** {@code torch.max(x)} / {@code torch.min(x)}: a 0-d array; an empty input has no maximum. */
    static NDArray maxMinAll(NDArray x, boolean max) {
        if (x.numel() == 0) {
            requireReducible(x, null, max ? "max()" : "min()");
        }
        return amaxAmin(x, null, false, max);
    }

    /**
     * PyTorch's {@code zero_numel_check_dims} for reductions without an identity on an empty
     * input: dims must be given (messages name the dims as passed) and none may have size 0.
     */
    private static void requireReducible(NDArray x, int[] dims, String fn) {
        if (dims == null || dims.length == 0) {
            throw new IllegalArgumentException(fn + ": Expected reduction dim to be specified for input.numel() == 0. "
                    + "Specify the reduction dim with the 'dim' argument.");
        }
        for (int d : dims) {
            if (x.size(d) == 0) {
                throw new IndexOutOfBoundsException(fn + ": Expected reduction dim " + d + " to have non-zero size.");
            }
        }
    }

    /** {@code torch.max(x, dim, keepdim)} / {@code torch.min}: values and the index of the first extremum (NaN wins). */
    static ValuesIndices maxMinDim(NDArray x, int dim, boolean keepdim, boolean max) {
        int d = Shapes.wrapDim(dim, x.dim());
        if (x.numel() == 0 && x.dim() > 0 && x.sizeAt(d) == 0) {
            throw new IndexOutOfBoundsException((max ? "max()" : "min()") + ": Expected reduction dim " + d
                    + " to have non-zero size.");
        }
        NDArray src = x.dtype() == DType.BOOL ? x.to(DType.INT64) : x;
        ReducePlan p = ReducePlan.of(src, ReducePlan.dimMask(new int[] {d}, x.dim()), keepdim, Layout.ROWS);
        NDArray values = NDArray.empty(src.dtype(), p.outShape);
        NDArray indices = NDArray.empty(DType.INT64, p.outShape);
        long[] idx = (long[]) indices.storage();
        Object xs = p.src.storage();
        Object vs = values.storage();
        switch (src.dtype()) {
            case FLOAT32: {
                float[] a = (float[]) xs;
                float[] v = (float[]) vs;
                p.forEach((in, o) -> {
                    int i = max ? K.argMax(a, in, p.stride, p.n) : K.argMin(a, in, p.stride, p.n);
                    idx[o] = i;
                    v[o] = a[in + i * p.stride];
                });
                break;
            }
            case FLOAT64: {
                double[] a = (double[]) xs;
                double[] v = (double[]) vs;
                p.forEach((in, o) -> {
                    int i = max ? K.argMax(a, in, p.stride, p.n) : K.argMin(a, in, p.stride, p.n);
                    idx[o] = i;
                    v[o] = a[in + i * p.stride];
                });
                break;
            }
            default: {
                long[] a = (long[]) xs;
                long[] v = (long[]) vs;
                p.forEach((in, o) -> {
                    int i = max ? K.argMax(a, in, p.stride, p.n) : K.argMin(a, in, p.stride, p.n);
                    idx[o] = i;
                    v[o] = a[in + i * p.stride];
                });
            }
        }
        return new ValuesIndices(x.dtype() == DType.BOOL ? values.to(DType.BOOL) : values, indices);
    }

    /**
     * {@code torch.argmax(x, dim, keepdim)} / {@code argmin}; {@code dim == null} flattens first
     * (a 0-d result, index into the flattened input). Bool inputs are rejected, as in PyTorch.
     */
    static NDArray argMaxMin(NDArray x, Integer dim, boolean keepdim, boolean max) {
        String fn = max ? "argmax()" : "argmin()";
        if (x.dtype() == DType.BOOL) {
            throw new IllegalArgumentException(fn + ": does not support bool input");
        }
        if (dim == null) {
            if (x.numel() == 0) {
                throw new IndexOutOfBoundsException(fn + ": Expected reduction dim to be specified for input.numel() == 0.");
            }
            return maxMinDim(x.reshape(-1), 0, false, max).indices();
        }
        int d = Shapes.wrapDim(dim, x.dim());
        if (x.numel() == 0 && x.dim() > 0 && x.sizeAt(d) == 0) {
            throw new IndexOutOfBoundsException(fn + ": Expected reduction dim " + d + " to have non-zero size.");
        }
        return maxMinDim(x, d, keepdim, max).indices();
    }

    // ------------------------------------------------------------------ all, any

    /**
     * {@code torch.all} / {@code torch.any} -> bool. {@code dims == null} reduces every dim; an
     * empty {@code dims} array reduces nothing (PyTorch's {@code dim=()}: an elementwise bool copy).
     */
    static NDArray allAny(NDArray x, int[] dims, boolean keepdim, boolean all) {
        if (dims != null && dims.length == 0) {
            NDArray b = x.to(DType.BOOL);
            return b == x ? x.clone() : b;
        }
        boolean[] mask = ReducePlan.dimMask(dims, x.dim());
        NDArray b = x.to(DType.BOOL);
        ReducePlan p = ReducePlan.of(b, mask, keepdim, Layout.ROWS);
        NDArray out = NDArray.empty(DType.BOOL, p.outShape);
        if (p.n == 0) {
            return out.fill_(all ? 1 : 0);
        }
        byte[] a = (byte[]) p.src.storage();
        byte[] o = (byte[]) out.storage();
        byte none = (byte) (all ? 1 : 0); // the answer unless some element decides otherwise
        p.forEach((in, oi) -> {
            byte r = none;
            for (int i = 0; i < p.n; i++) {
                if ((a[in + i * p.stride] != 0) != all) {
                    r = (byte) (1 - none);
                    break;
                }
            }
            o[oi] = r;
        });
        return out;
    }
}
