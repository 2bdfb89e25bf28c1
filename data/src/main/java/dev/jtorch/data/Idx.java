package dev.jtorch.data;

import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The IDX format of MNIST and Fashion-MNIST ({@code train-images-idx3-ubyte[.gz]}), read as
 * torchvision's {@code read_sn3_pascalvincent_tensor} does: magic {@code 0x0000TTDD} (type TT,
 * DD dims), big-endian int32 sizes, then big-endian data. Gzip is detected from its magic bytes.
 * Bad magic, impossible sizes, truncation and trailing bytes raise errors naming the file.
 */
public final class Idx {
    private Idx() {}

    /** One IDX file: its element type, shape and raw big-endian payload. */
    public static final class IdxFile {
        private final int type;
        private final int[] shape;
        private final byte[] payload;

        IdxFile(int type, int[] shape, byte[] payload) {
            this.type = type;
            this.shape = shape;
            this.payload = payload;
        }

        /** The IDX type code: 0x08 ubyte, 0x09 byte, 0x0B short, 0x0C int, 0x0D float, 0x0E double. */
        public int typeCode() {
            return type;
        }

        /** The dimension sizes. */
        public int[] shape() {
            return shape.clone();
        }

        /** The values as an array: integer types become int64, float float32, double float64. */
        public NDArray toNDArray() {
            int n = numel();
            ByteBuffer b = ByteBuffer.wrap(payload).order(ByteOrder.BIG_ENDIAN);
            switch (type) {
                case 0x0D: {
                    float[] v = new float[n];
                    b.asFloatBuffer().get(v);
                    return NDArray.wrap(v, shape);
                }
                case 0x0E: {
                    double[] v = new double[n];
                    b.asDoubleBuffer().get(v);
                    return NDArray.wrap(v, shape);
                }
                default: {
                    long[] v = new long[n];
                    for (int i = 0; i < n; i++) {
                        v[i] = integer(b, i);
                    }
                    return NDArray.wrap(v, shape);
                }
            }
        }

        /** The values as float32 multiplied by {@code scale} (e.g. 1/255 for pixels, as ToTensor does). */
        public NDArray toFloat32(double scale) {
            int n = numel();
            float[] v = new float[n];
            ByteBuffer b = ByteBuffer.wrap(payload).order(ByteOrder.BIG_ENDIAN);
            if (type == 0x08) {
                float s = (float) scale;
                for (int i = 0; i < n; i++) {
                    v[i] = (payload[i] & 0xff) * s;
                }
            } else {
                NDArray a = toNDArray().to(DType.FLOAT64);
                double[] d = a.toDoubleArray();
                for (int i = 0; i < n; i++) {
                    v[i] = (float) (d[i] * scale);
                }
            }
            return NDArray.wrap(v, shape);
        }

        private long integer(ByteBuffer b, int i) {
            switch (type) {
                case 0x08: return payload[i] & 0xff;
                case 0x09: return payload[i];
                case 0x0B: return b.getShort(2 * i);
                default: return b.getInt(4 * i);
            }
        }

        private int numel() {
            int n = 1;
            for (int d : shape) {
                n *= d;
            }
            return n;
        }
    }

    /** Reads an IDX file, gzip-compressed or not. */
    public static IdxFile read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("IDX file " + path + " does not exist");
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = (b0 == 0x1f && b1 == 0x8b) ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
            return read(new DataInputStream(in), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read IDX file " + path + ": " + e.getMessage(), e);
        }
    }

    static IdxFile read(DataInputStream in, String name) throws IOException {
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            throw new IllegalArgumentException(name + ": not an IDX file (shorter than its 4-byte magic number)");
        }
        int type = (magic >>> 8) & 0xff;
        int ndim = magic & 0xff;
        int size = elementSize(type);
        if ((magic >>> 16) != 0 || size < 0 || ndim < 1 || ndim > 16) {
            throw new IllegalArgumentException(String.format("%s: bad IDX magic number 0x%08X (expected 0x0000TTDD with type"
                    + " TT in 08,09,0B,0C,0D,0E and 1..16 dims DD)", name, magic));
        }
        int[] shape = new int[ndim];
        long numel = 1;
        for (int d = 0; d < ndim; d++) {
            try {
                shape[d] = in.readInt();
            } catch (EOFException e) {
                throw new IllegalArgumentException(name + ": truncated IDX header (" + ndim + " dimension sizes expected, "
                        + d + " present)");
            }
            if (shape[d] < 0) {
                throw new IllegalArgumentException(name + ": negative dimension size " + shape[d] + " at dim " + d);
            }
            numel *= shape[d];
        }
        long bytes = numel * size;
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(name + ": IDX shape " + Arrays.toString(shape) + " needs " + bytes
                    + " bytes, more than a Java array can hold");
        }
        byte[] payload = new byte[(int) bytes];
        int got = in.readNBytes(payload, 0, payload.length);
        if (got != payload.length) {
            throw new IllegalArgumentException(name + ": truncated IDX data: shape " + Arrays.toString(shape) + " needs "
                    + bytes + " bytes but only " + got + " follow the header");
        }
        if (in.read() != -1) {
            throw new IllegalArgumentException(name + ": IDX file has bytes after the " + bytes + " data bytes that shape "
                    + Arrays.toString(shape) + " needs");
        }
        return new IdxFile(type, shape, payload);
    }

    private static int elementSize(int type) {
        switch (type) {
            case 0x08:
            case 0x09: return 1;
            case 0x0B: return 2;
            case 0x0C:
            case 0x0D: return 4;
            case 0x0E: return 8;
            default: return -1;
        }
    }
}
