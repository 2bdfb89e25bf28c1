package dev.jtorch.tensor;

/**
 * Iterates an N-d index space over several strided operands, one innermost row at a time.
 * Adjacent dims that are contiguous in every operand are merged first, so contiguous
 * operands become one row of {@code numel} elements and kernels see their fast path.
 */
public final class Loops {
    private Loops() {}

    /** Receives one row: {@code off[k]} is operand k's storage offset at the row start. */
    @FunctionalInterface
    public interface Row {
        void apply(int[] off, int[] innerStride, int n);
    }

    /**
     * Calls {@code fn} for every innermost row of {@code shape}. {@code offsets[k]} and
     * {@code strides[k]} describe operand k (strides may be 0 for broadcast dims).
     */
    public static void forEachRow(int[] shape, int[] offsets, int[][] strides, Row fn) {
        int nops = offsets.length;
        int rank = shape.length;
        for (int d : shape) {
            if (d == 0) {
                return;
            }
        }
        // Coalesce: keep dims of size > 1, merge neighbours that are contiguous in all operands.
        int[] cs = new int[Math.max(rank, 1)];
        int[][] cst = new int[nops][Math.max(rank, 1)];
        int m = 0;
        for (int i = 0; i < rank; i++) {
            if (shape[i] == 1) {
                continue;
            }
            if (m > 0) {
                boolean merge = true;
                for (int k = 0; k < nops; k++) {
                    if (cst[k][m - 1] != strides[k][i] * shape[i]) {
                        merge = false;
                        break;
                    }
                }
                if (merge) {
                    cs[m - 1] *= shape[i];
                    for (int k = 0; k < nops; k++) {
                        cst[k][m - 1] = strides[k][i];
                    }
                    continue;
                }
            }
            cs[m] = shape[i];
            for (int k = 0; k < nops; k++) {
                cst[k][m] = strides[k][i];
            }
            m++;
        }
        int[] off = offsets.clone();
        int[] inner = new int[nops];
        if (m == 0) {
            for (int k = 0; k < nops; k++) {
                inner[k] = 1;
            }
            fn.apply(off, inner, 1);
            return;
        }
        for (int k = 0; k < nops; k++) {
            inner[k] = cst[k][m - 1];
        }
        int n = cs[m - 1];
        if (m == 1) {
            fn.apply(off, inner, n);
            return;
        }
        int outer = m - 1;
        int[] idx = new int[outer];
        int[] base = offsets.clone();
        while (true) {
            System.arraycopy(base, 0, off, 0, nops);
            fn.apply(off, inner, n);
            int d = outer - 1;
            while (d >= 0) {
                idx[d]++;
                for (int k = 0; k < nops; k++) {
                    base[k] += cst[k][d];
                }
                if (idx[d] < cs[d]) {
                    break;
                }
                for (int k = 0; k < nops; k++) {
                    base[k] -= cst[k][d] * cs[d];
                }
                idx[d] = 0;
                d--;
            }
            if (d < 0) {
                return;
            }
        }
    }

    /** Strides of {@code a} broadcast to {@code shape} (0 on expanded dims, left-padded). */
    public static int[] broadcastStrides(NDArray a, int[] shape) {
        int[] s = new int[shape.length];
        int shift = shape.length - a.dim();
        for (int i = 0; i < a.dim(); i++) {
            s[i + shift] = a.sizeAt(i) == 1 && shape[i + shift] != 1 ? 0 : a.strideAt(i);
        }
        return s;
    }
}
