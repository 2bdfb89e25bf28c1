package dev.jtorch.io;

import dev.jtorch.tensor.NDArray;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The safetensors format of {@code huggingface/safetensors}: {@code safetensors.torch.save_file},
 * {@code load_file} and {@code safe_open}, producing and accepting the same bytes.
 *
 * <p>File layout: a u64 little-endian header length N, N bytes of UTF-8 JSON
 * ({@code {"__metadata__":{..}, "<name>":{"dtype":"F32","shape":[..],"data_offsets":[b,e]},..}},
 * padded with spaces to a multiple of 8), then the tensors' bytes, little-endian, C order, packed
 * from offset 0 with no gaps.
 *
 * <h2>dtypes</h2>
 * <table>
 * <caption>safetensors dtype and the jtorch dtype it maps to</caption>
 * <tr><th>file</th><th>jtorch</th><th>direction</th></tr>
 * <tr><td>F32</td><td>float32</td><td>read and write</td></tr>
 * <tr><td>F64</td><td>float64</td><td>read and write</td></tr>
 * <tr><td>I64</td><td>int64</td><td>read and write</td></tr>
 * <tr><td>BOOL</td><td>bool (any nonzero byte reads as true)</td><td>read and write</td></tr>
 * <tr><td>F16, BF16, F8_E5M2, F8_E4M3 (e4m3fn), F8_E8M0</td><td>float32, exactly (every value of
 * these formats is a float32 value; NaN payloads of F16/BF16 are kept)</td><td>read</td></tr>
 * <tr><td>I32, I16, I8, U32, U16, U8</td><td>int64, exactly</td><td>read</td></tr>
 * <tr><td>F4, F6_E2M3, F6_E3M2, C64, U64</td><td>none: the header is accepted, reading the tensor
 * fails</td><td>-</td></tr>
 * </table>
 *
 * <h2>Validation</h2>
 * Opening a file checks, before anything is returned: the 8-byte length (at most 100,000,000 and
 * within the file), strict UTF-8 and strict JSON, an object at the top, no duplicate key at any
 * level, known dtypes, shapes and offsets as lists of non-negative integers, {@code data_offsets}
 * {@code [begin, end]} with {@code begin <= end}, offsets contiguous from 0 without gaps or
 * overlaps, each tensor exactly numel x dtype size bytes (overflow checked), the file exactly
 * {@code 8 + N + end of the last tensor} bytes, and {@code __metadata__} an object of strings.
 * Every failure is a {@link SafetensorsException} naming the file, the tensor and the numbers.
 *
 * <h2>Differences from Python</h2>
 * <ul>
 * <li>Non-contiguous arrays and arrays sharing storage are saved (in C order, duplicated);
 * {@code safetensors.torch.save_file} refuses both.</li>
 * <li>With more than one metadata entry, Python writes them in the order of a Rust
 * {@code HashMap} (different in every process); jtorch writes the map's iteration order. With
 * one entry (the usual {@code {"format": "pt"}}) the bytes are identical.</li>
 * <li>A tensor named {@code __metadata__}, and a header of more than 100,000,000 bytes, are
 * rejected on saving: Python writes such files, but no reader accepts them.</li>
 * <li>{@link #metadata} returns {@code null} for a file without {@code __metadata__}, as Python
 * returns {@code None}; an empty {@code __metadata__} gives an empty map.</li>
 * </ul>
 */
public final class Safetensors {
    private Safetensors() {}

    /** {@code save_file(tensors, path)} without metadata. */
    public static void save(Map<String, NDArray> tensors, Path path) {
        save(tensors, path, null);
    }

    /**
     * {@code safetensors.torch.save_file(tensors, path, metadata)}: writes the bytes
     * {@code safetensors::serialize} would, atomically (a temporary file in the same directory,
     * forced to disk, then renamed over {@code path}; on failure any previous file is untouched).
     *
     * <p>Tensors are laid out by descending dtype (I64, F64, F32, BOOL), then by name in code
     * point order. {@code metadata == null} writes no {@code __metadata__}; an empty map writes
     * {@code "__metadata__":{}}, as Python does for {@code metadata={}}.
     *
     * @throws SafetensorsException if a name is {@code __metadata__}, a name, key or value is
     *     null or not valid Unicode, or the header would exceed 100,000,000 bytes
     * @throws UncheckedIOException if writing fails
     */
    public static void save(Map<String, NDArray> tensors, Path path, Map<String, String> metadata) {
        save(tensors, path, metadata, UnaryOperator.identity());
    }

    /** {@link #save(Map, Path, Map)} with a hook on the output channel, for failure-injection tests. */
    static void save(Map<String, NDArray> tensors, Path path, Map<String, String> metadata,
                     UnaryOperator<WritableByteChannel> wrap) {
        String file = path.toString();
        List<HeaderWriter.Entry> entries = plan(file, tensors);
        checkMetadata(file, metadata);
        byte[] header = HeaderWriter.header(entries, metadata);
        if (header.length > Header.MAX_HEADER_SIZE) {
            throw new SafetensorsException(file + ": the header would be " + header.length
                    + " bytes, more than the " + Header.MAX_HEADER_SIZE + " bytes safetensors readers accept");
        }
        try {
            long largest = header.length;
            for (HeaderWriter.Entry e : entries) {
                largest = Math.max(largest, e.end - e.begin);
            }
            long bufferSize = largest;
            AtomicFiles.write(path, out -> {
                TensorWriter w = new TensorWriter(out, bufferSize);
                w.writeLength(header.length);
                w.write(header);
                for (HeaderWriter.Entry e : entries) {
                    w.write(e.array);
                }
            }, wrap);
        } catch (IOException e) {
            throw IoErrors.unchecked(file, "saving failed, the previous file (if any) is unchanged", e);
        }
    }

    /** {@code prepare}: sort, then pack contiguously from offset 0. */
    private static List<HeaderWriter.Entry> plan(String file, Map<String, NDArray> tensors) {
        if (tensors == null) {
            throw new SafetensorsException(file + ": the tensor map is null");
        }
        List<HeaderWriter.Entry> entries = new ArrayList<>(tensors.size());
        for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
            String name = e.getKey();
            if (name == null) {
                throw new SafetensorsException(file + ": a tensor name is null");
            }
            if (name.equals("__metadata__")) {
                throw new SafetensorsException(file + ": '__metadata__' is reserved for the metadata and cannot name a tensor");
            }
            if (!HeaderWriter.isWellFormed(name)) {
                throw new SafetensorsException(file + ": tensor name '" + name + "' has an unpaired surrogate (not valid Unicode)");
            }
            if (e.getValue() == null) {
                throw new SafetensorsException(file + ": tensor '" + name + "' is null");
            }
            NDArray a = e.getValue();
            entries.add(new HeaderWriter.Entry(name, StDtype.of(a.dtype()), a.sizes(), 0, 0, a));
        }
        entries.sort(HeaderWriter.ORDER);
        List<HeaderWriter.Entry> placed = new ArrayList<>(entries.size());
        long offset = 0;
        for (HeaderWriter.Entry e : entries) {
            long n = (long) e.array.numel() * e.dtype.byteSize();
            placed.add(new HeaderWriter.Entry(e.name, e.dtype, e.shape, offset, offset + n, e.array));
            offset += n;
        }
        return placed;
    }

    private static void checkMetadata(String file, Map<String, String> metadata) {
        if (metadata == null) {
            return;
        }
        for (Map.Entry<String, String> m : metadata.entrySet()) {
            if (m.getKey() == null || m.getValue() == null) {
                throw new SafetensorsException(file + ": metadata entry " + m.getKey() + "=" + m.getValue()
                        + " has a null key or value; metadata maps strings to strings");
            }
            if (!HeaderWriter.isWellFormed(m.getKey()) || !HeaderWriter.isWellFormed(m.getValue())) {
                throw new SafetensorsException(file + ": metadata entry '" + m.getKey()
                        + "' has an unpaired surrogate (not valid Unicode)");
            }
        }
    }

    /**
     * {@code safetensors.torch.load_file(path)}: every tensor, in a {@link LinkedHashMap} in name
     * order (code point order, as Python's {@code load_file} iterates {@code keys()}). The whole
     * header is validated, and every tensor checked to be loadable by jtorch, before any data is
     * read; each tensor's data is copied into the heap once.
     *
     * @throws SafetensorsException if the file is malformed or holds a tensor jtorch cannot load
     * @throws UncheckedIOException if reading fails
     */
    public static Map<String, NDArray> load(Path path) {
        try (SafetensorsFile f = open(path)) {
            for (TensorInfo t : f.tensors()) {
                TensorReader.checkLoadable(f.fileName(), t);
            }
            Map<String, NDArray> out = new LinkedHashMap<>();
            for (String name : f.keys()) {
                out.put(name, f.getTensor(name));
            }
            return out;
        }
    }

    /**
     * {@code safe_open(path).metadata()}: the {@code __metadata__} map in file order, or
     * {@code null} when the file has none. Reads and validates the header only.
     */
    public static Map<String, String> metadata(Path path) {
        try (SafetensorsFile f = open(path)) {
            return f.metadata();
        }
    }

    /**
     * {@code safe_open(path, framework="pt")}: reads and validates the header, and returns a
     * handle that lists names, dtypes, shapes and metadata and reads tensors one by one.
     */
    public static SafetensorsFile open(Path path) {
        return SafetensorsFile.open(path);
    }
}
