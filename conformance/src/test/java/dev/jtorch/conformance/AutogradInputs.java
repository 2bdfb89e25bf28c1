package dev.jtorch.conformance;

import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.util.Arrays;
import java.util.Random;

/**
 * Random inputs for the autograd conformance tests: shapes of rank 0..3 with size-1 and (where
 * the op allows) empty dims, broadcasting pairs, non-contiguous layouts (a permuted or strided
 * view of a larger array), and values in a domain, away from given points, or pairwise distinct.
 */
final class AutogradInputs {
    private AutogradInputs() {}

    static final DType[] FLOATS = {DType.FLOAT32, DType.FLOAT64};

    /** A shape of rank 0..maxRank, sizes 1..4, with a size 0 now and then when {@code empty}. */
    static int[] shape(Random r, int minRank, int maxRank, boolean empty) {
        int[] s = new int[minRank + r.nextInt(maxRank - minRank + 1)];
        for (int i = 0; i < s.length; i++) {
            s[i] = empty && r.nextInt(12) == 0 ? 0 : 1 + r.nextInt(4);
        }
        return s;
    }

    /** Two shapes that broadcast: suffixes of one shape with some sizes replaced by 1. */
    static int[][] broadcastPair(Random r, boolean empty) {
        int[] full = shape(r, 0, 3, empty);
        return new int[][] {side(r, full), side(r, full)};
    }

    private static int[] side(Random r, int[] full) {
        int[] s = Arrays.copyOfRange(full, r.nextInt(full.length + 1), full.length);
        for (int i = 0; i < s.length; i++) {
            if (r.nextInt(4) == 0) {
                s[i] = 1;
            }
        }
        return s;
    }

    /** Values uniform in [lo, hi]; contiguous or a non-contiguous view. */
    static NDArray uniform(Random r, DType t, int[] shape, double lo, double hi, boolean contiguous) {
        int n = NDArray.zeros(shape).numel();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * r.nextDouble();
        }
        return layout(r, v, t, shape, contiguous);
    }

    /** Values in [lo, hi] at least {@code margin} from each of {@code points}. */
    static NDArray avoiding(Random r, DType t, int[] shape, double lo, double hi, double margin, double... points) {
        int n = NDArray.zeros(shape).numel();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            do {
                v[i] = lo + (hi - lo) * r.nextDouble();
            } while (near(v[i], margin, points));
        }
        return layout(r, v, t, shape, r.nextBoolean());
    }

    private static boolean near(double v, double margin, double[] points) {
        for (double p : points) {
            if (Math.abs(v - p) < margin) {
                return true;
            }
        }
        return false;
    }

    /** Pairwise distinct values in [lo, hi] (a shuffled grid with jitter), so no max/min ties. */
    static NDArray distinct(Random r, DType t, int[] shape, double lo, double hi) {
        int n = NDArray.zeros(shape).numel();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * (i + 0.25 + 0.5 * r.nextDouble()) / Math.max(n, 1);
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            double s = v[i];
            v[i] = v[j];
            v[j] = s;
        }
        return layout(r, v, t, shape, r.nextBoolean());
    }

    /** Values drawn from {@code choices} (for exact zeros, ties). */
    static NDArray choose(Random r, DType t, int[] shape, double... choices) {
        int n = NDArray.zeros(shape).numel();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = choices[r.nextInt(choices.length)];
        }
        return layout(r, v, t, shape, r.nextBoolean());
    }

    /** A random bool mask. */
    static NDArray mask(Random r, int[] shape) {
        int n = NDArray.zeros(shape).numel();
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(2);
        }
        return NDArray.wrapBool(b, shape);
    }

    /**
     * {@code v} (row-major values of {@code shape}) as dtype {@code t}; when not contiguous, a
     * permuted view (rank >= 2) or every other element of a twice-as-long array (rank 1).
     */
    static NDArray layout(Random r, double[] v, DType t, int[] shape, boolean contiguous) {
        NDArray a = NDArray.wrap(v, shape).to(t);
        int rank = shape.length;
        if (contiguous || rank == 0 || a.numel() == 0) {
            return a;
        }
        if (rank == 1) {
            NDArray base = NDArray.zeros(t, 2 * shape[0]);
            NDArray view = base.slice(0, 0, 2 * shape[0], 2);
            view.copy_(a);
            return view;
        }
        int[] reversed = new int[rank];
        for (int i = 0; i < rank; i++) {
            reversed[i] = rank - 1 - i;
        }
        NDArray base = a.permute(reversed).contiguous();
        return base.permute(reversed);
    }
}
