package dev.jtorch.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Joining and splitting along a dim: {@code cat} and {@code stack} copy each input into a
 * {@code narrow}/{@code select} view of the result with {@code copy_} (so contiguous rows move with
 * {@code System.arraycopy} and dtypes are promoted on the way); {@code split}, {@code chunk} and
 * {@code unbind} return views sharing the input's storage.
 */
final class Joining {
    private Joining() {}

    /**
     * {@code torch.cat(tensors, dim)}. The result dtype is {@code torch.result_type} over all inputs;
     * 1-d tensors of shape {@code [0]} are skipped for shape checks and copying (PyTorch's legacy
     * rule) but still take part in type promotion.
     */
    static NDArray cat(List<NDArray> tensors, int dim) {
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("torch.cat(): expected a non-empty list of Tensors");
        }
        for (int i = 0; i < tensors.size(); i++) {
            if (tensors.get(i).dim() == 0) {
                throw new IllegalArgumentException("zero-dimensional tensor (at position " + i + ") cannot be concatenated");
            }
        }
        int valid = -1;
        for (int i = 0; i < tensors.size() && valid < 0; i++) {
            if (!skipped(tensors.get(i))) {
                valid = i;
            }
        }
        Promotion promotion = new Promotion();
        for (NDArray t : tensors) {
            promotion.add(t);
        }
        DType dtype = promotion.result();
        if (valid < 0) {
            return NDArray.empty(dtype, 0);
        }
        NDArray ref = tensors.get(valid);
        dim = Shapes.wrapDim(dim, ref.dim());
        long total = 0;
        for (int i = 0; i < tensors.size(); i++) {
            NDArray t = tensors.get(i);
            if (!skipped(t)) {
                checkSameExceptDim(ref, t, dim, i);
                total += t.sizeAt(dim);
            }
        }
        int[] shape = ref.sizes();
        shape[dim] = Math.toIntExact(total);
        NDArray out = NDArray.empty(dtype, shape);
        int at = 0;
        for (NDArray t : tensors) {
            if (!skipped(t) && t.sizeAt(dim) > 0) {
                out.narrow(dim, at, t.sizeAt(dim)).copy_(t);
                at += t.sizeAt(dim);
            }
        }
        return out;
    }

    private static boolean skipped(NDArray t) {
        return t.dim() == 1 && t.sizeAt(0) == 0;
    }

    private static void checkSameExceptDim(NDArray first, NDArray second, int dim, int index) {
        if (first.dim() != second.dim()) {
            throw new IllegalArgumentException("Tensors must have same number of dimensions: got " + first.dim()
                    + " and " + second.dim());
        }
        for (int d = 0; d < first.dim(); d++) {
            if (d != dim && first.sizeAt(d) != second.sizeAt(d)) {
                throw new IllegalArgumentException("Sizes of tensors must match except in dimension " + dim
                        + ". Expected size " + first.sizeAt(d) + " but got size " + second.sizeAt(d)
                        + " for tensor number " + index + " in the list.");
            }
        }
    }

    /** {@code torch.stack(tensors, dim)}: equal shapes, a new dim of size {@code tensors.size()}, promoted dtype. */
    static NDArray stack(List<NDArray> tensors, int dim) {
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("stack expects a non-empty TensorList");
        }
        NDArray first = tensors.get(0);
        dim = Shapes.wrapDim(dim, first.dim() + 1);
        Promotion promotion = new Promotion();
        for (int i = 0; i < tensors.size(); i++) {
            NDArray t = tensors.get(i);
            if (!Arrays.equals(first.sizes(), t.sizes())) {
                throw new IllegalArgumentException("stack expects each tensor to be equal size, but got "
                        + Shapes.str(first.sizes()) + " at entry 0 and " + Shapes.str(t.sizes()) + " at entry " + i);
            }
            promotion.add(t);
        }
        NDArray out = NDArray.empty(promotion.result(), Views.insert(first.sizes(), dim, tensors.size()));
        if (out.numel() > 0) {
            for (int i = 0; i < tensors.size(); i++) {
                out.select(dim, i).copy_(tensors.get(i));
            }
        }
        return out;
    }

    /** {@code torch.split(self, split_size, dim)}: views of {@code splitSize} along dim, the last one shorter. */
    static List<NDArray> split(NDArray self, int splitSize, int dim) {
        if (self.dim() == 0) {
            throw new IllegalArgumentException("split expects at least a 1-dimensional tensor");
        }
        if (splitSize < 0) {
            throw new IllegalArgumentException("split expects split_size be non-negative, but got split_size=" + splitSize);
        }
        dim = Shapes.wrapDim(dim, self.dim());
        int dimSize = self.sizeAt(dim);
        if (splitSize == 0 && dimSize != 0) {
            throw new IllegalArgumentException("split_size can only be 0 if dimension size is 0, but got dimension size of "
                    + dimSize);
        }
        int numSplits = splitSize == 0 ? 1 : Math.max((int) (((long) dimSize + splitSize - 1) / splitSize), 1);
        long lastSize = splitSize - ((long) splitSize * numSplits - dimSize);
        List<NDArray> out = new ArrayList<>(numSplits);
        for (int i = 0; i < numSplits; i++) {
            int length = i < numSplits - 1 ? splitSize : (int) lastSize;
            out.add(slice(self, dim, (long) i * splitSize, length));
        }
        return out;
    }

    /** {@code torch.split(self, split_sizes, dim)} ({@code split_with_sizes}): views of the given lengths. */
    static List<NDArray> split(NDArray self, int[] sizes, int dim) {
        if (self.dim() == 0) {
            throw new IllegalArgumentException("split expects at least a 1-dimensional tensor");
        }
        int d = Shapes.wrapDim(dim, self.dim());
        int dimSize = self.sizeAt(d);
        List<NDArray> out = new ArrayList<>(sizes.length);
        long start = 0;
        for (int length : sizes) {
            if (length < 0) {
                throw new IllegalArgumentException("split_with_sizes expects split_sizes have only non-negative entries, "
                        + "but got split_sizes=" + Shapes.str(sizes));
            }
            out.add(slice(self, d, start, length));
            start += length;
        }
        if (start != dimSize) {
            throw new IllegalArgumentException("split_with_sizes expects split_sizes to sum exactly to " + dimSize
                    + " (input tensor's size at dimension " + dim + "), but got split_sizes=" + Shapes.str(sizes));
        }
        return out;
    }

    /** A view of {@code [start, start + length)} along dim, clamped to the dim like Python slicing. */
    private static NDArray slice(NDArray self, int dim, long start, int length) {
        int size = self.sizeAt(dim);
        int s = (int) Math.min(start, size);
        int e = (int) Math.min(start + length, size);
        return self.narrow(dim, s, e - s);
    }

    /** {@code torch.chunk(self, chunks, dim)}: PyTorch's sizing, {@code ceil(size / chunks)} per chunk, maybe fewer chunks. */
    static List<NDArray> chunk(NDArray self, int chunks, int dim) {
        if (self.dim() == 0) {
            throw new IllegalArgumentException("chunk expects at least a 1-dimensional tensor");
        }
        if (chunks <= 0) {
            throw new IllegalArgumentException("chunk expects `chunks` to be greater than 0, got: " + chunks);
        }
        int dimSize = self.size(dim);
        int splitSize = (int) (((long) dimSize + chunks - 1) / chunks);
        if (splitSize == 0 && dimSize == 0) {
            // split() would return one piece; PyTorch keeps all `chunks` empty pieces here.
            return split(self, new int[chunks], dim);
        }
        return split(self, splitSize, dim);
    }

    /** {@code torch.unbind(self, dim)}: the {@code select(dim, i)} views. */
    static List<NDArray> unbind(NDArray self, int dim) {
        if (self.dim() == 0) {
            throw new IndexOutOfBoundsException("Dimension specified as " + dim + " but tensor has no dimensions");
        }
        dim = Shapes.wrapDim(dim, self.dim());
        int n = self.sizeAt(dim);
        List<NDArray> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(self.select(dim, i));
        }
        return out;
    }
}
