package dev.jtorch.tensor;

import dev.jtorch.tensor.kernel.BinaryOp;
import dev.jtorch.tensor.kernel.CompareOp;
import dev.jtorch.tensor.kernel.ElementwiseKernels;
import dev.jtorch.tensor.kernel.Kernels;
import dev.jtorch.tensor.kernel.TernaryOp;
import dev.jtorch.tensor.kernel.UnaryOp;

/**
 * The machinery every elementwise op shares, PyTorch's TensorIterator in small: broadcasting
 * operands to the output's shape, running a kernel row by row (float32/float64 rows go to
 * {@link Kernels#ELEMENTWISE}; int64 and bool rows use the op's long definition), and the
 * checks of in-place ops (castable result type, broadcast shape, memory overlap). The ops
 * themselves live in {@code Arithmetic}, {@code UnaryOps}, {@code Comparisons} and
 * {@code PointwiseOps}; operands reaching the {@code run*} methods already have the compute dtype.
 */
final class Elementwise {
    private Elementwise() {}

    private static final ElementwiseKernels K = Kernels.ELEMENTWISE;

    // ---------------------------------------------------------------- results and scalars

    /**
     * A new array of the broadcast shape of {@code operands} (the inputs as the kernel reads them,
     * after {@link #cast}), laid out as PyTorch's TensorIterator lays out outputs: contiguous in the
     * order the operands' strides give ({@link IterationOrder}), row-major when that is the natural order.
     */
    static NDArray result(DType t, NDArray... operands) {
        NDArray lead = rowMajorLead(operands);
        if (lead != null) {
            return lead.emptyRowMajorLike(t);
        }
        int[] shape = operands[0].sizes();
        for (int i = 1; i < operands.length; i++) {
            shape = Shapes.broadcast(shape, operands[i].sizes());
        }
        int[][] strides = new int[operands.length][];
        for (int i = 0; i < operands.length; i++) {
            strides[i] = Loops.broadcastStrides(operands[i], shape);
        }
        int[] order = IterationOrder.order(shape, strides);
        for (int i = 0; i < order.length; i++) {
            if (order[i] != i) {
                return new NDArray(t, t.allocate(Shapes.numel(shape)), shape, IterationOrder.outputStrides(shape, order), 0);
            }
        }
        return NDArray.empty(t, shape);
    }

    /**
     * The common case of {@link #result} without its layout analysis: when every operand is 0-d or
     * exactly row-major (strides of size-1 dims included) with one shared shape, the iteration order
     * is the natural one and the output is a plain row-major array of that shape; returns the operand
     * giving the shape, or null for the general path.
     */
    private static NDArray rowMajorLead(NDArray[] operands) {
        NDArray lead = null;
        for (NDArray x : operands) {
            if (x.dim() == 0) {
                continue;
            }
            if (!rowMajor(x) || (lead != null && !sameShape(x, lead))) {
                return null;
            }
            lead = lead == null ? x : lead;
        }
        return lead;
    }

    /** Whether every stride of {@code x}, size-1 dims included, is the row-major one. */
    static boolean rowMajor(NDArray x) {
        int expected = 1;
        for (int d = x.dim() - 1; d >= 0; d--) {
            if (x.strideAt(d) != expected) {
                return false;
            }
            expected *= x.sizeAt(d);
        }
        return true;
    }

    private static boolean sameShape(NDArray x, NDArray y) {
        if (x.dim() != y.dim()) {
            return false;
        }
        for (int d = 0; d < x.dim(); d++) {
            if (x.sizeAt(d) != y.sizeAt(d)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The stride of operand {@code x} along the single row that covers a contiguous output whole:
     * 1 when {@code x} is contiguous with the output's shape, 0 when it is one element (a broadcast
     * scalar), -1 when the operands need the general row-by-row path. With every operand flat, the
     * general path would merge all dims into exactly this one row: the fast path only skips its setup.
     */
    static int flatInc(NDArray x, NDArray out) {
        if (x.numel() == 1) {
            return 0;
        }
        return sameShape(x, out) && x.isContiguous() ? 1 : -1;
    }

    /** Whether {@code out} is a non-empty contiguous float32/float64 output (the flat fast path's precondition). */
    private static boolean flatOut(NDArray out) {
        DType t = out.dtype();
        return (t == DType.FLOAT32 || t == DType.FLOAT64) && out.numel() > 0 && out.isContiguous();
    }

    /**
     * {@code x} in dtype {@code t}, as TensorIterator casts inputs ({@code x.to(t)}, memory format
     * preserved): {@code x} itself when it has the dtype, else a copy keeping a dense layout's
     * strides (a transposed input stays transposed), row-major for other layouts. The layout of
     * the cast inputs decides the output's ({@link #result}).
     */
    static NDArray cast(NDArray x, DType t) {
        return x.dtype() == t ? x : copyPreserving(x, t);
    }

    /** {@code x.clone()} / {@code x.to(t)} with PyTorch's preserve_format: dense layouts keep their strides. */
    static NDArray copyPreserving(NDArray x, DType t) {
        NDArray c = Overlap.isNonOverlappingAndDense(x) && !x.isContiguous()
                ? new NDArray(t, t.allocate(x.numel()), x.sizes(), x.stride(), 0)
                : NDArray.empty(t, x.sizes());
        return c.copy_(x);
    }

    /** A 0-d array holding a Java floating scalar (a Python float) in dtype {@code t}. */
    static NDArray scalar(double v, DType t) {
        return NDArray.scalar(v, t);
    }

    /** A 0-d array holding a Java integral scalar (a Python int) in dtype {@code t}, exact for int64. */
    static NDArray scalar(long v, DType t) {
        if (t == DType.INT64) {
            return NDArray.wrap(new long[] {v});
        }
        NDArray s = NDArray.empty(t);
        Convert.setLong(s.storage(), t, 0, v);
        return s;
    }

    /** The name c10's {@code TypeMeta} prints ({@code float}, {@code double}, {@code long int}, {@code bool}). */
    static String typeMetaName(DType t) {
        switch (t) {
            case FLOAT32: return "float";
            case FLOAT64: return "double";
            case INT64: return "long int";
            default: return "bool";
        }
    }

    /** PyTorch's dispatch error, e.g. {@code "abs_cpu" not implemented for 'Bool'}. */
    static IllegalArgumentException notImplemented(String kernel, DType t) {
        return new IllegalArgumentException("\"" + kernel + "\" not implemented for '" + t.scalarTypeName() + "'");
    }

    // ---------------------------------------------------------------- in-place checks

    /** PyTorch's {@code canCast}: no float to integral, no non-bool to bool. */
    static void checkCast(DType from, DType to) {
        if (!canCast(from, to)) {
            throw new IllegalArgumentException("result type " + from.scalarTypeName()
                    + " can't be cast to the desired output type " + to.scalarTypeName());
        }
    }

    static boolean canCast(DType from, DType to) {
        return !((from.isFloatingPoint() && !to.isFloatingPoint()) || (from != DType.BOOL && to == DType.BOOL));
    }

    /**
     * The checks TensorIterator makes before writing into {@code out}, in its order: {@code out}
     * has no two elements at one address, no input overlaps {@code out} other than by being the
     * very same view, and the inputs broadcast to exactly {@code out}'s shape.
     */
    static void checkInPlace(NDArray out, NDArray... inputs) {
        Overlap.checkNoInternalOverlap(out);
        for (NDArray in : inputs) {
            Overlap.checkNoPartialOverlap(out, in);
        }
        int[] os = out.sizesRaw();
        boolean same = true;
        for (NDArray in : inputs) {
            same &= in.dim() == 0 || java.util.Arrays.equals(os, in.sizesRaw());
        }
        if (same) {
            return; // every input has out's shape or is 0-d: each broadcasts to out's shape
        }
        int[] bs = out.sizes();
        for (NDArray in : inputs) {
            bs = Shapes.broadcast(bs, in.sizes());
        }
        if (!java.util.Arrays.equals(bs, out.sizes())) {
            throw new IllegalArgumentException("output with shape " + Shapes.str(out.sizes())
                    + " doesn't match the broadcast shape " + Shapes.str(bs));
        }
    }

    // ---------------------------------------------------------------- running kernels

    /** {@code out = op(x; p, q)}; for int64 and bool the long parameters {@code lp, lq} are used. */
    static void runUnary(UnaryOp op, double p, double q, long lp, long lq, NDArray out, NDArray x) {
        int ix;
        if (flatOut(out) && (ix = flatInc(x, out)) >= 0) {
            Object xs = x.storage();
            Object os = out.storage();
            int xo = x.offset();
            int oo = out.offset();
            int len = out.numel();
            // below the parallel size the kernel is called directly: no lambda, no pool lookup
            if (out.dtype() == DType.FLOAT32) {
                if (FlatParallel.serial(len)) {
                    K.unary(op, p, q, (float[]) xs, xo, ix, (float[]) os, oo, 1, len);
                } else {
                    FlatParallel.run(len, (i, n) -> K.unary(op, p, q, (float[]) xs, xo + i * ix, ix, (float[]) os, oo + i, 1, n));
                }
            } else if (FlatParallel.serial(len)) {
                K.unary(op, p, q, (double[]) xs, xo, ix, (double[]) os, oo, 1, len);
            } else {
                FlatParallel.run(len, (i, n) -> K.unary(op, p, q, (double[]) xs, xo + i * ix, ix, (double[]) os, oo + i, 1, n));
            }
            return;
        }
        int[] shape = out.sizes();
        Object o = out.storage();
        Object xs = x.storage();
        int[] offs = {out.offset(), x.offset()};
        int[][] st = {out.strides(), Loops.broadcastStrides(x, shape)};
        switch (out.dtype()) {
            case FLOAT32:
                IterationOrder.forEachRow(shape, offs, st, (off, inc, n) -> K.unary(op, p, q, (float[]) xs, off[1], inc[1],
                        (float[]) o, off[0], inc[0], n));
                break;
            case FLOAT64:
                IterationOrder.forEachRow(shape, offs, st, (off, inc, n) -> K.unary(op, p, q, (double[]) xs, off[1], inc[1],
                        (double[]) o, off[0], inc[0], n));
                break;
            case INT64:
                IterationOrder.forEachRow(shape, offs, st, (off, inc, n) -> {
                    long[] xl = (long[]) xs;
                    long[] ol = (long[]) o;
                    for (int i = 0; i < n; i++) {
                        ol[off[0] + i * inc[0]] = op.apply(xl[off[1] + i * inc[1]], lp, lq);
                    }
                });
                break;
            default:
                IterationOrder.forEachRow(shape, offs, st, (off, inc, n) -> {
                    byte[] xb = (byte[]) xs;
                    byte[] ob = (byte[]) o;
                    for (int i = 0; i < n; i++) {
                        ob[off[0] + i * inc[0]] = bool(op.apply((long) xb[off[1] + i * inc[1]], lp, lq));
                    }
                });
        }
    }

    /** {@code out = op(a, b; p)}; int64 and bool use {@code lp}. */
    static void runBinary(BinaryOp op, double p, long lp, NDArray out, NDArray a, NDArray b) {
        int ia;
        int ib;
        if (flatOut(out) && (ia = flatInc(a, out)) >= 0 && (ib = flatInc(b, out)) >= 0) {
            Object xs = a.storage();
            Object ys = b.storage();
            Object os = out.storage();
            int xo = a.offset();
            int yo = b.offset();
            int oo = out.offset();
            int len = out.numel();
            if (out.dtype() == DType.FLOAT32) {
                if (FlatParallel.serial(len)) {
                    K.binary(op, p, (float[]) xs, xo, ia, (float[]) ys, yo, ib, (float[]) os, oo, 1, len);
                } else {
                    FlatParallel.run(len, (i, n) -> K.binary(op, p, (float[]) xs, xo + i * ia, ia, (float[]) ys, yo + i * ib, ib,
                            (float[]) os, oo + i, 1, n));
                }
            } else if (FlatParallel.serial(len)) {
                K.binary(op, p, (double[]) xs, xo, ia, (double[]) ys, yo, ib, (double[]) os, oo, 1, len);
            } else {
                FlatParallel.run(len, (i, n) -> K.binary(op, p, (double[]) xs, xo + i * ia, ia, (double[]) ys, yo + i * ib, ib,
                        (double[]) os, oo + i, 1, n));
            }
            return;
        }
        int[] shape = out.sizes();
        Object o = out.storage();
        Object x = a.storage();
        Object y = b.storage();
        int[] offs = {out.offset(), a.offset(), b.offset()};
        int[][] st = {out.strides(), Loops.broadcastStrides(a, shape), Loops.broadcastStrides(b, shape)};
        switch (out.dtype()) {
            case FLOAT32:
                IterationOrder.forEachRow(shape, offs, st, (off, inc, n) -> K.binary(op, p, (float[]) x, off[1], inc[1],
                        (float[]) y, off[2], inc[2], (float[]) o, off[0], inc[0], n));
                break;
            case FLOAT64:
                IterationOrder.forEachRow(shape, offs, st, (off, inc, n) -> K.binary(op, p, (double[]) x, off[1], inc[1],
                        (double[]) y, off[2], inc[2], (double[]) o, off[0], inc[0], n));
                break;
            case INT64:
                IterationOrder.forEachRow(shape, offs, st, (off, inc, n) -> {
                    long[] xl = (long[]) x;
                    long[] yl = (long[]) y;
                    long[] ol = (long[]) o;
                    for (int i = 0; i < n; i++) {
                        ol[off[0] + i * inc[0]] = op.apply(xl[off[1] + i * inc[1]], yl[off[2] + i * inc[2]], lp);
                    }
                });
                break;
            default:
                IterationOrder.forEachRow(shape, offs, st, (off, inc, n) -> {
                    byte[] xb = (byte[]) x;
                    byte[] yb = (byte[]) y;
                    byte[] ob = (byte[]) o;
                    for (int i = 0; i < n; i++) {
                        ob[off[0] + i * inc[0]] = bool(op.apply((long) xb[off[1] + i * inc[1]],
                                (long) yb[off[2] + i * inc[2]], lp));
                    }
                });
        }
    }

    /** {@code out = op(a, b, c; p)}; int64 uses {@code lp}. */
    static void runTernary(TernaryOp op, double p, long lp, NDArray out, NDArray a, NDArray b, NDArray c) {
        int[] shape = out.sizes();
        Object o = out.storage();
        Object x = a.storage();
        Object y = b.storage();
        Object z = c.storage();
        int[] offs = {out.offset(), a.offset(), b.offset(), c.offset()};
        int[][] st = {out.strides(), Loops.broadcastStrides(a, shape), Loops.broadcastStrides(b, shape),
            Loops.broadcastStrides(c, shape)};
        switch (out.dtype()) {
            case FLOAT32:
                IterationOrder.forEachRow(shape, offs, st, (off, inc, n) -> K.ternary(op, p, (float[]) x, off[1], inc[1],
                        (float[]) y, off[2], inc[2], (float[]) z, off[3], inc[3], (float[]) o, off[0], inc[0], n));
                break;
            case FLOAT64:
                IterationOrder.forEachRow(shape, offs, st, (off, inc, n) -> K.ternary(op, p, (double[]) x, off[1], inc[1],
                        (double[]) y, off[2], inc[2], (double[]) z, off[3], inc[3], (double[]) o, off[0], inc[0], n));
                break;
            case INT64:
                IterationOrder.forEachRow(shape, offs, st, (off, inc, n) -> {
                    long[] xl = (long[]) x;
                    long[] yl = (long[]) y;
                    long[] zl = (long[]) z;
                    long[] ol = (long[]) o;
                    for (int i = 0; i < n; i++) {
                        ol[off[0] + i * inc[0]] = op.apply(xl[off[1] + i * inc[1]], yl[off[2] + i * inc[2]],
                                zl[off[3] + i * inc[3]], lp);
                    }
                });
                break;
            default:
                throw new AssertionError(op + " on bool");
        }
    }

    /** {@code out (bool) = a op b}, a and b of one dtype. */
    static void runCompare(CompareOp op, NDArray out, NDArray a, NDArray b) {
        int[] shape = out.sizes();
        byte[] o = (byte[]) out.storage();
        Object x = a.storage();
        Object y = b.storage();
        int[] offs = {out.offset(), a.offset(), b.offset()};
        int[][] st = {out.strides(), Loops.broadcastStrides(a, shape), Loops.broadcastStrides(b, shape)};
        switch (a.dtype()) {
            case FLOAT32:
                IterationOrder.forEachRow(shape, offs, st, (off, inc, n) -> K.compare(op, (float[]) x, off[1], inc[1],
                        (float[]) y, off[2], inc[2], o, off[0], inc[0], n));
                break;
            case FLOAT64:
                IterationOrder.forEachRow(shape, offs, st, (off, inc, n) -> K.compare(op, (double[]) x, off[1], inc[1],
                        (double[]) y, off[2], inc[2], o, off[0], inc[0], n));
                break;
            default: {
                DType t = a.dtype();
                IterationOrder.forEachRow(shape, offs, st, (off, inc, n) -> {
                    for (int i = 0; i < n; i++) {
                        o[off[0] + i * inc[0]] = bool(op.test(Convert.getLong(x, t, off[1] + i * inc[1]),
                                Convert.getLong(y, t, off[2] + i * inc[2])) ? 1 : 0);
                    }
                });
            }
        }
    }

    /** {@code out = cond ? a : b}, cond bool, a and b of out's dtype. */
    static void runWhere(NDArray out, NDArray cond, NDArray a, NDArray b) {
        int[] shape = out.sizes();
        Object o = out.storage();
        byte[] c = (byte[]) cond.storage();
        Object x = a.storage();
        Object y = b.storage();
        int[] offs = {out.offset(), cond.offset(), a.offset(), b.offset()};
        int[][] st = {out.strides(), Loops.broadcastStrides(cond, shape), Loops.broadcastStrides(a, shape),
            Loops.broadcastStrides(b, shape)};
        switch (out.dtype()) {
            case FLOAT32:
                IterationOrder.forEachRow(shape, offs, st, (off, inc, n) -> K.where(c, off[1], inc[1], (float[]) x, off[2], inc[2],
                        (float[]) y, off[3], inc[3], (float[]) o, off[0], inc[0], n));
                break;
            case FLOAT64:
                IterationOrder.forEachRow(shape, offs, st, (off, inc, n) -> K.where(c, off[1], inc[1], (double[]) x, off[2], inc[2],
                        (double[]) y, off[3], inc[3], (double[]) o, off[0], inc[0], n));
                break;
            default: {
                DType t = out.dtype();
                IterationOrder.forEachRow(shape, offs, st, (off, inc, n) -> {
                    for (int i = 0; i < n; i++) {
                        Object src = c[off[1] + i * inc[1]] != 0 ? x : y;
                        int si = c[off[1] + i * inc[1]] != 0 ? off[2] + i * inc[2] : off[3] + i * inc[3];
                        Convert.setLong(o, t, off[0] + i * inc[0], Convert.getLong(src, t, si));
                    }
                });
            }
        }
    }

    private static byte bool(long v) {
        return v != 0 ? (byte) 1 : (byte) 0;
    }
}
