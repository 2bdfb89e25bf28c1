package dev.jtorch.tensor;

import java.util.Arrays;

/** Shape arithmetic shared by every op: dim wrapping, broadcasting, contiguous strides. */
public final class Shapes {
    private Shapes() {}

    /** Wraps a possibly negative dim into {@code [0, rank)}, with PyTorch's error text. */
    public static int wrapDim(int dim, int rank) {
        int r = Math.max(rank, 1); // a 0-d tensor accepts dim 0 and -1, as in PyTorch
        if (dim < -r || dim >= r) {
            throw new IndexOutOfBoundsException("Dimension out of range (expected to be in range of ["
                    + (-r) + ", " + (r - 1) + "], but got " + dim + ")");
        }
        return dim < 0 ? dim + r : dim;
    }

    /** Product of sizes. */
    public static int numel(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tensor of shape " + Arrays.toString(shape)
                    + " has " + n + " elements, more than a Java array can hold");
        }
        return (int) n;
    }

    /** Row-major (C order) strides for {@code shape}. */
    public static int[] contiguousStrides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= Math.max(shape[i], 1);
        }
        return s;
    }

    /** The broadcast shape of {@code a} and {@code b}, with PyTorch's error text. */
    public static int[] broadcast(int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int ai = i - (n - a.length);
            int bi = i - (n - b.length);
            int da = ai >= 0 ? a[ai] : 1;
            int db = bi >= 0 ? b[bi] : 1;
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("The size of tensor a (" + da + ") must match the size of tensor b ("
                        + db + ") at non-singleton dimension " + i);
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** Broadcast shape of several shapes. */
    public static int[] broadcast(int[]... shapes) {
        int[] out = new int[0];
        for (int[] s : shapes) {
            out = broadcast(out, s);
        }
        return out;
    }

    /** Formats a shape as PyTorch does inside messages: {@code [2, 3]}. */
    public static String str(int[] shape) {
        return Arrays.toString(shape);
    }

    /** {@code 3x4} form used by matmul messages. */
    public static String xStr(int[] shape) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append('x');
            }
            sb.append(shape[i]);
        }
        return sb.toString();
    }
}
