package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.tensor.NDArray;
import java.util.Arrays;

/**
 * The non-zero padding modes of the convolution layers ({@code F.pad(input, pad, mode)} with
 * mode 'reflect', 'replicate' or 'circular'), as a gather of source positions along each spatial
 * dim: differentiable through {@code index_select} (whose backward sums the gradient of repeated
 * positions, as the pad backward does).
 */
final class ConvPadding {
    private ConvPadding() {}

    /** Pads the last {@code lo.length} dims of {@code x} by {@code lo[i]} before and {@code hi[i]} after. */
    static Tensor pad(Tensor x, int[] lo, int[] hi, String mode) {
        Tensor out = x;
        int first = x.dim() - lo.length;
        for (int i = 0; i < lo.length; i++) {
            int dim = first + i;
            int size = x.size(dim);
            check(mode, lo[i], hi[i], size, dim, x);
            long[] idx = new long[lo[i] + size + hi[i]];
            for (int j = 0; j < idx.length; j++) {
                idx[j] = source(j - lo[i], size, mode);
            }
            out = out.indexSelect(dim, new Tensor(NDArray.wrap(idx, idx.length)));
        }
        return out;
    }

    private static long source(int j, int size, String mode) {
        switch (mode) {
            case "replicate":
                return Math.max(0, Math.min(size - 1, j));
            case "reflect":
                return j < 0 ? -j : j >= size ? 2L * (size - 1) - j : j;
            default: // circular
                return Math.floorMod(j, size);
        }
    }

    private static void check(String mode, int lo, int hi, int size, int dim, Tensor x) {
        boolean ok = "reflect".equals(mode) ? lo < size && hi < size : "circular".equals(mode) ? lo <= size && hi <= size
                : size > 0;
        if (!ok) {
            throw new IllegalArgumentException("padding (" + lo + ", " + hi + ") at dimension " + dim + " of input "
                    + Arrays.toString(x.sizes()) + " is too large for padding_mode='" + mode + "' (reflect needs "
                    + "padding < size, circular padding <= size)");
        }
    }
}
