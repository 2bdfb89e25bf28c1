package dev.jtorch.tensor;

import dev.jtorch.tensor.PoolShapes.Geometry;
import dev.jtorch.tensor.PoolShapes.Window;

/**
 * One plane of {@code avg_pool2d} and its backward, as ATen's {@code cpu_avg_pool} /
 * {@code cpu_avg_pool_backward}: the sum runs row by row in the input dtype, then is divided
 * once by {@code divisor_override}, or by the window size counted with the padding (clipped
 * at {@code input + padding}) or without it. Backward spreads {@code grad / divisor} over the
 * window, outputs in order.
 */
final class AvgPoolKernels {
    private AvgPoolKernels() {}

    /** The divisor of one window {@code [h0, h1) x [w0, w1)} before clipping, or 0 for an empty window. */
    private static int divisor(int h0, int h1, int w0, int w1, Geometry g, Window w, boolean countPad, Integer override) {
        int poolSize = (h1 - h0) * (w1 - w0);
        int ch0 = Math.max(h0, 0);
        int cw0 = Math.max(w0, 0);
        int ch1 = Math.min(h1, g.iH());
        int cw1 = Math.min(w1, g.iW());
        if (ch0 >= ch1 || cw0 >= cw1) {
            return 0;
        }
        return override != null ? override : countPad ? poolSize : (ch1 - ch0) * (cw1 - cw0);
    }

    static void forward(float[] in, int inOff, float[] out, int outOff, Geometry g, Window w, boolean countPad,
            Integer override) {
        for (int oh = 0; oh < g.oH(); oh++) {
            int h0 = oh * w.sH() - w.pH();
            int h1 = Math.min(h0 + w.kH(), g.iH() + w.pH());
            for (int ow = 0; ow < g.oW(); ow++) {
                int w0 = ow * w.sW() - w.pW();
                int w1 = Math.min(w0 + w.kW(), g.iW() + w.pW());
                int div = divisor(h0, h1, w0, w1, g, w, countPad, override);
                float sum = 0;
                if (div != 0) {
                    for (int y = Math.max(h0, 0); y < Math.min(h1, g.iH()); y++) {
                        int row = inOff + y * g.iW();
                        for (int x = Math.max(w0, 0); x < Math.min(w1, g.iW()); x++) {
                            sum += in[row + x];
                        }
                    }
                    sum /= div;
                }
                out[outOff + oh * g.oW() + ow] = sum;
            }
        }
    }

    static void forward(double[] in, int inOff, double[] out, int outOff, Geometry g, Window w, boolean countPad,
            Integer override) {
        for (int oh = 0; oh < g.oH(); oh++) {
            int h0 = oh * w.sH() - w.pH();
            int h1 = Math.min(h0 + w.kH(), g.iH() + w.pH());
            for (int ow = 0; ow < g.oW(); ow++) {
                int w0 = ow * w.sW() - w.pW();
                int w1 = Math.min(w0 + w.kW(), g.iW() + w.pW());
                int div = divisor(h0, h1, w0, w1, g, w, countPad, override);
                double sum = 0;
                if (div != 0) {
                    for (int y = Math.max(h0, 0); y < Math.min(h1, g.iH()); y++) {
                        int row = inOff + y * g.iW();
                        for (int x = Math.max(w0, 0); x < Math.min(w1, g.iW()); x++) {
                            sum += in[row + x];
                        }
                    }
                    sum /= div;
                }
                out[outOff + oh * g.oW() + ow] = sum;
            }
        }
    }

    /** int64: the sum is divided with truncation toward zero, as C++ integer division. */
    static void forward(long[] in, int inOff, long[] out, int outOff, Geometry g, Window w, boolean countPad,
            Integer override) {
        for (int oh = 0; oh < g.oH(); oh++) {
            int h0 = oh * w.sH() - w.pH();
            int h1 = Math.min(h0 + w.kH(), g.iH() + w.pH());
            for (int ow = 0; ow < g.oW(); ow++) {
                int w0 = ow * w.sW() - w.pW();
                int w1 = Math.min(w0 + w.kW(), g.iW() + w.pW());
                int div = divisor(h0, h1, w0, w1, g, w, countPad, override);
                long sum = 0;
                if (div != 0) {
                    for (int y = Math.max(h0, 0); y < Math.min(h1, g.iH()); y++) {
                        int row = inOff + y * g.iW();
                        for (int x = Math.max(w0, 0); x < Math.min(w1, g.iW()); x++) {
                            sum += in[row + x];
                        }
                    }
                    sum /= div;
                }
                out[outOff + oh * g.oW() + ow] = sum;
            }
        }
    }

    static void backward(float[] gout, int outOff, float[] gin, int inOff, Geometry g, Window w, boolean countPad,
            Integer override) {
        for (int oh = 0; oh < g.oH(); oh++) {
            int h0 = oh * w.sH() - w.pH();
            int h1 = Math.min(h0 + w.kH(), g.iH() + w.pH());
            for (int ow = 0; ow < g.oW(); ow++) {
                int w0 = ow * w.sW() - w.pW();
                int w1 = Math.min(w0 + w.kW(), g.iW() + w.pW());
                int div = divisor(h0, h1, w0, w1, g, w, countPad, override);
                if (div == 0) {
                    continue;
                }
                float delta = gout[outOff + oh * g.oW() + ow] / div;
                for (int y = Math.max(h0, 0); y < Math.min(h1, g.iH()); y++) {
                    int row = inOff + y * g.iW();
                    for (int x = Math.max(w0, 0); x < Math.min(w1, g.iW()); x++) {
                        gin[row + x] += delta;
                    }
                }
            }
        }
    }

    static void backward(double[] gout, int outOff, double[] gin, int inOff, Geometry g, Window w, boolean countPad,
            Integer override) {
        for (int oh = 0; oh < g.oH(); oh++) {
            int h0 = oh * w.sH() - w.pH();
            int h1 = Math.min(h0 + w.kH(), g.iH() + w.pH());
            for (int ow = 0; ow < g.oW(); ow++) {
                int w0 = ow * w.sW() - w.pW();
                int w1 = Math.min(w0 + w.kW(), g.iW() + w.pW());
                int div = divisor(h0, h1, w0, w1, g, w, countPad, override);
                if (div == 0) {
                    continue;
                }
                double delta = gout[outOff + oh * g.oW() + ow] / div;
                for (int y = Math.max(h0, 0); y < Math.min(h1, g.iH()); y++) {
                    int row = inOff + y * g.iW();
                    for (int x = Math.max(w0, 0); x < Math.min(w1, g.iW()); x++) {
                        gin[row + x] += delta;
                    }
                }
            }
        }
    }
}
