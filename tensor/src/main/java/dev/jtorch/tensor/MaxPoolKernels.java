package dev.jtorch.tensor;

import dev.jtorch.tensor.PoolShapes.Geometry;
import dev.jtorch.tensor.PoolShapes.Window;

/**
 * One plane of {@code max_pool2d_with_indices} and its backward, as ATen's {@code cpu_max_pool}:
 * the window is clipped to the input (stepping over the left padding by the dilation), a value
 * replaces the maximum when it is greater or NaN (so NaN propagates and the last NaN's index is
 * kept), and the index is {@code h * W + w} within the plane.
 */
final class MaxPoolKernels {
    private MaxPoolKernels() {}

    /** True for the 2x2, stride-2, unpadded, undilated window ({@code VectorMaxPool}'s case): its windows all lie in the input. */
    static boolean pairs(Window w) {
        return w.kH() == 2 && w.kW() == 2 && w.sH() == 2 && w.sW() == 2 && w.pH() == 0 && w.pW() == 0
                && w.dH() == 1 && w.dW() == 1;
    }

    static void forward(float[] in, int inOff, float[] out, long[] idx, int outOff, Geometry g, Window w) {
        for (int oh = 0; oh < g.oH(); oh++) {
            int hs = oh * w.sH() - w.pH();
            int he = Math.min(hs + (w.kH() - 1) * w.dH() + 1, g.iH());
            while (hs < 0) {
                hs += w.dH();
            }
            for (int ow = 0; ow < g.oW(); ow++) {
                int ws = ow * w.sW() - w.pW();
                int we = Math.min(ws + (w.kW() - 1) * w.dW() + 1, g.iW());
                while (ws < 0) {
                    ws += w.dW();
                }
                int maxIndex = hs * g.iW() + ws;
                float maxVal = Float.NEGATIVE_INFINITY;
                for (int y = hs; y < he; y += w.dH()) {
                    for (int x = ws; x < we; x += w.dW()) {
                        int t = y * g.iW() + x;
                        float v = in[inOff + t];
                        if (v > maxVal || v != v) {
                            maxVal = v;
                            maxIndex = t;
                        }
                    }
                }
                int o = outOff + oh * g.oW() + ow;
                out[o] = maxVal;
                idx[o] = maxIndex;
            }
        }
    }

    static void forward(double[] in, int inOff, double[] out, long[] idx, int outOff, Geometry g, Window w) {
        for (int oh = 0; oh < g.oH(); oh++) {
            int hs = oh * w.sH() - w.pH();
            int he = Math.min(hs + (w.kH() - 1) * w.dH() + 1, g.iH());
            while (hs < 0) {
                hs += w.dH();
            }
            for (int ow = 0; ow < g.oW(); ow++) {
                int ws = ow * w.sW() - w.pW();
                int we = Math.min(ws + (w.kW() - 1) * w.dW() + 1, g.iW());
                while (ws < 0) {
                    ws += w.dW();
                }
                int maxIndex = hs * g.iW() + ws;
                double maxVal = Double.NEGATIVE_INFINITY;
                for (int y = hs; y < he; y += w.dH()) {
                    for (int x = ws; x < we; x += w.dW()) {
                        int t = y * g.iW() + x;
                        double v = in[inOff + t];
                        if (v > maxVal || v != v) {
                            maxVal = v;
                            maxIndex = t;
                        }
                    }
                }
                int o = outOff + oh * g.oW() + ow;
                out[o] = maxVal;
                idx[o] = maxIndex;
            }
        }
    }

    /** int64: the maximum starts from the lowest value; there is no NaN. */
    static void forward(long[] in, int inOff, long[] out, long[] idx, int outOff, Geometry g, Window w) {
        for (int oh = 0; oh < g.oH(); oh++) {
            int hs = oh * w.sH() - w.pH();
            int he = Math.min(hs + (w.kH() - 1) * w.dH() + 1, g.iH());
            while (hs < 0) {
                hs += w.dH();
            }
            for (int ow = 0; ow < g.oW(); ow++) {
                int ws = ow * w.sW() - w.pW();
                int we = Math.min(ws + (w.kW() - 1) * w.dW() + 1, g.iW());
                while (ws < 0) {
                    ws += w.dW();
                }
                int maxIndex = hs * g.iW() + ws;
                long maxVal = Long.MIN_VALUE;
                for (int y = hs; y < he; y += w.dH()) {
                    for (int x = ws; x < we; x += w.dW()) {
                        int t = y * g.iW() + x;
                        long v = in[inOff + t];
                        if (v > maxVal) {
                            maxVal = v;
                            maxIndex = t;
                        }
                    }
                }
                int o = outOff + oh * g.oW() + ow;
                out[o] = maxVal;
                idx[o] = maxIndex;
            }
        }
    }

    /**
     * {@code cpu_max_pool_backward} for one plane: each output's gradient is added at its index,
     * in output order. Indices at or past {@code limit} (the caller's bound: the plane, or the rest
     * of the array when an empty window's index spills into the next plane as in ATen) are skipped,
     * where ATen would write out of bounds.
     */
    static void backward(float[] gout, int goOff, long[] idx, int ixOff, int outLen, float[] gin, int inOff, int limit) {
        for (int o = 0; o < outLen; o++) {
            long t = idx[ixOff + o];
            if (t >= 0 && t < limit) {
                gin[inOff + (int) t] += gout[goOff + o];
            }
        }
    }

    static void backward(double[] gout, int goOff, long[] idx, int ixOff, int outLen, double[] gin, int inOff, int limit) {
        for (int o = 0; o < outLen; o++) {
            long t = idx[ixOff + o];
            if (t >= 0 && t < limit) {
                gin[inOff + (int) t] += gout[goOff + o];
            }
        }
    }
}
