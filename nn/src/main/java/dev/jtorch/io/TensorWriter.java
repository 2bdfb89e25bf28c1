package dev.jtorch.io;

import dev.jtorch.tensor.NDArray;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;

/**
 * Writes a tensor's elements in C order, little-endian, through a reused direct buffer. A
 * contiguous array is read chunk by chunk through 1-d views, so saving never holds a second
 * full copy of it; a non-contiguous one is made contiguous once first.
 */
final class TensorWriter {
    private final WritableByteChannel out;
    private final ByteBuffer buf;

    /** A writer whose buffer holds {@code largestWrite} bytes, capped at one chunk. */
    TensorWriter(WritableByteChannel out, long largestWrite) {
        this.out = out;
        int capacity = (int) Math.min(TensorReader.CHUNK, Math.max(8, (largestWrite + 7) & ~7L));
        this.buf = ByteBuffer.allocateDirect(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Writes raw bytes (the header). */
    void write(byte[] bytes) throws IOException {
        int off = 0;
        while (off < bytes.length) {
            int n = Math.min(bytes.length - off, buf.capacity());
            buf.clear();
            buf.put(bytes, off, n).flip();
            drain();
            off += n;
        }
    }

    /** Writes the u64 little-endian header length. */
    void writeLength(long n) throws IOException {
        buf.clear();
        buf.putLong(n).flip();
        drain();
    }

    /** Writes {@code a}'s elements, C order, in the safetensors encoding of its dtype. */
    void write(NDArray a) throws IOException {
        int n = a.numel();
        NDArray flat = a.contiguous().reshape(n);
        int perChunk = buf.capacity() / a.dtype().itemSize();
        for (int start = 0; start < n; start += perChunk) {
            int count = Math.min(perChunk, n - start);
            NDArray part = flat.narrow(0, start, count);
            buf.clear();
            switch (a.dtype()) {
                case FLOAT32: buf.asFloatBuffer().put(part.toFloatArray()); break;
                case FLOAT64: buf.asDoubleBuffer().put(part.toDoubleArray()); break;
                case INT64: buf.asLongBuffer().put(part.toLongArray()); break;
                default:
                    for (boolean b : part.toBooleanArray()) {
                        buf.put(b ? (byte) 1 : (byte) 0);
                    }
                    buf.clear();
            }
            buf.limit(count * a.dtype().itemSize());
            drain();
        }
    }

    private void drain() throws IOException {
        while (buf.hasRemaining()) {
            out.write(buf);
        }
    }
}
