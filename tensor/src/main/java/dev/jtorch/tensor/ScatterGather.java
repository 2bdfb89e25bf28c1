package dev.jtorch.tensor;

/**
 * {@code gather}, {@code scatter_}, {@code scatter_add_} and {@code one_hot}: an index tensor with
 * the rank of {@code self} picks, per position, the coordinate along {@code dim}. Checks follow
 * {@code ScatterGatherChecks.h} in PyTorch's order and wording; indices are validated before any
 * write. Duplicate indices: {@code scatter_} keeps the last write in row-major index order and
 * {@code scatter_add_} accumulates in that order, as PyTorch's sequential CPU loop does.
 */
final class ScatterGather {
    private ScatterGather() {}

    /** {@code torch.gather(self, dim, index)}: {@code out[i][j] = self[index[i][j]][j]} for dim 0. */
    static NDArray gather(NDArray self, int dim, NDArray index) {
        dim = Shapes.wrapDim(dim, self.dim());
        NDArray out = NDArray.empty(self.dtype(), index.sizes());
        if (index.numel() == 0) {
            return out;
        }
        if (index.dtype() != DType.INT64) {
            throw new IllegalArgumentException("gather(): Expected dtype int32/int64 for index");
        }
        gatherShapeCheck(self, dim, index);
        NDArray s = Indexing.atLeast1d(self);
        NDArray ix1 = Indexing.atLeast1d(index);
        NDArray o = Indexing.atLeast1d(out);
        Indexing.checkBounds(index, dim, s.sizeAt(dim));
        DType t = self.dtype();
        int ds = s.strideAt(dim);
        Object od = o.storage();
        Object sd = s.storage();
        long[] ix = (long[]) ix1.storage();
        Loops.forEachRow(ix1.sizes(), new int[] {o.offset(), s.offset(), ix1.offset()},
                new int[][] {o.strides(), Indexing.zeroAt(s.stride(), dim), ix1.strides()},
                (off, inc, n) -> IndexLoops.gather(t, od, off[0], inc[0], sd, off[1], inc[1], ix, off[2], inc[2], ds, n));
        return out;
    }

    /** {@code self.scatter_(dim, index, src)}. */
    static NDArray scatter_(NDArray self, int dim, NDArray index, NDArray src) {
        return scatterInto(self, dim, index, src, false);
    }

    /** {@code self.scatter_add_(dim, index, src)}. */
    static NDArray scatterAdd_(NDArray self, int dim, NDArray index, NDArray src) {
        return scatterInto(self, dim, index, src, true);
    }

    /** {@code self.scatter_(dim, index, value)}: the value is cast to self's dtype. */
    static NDArray scatterValue_(NDArray self, int dim, NDArray index, double value) {
        dim = Shapes.wrapDim(dim, self.dim());
        scatterChecks(self, dim, index, null);
        if (index.numel() == 0) {
            return self;
        }
        NDArray s = Indexing.atLeast1d(self);
        NDArray ix1 = Indexing.atLeast1d(index);
        Indexing.checkBounds(index, dim, s.sizeAt(dim));
        int ds = s.strideAt(dim);
        Object dst = s.storage();
        long[] ix = (long[]) ix1.storage();
        Loops.forEachRow(ix1.sizes(), new int[] {s.offset(), ix1.offset()},
                new int[][] {Indexing.zeroAt(s.stride(), dim), ix1.strides()},
                (off, inc, n) -> IndexLoops.scatterFill(dst, off[0], inc[0], ix, off[1], inc[1], ds, value, n));
        return self;
    }

    private static NDArray scatterInto(NDArray self, int dim, NDArray index, NDArray src, boolean add) {
        dim = Shapes.wrapDim(dim, self.dim());
        scatterChecks(self, dim, index, src);
        if (index.numel() == 0) {
            return self;
        }
        NDArray s = Indexing.atLeast1d(self);
        Indexing.checkBounds(index, dim, s.sizeAt(dim));
        NDArray ix1 = Indexing.atLeast1d(index.sharesStorageWith(self) ? index.clone() : index);
        NDArray src1 = Indexing.atLeast1d(src.sharesStorageWith(self) ? src.clone() : src);
        DType t = self.dtype();
        int ds = s.strideAt(dim);
        Object dst = s.storage();
        Object sd = src1.storage();
        long[] ix = (long[]) ix1.storage();
        int[][] strides = {Indexing.zeroAt(s.stride(), dim), src1.strides(), ix1.strides()};
        int[] offsets = {s.offset(), src1.offset(), ix1.offset()};
        if (add) {
            Loops.forEachRow(ix1.sizes(), offsets, strides, (off, inc, n) -> IndexLoops.scatterAdd(
                    dst, off[0], inc[0], sd, off[1], inc[1], ix, off[2], inc[2], ds, 1.0, false, n));
        } else {
            Loops.forEachRow(ix1.sizes(), offsets, strides, (off, inc, n) -> IndexLoops.scatter(
                    t, dst, off[0], inc[0], sd, off[1], inc[1], ix, off[2], inc[2], ds, n));
        }
        return self;
    }

    /**
     * {@code torch.nn.functional.one_hot(self, num_classes)}: int64 {@code [..., num_classes]};
     * {@code numClasses = -1} infers {@code max + 1}.
     */
    static NDArray oneHot(NDArray self, int numClasses) {
        if (self.dtype() != DType.INT64) {
            throw new IllegalArgumentException("one_hot is only applicable to index tensor of type LongTensor.");
        }
        int[] shape = self.sizes();
        if (self.numel() == 0) {
            if (numClasses <= 0) {
                throw new IllegalArgumentException("Can not infer total number of classes from empty tensor.");
            }
            return NDArray.zeros(DType.INT64, Views.insert(shape, shape.length, numClasses));
        }
        if (Indexing.firstOutside(self, 0, Long.MAX_VALUE) != null) {
            throw new IllegalArgumentException("Class values must be non-negative.");
        }
        if (numClasses == -1) {
            long max = max(self);
            if (max >= Integer.MAX_VALUE) {
                throw new IllegalArgumentException("one_hot: " + (max + 1) + " classes do not fit a Java array dimension");
            }
            numClasses = (int) max + 1;
        } else if (Indexing.firstOutside(self, 0, numClasses) != null) {
            throw new IllegalArgumentException("Class values must be smaller than num_classes.");
        }
        NDArray out = NDArray.zeros(DType.INT64, Views.insert(shape, shape.length, numClasses));
        return scatterValue_(out, -1, self.unsqueeze(-1), 1);
    }

    private static long max(NDArray a) {
        long[] v = (long[]) a.storage();
        long[] m = {Long.MIN_VALUE};
        Loops.forEachRow(a.sizes(), new int[] {a.offset()}, new int[][] {a.strides()}, (off, inc, n) -> {
            for (int i = 0; i < n; i++) {
                m[0] = Math.max(m[0], v[off[0] + i * inc[0]]);
            }
        });
        return m[0];
    }

    // ------------------------------------------------------------------ checks (ScatterGatherChecks.h)

    /** PyTorch's {@code ensure_nonempty_size}: a 0-d tensor has size 1 in dim 0; other dims wrap with PyTorch's error. */
    private static int nonemptySize(NDArray a, int d) {
        return a.dim() == 0 ? 1 : a.size(d);
    }

    private static int nonemptyDim(NDArray a) {
        return Math.max(a.dim(), 1);
    }

    private static void gatherShapeCheck(NDArray self, int dim, NDArray index) {
        int selfDims = nonemptyDim(self);
        if (selfDims != nonemptyDim(index)) {
            throw new IllegalArgumentException("Index tensor must have the same number of dimensions as input tensor");
        }
        for (int i = 0; i < selfDims; i++) {
            if (i != dim && nonemptySize(index, i) > nonemptySize(self, i)) {
                throw new IllegalArgumentException("Size does not match at dimension " + i + " expected index "
                        + Shapes.str(index.sizes()) + " to be no larger than self " + Shapes.str(self.sizes())
                        + " apart from dimension " + dim);
            }
        }
    }

    /** {@code scatter_gather_dtype_check("scatter", ...)} then {@code scatter_shape_check}. */
    private static void scatterChecks(NDArray self, int dim, NDArray index, NDArray src) {
        if (index.numel() != 0 && index.dtype() != DType.INT64) {
            throw new IllegalArgumentException("scatter(): Expected dtype int32/int64 for index");
        }
        if (src != null && self.dtype() != src.dtype()) {
            throw new IllegalArgumentException("scatter(): Expected self.dtype to be equal to src.dtype");
        }
        if (index.numel() == 0) {
            return;
        }
        int selfDims = nonemptyDim(self);
        if (selfDims != nonemptyDim(index)) {
            throw new IllegalArgumentException("Index tensor must have the same number of dimensions as self tensor");
        }
        boolean wrongShape = false;
        for (int d = 0; d < selfDims; d++) {
            if (d != dim && nonemptySize(index, d) > nonemptySize(self, d)) {
                wrongShape = true;
                break;
            }
        }
        if (!wrongShape && src != null) {
            for (int d = 0; d < selfDims; d++) {
                if (nonemptySize(index, d) > nonemptySize(src, d)) {
                    wrongShape = true;
                    break;
                }
            }
        }
        String expected = "Expected index " + Shapes.str(index.sizes()) + " to be no larger than self "
                + Shapes.str(self.sizes()) + " apart from dimension " + dim;
        if (src != null) {
            if (nonemptyDim(src) != nonemptyDim(index)) {
                throw new IllegalArgumentException("Index tensor must have the same number of dimensions as src tensor");
            }
            if (wrongShape) {
                throw new IllegalArgumentException(expected + " and to be no larger size than src " + Shapes.str(src.sizes()));
            }
        } else if (wrongShape) {
            throw new IllegalArgumentException(expected);
        }
    }
}
