package dev.jtorch.tensor;

/**
 * Tensor print options, mirroring the arguments of {@code torch.set_printoptions(precision, threshold,
 * edgeitems, linewidth, profile, sci_mode)}. Immutable: each setter-style method returns a copy, e.g.
 * {@code TensorFormatter.setPrintOptions(PrintOptions.profile("short").linewidth(120))}.
 *
 * <p>One deliberate difference: {@code torch.set_printoptions(precision=2)} keeps the other fields but
 * resets {@code sci_mode} to {@code None}; here every field is explicit, so
 * {@code TensorFormatter.printOptions().precision(2)} keeps the current {@code sciMode}, while
 * {@code PrintOptions.defaults().precision(2)} matches PyTorch's call on default options.
 */
public final class PrintOptions {
    private static final PrintOptions DEFAULT = new PrintOptions(4, 1000, 3, 80, null);

    private final int precision;
    private final double threshold;
    private final int edgeitems;
    private final int linewidth;
    private final Boolean sciMode;

    private PrintOptions(int precision, double threshold, int edgeitems, int linewidth, Boolean sciMode) {
        if (precision < 0) {
            throw new IllegalArgumentException("precision must be non-negative, got " + precision);
        }
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must be a number, got nan");
        }
        if (edgeitems < 0) {
            throw new IllegalArgumentException("edgeitems must be non-negative, got " + edgeitems);
        }
        this.precision = precision;
        this.threshold = threshold;
        this.edgeitems = edgeitems;
        this.linewidth = linewidth;
        this.sciMode = sciMode;
    }

    /** PyTorch's defaults: {@code precision=4, threshold=1000, edgeitems=3, linewidth=80, sci_mode=None}. */
    public static PrintOptions defaults() {
        return DEFAULT;
    }

    /**
     * {@code torch.set_printoptions(profile=name)} on top of the defaults: {@code "default"},
     * {@code "short"} (precision 2, edgeitems 2) or {@code "full"} (threshold infinity); sciMode is
     * {@code null} as after that call.
     *
     * @throws IllegalArgumentException for any other name (PyTorch silently ignores unknown profiles)
     */
    public static PrintOptions profile(String name) {
        switch (name) {
            case "default":
                return DEFAULT;
            case "short":
                return new PrintOptions(2, 1000, 2, 80, null);
            case "full":
                return new PrintOptions(4, Double.POSITIVE_INFINITY, 3, 80, null);
            default:
                throw new IllegalArgumentException(
                        "unknown print profile '" + name + "'; expected one of 'default', 'short', 'full'");
        }
    }

    /** Number of digits after the point ({@code precision}, default 4). */
    public int precision() {
        return precision;
    }

    /** A copy with {@code precision} digits after the point; must be non-negative. */
    public PrintOptions precision(int precision) {
        return new PrintOptions(precision, threshold, edgeitems, linewidth, sciMode);
    }

    /** Tensors with more elements than this are summarized with {@code ...} ({@code threshold}, default 1000). */
    public double threshold() {
        return threshold;
    }

    /** A copy with another summarization threshold ({@code Double.POSITIVE_INFINITY} never summarizes). */
    public PrintOptions threshold(double threshold) {
        return new PrintOptions(precision, threshold, edgeitems, linewidth, sciMode);
    }

    /** Items kept at each end of a summarized dimension ({@code edgeitems}, default 3). */
    public int edgeitems() {
        return edgeitems;
    }

    /**
     * A copy with another {@code edgeitems}. With 0, PyTorch 2.10 prints a summarized tensor as
     * {@code [...]} and adds a {@code size=(...)} suffix to every non-empty tensor.
     */
    public PrintOptions edgeitems(int edgeitems) {
        return new PrintOptions(precision, threshold, edgeitems, linewidth, sciMode);
    }

    /** Characters per line used to wrap rows and place suffixes ({@code linewidth}, default 80). */
    public int linewidth() {
        return linewidth;
    }

    /** A copy with another line width. */
    public PrintOptions linewidth(int linewidth) {
        return new PrintOptions(precision, threshold, edgeitems, linewidth, sciMode);
    }

    /** {@code sci_mode}: {@code TRUE}/{@code FALSE} force scientific/fixed notation; {@code null} lets the formatter choose. */
    public Boolean sciMode() {
        return sciMode;
    }

    /** A copy with {@code sci_mode} set ({@code null} = choose automatically). */
    public PrintOptions sciMode(Boolean sciMode) {
        return new PrintOptions(precision, threshold, edgeitems, linewidth, sciMode);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PrintOptions)) {
            return false;
        }
        PrintOptions p = (PrintOptions) o;
        return precision == p.precision && Double.compare(threshold, p.threshold) == 0
                && edgeitems == p.edgeitems && linewidth == p.linewidth && java.util.Objects.equals(sciMode, p.sciMode);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(precision, threshold, edgeitems, linewidth, sciMode);
    }

    /** As {@code torch._tensor_str.get_printoptions()} shows it. */
    @Override
    public String toString() {
        String t = threshold == Double.POSITIVE_INFINITY ? "inf"
                : threshold == Math.rint(threshold) && Math.abs(threshold) < 1e15 ? Long.toString((long) threshold)
                : Double.toString(threshold);
        return "{'precision': " + precision + ", 'threshold': " + t + ", 'edgeitems': " + edgeitems
                + ", 'linewidth': " + linewidth + ", 'sci_mode': "
                + (sciMode == null ? "None" : sciMode ? "True" : "False") + "}";
    }
}
