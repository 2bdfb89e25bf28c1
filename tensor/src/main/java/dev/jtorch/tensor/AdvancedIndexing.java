package dev.jtorch.tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * NumPy-style advanced indexing with tensors, {@code at::index} and {@code at::index_put_}
 * ({@code self[i0, i1, ...]} and {@code self[i0, i1, ...] = values} in Python). Each entry is an
 * int64 index tensor, a bool mask (standing for its {@code nonzero()} columns, one per mask dim)
 * or null for a full slice {@code :}. The index tensors are broadcast together to a shape B; the
 * indexed dims are replaced by B in place when they are adjacent, and moved to the front when a
 * slice separates them (NumPy's rule). Negative indices count from the end.
 *
 * <p>Deliberate differences from C++ {@code at::index}: a list that covers more dims than the tensor
 * has once masks are expanded raises "too many indices" (as Python's {@code tensor[...]} does; the
 * C++ op broadcasts oddly), and a list without any tensor raises an error (libtorch fails an
 * internal assert).
 *
 * <p>All indices are folded into one int64 array of storage offsets over B, then read or written
 * with the same row kernels as {@code index_select}/{@code index_put_}; every index is validated
 * before anything is written.
 */
final class AdvancedIndexing {
    private AdvancedIndexing() {}

    /** The layout shared by get and put: self (maybe permuted), offsets over B, and where B sits. */
    private static final class Plan {
        NDArray self;      // self, with the indexed dims moved to the front when they were not adjacent
        int first;         // first indexed dim of `self`
        int count;         // number of indexed dims
        int[] b;           // broadcast shape of the index tensors
        NDArray offsets;   // int64 of shape b: sum of index * stride over the indexed dims

        int[] resultShape() {
            int[] s = self.sizes();
            int[] out = new int[s.length - count + b.length];
            System.arraycopy(s, 0, out, 0, first);
            System.arraycopy(b, 0, out, first, b.length);
            System.arraycopy(s, first + count, out, first + b.length, s.length - first - count);
            return out;
        }

        /** Strides of `self` over the result shape: 0 over B (the offsets supply it). */
        int[] selfStrides() {
            int[] st = self.stride();
            int[] out = new int[st.length - count + b.length];
            System.arraycopy(st, 0, out, 0, first);
            System.arraycopy(st, first + count, out, first + b.length, st.length - first - count);
            return out;
        }

        /** Strides of the offsets over the result shape: 0 outside B. */
        int[] offsetStrides() {
            int[] out = new int[self.dim() - count + b.length];
            System.arraycopy(offsets.strides(), 0, out, first, b.length);
            return out;
        }
    }

    /** {@code self[indices]}. */
    static NDArray index(NDArray self, NDArray[] indices) {
        Plan p = plan(self, indices);
        int[] shape = p.resultShape();
        NDArray out = NDArray.empty(self.dtype(), shape);
        DType t = self.dtype();
        Object od = out.storage();
        Object sd = p.self.storage();
        long[] ix = (long[]) p.offsets.storage();
        Loops.forEachRow(shape, new int[] {0, p.self.offset(), p.offsets.offset()},
                new int[][] {out.strides(), p.selfStrides(), p.offsetStrides()},
                (off, inc, n) -> IndexLoops.gather(t, od, off[0], inc[0], sd, off[1], inc[1], ix, off[2], inc[2], 1, n));
        return out;
    }

    /** {@code self[indices] = values} ({@code accumulate}: {@code +=}, duplicates summed in index order). */
    static NDArray indexPut_(NDArray self, NDArray[] indices, NDArray values, boolean accumulate) {
        if (indices.length > self.dim()) {
            throw new IndexOutOfBoundsException("too many indices for tensor of dimension " + self.dim()
                    + " (got " + indices.length + ")");
        }
        NDArray mask = accumulate || values.numel() != 1 ? null : singleMask(self, indices);
        if (mask != null) { // PyTorch dispatches this case to masked_fill_, which takes any one-element value
            return self.maskedFill_(mask, values.toDoubleArray()[0]);
        }
        Plan p = plan(self, indices);
        int[] shape = p.resultShape();
        if (!broadcastsTo(values.sizes(), shape)) {
            throw new IllegalArgumentException("shape mismatch: value tensor of shape " + Shapes.str(values.sizes())
                    + " cannot be broadcast to indexing result of shape " + Shapes.str(shape));
        }
        if (values.dtype() != self.dtype()) {
            throw new IllegalArgumentException("Index put requires the source and destination dtypes match, got "
                    + self.dtype().scalarTypeName() + " for the destination and " + values.dtype().scalarTypeName()
                    + " for the source.");
        }
        NDArray v = values.sharesStorageWith(self) ? values.clone() : values;
        DType t = self.dtype();
        Object dst = p.self.storage();
        Object vd = v.storage();
        long[] ix = (long[]) p.offsets.storage();
        int[] offsets = {p.self.offset(), v.offset(), p.offsets.offset()};
        int[][] strides = {p.selfStrides(), Loops.broadcastStrides(v, shape), p.offsetStrides()};
        if (accumulate) {
            Loops.forEachRow(shape, offsets, strides, (off, inc, n) -> IndexLoops.scatterAdd(
                    dst, off[0], inc[0], vd, off[1], inc[1], ix, off[2], inc[2], 1, 1.0, false, n));
        } else {
            Loops.forEachRow(shape, offsets, strides, (off, inc, n) -> IndexLoops.scatter(
                    t, dst, off[0], inc[0], vd, off[1], inc[1], ix, off[2], inc[2], 1, n));
        }
        return self;
    }

    /**
     * PyTorch's {@code canDispatchToMaskedFill}: when the only index tensor is one bool mask, that
     * mask with trailing size-1 dims for the dims after it, else null.
     */
    private static NDArray singleMask(NDArray self, NDArray[] indices) {
        NDArray mask = null;
        int covered = 0;
        for (NDArray index : indices) {
            if (index == null) {
                covered++;
            } else if (index.dtype() != DType.BOOL || mask != null) {
                return null;
            } else {
                mask = index;
                for (int j = 0; j < index.dim(); j++) {
                    if (index.sizeAt(j) != self.size(covered + j)) {
                        throw new IndexOutOfBoundsException("The shape of the mask " + Shapes.str(index.sizes())
                                + " at index " + j + " does not match the shape of the indexed tensor "
                                + Shapes.str(self.sizes()) + " at index " + (covered + j));
                    }
                }
                covered += index.dim();
            }
        }
        if (mask == null) {
            return null;
        }
        for (int d = covered; d < self.dim(); d++) {
            mask = mask.unsqueeze(-1);
        }
        return mask;
    }

    private static boolean broadcastsTo(int[] from, int[] to) {
        if (from.length > to.length) {
            return false;
        }
        for (int i = 0; i < from.length; i++) {
            int f = from[from.length - 1 - i];
            if (f != 1 && f != to[to.length - 1 - i]) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ planning (PyTorch's make_info)

    private static Plan plan(NDArray self, NDArray[] indices) {
        if (indices.length > self.dim()) {
            throw new IndexOutOfBoundsException("too many indices for tensor of dimension " + self.dim()
                    + " (got " + indices.length + ")");
        }
        List<NDArray> expanded = expandMasks(self, indices);
        List<int[]> shapes = new ArrayList<>();
        for (NDArray i : expanded) {
            if (i != null) {
                shapes.add(i.sizes());
            }
        }
        if (shapes.isEmpty()) {
            throw new IllegalArgumentException("at least one index must be a tensor (null entries stand for full slices)");
        }
        int[] b = broadcastIndices(shapes);
        // Adjacent indexed dims stay in place; otherwise they move to the front, in order.
        int firstPos = -1;
        int lastPos = -1;
        for (int d = 0; d < expanded.size(); d++) {
            if (expanded.get(d) != null) {
                firstPos = firstPos < 0 ? d : firstPos;
                lastPos = d;
            }
        }
        NDArray s = self;
        int count = shapes.size();
        if (lastPos - firstPos + 1 != count) {
            int[] perm = new int[self.dim()];
            List<NDArray> front = new ArrayList<>();
            int k = 0;
            for (int d = 0; d < expanded.size(); d++) {
                if (expanded.get(d) != null) {
                    perm[k++] = d;
                    front.add(expanded.get(d));
                }
            }
            for (int d = 0; d < self.dim(); d++) {
                if (d >= expanded.size() || expanded.get(d) == null) {
                    perm[k++] = d;
                }
            }
            s = self.permute(perm);
            expanded = front;
            firstPos = 0;
        }
        Plan p = new Plan();
        p.self = s;
        p.first = firstPos;
        p.count = count;
        p.b = b;
        p.offsets = offsets(s, expanded.subList(firstPos, firstPos + count), firstPos, b);
        return p;
    }

    /** Bool masks become their nonzero() columns; PyTorch's {@code expandTensors}. */
    private static List<NDArray> expandMasks(NDArray self, NDArray[] indices) {
        for (NDArray index : indices) {
            if (index != null && index.dtype() != DType.BOOL && index.dtype() != DType.INT64) {
                throw new IndexOutOfBoundsException("tensors used as indices must be long, int, byte or bool tensors");
            }
        }
        List<NDArray> out = new ArrayList<>();
        for (NDArray index : indices) {
            if (index == null) {
                out.add(null);
            } else if (index.dtype() == DType.BOOL) {
                int at = out.size();
                for (int j = 0; j < index.dim(); j++) {
                    if (index.sizeAt(j) != self.size(at + j)) { // size() raises PyTorch's error past the last dim
                        throw new IndexOutOfBoundsException("The shape of the mask " + Shapes.str(index.sizes())
                                + " at index " + j + " does not match the shape of the indexed tensor "
                                + Shapes.str(self.sizes()) + " at index " + (at + j));
                    }
                }
                NDArray nz = index.nonzero();
                for (int j = 0; j < index.dim(); j++) {
                    out.add(nz.select(1, j));
                }
            } else {
                out.add(index);
            }
        }
        if (out.size() > self.dim()) {
            // C++ at::index accepts this (a slice past the last dim after a mask) and broadcasts the
            // index against the source oddly; Python's tensor[...] raises, and so does jtorch.
            throw new IndexOutOfBoundsException("too many indices for tensor of dimension " + self.dim()
                    + " (got " + out.size() + ")");
        }
        return out;
    }

    private static int[] broadcastIndices(List<int[]> shapes) {
        try {
            return Shapes.broadcast(shapes.toArray(new int[0][]));
        } catch (IllegalArgumentException e) {
            StringBuilder sb = new StringBuilder("shape mismatch: indexing tensors could not be broadcast together with shapes ");
            for (int i = 0; i < shapes.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(Shapes.str(shapes.get(i)));
            }
            throw new IndexOutOfBoundsException(sb.toString());
        }
    }

    /**
     * Storage offsets (relative to self's offset) over B: the sum of each index, negatives wrapped,
     * times the stride of its dim. Bounds are checked first, naming the position of the index among
     * the index tensors as PyTorch's {@code Indexer} does.
     */
    private static NDArray offsets(NDArray self, List<NDArray> indices, int first, int[] b) {
        boolean emptyDim = false;
        for (int k = 0; k < indices.size(); k++) {
            emptyDim |= self.sizeAt(first + k) == 0;
        }
        if (emptyDim && Shapes.numel(b) != 0) { // AdvancedIndex's check, before any value is read
            throw new IndexOutOfBoundsException("index is out of bounds for dimension with size 0");
        }
        if (Shapes.numel(b) == 0) {
            return NDArray.zeros(DType.INT64, b); // PyTorch reads (and checks) index values only per result element
        }
        for (int k = 0; k < indices.size(); k++) {
            int size = self.sizeAt(first + k);
            Long bad = Indexing.firstOutside(indices.get(k), -(long) size, size);
            if (bad != null) {
                throw new IndexOutOfBoundsException("index " + bad + " is out of bounds for dimension " + k
                        + " with size " + size);
            }
        }
        NDArray out = NDArray.zeros(DType.INT64, b);
        long[] o = (long[]) out.storage();
        for (int k = 0; k < indices.size(); k++) {
            NDArray idx = indices.get(k);
            long size = self.sizeAt(first + k);
            long stride = self.strideAt(first + k);
            long[] iv = (long[]) idx.storage();
            int[] pos = {0};
            Loops.forEachRow(b, new int[] {idx.offset()}, new int[][] {Loops.broadcastStrides(idx, b)}, (off, inc, n) -> {
                int q = pos[0];
                for (int i = 0; i < n; i++) {
                    long v = iv[off[0] + i * inc[0]];
                    o[q + i] += (v < 0 ? v + size : v) * stride;
                }
                pos[0] = q + n;
            });
        }
        return out;
    }
}
