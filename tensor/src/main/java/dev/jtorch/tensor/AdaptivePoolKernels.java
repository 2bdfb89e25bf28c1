package dev.jtorch.tensor;

import dev.jtorch.tensor.PoolShapes.Geometry;

/**
 * One plane of {@code _adaptive_avg_pool2d} and its backward, as ATen's
 * {@code cpu_adaptive_avg_pool}: output {@code i} averages input rows
 * {@code [floor(i*in/out), ceil((i+1)*in/out))}; the sum runs in the input dtype and is divided
 * by the height, then by the width ({@code sum / kh / kw}); backward spreads {@code grad / kh / kw}.
 * {@code adaptive_max_pool2d} takes the maximum of the same windows as {@link MaxPoolKernels} does
 * (NaN propagates, index {@code h * W + w}); its backward is {@link MaxPoolKernels#backward}.
 */
final class AdaptivePoolKernels {
    private AdaptivePoolKernels() {}

    static void forward(float[] in, int inOff, float[] out, int outOff, Geometry g) {
        for (int oh = 0; oh < g.oH(); oh++) {
            int h0 = PoolShapes.startIndex(oh, g.oH(), g.iH());
            int h1 = PoolShapes.endIndex(oh, g.oH(), g.iH());
            for (int ow = 0; ow < g.oW(); ow++) {
                int w0 = PoolShapes.startIndex(ow, g.oW(), g.iW());
                int w1 = PoolShapes.endIndex(ow, g.oW(), g.iW());
                float sum = 0;
                for (int y = h0; y < h1; y++) {
                    int row = inOff + y * g.iW();
                    for (int x = w0; x < w1; x++) {
                        sum += in[row + x];
                    }
                }
                out[outOff + oh * g.oW() + ow] = sum / (h1 - h0) / (w1 - w0);
            }
        }
    }

    static void forward(double[] in, int inOff, double[] out, int outOff, Geometry g) {
        for (int oh = 0; oh < g.oH(); oh++) {
            int h0 = PoolShapes.startIndex(oh, g.oH(), g.iH());
            int h1 = PoolShapes.endIndex(oh, g.oH(), g.iH());
            for (int ow = 0; ow < g.oW(); ow++) {
                int w0 = PoolShapes.startIndex(ow, g.oW(), g.iW());
                int w1 = PoolShapes.endIndex(ow, g.oW(), g.iW());
                double sum = 0;
                for (int y = h0; y < h1; y++) {
                    int row = inOff + y * g.iW();
                    for (int x = w0; x < w1; x++) {
                        sum += in[row + x];
                    }
                }
                out[outOff + oh * g.oW() + ow] = sum / (h1 - h0) / (w1 - w0);
            }
        }
    }

    static void backward(float[] gout, int outOff, float[] gin, int inOff, Geometry g) {
        for (int oh = 0; oh < g.oH(); oh++) {
            int h0 = PoolShapes.startIndex(oh, g.oH(), g.iH());
            int h1 = PoolShapes.endIndex(oh, g.oH(), g.iH());
            for (int ow = 0; ow < g.oW(); ow++) {
                int w0 = PoolShapes.startIndex(ow, g.oW(), g.iW());
                int w1 = PoolShapes.endIndex(ow, g.oW(), g.iW());
                float delta = gout[outOff + oh * g.oW() + ow] / (h1 - h0) / (w1 - w0);
                for (int y = h0; y < h1; y++) {
                    int row = inOff + y * g.iW();
                    for (int x = w0; x < w1; x++) {
                        gin[row + x] += delta;
                    }
                }
            }
        }
    }

    static void backward(double[] gout, int outOff, double[] gin, int inOff, Geometry g) {
        for (int oh = 0; oh < g.oH(); oh++) {
            int h0 = PoolShapes.startIndex(oh, g.oH(), g.iH());
            int h1 = PoolShapes.endIndex(oh, g.oH(), g.iH());
            for (int ow = 0; ow < g.oW(); ow++) {
                int w0 = PoolShapes.startIndex(ow, g.oW(), g.iW());
                int w1 = PoolShapes.endIndex(ow, g.oW(), g.iW());
                double delta = gout[outOff + oh * g.oW() + ow] / (h1 - h0) / (w1 - w0);
                for (int y = h0; y < h1; y++) {
                    int row = inOff + y * g.iW();
                    for (int x = w0; x < w1; x++) {
                        gin[row + x] += delta;
                    }
                }
            }
        }
    }

    static void max(float[] in, int inOff, float[] out, long[] idx, int outOff, Geometry g) {
        for (int oh = 0; oh < g.oH(); oh++) {
            int h0 = PoolShapes.startIndex(oh, g.oH(), g.iH());
            int h1 = PoolShapes.endIndex(oh, g.oH(), g.iH());
            for (int ow = 0; ow < g.oW(); ow++) {
                int w0 = PoolShapes.startIndex(ow, g.oW(), g.iW());
                int w1 = PoolShapes.endIndex(ow, g.oW(), g.iW());
                int maxIndex = h0 * g.iW() + w0;
                float maxVal = Float.NEGATIVE_INFINITY;
                for (int y = h0; y < h1; y++) {
                    for (int x = w0; x < w1; x++) {
                        float v = in[inOff + y * g.iW() + x];
                        if (v > maxVal || v != v) {
                            maxVal = v;
                            maxIndex = y * g.iW() + x;
                        }
                    }
                }
                out[outOff + oh * g.oW() + ow] = maxVal;
                idx[outOff + oh * g.oW() + ow] = maxIndex;
            }
        }
    }

    static void max(double[] in, int inOff, double[] out, long[] idx, int outOff, Geometry g) {
        for (int oh = 0; oh < g.oH(); oh++) {
            int h0 = PoolShapes.startIndex(oh, g.oH(), g.iH());
            int h1 = PoolShapes.endIndex(oh, g.oH(), g.iH());
            for (int ow = 0; ow < g.oW(); ow++) {
                int w0 = PoolShapes.startIndex(ow, g.oW(), g.iW());
                int w1 = PoolShapes.endIndex(ow, g.oW(), g.iW());
                int maxIndex = h0 * g.iW() + w0;
                double maxVal = Double.NEGATIVE_INFINITY;
                for (int y = h0; y < h1; y++) {
                    for (int x = w0; x < w1; x++) {
                        double v = in[inOff + y * g.iW() + x];
                        if (v > maxVal || v != v) {
                            maxVal = v;
                            maxIndex = y * g.iW() + x;
                        }
                    }
                }
                out[outOff + oh * g.oW() + ow] = maxVal;
                idx[outOff + oh * g.oW() + ow] = maxIndex;
            }
        }
    }
}
