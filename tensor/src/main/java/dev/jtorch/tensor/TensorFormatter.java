package dev.jtorch.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code repr(tensor)} exactly as PyTorch 2.10 prints it ({@code torch/_tensor_str.py}): element
 * notation and widths from {@link ElementFormatter}, rows wrapped at the line width, nested blocks
 * separated by blank lines, summarization with {@code ...} above the threshold, empty tensors, and the
 * {@code dtype=}/{@code size=} suffixes plus any caller suffixes (autograd passes
 * {@code grad_fn=<AddBackward0>} or {@code requires_grad=True}) placed by {@code _add_suffixes}.
 *
 * <p>The options are global, as {@code torch.set_printoptions} is; {@link #format(NDArray, List,
 * PrintOptions)} takes them explicitly.
 */
public final class TensorFormatter {
    private static final String PREFIX = "tensor(";

    private static volatile PrintOptions options = PrintOptions.defaults();

    private TensorFormatter() {
    }

    /** {@code torch.set_printoptions(...)}: the options every later {@code toString()} uses. */
    public static void setPrintOptions(PrintOptions printOptions) {
        options = Objects.requireNonNull(printOptions, "printOptions");
    }

    /** The current options, {@code torch._tensor_str.get_printoptions()}. */
    public static PrintOptions printOptions() {
        return options;
    }

    /** {@code repr(tensor)} with the current print options, e.g. {@code tensor([1., 2.])}. */
    public static String format(NDArray a) {
        return format(a, List.of(), options);
    }

    /**
     * {@code repr(tensor)} with extra suffixes appended after the {@code dtype=} suffix, each placed on
     * the last line or, when it would pass the line width, on a new line indented under the
     * first element, e.g. {@code "grad_fn=<AddBackward0>"} or {@code "requires_grad=True"}.
     */
    public static String format(NDArray a, List<String> extraSuffixes) {
        return format(a, extraSuffixes, options);
    }

    /** {@code repr(tensor)} with explicit print options (the global ones are not read). */
    public static String format(NDArray a, List<String> extraSuffixes, PrintOptions opts) {
        Objects.requireNonNull(a, "tensor");
        Objects.requireNonNull(extraSuffixes, "extraSuffixes");
        Objects.requireNonNull(opts, "printOptions");
        int indent = PREFIX.length();
        List<String> suffixes = new ArrayList<>(extraSuffixes.size() + 2);
        StringBuilder sb = new StringBuilder(64 + Math.min(a.numel(), 4096) * 8).append(PREFIX);
        DType dtype = a.dtype();
        if (a.numel() == 0) {
            // Numpy's rule: the shape is shown unless it is (0,); the dtype whenever it is not the default.
            if (a.dim() != 1) {
                suffixes.add("size=" + pyTuple(a.sizes()));
            }
            if (dtype != DType.defaultFloat()) {
                suffixes.add("dtype=" + dtype.torchName());
            }
            sb.append("[]");
        } else {
            if (opts.edgeitems() == 0) {
                // PyTorch 2.10: with no edge items the contents can be hidden, so the shape is always shown
                suffixes.add("size=" + pyTuple(a.sizes()));
            }
            if (dtype != DType.defaultFloat() && dtype != DType.INT64 && dtype != DType.BOOL) {
                suffixes.add("dtype=" + dtype.torchName());
            }
            appendBody(sb, a, indent, opts);
        }
        suffixes.addAll(extraSuffixes);
        appendSuffixes(sb, suffixes, indent, opts.linewidth());
        return sb.toString();
    }

    /** {@code _tensor_str}: the bracketed contents of a non-empty tensor. */
    private static void appendBody(StringBuilder sb, NDArray a, int indent, PrintOptions opts) {
        int nd = a.dim();
        int edge = opts.edgeitems();
        boolean summarize = a.numel() > opts.threshold();
        if (summarize && edge == 0 && nd > 0) {
            sb.append("[...]");
            return;
        }
        int[][] kept = new int[nd][];
        boolean[] cut = new boolean[nd];
        for (int d = 0; d < nd; d++) {
            int size = a.sizeAt(d);
            cut[d] = summarize && size > 2L * edge;
            kept[d] = cut[d] ? edgeIndices(size, edge) : allIndices(size);
        }
        ElementFormatter.Cells cells = cells(a, gatherOffsets(a, kept), opts);
        new Layout(sb, cells, kept, cut, edge, opts.linewidth()).block(0, 0, indent);
    }

    private static int[] allIndices(int size) {
        int[] idx = new int[size];
        for (int i = 0; i < size; i++) {
            idx[i] = i;
        }
        return idx;
    }

    private static int[] edgeIndices(int size, int edge) {
        int[] idx = new int[2 * edge];
        for (int i = 0; i < edge; i++) {
            idx[i] = i;
            idx[edge + i] = size - edge + i;
        }
        return idx;
    }

    /** Storage offsets of the printed elements, in row-major order of the kept indices. */
    private static int[] gatherOffsets(NDArray a, int[][] kept) {
        int nd = kept.length;
        int count = 1;
        for (int[] k : kept) {
            count *= k.length;
        }
        int[] offsets = new int[count];
        int[] strides = a.strides();
        int[] pos = new int[nd];
        int base = a.offset();
        for (int i = 0; i < count; i++) {
            int off = base;
            for (int d = 0; d < nd; d++) {
                off += strides[d] * kept[d][pos[d]];
            }
            offsets[i] = off;
            for (int d = nd - 1; d >= 0; d--) {
                if (++pos[d] < kept[d].length) {
                    break;
                }
                pos[d] = 0;
            }
        }
        return offsets;
    }

    /** The formatter is built on the printed (summarized) elements only, as PyTorch does. */
    private static ElementFormatter.Cells cells(NDArray a, int[] offsets, PrintOptions opts) {
        Object storage = a.storage();
        int n = offsets.length;
        switch (a.dtype()) {
            case FLOAT32: {
                float[] s = (float[]) storage;
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = s[offsets[i]];
                }
                return ElementFormatter.floating(v, opts.precision(), opts.sciMode());
            }
            case FLOAT64: {
                double[] s = (double[]) storage;
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = s[offsets[i]];
                }
                return ElementFormatter.floating(v, opts.precision(), opts.sciMode());
            }
            case INT64: {
                long[] s = (long[]) storage;
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = s[offsets[i]];
                }
                return ElementFormatter.integral(v);
            }
            default: {
                byte[] s = (byte[]) storage;
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) {
                    v[i] = s[offsets[i]] != 0;
                }
                return ElementFormatter.bool(v);
            }
        }
    }

    /**
     * {@code _add_suffixes}. PyTorch measures the last line as {@code len(s) - s.rfind("\n") + 1},
     * two more than its length (and two more than the whole string when there is no newline).
     */
    static void appendSuffixes(StringBuilder sb, List<String> suffixes, int indent, int linewidth) {
        int lastLineLen = sb.length() - sb.lastIndexOf("\n") + 1;
        for (String suffix : suffixes) {
            int len = suffix.length();
            if (lastLineLen + len + 2 > linewidth) {
                sb.append(",\n");
                spaces(sb, indent);
                sb.append(suffix);
                lastLineLen = indent + len;
            } else {
                sb.append(", ").append(suffix);
                lastLineLen += len + 2;
            }
        }
        sb.append(')');
    }

    /** {@code str(tuple(shape))}: {@code (0, 3)}, {@code (5,)}. */
    static String pyTuple(int[] sizes) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < sizes.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(sizes[i]);
        }
        if (sizes.length == 1) {
            sb.append(',');
        }
        return sb.append(')').toString();
    }

    static void spaces(StringBuilder sb, int n) {
        for (int i = 0; i < n; i++) {
            sb.append(' ');
        }
    }

    /** {@code _tensor_str_with_formatter} and {@code _vector_str} over the gathered cells. */
    private static final class Layout {
        private final StringBuilder sb;
        private final ElementFormatter.Cells cells;
        private final int width;
        private final int[][] kept;
        private final boolean[] cut;
        private final int edge;
        private final int linewidth;
        private final int[] blockSize;

        Layout(StringBuilder sb, ElementFormatter.Cells cells, int[][] kept, boolean[] cut, int edge, int linewidth) {
            this.sb = sb;
            this.cells = cells;
            this.width = cells.width;
            this.kept = kept;
            this.cut = cut;
            this.edge = edge;
            this.linewidth = linewidth;
            int nd = kept.length;
            blockSize = new int[nd + 1];
            blockSize[nd] = 1;
            for (int d = nd - 1; d >= 0; d--) {
                blockSize[d] = blockSize[d + 1] * kept[d].length;
            }
        }

        void block(int d, int first, int indent) {
            int nd = kept.length;
            if (d == nd) {
                cells.append(sb, first);
            } else if (d == nd - 1) {
                vector(d, first, indent);
            } else {
                sb.append('[');
                int n = kept[d].length;
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        separator(nd - d - 1, indent);
                    }
                    if (cut[d] && i == edge) {
                        sb.append("...");
                        separator(nd - d - 1, indent);
                    }
                    block(d + 1, first + i * blockSize[d + 1], indent + 1);
                }
                sb.append(']');
            }
        }

        private void separator(int newlines, int indent) {
            sb.append(',');
            for (int k = 0; k < newlines; k++) {
                sb.append('\n');
            }
            spaces(sb, indent + 1);
        }

        private void vector(int d, int first, int indent) {
            int perLine = Math.max(1, Math.floorDiv(linewidth - indent, width + 2));
            sb.append('[');
            int n = kept[d].length;
            int item = 0;
            for (int i = 0; i < n; i++) {
                if (cut[d] && i == edge) {
                    item = itemSeparator(item, perLine, indent);
                    sb.append(" ...");
                }
                item = itemSeparator(item, perLine, indent);
                cells.append(sb, first + i);
            }
            sb.append(']');
        }

        /** Appends what precedes item number {@code item} and returns the next item number. */
        private int itemSeparator(int item, int perLine, int indent) {
            if (item > 0) {
                if (item % perLine == 0) {
                    sb.append(",\n");
                    spaces(sb, indent + 1);
                } else {
                    sb.append(", ");
                }
            }
            return item + 1;
        }
    }
}
