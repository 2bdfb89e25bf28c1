package dev.jtorch.tensor;

import java.util.Arrays;

/** An immutable list of dimension sizes, mirroring {@code torch.Size}. */
public final class Shape {
    private final int[] dims;

    private Shape(int[] dims) {
        this.dims = dims;
    }

    /** A shape with the given sizes; every size must be non-negative. */
    public static Shape of(int... dims) {
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension " + d + " in shape " + Arrays.toString(dims));
            }
        }
        return new Shape(dims.clone());
    }

    /** A copy of {@code dims}, checked as {@link #of} checks them (one copy instead of of()'s and dims()'s two). */
    static int[] checkedCopy(int[] dims) {
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension " + d + " in shape " + Arrays.toString(dims));
            }
        }
        return dims.clone();
    }

    static Shape wrap(int[] dims) {
        return new Shape(dims);
    }

    /** A copy of the sizes. */
    public int[] dims() {
        return dims.clone();
    }

    /** Number of dimensions, {@code len(size)}. */
    public int dim() {
        return dims.length;
    }

    /** The size of dimension {@code d}; negative {@code d} counts from the end. */
    public int get(int d) {
        return dims[Shapes.wrapDim(d, dims.length)];
    }

    /** Product of the sizes, {@code size.numel()}. */
    public int numel() {
        return Shapes.numel(dims);
    }

    /** True when the sizes equal {@code other}'s. */
    public boolean sameAs(int... other) {
        return Arrays.equals(dims, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape && Arrays.equals(dims, ((Shape) o).dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** As PyTorch prints it: {@code torch.Size([2, 3])}. */
    @Override
    public String toString() {
        return "torch.Size(" + Arrays.toString(dims) + ")";
    }
}
