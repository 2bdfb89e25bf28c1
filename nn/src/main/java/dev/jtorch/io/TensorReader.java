package dev.jtorch.io;

import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Reads one tensor's bytes from the file straight into a freshly allocated Java array of the
 * target dtype, through a small reused direct buffer in little-endian order: the data is copied
 * into the heap once, whatever the tensor's size.
 */
final class TensorReader {
    /** Chunk size: a multiple of every element size. */
    static final int CHUNK = 1 << 20;
    /** The longest Java array the JVM reliably allocates. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private final String file;
    private final FileChannel channel;
    private final long dataStart;
    /** Grown on demand up to {@link #CHUNK}, so small tensors do not cost a 1 MiB buffer. */
    private ByteBuffer buf = ByteBuffer.allocateDirect(64).order(ByteOrder.LITTLE_ENDIAN);

    TensorReader(String file, FileChannel channel, long dataStart) {
        this.file = file;
        this.channel = channel;
        this.dataStart = dataStart;
    }

    /** Throws unless jtorch can hold {@code t}: a supported dtype, int dims, numel within a Java array. */
    static void checkLoadable(String file, TensorInfo t) {
        if (t.stDtype().target == null) {
            throw new SafetensorsException(file + ": tensor '" + t.name() + "' has dtype " + t.dtype()
                    + ", which jtorch cannot load (it loads BOOL, U8, I8, I16, U16, I32, U32, I64, F8_E5M2, F8_E4M3,"
                    + " F8_E8M0, F16, BF16, F32, F64)");
        }
        for (long d : t.shapeRef()) {
            if (d > Integer.MAX_VALUE) {
                throw new SafetensorsException(file + ": tensor '" + t.name() + "' has shape "
                        + Arrays.toString(t.shapeRef()) + " with a dimension above " + Integer.MAX_VALUE
                        + ", which jtorch cannot hold");
            }
        }
        if (t.numel() > MAX_ELEMENTS) {
            throw new SafetensorsException(file + ": tensor '" + t.name() + "' of shape " + Arrays.toString(t.shapeRef())
                    + " has " + t.numel() + " elements, more than a Java array can hold (" + MAX_ELEMENTS + ")");
        }
    }

    /** The tensor described by {@code t}, converted to its jtorch dtype. */
    NDArray read(TensorInfo t) throws IOException {
        checkLoadable(file, t);
        int[] shape = new int[t.shapeRef().length];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = (int) t.shapeRef()[i];
        }
        int n = (int) t.numel();
        StDtype st = t.stDtype();
        Object dest = allocate(st.target, n);
        int elemSize = st.byteSize();
        long bytes = t.end() - t.begin();
        if (buf.capacity() < Math.min(bytes, CHUNK)) {
            buf = ByteBuffer.allocateDirect((int) Math.min(CHUNK, (bytes + 63) & ~63L)).order(ByteOrder.LITTLE_ENDIAN);
        }
        long pos = dataStart + t.begin();
        int done = 0;
        while (done < n) {
            int count = Math.min(n - done, buf.capacity() / elemSize);
            buf.clear().limit(count * elemSize);
            readFully(pos, t);
            buf.flip();
            decode(st, dest, done, count);
            pos += (long) count * elemSize;
            done += count;
        }
        return wrap(st.target, dest, shape);
    }

    private void readFully(long pos, TensorInfo t) throws IOException {
        long p = pos;
        while (buf.hasRemaining()) {
            int r = channel.read(buf, p);
            if (r < 0) {
                throw new SafetensorsException(file + ": the file ended at byte " + p + " while reading tensor '"
                        + t.name() + "' (it changed after its header was checked)");
            }
            p += r;
        }
    }

    private void decode(StDtype st, Object dest, int off, int count) {
        switch (st) {
            case F32: buf.asFloatBuffer().get((float[]) dest, off, count); break;
            case F64: buf.asDoubleBuffer().get((double[]) dest, off, count); break;
            case I64: buf.asLongBuffer().get((long[]) dest, off, count); break;
            case BOOL: {
                byte[] d = (byte[]) dest;
                for (int i = 0; i < count; i++) {
                    d[off + i] = buf.get() != 0 ? (byte) 1 : (byte) 0;
                }
                break;
            }
            case U8: case I8: case I16: case U16: case I32: case U32:
                decodeInt(st, (long[]) dest, off, count);
                break;
            default:
                decodeFloat(st, (float[]) dest, off, count);
        }
    }

    private void decodeInt(StDtype st, long[] d, int off, int count) {
        int end = off + count;
        switch (st) {
            case U8: for (int i = off; i < end; i++) { d[i] = buf.get() & 0xFFL; } break;
            case I8: for (int i = off; i < end; i++) { d[i] = buf.get(); } break;
            case I16: for (int i = off; i < end; i++) { d[i] = buf.getShort(); } break;
            case U16: for (int i = off; i < end; i++) { d[i] = buf.getShort() & 0xFFFFL; } break;
            case I32: for (int i = off; i < end; i++) { d[i] = buf.getInt(); } break;
            default: for (int i = off; i < end; i++) { d[i] = buf.getInt() & 0xFFFFFFFFL; } // U32
        }
    }

    private void decodeFloat(StDtype st, float[] d, int off, int count) {
        int end = off + count;
        switch (st) {
            case F16: for (int i = off; i < end; i++) { d[i] = LowPrecision.halfToFloat(buf.getShort()); } break;
            case BF16: for (int i = off; i < end; i++) { d[i] = LowPrecision.bfloat16ToFloat(buf.getShort()); } break;
            case F8_E5M2: for (int i = off; i < end; i++) { d[i] = LowPrecision.e5m2ToFloat(buf.get()); } break;
            case F8_E4M3: for (int i = off; i < end; i++) { d[i] = LowPrecision.e4m3fnToFloat(buf.get()); } break;
            default: for (int i = off; i < end; i++) { d[i] = LowPrecision.e8m0ToFloat(buf.get()); } // F8_E8M0
        }
    }

    private static Object allocate(DType t, int n) {
        switch (t) {
            case FLOAT32: return new float[n];
            case FLOAT64: return new double[n];
            case INT64: return new long[n];
            default: return new byte[n];
        }
    }

    private static NDArray wrap(DType t, Object data, int[] shape) {
        switch (t) {
            case FLOAT32: return NDArray.wrap((float[]) data, shape);
            case FLOAT64: return NDArray.wrap((double[]) data, shape);
            case INT64: return NDArray.wrap((long[]) data, shape);
            default: return NDArray.wrapBool((byte[]) data, shape);
        }
    }
}
