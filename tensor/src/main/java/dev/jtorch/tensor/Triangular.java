package dev.jtorch.tensor;

/** Diagonal structure of the last two dims: {@code tril}, {@code triu}, {@code diagonal}, {@code diag}. */
final class Triangular {
    private Triangular() {}

    /**
     * {@code self.tril_(diagonal)} / {@code self.triu_(diagonal)} over the last two dims (batched):
     * zeroes the elements above (tril) or below (triu) the given diagonal, in place.
     */
    static NDArray triangle_(NDArray self, int diagonal, boolean lower) {
        String name = lower ? "tril" : "triu";
        if (self.dim() < 2) {
            throw new IllegalArgumentException(name + ": input tensor must have at least 2 dimensions");
        }
        int rows = self.size(-2);
        int cols = self.size(-1);
        if (self.numel() == 0) {
            return self;
        }
        for (int i = 0; i < rows; i++) {
            // tril keeps columns j <= i + diagonal; triu keeps j >= i + diagonal.
            long from = lower ? Math.max(0, (long) i + diagonal + 1) : 0;
            long to = lower ? cols : Math.min(cols, Math.max(0, (long) i + diagonal));
            if (from < to) {
                self.select(-2, i).narrow(-1, (int) from, (int) (to - from)).zero_();
            }
        }
        return self;
    }

    /** {@code torch.tril(self, diagonal)} / {@code torch.triu(self, diagonal)}: a copy. */
    static NDArray triangle(NDArray self, int diagonal, boolean lower) {
        if (self.dim() < 2) {
            throw new IllegalArgumentException((lower ? "tril" : "triu") + ": input tensor must have at least 2 dimensions");
        }
        return triangle_(self.clone(), diagonal, lower);
    }

    /**
     * {@code torch.diagonal(self, offset, dim1, dim2)}: a view of the diagonal of the (dim1, dim2)
     * planes, appended as the last dim. Offsets past the edge give an empty view.
     */
    static NDArray diagonal(NDArray self, int offset, int dim1, int dim2) {
        int rank = self.dim();
        int d1 = Shapes.wrapDim(dim1, rank);
        int d2 = Shapes.wrapDim(dim2, rank);
        if (d1 == d2) {
            throw new IllegalArgumentException("diagonal dimensions cannot be identical " + dim1 + ", " + dim2);
        }
        int size1 = self.sizeAt(d1);
        int size2 = self.sizeAt(d2);
        long len = offset >= 0 ? Math.min(size1, (long) size2 - offset) : Math.min((long) size1 + offset, size2);
        len = Math.max(len, 0);
        int start = self.offset();
        if (len > 0) {
            start += offset >= 0 ? offset * self.strideAt(d2) : -offset * self.strideAt(d1);
        }
        int[] shape = Views.remove(Views.remove(self.sizes(), Math.max(d1, d2)), Math.min(d1, d2));
        int[] strides = Views.remove(Views.remove(self.stride(), Math.max(d1, d2)), Math.min(d1, d2));
        shape = Views.insert(shape, shape.length, (int) len);
        strides = Views.insert(strides, strides.length, self.strideAt(d1) + self.strideAt(d2));
        return self.withLayout(shape, strides, start);
    }

    /**
     * {@code torch.diag(self, diagonal)}: a 1-d input becomes a square matrix with it on the given
     * diagonal; a 2-d input gives a copy of that diagonal.
     */
    static NDArray diag(NDArray self, int diagonal) {
        if (self.dim() == 1) {
            int n = self.sizeAt(0) + Math.abs(diagonal);
            NDArray out = NDArray.zeros(self.dtype(), n, n);
            diagonal(out, diagonal, 0, 1).copy_(self);
            return out;
        }
        if (self.dim() == 2) {
            return diagonal(self, diagonal, 0, 1).clone();
        }
        throw new IllegalArgumentException("diag(): Supports 1D or 2D tensors. Got " + self.dim() + "D");
    }
}
