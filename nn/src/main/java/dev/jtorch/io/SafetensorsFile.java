package dev.jtorch.io;

import dev.jtorch.tensor.NDArray;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An open safetensors file, mirroring {@code safetensors.safe_open(path, framework="pt")}: the
 * header is read and fully validated on {@link Safetensors#open}, then tensors are read one at a
 * time with {@link #getTensor}, each straight from the file into its own array.
 *
 * <p>Close it (try-with-resources) to release the file. {@link #getTensor} may be called from
 * several threads; reads are serialized.
 */
public final class SafetensorsFile implements AutoCloseable {
    private final String file;
    private final FileChannel channel;
    private final Header header;
    private final Map<String, TensorInfo> byName;
    private final TensorReader reader;
    private boolean closed;

    private SafetensorsFile(String file, FileChannel channel, Header header) {
        this.file = file;
        this.channel = channel;
        this.header = header;
        this.byName = new HashMap<>();
        for (TensorInfo t : header.tensors) {
            byName.put(t.name(), t);
        }
        this.reader = new TensorReader(file, channel, header.dataStart);
    }

    static SafetensorsFile open(Path path) {
        String file = path.toString();
        FileChannel ch = null;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
            Header h = readHeader(file, ch);
            SafetensorsFile f = new SafetensorsFile(file, ch, h);
            ch = null;
            return f;
        } catch (IOException e) {
            throw IoErrors.unchecked(file, "", e);
        } finally {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // the original failure is the one to report
                }
            }
        }
    }

    /**
     * {@code SafeTensors::read_metadata}: the u64 length is checked against the limit and the
     * file size before any header byte is read, so a hostile length allocates nothing.
     */
    private static Header readHeader(String file, FileChannel ch) throws IOException {
        long size = ch.size();
        if (size < 8) {
            throw new SafetensorsException(file + ": the file is " + size
                    + " bytes, shorter than the 8-byte header length that starts every safetensors file");
        }
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(file, ch, len, 0);
        long n = len.flip().getLong();
        if (n < 0 || n > Header.MAX_HEADER_SIZE) {
            throw new SafetensorsException(file + ": the header length is " + Long.toUnsignedString(n)
                    + " bytes, more than the " + Header.MAX_HEADER_SIZE + " bytes safetensors allows");
        }
        if (n > size - 8) {
            throw new SafetensorsException(file + ": the header length is " + n + " bytes, but only " + (size - 8)
                    + " bytes follow it (the file is " + size + " bytes)");
        }
        byte[] bytes = new byte[(int) n];
        readFully(file, ch, ByteBuffer.wrap(bytes), 8);
        return HeaderParser.parse(file, bytes, size);
    }

    private static void readFully(String file, FileChannel ch, ByteBuffer b, long pos) throws IOException {
        long p = pos;
        while (b.hasRemaining()) {
            int r = ch.read(b, p);
            if (r < 0) {
                throw new SafetensorsException(file + ": the file ended at byte " + p + " while reading its header");
            }
            p += r;
        }
    }

    /** Tensor names sorted as Python's {@code safe_open(...).keys()} sorts them (code point order). */
    public List<String> keys() {
        List<String> names = new ArrayList<>(byName.keySet());
        names.sort(HeaderWriter::compareCodePoints);
        return names;
    }

    /** Tensor names in the order of their data in the file, {@code safe_open(...).offset_keys()}. */
    public List<String> offsetKeys() {
        List<String> names = new ArrayList<>(header.tensors.size());
        for (TensorInfo t : header.tensors) {
            names.add(t.name());
        }
        return names;
    }

    /** Every tensor's header entry, in data order. */
    public List<TensorInfo> tensors() {
        return header.tensors;
    }

    /** The header entry of {@code name}: dtype, shape and offsets, without reading the data. */
    public TensorInfo info(String name) {
        TensorInfo t = byName.get(name);
        if (t == null) {
            throw new SafetensorsException(file + ": the file does not contain a tensor named '" + name + "'");
        }
        return t;
    }

    /**
     * The {@code __metadata__} map in file order (unmodifiable), or {@code null} when the file
     * has none, as {@code safe_open(...).metadata()} returns {@code None}.
     */
    public Map<String, String> metadata() {
        return header.metadata;
    }

    /**
     * {@code safe_open(...).get_tensor(name)}: reads one tensor, converted to its jtorch dtype as
     * {@link Safetensors} documents.
     *
     * @throws SafetensorsException if the file has no such tensor or jtorch cannot hold it
     * @throws UncheckedIOException if reading fails
     */
    public synchronized NDArray getTensor(String name) {
        TensorInfo t = info(name);
        if (closed) {
            throw new IllegalStateException(file + " is closed");
        }
        try {
            return reader.read(t);
        } catch (IOException e) {
            throw IoErrors.unchecked(file, "reading tensor '" + name + "' failed", e);
        }
    }

    /** The file name as given, used in messages. */
    String fileName() {
        return file;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                channel.close();
            } catch (IOException e) {
                throw IoErrors.unchecked(file, "closing failed", e);
            }
        }
    }

    @Override
    public String toString() {
        return "SafetensorsFile(" + file + ", " + header.tensors.size() + " tensors)";
    }
}
