package dev.jtorch.tensor;

import java.util.Arrays;

/**
 * Ops that pick or write whole slices along one dim through a 1-d index: {@code index_select},
 * {@code index_add_}, {@code index_copy_}, {@code index_fill_}, and {@code take}; plus the index
 * checks shared with {@link ScatterGather}. Every index is validated before anything is written,
 * so an in-place op that fails leaves its tensor unchanged (PyTorch's CPU kernels may have written
 * part of the result when they raise).
 *
 * <p>Each op is one {@link Loops#forEachRow} pass over the iteration shape with the indexed operand
 * "restrided" (stride 0 along the indexed dim, the index added per element) and the 1-d index
 * restrided to advance only along that dim, the scheme of PyTorch's {@code index_fill_} and
 * scatter/gather kernels. Rows that share one index become block copies.
 */
final class Indexing {
    private Indexing() {}

    // ------------------------------------------------------------------ ops

    /** {@code torch.index_select(self, dim, index)}. */
    static NDArray indexSelect(NDArray self, int dim, NDArray index) {
        int rank = self.dim();
        dim = Shapes.wrapDim(dim, rank);
        if (index.dim() > 1) {
            throw new IndexOutOfBoundsException("index_select(): Index is supposed to be a vector");
        }
        int n = index.numel();
        if (rank == 0 && n != 1) {
            throw new IllegalArgumentException("index_select(): Index to scalar can have only 1 value, got " + n + " value(s)");
        }
        if (index.dtype() != DType.INT64) {
            throw new IllegalArgumentException("index_select(): Expected dtype int32 or int64 for index");
        }
        NDArray s = atLeast1d(self);
        int[] shape = s.sizes();
        shape[dim] = n;
        NDArray out = NDArray.empty(self.dtype(), rank == 0 ? new int[0] : shape);
        if (rank > 1 && n == 0) {
            return out;
        }
        int size = s.sizeAt(dim);
        // PyTorch's CPU kernel checks with another message on its empty-self and dim-1 fast paths of 2+-d tensors.
        boolean fastPath = rank > 1 && (dim == 1 || self.numel() == 0);
        if (fastPath && size == 0) {
            throw new IllegalArgumentException("index_select(): self indexing axis dim should be positive");
        }
        Long bad = firstOutside(index, 0, size);
        if (bad != null) {
            throw new IndexOutOfBoundsException(fastPath
                    ? "INDICES element is out of DATA bounds, id=" + bad + " axis_dim=" + size
                    : "index out of range in self");
        }
        NDArray o = atLeast1d(out);
        gatherAlong(o, s, dim, index, alongDim(index, shape.length, dim), shape);
        return out;
    }

    /** {@code self.index_add_(dim, index, source, alpha=alpha)}. */
    static NDArray indexAdd_(NDArray self, int dim, NDArray index, NDArray source, double alpha) {
        dim = Shapes.wrapDim(dim, self.dim());
        checkIndexFunc("index_add", self, dim, index, source);
        NDArray s = atLeast1d(self);
        checkBounds(index, dim, s.sizeAt(dim));
        NDArray src = atLeast1d(source.sharesStorageWith(self) ? source.clone() : source);
        NDArray idx = index.sharesStorageWith(self) ? index.clone() : index;
        int[] shape = src.sizes();
        int ds = s.strideAt(dim);
        Object dst = s.storage();
        Object sd = src.storage();
        long[] ix = (long[]) idx.storage();
        boolean fused = self.dim() > 1; // PyTorch: add_ (vec::fmadd) per slice for 2+ dims, a scalar loop otherwise
        Loops.forEachRow(shape, new int[] {s.offset(), src.offset(), idx.offset()},
                new int[][] {zeroAt(s.stride(), dim), src.strides(), alongDim(idx, shape.length, dim)},
                (off, inc, len) -> IndexLoops.scatterAdd(dst, off[0], inc[0], sd, off[1], inc[1],
                        ix, off[2], inc[2], ds, alpha, fused, len));
        return self;
    }

    /** {@code self.index_copy_(dim, index, source)}. */
    static NDArray indexCopy_(NDArray self, int dim, NDArray index, NDArray source) {
        dim = Shapes.wrapDim(dim, self.dim());
        checkIndexCopy(self, dim, index, source);
        NDArray s = atLeast1d(self);
        int size = s.sizeAt(dim);
        Long bad = firstOutside(index, 0, size);
        if (bad != null) {
            throw new IndexOutOfBoundsException("index_copy_(): index " + bad + " is out of bounds for dimension "
                    + dim + " with size " + size);
        }
        NDArray src = atLeast1d(source.sharesStorageWith(self) ? source.clone() : source);
        NDArray idx = index.sharesStorageWith(self) ? index.clone() : index;
        int[] shape = src.sizes();
        int ds = s.strideAt(dim);
        DType t = self.dtype();
        Object dst = s.storage();
        Object sd = src.storage();
        long[] ix = (long[]) idx.storage();
        Loops.forEachRow(shape, new int[] {s.offset(), src.offset(), idx.offset()},
                new int[][] {zeroAt(s.stride(), dim), src.strides(), alongDim(idx, shape.length, dim)},
                (off, inc, len) -> IndexLoops.scatter(t, dst, off[0], inc[0], sd, off[1], inc[1],
                        ix, off[2], inc[2], ds, len));
        return self;
    }

    /** {@code self.index_fill_(dim, index, value)}: negative indices count from the end. */
    static NDArray indexFill_(NDArray self, int dim, NDArray index, double value) {
        if (index.dtype() != DType.INT64) {
            throw new IndexOutOfBoundsException("index_fill_(): Expected dtype int64 for index.");
        }
        NDArray s = atLeast1d(self);
        dim = Shapes.wrapDim(dim, s.dim());
        if (index.dim() > 1) {
            throw new IllegalArgumentException("Index has to be a vector/scalar");
        }
        int size = s.sizeAt(dim);
        checkBoundsWrapping(index, dim, size);
        NDArray idx = wrapNegatives(index, size);
        int[] shape = s.sizes();
        shape[dim] = idx.numel();
        int ds = s.strideAt(dim);
        Object dst = s.storage();
        long[] ix = (long[]) idx.storage();
        Loops.forEachRow(shape, new int[] {s.offset(), idx.offset()},
                new int[][] {zeroAt(s.stride(), dim), alongDim(idx, shape.length, dim)},
                (off, inc, len) -> IndexLoops.scatterFill(dst, off[0], inc[0], ix, off[1], inc[1], ds, value, len));
        return self;
    }

    /** {@code torch.take(self, index)}: indexes {@code self} as if flattened; the result has the index's shape. */
    static NDArray take(NDArray self, NDArray index) {
        if (index.dtype() != DType.INT64) {
            throw new IllegalArgumentException("take(): Expected a long tensor for index, but got "
                    + index.dtype().scalarTypeName());
        }
        int numel = self.numel();
        if (numel == 0 && index.numel() != 0) {
            throw new IndexOutOfBoundsException("take(): tried to take from an empty tensor");
        }
        Long bad = firstOutside(index, -(long) numel, numel);
        if (bad != null) {
            throw new IndexOutOfBoundsException("out of range: tried to access index " + bad + " on a tensor of "
                    + numel + " elements.");
        }
        NDArray out = NDArray.empty(self.dtype(), index.sizes());
        if (out.numel() == 0) {
            return out;
        }
        NDArray flat = self.reshape(-1);
        NDArray idx = wrapNegatives(index, numel);
        DType t = self.dtype();
        Object od = out.storage();
        Object sd = flat.storage();
        int so = flat.offset();
        int ds = flat.strideAt(0);
        long[] ix = (long[]) idx.storage();
        Loops.forEachRow(out.sizes(), new int[] {0, idx.offset()}, new int[][] {out.strides(), idx.strides()},
                (off, inc, len) -> IndexLoops.gather(t, od, off[0], inc[0], sd, so, 0, ix, off[1], inc[1], ds, len));
        return out;
    }

    // ------------------------------------------------------------------ checks, in PyTorch's order

    /** {@code index_func_meta_impl} (index_add, index_reduce). */
    private static void checkIndexFunc(String func, NDArray self, int dim, NDArray index, NDArray source) {
        if (index.dim() > 1) {
            throw new IndexOutOfBoundsException(func + "_(): Index is supposed to be a vector, but got dim: "
                    + index.dim() + " with type: " + index.dtype().scalarTypeName() + " and size: "
                    + Shapes.str(index.sizes()));
        }
        if (index.dtype() != DType.INT64) {
            throw new IllegalArgumentException(func + "_(): Expected dtype int32/int64 for index but got: "
                    + index.dtype().scalarTypeName());
        }
        if (self.dtype() != source.dtype()) {
            throw new IllegalArgumentException(func + "_(): self (" + self.dtype().scalarTypeName() + ") and source ("
                    + source.dtype().scalarTypeName() + ") must have the same scalar type");
        }
        if (!(dim == 0 || dim < source.dim())) {
            throw new IllegalArgumentException(func + "_(): Indexing dim " + dim
                    + " is out of bounds of the source tensor with dim " + source.dim());
        }
        int numel = index.numel();
        if (numel != (source.dim() == 0 ? 1 : source.sizeAt(dim))) {
            if (source.dim() == 0) { // PyTorch's message calls source.size(0), which raises this
                throw new IndexOutOfBoundsException("Dimension specified as 0 but tensor has no dimensions");
            }
            throw new IllegalArgumentException(func + "_(): Number of indices (" + numel
                    + ") should be equal to source.size(dim): (" + source.sizeAt(dim) + "), for dim: " + dim);
        }
        int[] a = self.sizes();
        int[] b = source.sizes();
        if (self.dim() != 0 && source.dim() != 0) {
            a = Views.remove(a, dim);
            b = Views.remove(b, dim);
        }
        if (!Arrays.equals(a, b)) {
            throw new IllegalArgumentException("source tensor shape must match self tensor shape, excluding the "
                    + "specified dimension. Got self.shape = " + Shapes.str(self.sizes()) + " source.shape = "
                    + Shapes.str(source.sizes()));
        }
    }

    /** {@code index_copy}'s meta checks. */
    private static void checkIndexCopy(NDArray self, int dim, NDArray index, NDArray source) {
        if (index.dim() >= 2) {
            throw new IndexOutOfBoundsException("index_copy_(): Index should have dimension 1 or 0 (got "
                    + index.dim() + ")");
        }
        int numIndices = index.numel();
        if (source.dim() == 0 && numIndices != 1) {
            throw new IndexOutOfBoundsException("index_copy_(): When source is scalar, index should have one element (got "
                    + numIndices + ")");
        } else if (source.dim() != self.dim() && source.dim() != 0 && self.dim() != 0) {
            throw new IndexOutOfBoundsException("index_copy_(): When source and destination are not scalars, their "
                    + "dimensionality must match. Source dimensionality (" + source.dim()
                    + "), destination dimensionality (" + self.dim() + ")");
        }
        if (index.dtype() != DType.INT64) {
            throw new IllegalArgumentException("index_copy_(): Expected a long tensor for index, but got "
                    + index.dtype().scalarTypeName());
        }
        if (self.dtype() != source.dtype()) {
            throw new IllegalArgumentException("index_copy_(): self and source expected to have the same dtype, but got "
                    + "(self) " + self.dtype().scalarTypeName() + " and (source) " + source.dtype().scalarTypeName());
        }
        int[] a = self.dim() > 0 ? Views.remove(self.sizes(), dim) : new int[0];
        int[] b = source.dim() > 0 ? Views.remove(source.sizes(), dim) : new int[0];
        if (!Arrays.equals(a, b)) {
            throw new IllegalArgumentException("index_copy_(): Source/destination tensor must have same slice shapes. "
                    + "Destination slice shape: " + spaced(a) + " at dimension " + dim
                    + " and source slice shape: " + spaced(b) + " at dimension 0.");
        }
        if (source.dim() != 0 && numIndices != source.sizeAt(dim)) {
            throw new IndexOutOfBoundsException("index_copy_(): Number of indices (" + numIndices
                    + ") should be equal to source.size(dim) (" + source.sizeAt(dim) + ")");
        }
    }

    /** c10's {@code operator<<} for {@code std::vector<int64_t>}: elements separated by spaces. */
    private static String spaced(int[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            sb.append(i > 0 ? " " : "").append(v[i]);
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ shared helpers

    /** PyTorch's scatter/gather/index_add bound check: {@code 0 <= idx < size}. */
    static void checkBounds(NDArray index, int dim, int size) {
        Long bad = firstOutside(index, 0, size);
        if (bad != null) {
            throw new IndexOutOfBoundsException("index " + bad + " is out of bounds for dimension " + dim
                    + " with size " + size);
        }
    }

    /** As {@link #checkBounds} but allowing {@code -size <= idx < 0} (index_fill). */
    private static void checkBoundsWrapping(NDArray index, int dim, int size) {
        Long bad = firstOutside(index, -(long) size, size);
        if (bad != null) {
            throw new IndexOutOfBoundsException("index " + bad + " is out of bounds for dimension " + dim
                    + " with size " + size);
        }
    }

    /** The first int64 element of {@code index} (row-major) outside {@code [lo, hi)}, or null. */
    static Long firstOutside(NDArray index, long lo, long hi) {
        long[] ix = (long[]) index.storage();
        long[] bad = new long[1];
        boolean[] found = new boolean[1];
        Loops.forEachRow(index.sizes(), new int[] {index.offset()}, new int[][] {index.strides()}, (off, inc, n) -> {
            if (found[0]) {
                return;
            }
            int p = off[0];
            int st = inc[0];
            for (int i = 0; i < n; i++) {
                long v = ix[p + i * st];
                if (v < lo || v >= hi) {
                    bad[0] = v;
                    found[0] = true;
                    return;
                }
            }
        });
        return found[0] ? bad[0] : null;
    }

    /** {@code index} itself when no element is negative, else a contiguous copy with {@code size} added to negatives. */
    static NDArray wrapNegatives(NDArray index, int size) {
        if (firstOutside(index, 0, Long.MAX_VALUE) == null) {
            return index;
        }
        NDArray c = index.clone();
        long[] v = (long[]) c.storage();
        for (int i = 0; i < v.length; i++) {
            if (v[i] < 0) {
                v[i] += size;
            }
        }
        return c;
    }

    /** A 0-d array seen as shape [1] (PyTorch's {@code self.dim() == 0 ? self.unsqueeze(-1) : self}). */
    static NDArray atLeast1d(NDArray a) {
        return a.dim() == 0 ? a.withLayout(new int[] {1}, new int[] {1}, a.offset()) : a;
    }

    /** {@code strides} with entry {@code dim} set to 0 (the index supplies that offset). */
    static int[] zeroAt(int[] strides, int dim) {
        strides[dim] = 0;
        return strides;
    }

    /** Strides making a 0-d or 1-d index advance along {@code dim} only, in a {@code rank}-d iteration. */
    static int[] alongDim(NDArray index, int rank, int dim) {
        int[] st = new int[rank];
        st[dim] = index.dim() == 0 ? 0 : index.strideAt(0);
        return st;
    }

    /** {@code out[..., j, ...] = self[..., index[j], ...]} over {@code shape} (out's shape). */
    private static void gatherAlong(NDArray out, NDArray self, int dim, NDArray index, int[] indexStrides, int[] shape) {
        DType t = self.dtype();
        int ds = self.strideAt(dim);
        Object od = out.storage();
        Object sd = self.storage();
        long[] ix = (long[]) index.storage();
        Loops.forEachRow(shape, new int[] {out.offset(), self.offset(), index.offset()},
                new int[][] {out.strides(), zeroAt(self.stride(), dim), indexStrides},
                (off, inc, len) -> IndexLoops.gather(t, od, off[0], inc[0], sd, off[1], inc[1], ix, off[2], inc[2], ds, len));
    }
}
