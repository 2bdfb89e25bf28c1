package dev.jtorch.io;

import dev.jtorch.tensor.DType;
import java.util.Arrays;
import java.util.Optional;

/**
 * One entry of a safetensors header, as read from the file: name, dtype, shape and
 * {@code data_offsets} (relative to the start of the byte buffer, end exclusive). It mirrors
 * {@code safetensors.tensor.TensorInfo}; reading it does not touch the tensor's data.
 */
public final class TensorInfo {
    private final String name;
    private final StDtype dtype;
    private final long[] shape;
    private final long begin;
    private final long end;

    TensorInfo(String name, StDtype dtype, long[] shape, long begin, long end) {
        this.name = name;
        this.dtype = dtype;
        this.shape = shape;
        this.begin = begin;
        this.end = end;
    }

    /** The tensor's key in the file, e.g. {@code h1.weight}. */
    public String name() {
        return name;
    }

    /** The dtype as the file spells it: {@code F32}, {@code BF16}, {@code I64}, ... */
    public String dtype() {
        return dtype.name();
    }

    /**
     * The jtorch dtype {@link SafetensorsFile#getTensor} returns for this tensor, or empty when
     * jtorch cannot represent it (F4, F6_E2M3, F6_E3M2, C64, U64). See {@link Safetensors} for
     * the mapping.
     */
    public Optional<DType> loadDtype() {
        return Optional.ofNullable(dtype.target);
    }

    /** A copy of the shape; {@code []} for a 0-d tensor. */
    public long[] shape() {
        return shape.clone();
    }

    /** Number of elements, the product of the shape (1 for a 0-d tensor). */
    public long numel() {
        long n = 1;
        for (long d : shape) {
            n *= d; // validated on parsing: cannot overflow
        }
        return n;
    }

    /** Start of the data, in bytes from the start of the byte buffer. */
    public long begin() {
        return begin;
    }

    /** End of the data (exclusive), in bytes from the start of the byte buffer. */
    public long end() {
        return end;
    }

    StDtype stDtype() {
        return dtype;
    }

    long[] shapeRef() {
        return shape;
    }

    @Override
    public String toString() {
        return "TensorInfo(name='" + name + "', dtype=" + dtype + ", shape=" + Arrays.toString(shape)
                + ", data_offsets=[" + begin + ", " + end + "])";
    }
}
