package dev.jtorch.tensor;

/**
 * Copies that move elements to new positions: {@code flip}, {@code roll}, {@code repeat} and
 * constant {@code pad}. Each is written as a layout rewrite plus one {@code copy_}: flip copies a
 * negative-stride view, roll copies two narrows, repeat copies a stride-0 expansion into an
 * interleaved view of the result, pad copies the (cropped) input into the interior of a filled result.
 */
final class Rearranging {
    private Rearranging() {}

    /** {@code torch.flip(self, dims)}: a copy with the given dims reversed. */
    static NDArray flip(NDArray self, int[] dims) {
        int rank = self.dim();
        boolean[] seen = new boolean[Math.max(rank, 1)];
        for (int d : dims) {
            int w = Shapes.wrapDim(d, rank);
            if (seen[w]) {
                throw new IllegalArgumentException("dim " + w + " appears multiple times in the list of dims");
            }
            seen[w] = true;
        }
        if (rank == 0 || self.numel() == 0) {
            return self.clone();
        }
        int[] strides = self.stride();
        int offset = self.offset();
        for (int d = 0; d < rank; d++) {
            if (seen[d]) {
                offset += (self.sizeAt(d) - 1) * strides[d];
                strides[d] = -strides[d];
            }
        }
        // An internal negative-stride view: never escapes, only read by clone().
        return self.withLayout(self.sizes(), strides, offset).clone();
    }

    /**
     * {@code torch.roll(self, shifts, dims)}: elements shifted circularly along each dim; with no
     * dims and one shift, along the flattened tensor (then restored to the original shape).
     */
    static NDArray roll(NDArray self, int[] shifts, int[] dims) {
        if (shifts.length == 0) {
            throw new IllegalArgumentException("`shifts` required");
        }
        if (dims.length == 0 && shifts.length == 1) {
            return rollOne(self.reshape(-1), shifts[0], 0).reshape(self.sizes());
        }
        if (shifts.length != dims.length) {
            throw new IllegalArgumentException("shifts and dimensions must align. shifts: " + shifts.length
                    + ", dims:" + dims.length);
        }
        NDArray out = self;
        for (int i = 0; i < shifts.length; i++) {
            out = rollOne(out, shifts[i], dims[i]);
        }
        return out;
    }

    private static NDArray rollOne(NDArray self, int shift, int dim) {
        if (self.numel() == 0) {
            return self.clone();
        }
        if (self.dim() == 0) { // PyTorch reads self.size(dim), which a 0-d tensor rejects
            throw new IndexOutOfBoundsException("Dimension specified as " + dim + " but tensor has no dimensions");
        }
        dim = Shapes.wrapDim(dim, self.dim());
        int size = self.sizeAt(dim);
        int start = (int) (((size - (long) shift) % size + size) % size);
        NDArray out = NDArray.empty(self.dtype(), self.sizes());
        out.narrow(dim, 0, size - start).copy_(self.narrow(dim, start, size - start));
        out.narrow(dim, size - start, start).copy_(self.narrow(dim, 0, start));
        return out;
    }

    /** {@code self.repeat(*sizes)}: tiles the tensor, new leading dims added when {@code sizes} is longer. */
    static NDArray repeat(NDArray self, int[] repeats) {
        int rank = self.dim();
        if (repeats.length < rank) {
            throw new IllegalArgumentException("Number of dimensions of repeat dims can not be smaller than number of "
                    + "dimensions of tensor");
        }
        int k = repeats.length;
        int lead = k - rank;
        int[] padded = new int[k];
        int[] paddedStrides = new int[k];
        long[] target = new long[k];
        boolean negative = false;
        for (int i = 0; i < k; i++) {
            padded[i] = i < lead ? 1 : self.sizeAt(i - lead);
            paddedStrides[i] = i < lead ? 0 : self.strideAt(i - lead);
            target[i] = (long) padded[i] * repeats[i];
            negative |= target[i] < 0;
        }
        if (negative) {
            throw new IllegalArgumentException("Trying to create tensor with negative dimension "
                    + firstNegative(target) + ": " + java.util.Arrays.toString(target));
        }
        int[] shape = new int[k];
        for (int i = 0; i < k; i++) {
            shape[i] = Math.toIntExact(target[i]);
        }
        NDArray out = NDArray.empty(self.dtype(), shape);
        if (out.numel() == 0) {
            return out;
        }
        // out viewed as [r0, s0, r1, s1, ...]; the source is the same shape with stride 0 on every r_i.
        int[] tiled = new int[2 * k];
        int[] srcStrides = new int[2 * k];
        for (int i = 0; i < k; i++) {
            tiled[2 * i] = repeats[i];
            tiled[2 * i + 1] = padded[i];
            srcStrides[2 * i + 1] = paddedStrides[i];
        }
        out.view(tiled).copy_(self.withLayout(tiled, srcStrides, self.offset()));
        return out;
    }

    private static long firstNegative(long[] v) {
        for (long x : v) {
            if (x < 0) {
                return x;
            }
        }
        return 0;
    }

    /**
     * {@code torch.nn.functional.pad(self, pad, mode='constant', value=value)}: {@code pad} holds
     * (left, right) pairs starting from the last dim; negative amounts crop.
     */
    static NDArray pad(NDArray self, int[] pad, double value) {
        int rank = self.dim();
        if (pad.length % 2 != 0) {
            throw new IllegalArgumentException("Padding length must be divisible by 2");
        }
        if (pad.length > 2 * rank) {
            throw new IllegalArgumentException("Padding length should be less than or equal to two times the input "
                    + "dimension but got padding length " + pad.length + " and input of dimension " + rank);
        }
        // The rest follows at::constant_pad_nd: crop with narrow for negative pads, then fill and copy.
        int nPad = pad.length / 2;
        int lead = rank - nPad;
        NDArray input = self;
        boolean allNonPositive = true;
        for (int i = lead; i < rank; i++) {
            int p = 2 * (rank - i - 1);
            if (pad[p] < 0) {
                input = narrowChecked(input, i, -pad[p], input.sizeAt(i) + (long) pad[p]);
            } else if (pad[p] != 0) {
                allNonPositive = false;
            }
            if (pad[p + 1] < 0) {
                input = narrowChecked(input, i, 0, input.sizeAt(i) + (long) pad[p + 1]);
            } else if (pad[p + 1] != 0) {
                allNonPositive = false;
            }
        }
        if (allNonPositive) {
            return input.clone();
        }
        int[] shape = self.sizes();
        for (int i = lead; i < rank; i++) {
            int p = 2 * (rank - i - 1);
            long size = (long) self.sizeAt(i) + pad[p] + pad[p + 1];
            if (size < 0) {
                throw new IllegalArgumentException("The input size " + self.sizeAt(i) + ", plus negative padding "
                        + pad[p] + " and " + pad[p + 1] + " resulted in a negative output size, which is invalid. "
                        + "Check dimension " + i + " of your input.");
            }
            shape[i] = Math.toIntExact(size);
        }
        NDArray out = NDArray.full(value, self.dtype(), shape);
        NDArray interior = out;
        for (int i = lead; i < rank; i++) {
            int p = 2 * (rank - i - 1);
            if (pad[p] > 0) {
                interior = interior.narrow(i, pad[p], interior.sizeAt(i) - pad[p]);
            }
            if (pad[p + 1] > 0) {
                interior = interior.narrow(i, 0, interior.sizeAt(i) - pad[p + 1]);
            }
        }
        interior.copy_(input);
        return out;
    }

    /** {@code narrow} with PyTorch 2.10's check for a negative length, which pad's cropping can produce. */
    private static NDArray narrowChecked(NDArray a, int dim, long start, long length) {
        if (length < 0) {
            throw new IllegalArgumentException("narrow(): length must be non-negative.");
        }
        return a.narrow(dim, (int) start, (int) length);
    }
}
