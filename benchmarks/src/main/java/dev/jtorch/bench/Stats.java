package dev.jtorch.bench;

import java.util.Arrays;

/** The statistics the runner reports: medians of per-round times and their spread. */
final class Stats {
    private Stats() {}

    /** The median; for an even count, the mean of the two middle values. */
    static double median(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("median of no samples");
        }
        double[] s = samples.clone();
        Arrays.sort(s);
        int mid = s.length / 2;
        return s.length % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
    }

    /** {@code (max - min) / median}: how far apart the rounds were (0 for identical rounds). */
    static double spread(double[] samples) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : samples) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return (max - min) / median(samples);
    }

    /**
     * jtorch's speed relative to libtorch: {@code libtorchTime / jtorchTime}, so above 1 means
     * jtorch is faster (2.0 = twice as fast), below 1 slower.
     */
    static double speed(double jtorchSeconds, double libtorchSeconds) {
        return libtorchSeconds / jtorchSeconds;
    }
}
