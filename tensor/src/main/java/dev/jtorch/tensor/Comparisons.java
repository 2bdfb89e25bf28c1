package dev.jtorch.tensor;

import dev.jtorch.tensor.kernel.CompareOp;

/**
 * Ops with bool results or bool conditions: comparisons (computed in the promoted dtype),
 * logical and/or/xor/not, isnan/isinf/isfinite, {@code where} and {@code masked_fill}.
 */
final class Comparisons {
    private Comparisons() {}

    /** {@code a op b} into a new bool array; the comparison happens in the promoted dtype. */
    static NDArray compare(CompareOp op, NDArray a, NDArray b, DType t) {
        NDArray x = Elementwise.cast(a, t);
        NDArray y = Elementwise.cast(b, t);
        NDArray out = Elementwise.result(DType.BOOL, x, y);
        Elementwise.runCompare(op, out, x, y);
        return out;
    }

    static NDArray compare(CompareOp op, NDArray a, NDArray b) {
        return compare(op, a, b, Promotion.of(a, b));
    }

    static NDArray compare(CompareOp op, NDArray a, double s) {
        DType t = Arithmetic.typeOf(a, s);
        return compare(op, a, Elementwise.scalar(s, t), t);
    }

    static NDArray compare(CompareOp op, NDArray a, long s) {
        DType t = Arithmetic.typeOf(a, s);
        return compare(op, a, Elementwise.scalar(s, t), t);
    }

    // ---------------------------------------------------------------- logical

    /** Logical ops on truth values (nonzero, NaN included, is true). */
    enum Logical { AND, OR, XOR }

    static NDArray logical(Logical op, NDArray a, NDArray b) {
        // PyTorch casts both to their common dtype, whose layout the output follows
        DType common = Promotion.of(a, b);
        NDArray ca = Elementwise.cast(a, common);
        NDArray cb = Elementwise.cast(b, common);
        NDArray out = Elementwise.result(DType.BOOL, ca, cb);
        NDArray x = ca.to(DType.BOOL);
        NDArray y = cb.to(DType.BOOL);
        int[] shape = out.sizes();
        byte[] o = (byte[]) out.storage();
        byte[] xb = (byte[]) x.storage();
        byte[] yb = (byte[]) y.storage();
        IterationOrder.forEachRow(shape, new int[] {0, x.offset(), y.offset()},
                new int[][] {out.strides(), Loops.broadcastStrides(x, shape), Loops.broadcastStrides(y, shape)},
                (off, inc, n) -> {
                    for (int i = 0; i < n; i++) {
                        boolean p = xb[off[1] + i * inc[1]] != 0;
                        boolean q = yb[off[2] + i * inc[2]] != 0;
                        boolean r = op == Logical.AND ? p && q : op == Logical.OR ? p || q : p != q;
                        o[off[0] + i * inc[0]] = r ? (byte) 1 : (byte) 0;
                    }
                });
        return out;
    }

    /** {@code torch.logical_not}: a new bool array. */
    static NDArray logicalNot(NDArray a) {
        NDArray b = a.to(DType.BOOL);
        NDArray out = Elementwise.result(DType.BOOL, a);
        byte[] o = (byte[]) out.storage();
        byte[] x = (byte[]) b.storage();
        IterationOrder.forEachRow(a.sizes(), new int[] {0, b.offset()}, new int[][] {out.strides(), b.strides()},
                (off, inc, n) -> {
                    for (int i = 0; i < n; i++) {
                        o[off[0] + i * inc[0]] = x[off[1] + i * inc[1]] != 0 ? (byte) 0 : (byte) 1;
                    }
                });
        return out;
    }

    // ---------------------------------------------------------------- float classification

    enum Classify { NAN, INF, FINITE }

    /** {@code isnan}/{@code isinf}/{@code isfinite}: integers and bools are never NaN or infinite. */
    static NDArray classify(Classify what, NDArray a) {
        NDArray out = Elementwise.result(DType.BOOL, a);
        if (!a.dtype().isFloatingPoint()) {
            return what == Classify.FINITE ? out.fill_(1) : out;
        }
        NDArray d = a.to(DType.FLOAT64); // float -> double keeps NaN and infinities
        double[] x = (double[]) d.storage();
        byte[] o = (byte[]) out.storage();
        IterationOrder.forEachRow(a.sizes(), new int[] {0, d.offset()}, new int[][] {out.strides(), d.strides()},
                (off, inc, n) -> {
                    for (int i = 0; i < n; i++) {
                        double v = x[off[1] + i * inc[1]];
                        boolean r = what == Classify.NAN ? v != v : what == Classify.INF ? Double.isInfinite(v)
                                : Double.isFinite(v);
                        o[off[0] + i * inc[0]] = r ? (byte) 1 : (byte) 0;
                    }
                });
        return out;
    }

    // ---------------------------------------------------------------- where, masked_fill

    /** A where/clamp-style scalar argument as a 0-d array of dtype {@code t}. */
    static NDArray scalar(Number v, DType t) {
        return v instanceof Double || v instanceof Float ? Elementwise.scalar(v.doubleValue(), t)
                : Elementwise.scalar(v.longValue(), t);
    }

    /** Adds a Java number to a promotion as a Python float or int. */
    static Promotion add(Promotion p, Number v) {
        return v instanceof Double || v instanceof Float ? p.addScalar(v.doubleValue()) : p.addScalar(v.longValue());
    }

    /** {@code torch.where(cond, a, b)}: the branches promote together; all three broadcast. */
    static NDArray where(NDArray cond, NDArray a, NDArray b, DType t) {
        if (cond.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("where expected condition to be a boolean tensor, but got a tensor with dtype "
                    + cond.dtype().scalarTypeName());
        }
        NDArray x = Elementwise.cast(a, t);
        NDArray y = Elementwise.cast(b, t);
        NDArray out = Elementwise.result(t, cond, x, y);
        Elementwise.runWhere(out, cond, x, y);
        return out;
    }

    static NDArray where(NDArray cond, NDArray a, NDArray b) {
        return where(cond, a, b, Promotion.of(a, b));
    }

    static NDArray where(NDArray cond, NDArray a, Number b) {
        DType t = add(new Promotion().add(a), b).result();
        return where(cond, a, scalar(b, t), t);
    }

    static NDArray where(NDArray cond, Number a, NDArray b) {
        DType t = add(new Promotion().add(b), a).result();
        return where(cond, scalar(a, t), b, t);
    }

    static NDArray where(NDArray cond, Number a, Number b) {
        DType t = add(add(new Promotion(), a), b).result();
        return where(cond, scalar(a, t), scalar(b, t), t);
    }

    private static void checkMask(NDArray mask) {
        if (mask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("masked_fill_ only supports boolean masks, but got mask with dtype "
                    + Elementwise.typeMetaName(mask.dtype()));
        }
    }

    /** {@code self.masked_fill_(mask, value)}: value cast to self's dtype; mask broadcasts to self. */
    static NDArray maskedFill_(NDArray self, NDArray mask, Number value) {
        checkMask(mask);
        Elementwise.checkInPlace(self, mask);
        Elementwise.runWhere(self, mask, scalar(value, self.dtype()), self);
        return self;
    }

    /** {@code masked_fill}: the result has the broadcast shape of self and mask, and self's dtype. */
    static NDArray maskedFill(NDArray self, NDArray mask, Number value) {
        checkMask(mask);
        // PyTorch clones the expanded self with MemoryFormat::Contiguous
        NDArray out = NDArray.empty(self.dtype(), Shapes.broadcast(self.sizes(), mask.sizes()));
        out.copy_(self);
        return maskedFill_(out, mask, value);
    }

    /** The value of a 0-d tensor as a Python number, for {@code masked_fill(mask, Tensor value)}. */
    static Number value(NDArray value) {
        if (value.dim() != 0) {
            throw new IllegalArgumentException("masked_fill_ only supports a 0-dimensional value tensor, but got tensor with "
                    + value.dim() + " dimension(s).");
        }
        return value.dtype().isFloatingPoint() ? (Number) value.item() : (Number) value.itemLong();
    }
}
