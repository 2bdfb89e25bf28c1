package dev.jtorch.tensor;

/**
 * PyTorch's {@code torch._tensor_str._Formatter} (2.10): chooses integer, fixed or scientific notation
 * from the values that will be printed, and right-aligns every element to the widest one.
 *
 * <p>It formats each printed element once, in the order given (the order the layout prints them), and
 * pads it only when it is appended to the output.
 */
final class ElementFormatter {
    private ElementFormatter() {
    }

    /**
     * The element strings, unpadded and back to back in one buffer, and their common width
     * ({@code _Formatter.max_width}); {@link #append} right-aligns one of them.
     */
    static final class Cells {
        private static final String SPACES = " ".repeat(64);
        private final String text;
        private final int[] ends;
        final int width;

        Cells(StringBuilder text, int[] ends, int width) {
            this.text = text.toString();
            this.ends = ends;
            this.width = width;
        }

        /** Appends element {@code i} padded on the left to {@link #width}. */
        void append(StringBuilder out, int i) {
            int start = i == 0 ? 0 : ends[i - 1];
            int end = ends[i];
            for (int pad = width - (end - start); pad > 0; pad -= SPACES.length()) {
                out.append(SPACES, 0, Math.min(pad, SPACES.length()));
            }
            out.append(text, start, end);
        }
    }

    /**
     * Floating values (the exact doubles of the stored elements). The mode is decided over the nonzero
     * finite values: int mode when every one is integral; scientific when max/min &gt; 1000, max &gt; 1e8,
     * or (outside int mode) min &lt; 1e-4, unless {@code sciMode} forces it. As in PyTorch 2.10, the width
     * is measured in the notation that is finally used. nan/inf/zero do not count toward the width.
     */
    static Cells floating(double[] values, int precision, Boolean sciMode) {
        boolean any = false;
        boolean intMode = true;
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) {
            if (v != 0 && Double.isFinite(v)) {
                any = true;
                double a = Math.abs(v);
                max = Math.max(max, a);
                min = Math.min(min, a);
                if (intMode && v != Math.ceil(v)) {
                    intMode = false;
                }
            }
        }
        boolean sci = false;
        if (any) {
            // PyTorch only looks at the nonzero finite values; with none it keeps int mode, width 1,
            // and ignores a forced sci_mode.
            sci = sciMode != null
                    ? sciMode
                    : max / min > 1000.0 || max > 1.0e8 || (!intMode && min < 1.0e-4);
        }
        StringBuilder text = new StringBuilder(values.length * (precision + 8));
        int[] ends = new int[values.length];
        int width = 1;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            int start = text.length();
            if (sci) {
                PyFloatFormat.appendSci(text, v, precision);
            } else if (intMode) {
                PyFloatFormat.appendFixed(text, v, 0);
                if (Double.isFinite(v)) {
                    text.append('.');
                }
            } else {
                PyFloatFormat.appendFixed(text, v, precision);
            }
            ends[i] = text.length();
            if (v != 0 && Double.isFinite(v)) {
                width = Math.max(width, ends[i] - start);
            }
        }
        return new Cells(text, ends, width);
    }

    /** int64 values: {@code str(v)}, width over all of them. */
    static Cells integral(long[] values) {
        StringBuilder text = new StringBuilder(values.length * 4);
        int[] ends = new int[values.length];
        int width = 1;
        for (int i = 0; i < values.length; i++) {
            int start = text.length();
            text.append(values[i]);
            ends[i] = text.length();
            width = Math.max(width, ends[i] - start);
        }
        return new Cells(text, ends, width);
    }

    /** bool values: Python's {@code True} / {@code False}. */
    static Cells bool(boolean[] values) {
        StringBuilder text = new StringBuilder(values.length * 5);
        int[] ends = new int[values.length];
        int width = 1;
        for (int i = 0; i < values.length; i++) {
            int start = text.length();
            text.append(values[i] ? "True" : "False");
            ends[i] = text.length();
            width = Math.max(width, ends[i] - start);
        }
        return new Cells(text, ends, width);
    }
}
