package dev.jtorch.tensor;

/**
 * Data-dependent selection with boolean masks: {@code masked_select} and {@code nonzero} (whose
 * result sizes depend on the values). {@code masked_fill} is elementwise (Comparisons).
 */
final class Masking {
    private Masking() {}

    /**
     * {@code torch.masked_select(self, mask)}: the elements of {@code self} where the bool mask is
     * true, both broadcast together, in row-major order, as a 1-d array.
     */
    static NDArray maskedSelect(NDArray self, NDArray mask) {
        if (mask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("masked_select: expected BoolTensor for mask");
        }
        int[] shape = Shapes.broadcast(mask.sizes(), self.sizes()); // mask first: PyTorch's expand_outplace(mask, self)
        int[] ms = Loops.broadcastStrides(mask, shape);
        int[] ss = Loops.broadcastStrides(self, shape);
        byte[] m = (byte[]) mask.storage();
        int[] count = {0};
        Loops.forEachRow(shape, new int[] {mask.offset()}, new int[][] {ms},
                (off, inc, n) -> count[0] += IndexLoops.countNonzero(m, off[0], inc[0], n));
        NDArray out = NDArray.empty(self.dtype(), count[0]);
        Object od = out.storage();
        Object sd = self.storage();
        int[] k = {0};
        Loops.forEachRow(shape, new int[] {self.offset(), mask.offset()}, new int[][] {ss, ms},
                (off, inc, n) -> k[0] = IndexLoops.maskedSelect(od, k[0], sd, off[0], inc[0], m, off[1], inc[1], n));
        return out;
    }

    /**
     * {@code torch.nonzero(self)}: int64 {@code [n, self.dim()]} holding the coordinates of the
     * nonzero elements in row-major order (NaN is nonzero). A 0-d input gives {@code [1, 0]} or {@code [0, 0]}.
     */
    static NDArray nonzero(NDArray self) {
        int rank = self.dim();
        Object data = self.storage();
        int[] count = {0};
        Loops.forEachRow(self.sizes(), new int[] {self.offset()}, new int[][] {self.strides()},
                (off, inc, n) -> count[0] += IndexLoops.countNonzero(data, off[0], inc[0], n));
        NDArray out = NDArray.empty(DType.INT64, count[0], rank);
        if (count[0] == 0 || rank == 0) {
            return out;
        }
        long[] o = (long[]) out.storage();
        int last = rank - 1;
        int len = self.sizeAt(last);
        int inc = self.strideAt(last);
        int[] pos = new int[len];
        int[] idx = new int[last];
        int base = self.offset();
        int k = 0;
        while (true) {
            int c = IndexLoops.nonzeroPositions(data, base, inc, len, pos);
            for (int j = 0; j < c; j++) {
                for (int d = 0; d < last; d++) {
                    o[k++] = idx[d];
                }
                o[k++] = pos[j];
            }
            int d = last - 1;
            while (d >= 0) {
                idx[d]++;
                base += self.strideAt(d);
                if (idx[d] < self.sizeAt(d)) {
                    break;
                }
                base -= self.strideAt(d) * self.sizeAt(d);
                idx[d] = 0;
                d--;
            }
            if (d < 0) {
                return out;
            }
        }
    }
}
