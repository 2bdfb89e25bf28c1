package dev.jtorch.tensor;

import dev.jtorch.tensor.kernel.BinaryOp;
import dev.jtorch.tensor.kernel.ElementwiseKernels;
import dev.jtorch.tensor.kernel.Kernels;
import dev.jtorch.tensor.kernel.UnaryOp;

/**
 * Elementwise ops with PyTorch's broadcasting and type promotion. Float32/float64 rows go to
 * {@link Kernels#ELEMENTWISE}; int64 rows use the op's long definition; bool inputs are
 * computed in the promoted dtype.
 */
final class Elementwise {
    private Elementwise() {}

    private static final ElementwiseKernels K = Kernels.ELEMENTWISE;

    /** {@code op(a, b)} into a new array of the broadcast shape and promoted dtype. */
    static NDArray binary(BinaryOp op, NDArray a, NDArray b) {
        DType t = Promotion.of(a, b);
        if (op.floatingOnly()) {
            t = Promotion.toFloating(t);
        }
        NDArray out = NDArray.empty(t, Shapes.broadcast(a.sizes(), b.sizes()));
        run(op, out, a.to(t), b.to(t));
        return out;
    }

    /** {@code op(a, scalar)}: the scalar takes part in promotion as a Python float. */
    static NDArray binary(BinaryOp op, NDArray a, double s) {
        return binary(op, a, NDArray.scalar(s, Promotion.of(a, s)));
    }

    /** {@code op(a, scalar)} with a Python int scalar. */
    static NDArray binary(BinaryOp op, NDArray a, long s) {
        return binary(op, a, NDArray.scalar(s, new Promotion().add(a).addScalar(s).result()));
    }

    /** In-place {@code a.op_(b)}: the result type must be castable to {@code a}'s dtype. */
    static NDArray binary_(BinaryOp op, NDArray a, NDArray b) {
        DType t = Promotion.of(a, b);
        if (op.floatingOnly()) {
            t = Promotion.toFloating(t);
        }
        checkCast(t, a.dtype());
        checkInPlaceShape(a, b);
        if (t == a.dtype()) {
            run(op, a, a, b.to(t));
        } else {
            a.copy_(binary(op, a, b));
        }
        return a;
    }

    static NDArray binary_(BinaryOp op, NDArray a, double s) {
        return binary_(op, a, NDArray.scalar(s, Promotion.of(a, s)));
    }

    /** {@code op(a)}; floating-only ops promote integer inputs to the default float. */
    static NDArray unary(UnaryOp op, NDArray a) {
        DType t = op.floatingOnly() ? Promotion.toFloating(a.dtype()) : a.dtype();
        if (t == DType.BOOL) {
            t = DType.INT64;
        }
        NDArray out = NDArray.empty(t, a.sizes());
        run(op, out, a.to(t));
        return out;
    }

    static NDArray unary_(UnaryOp op, NDArray a) {
        DType t = op.floatingOnly() ? Promotion.toFloating(a.dtype()) : a.dtype();
        checkCast(t, a.dtype());
        run(op, a, a);
        return a;
    }

    /** PyTorch's {@code canCast}: no float to integral, no non-bool to bool. */
    static void checkCast(DType from, DType to) {
        boolean bad = (from.isFloatingPoint() && !to.isFloatingPoint()) || (from != DType.BOOL && to == DType.BOOL);
        if (bad) {
            throw new IllegalArgumentException("result type " + from.scalarTypeName()
                    + " can't be cast to the desired output type " + to.scalarTypeName());
        }
    }

    static void checkInPlaceShape(NDArray out, NDArray b) {
        int[] bs = Shapes.broadcast(out.sizes(), b.sizes());
        if (!java.util.Arrays.equals(bs, out.sizes())) {
            throw new IllegalArgumentException("output with shape " + Shapes.str(out.sizes())
                    + " doesn't match the broadcast shape " + Shapes.str(bs));
        }
    }

    /** Runs {@code out = op(a, b)}; all three already have the compute dtype of {@code out}. */
    static void run(BinaryOp op, NDArray out, NDArray a, NDArray b) {
        int[] shape = out.sizes();
        Object o = out.storage();
        Object x = a.storage();
        Object y = b.storage();
        int[] offs = {out.offset(), a.offset(), b.offset()};
        int[][] st = {out.strides(), Loops.broadcastStrides(a, shape), Loops.broadcastStrides(b, shape)};
        switch (out.dtype()) {
            case FLOAT32:
                Loops.forEachRow(shape, offs, st, (off, inc, n) -> K.binary(op, (float[]) x, off[1], inc[1],
                        (float[]) y, off[2], inc[2], (float[]) o, off[0], inc[0], n));
                break;
            case FLOAT64:
                Loops.forEachRow(shape, offs, st, (off, inc, n) -> K.binary(op, (double[]) x, off[1], inc[1],
                        (double[]) y, off[2], inc[2], (double[]) o, off[0], inc[0], n));
                break;
            case INT64:
                Loops.forEachRow(shape, offs, st, (off, inc, n) -> {
                    long[] xl = (long[]) x;
                    long[] yl = (long[]) y;
                    long[] ol = (long[]) o;
                    for (int i = 0; i < n; i++) {
                        ol[off[0] + i * inc[0]] = op.apply(xl[off[1] + i * inc[1]], yl[off[2] + i * inc[2]]);
                    }
                });
                break;
            default:
                Loops.forEachRow(shape, offs, st, (off, inc, n) -> {
                    byte[] xb = (byte[]) x;
                    byte[] yb = (byte[]) y;
                    byte[] ob = (byte[]) o;
                    for (int i = 0; i < n; i++) {
                        ob[off[0] + i * inc[0]] = (byte) (op.apply((long) xb[off[1] + i * inc[1]],
                                (long) yb[off[2] + i * inc[2]]) != 0 ? 1 : 0);
                    }
                });
        }
    }

    /** Runs {@code out = op(a)}; both have the compute dtype, same shape. */
    static void run(UnaryOp op, NDArray out, NDArray a) {
        int[] shape = out.sizes();
        Object o = out.storage();
        Object x = a.storage();
        int[] offs = {out.offset(), a.offset()};
        int[][] st = {out.strides(), a.strides()};
        switch (out.dtype()) {
            case FLOAT32:
                Loops.forEachRow(shape, offs, st, (off, inc, n) -> K.unary(op, (float[]) x, off[1], inc[1],
                        (float[]) o, off[0], inc[0], n));
                break;
            case FLOAT64:
                Loops.forEachRow(shape, offs, st, (off, inc, n) -> K.unary(op, (double[]) x, off[1], inc[1],
                        (double[]) o, off[0], inc[0], n));
                break;
            case INT64:
                Loops.forEachRow(shape, offs, st, (off, inc, n) -> {
                    long[] xl = (long[]) x;
                    long[] ol = (long[]) o;
                    for (int i = 0; i < n; i++) {
                        ol[off[0] + i * inc[0]] = op.apply(xl[off[1] + i * inc[1]]);
                    }
                });
                break;
            default:
                throw new IllegalArgumentException("\"" + op.name().toLowerCase() + "\" not implemented for 'Bool'");
        }
    }
}
