package dev.jtorch.tensor;

/**
 * PyTorch's {@code torch._tensor_str._Formatter} (2.10): chooses integer, fixed or scientific notation
 * from the values that will be printed, and right-aligns every element to the widest one.
 *
 * <p>It formats each printed element once: {@link #cells} returns the padded strings in the order they
 * were given, which is the order the layout prints them.
 */
final class ElementFormatter {
    private ElementFormatter() {
    }

    /** The padded element strings and their common width ({@code _Formatter.max_width}). */
    static final class Cells {
        final String[] text;
        final int width;

        Cells(String[] text, int width) {
            this.text = text;
            this.width = width;
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
        String[] text = new String[values.length];
        int width = 1;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            String s;
            if (sci) {
                s = PyFloatFormat.sci(v, precision);
            } else if (intMode) {
                s = PyFloatFormat.fixed(v, 0);
                if (Double.isFinite(v)) {
                    s += ".";
                }
            } else {
                s = PyFloatFormat.fixed(v, precision);
            }
            text[i] = s;
            if (v != 0 && Double.isFinite(v)) {
                width = Math.max(width, s.length());
            }
        }
        pad(text, width);
        return new Cells(text, width);
    }

    /** int64 values: {@code str(v)}, width over all of them. */
    static Cells integral(long[] values) {
        String[] text = new String[values.length];
        int width = 1;
        for (int i = 0; i < values.length; i++) {
            text[i] = Long.toString(values[i]);
            width = Math.max(width, text[i].length());
        }
        pad(text, width);
        return new Cells(text, width);
    }

    /** bool values: Python's {@code True} / {@code False}. */
    static Cells bool(boolean[] values) {
        String[] text = new String[values.length];
        int width = 1;
        for (int i = 0; i < values.length; i++) {
            text[i] = values[i] ? "True" : "False";
            width = Math.max(width, text[i].length());
        }
        pad(text, width);
        return new Cells(text, width);
    }

    private static void pad(String[] text, int width) {
        for (int i = 0; i < text.length; i++) {
            int missing = width - text[i].length();
            if (missing > 0) {
                text[i] = " ".repeat(missing) + text[i];
            }
        }
    }
}
