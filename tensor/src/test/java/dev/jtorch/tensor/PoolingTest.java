package dev.jtorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The pooling kernels against a naive reference that walks every kernel offset of every output
 * (output sizes counted by brute force from PyTorch's rule: floor mode keeps windows inside the
 * padded input; ceil mode keeps partial windows that start inside the input or the left padding),
 * over odd sizes, strides, padding, dilation, ceil mode, non-contiguous inputs, both float dtypes
 * and the parallel path.
 */
class PoolingTest {

    /** One random case: planes of {@code h x w}, kernel, stride, padding, dilation per dim. */
    private record Case(int n, int c, int h, int w, int kH, int kW, int sH, int sW, int pH, int pW, int dH, int dW,
            boolean ceil, boolean batched) {
        static Case random(Random r, boolean dilated) {
            int kH = 1 + r.nextInt(4);
            int kW = 1 + r.nextInt(4);
            int dH = dilated ? 1 + r.nextInt(3) : 1;
            int dW = dilated ? 1 + r.nextInt(3) : 1;
            int pH = r.nextInt(kH / 2 + 1);
            int pW = r.nextInt(kW / 2 + 1);
            int h = Math.max(1, (kH - 1) * dH + 1 - 2 * pH) + r.nextInt(9);
            int w = Math.max(1, (kW - 1) * dW + 1 - 2 * pW) + r.nextInt(9);
            return new Case(1 + r.nextInt(3), 1 + r.nextInt(3), h, w, kH, kW, 1 + r.nextInt(3), 1 + r.nextInt(3), pH, pW,
                    dH, dW, r.nextBoolean(), r.nextBoolean());
        }

        int[] shape() {
            return batched ? new int[] {n, c, h, w} : new int[] {c, h, w};
        }

        int planes() {
            return batched ? n * c : c;
        }
    }

    /** Brute-force output size. */
    static int outSize(int in, int k, int s, int p, int d, boolean ceil) {
        int eff = (k - 1) * d + 1;
        int count = 0;
        for (int o = 0; o * s <= in + 2 * p; o++) {
            int start = o * s - p;
            boolean full = start + eff <= in + p;
            boolean partial = ceil && start < in && o * s <= in + 2 * p - eff + s - 1;
            if (full || partial) {
                count++;
            }
        }
        return count;
    }

    /** A random array of {@code shape}, seen through a transposed or stepped view half the time. */
    static NDArray input(Random r, DType dt, int[] shape) {
        int kind = r.nextInt(3);
        int[] base = shape.clone();
        int nd = shape.length;
        if (kind == 1) {
            base[nd - 1] = shape[nd - 2];
            base[nd - 2] = shape[nd - 1];
        } else if (kind == 2) {
            base[nd - 1] = 2 * shape[nd - 1];
        }
        double[] v = new double[Shapes.numel(base)];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(5) == 0 ? r.nextInt(3) : r.nextGaussian(); // some ties
        }
        NDArray a = NDArray.wrap(v, base).to(dt);
        return kind == 1 ? a.transpose(-1, -2) : kind == 2 ? a.slice(nd - 1, 0, base[nd - 1], 2) : a;
    }

    /** Naive max pooling in double (exact for both dtypes): values, then indices, per output. */
    static double[][] naiveMax(double[] x, Case k, int oH, int oW) {
        int planes = k.planes();
        double[] val = new double[planes * oH * oW];
        double[] idx = new double[val.length];
        for (int p = 0; p < planes; p++) {
            for (int oh = 0; oh < oH; oh++) {
                for (int ow = 0; ow < oW; ow++) {
                    // ATen starts from -inf at the window's first in-bounds offset (stepping over the
                    // padding by the dilation), also when the window holds no input element at all
                    int y0 = oh * k.sH - k.pH;
                    int z0 = ow * k.sW - k.pW;
                    while (y0 < 0) {
                        y0 += k.dH;
                    }
                    while (z0 < 0) {
                        z0 += k.dW;
                    }
                    double best = Double.NEGATIVE_INFINITY;
                    int bestAt = y0 * k.w + z0;
                    for (int i = 0; i < k.kH; i++) {
                        for (int j = 0; j < k.kW; j++) {
                            int y = oh * k.sH - k.pH + i * k.dH;
                            int z = ow * k.sW - k.pW + j * k.dW;
                            if (y < 0 || y >= k.h || z < 0 || z >= k.w) {
                                continue;
                            }
                            double v = x[p * k.h * k.w + y * k.w + z];
                            if (v > best || Double.isNaN(v)) {
                                best = v;
                                bestAt = y * k.w + z;
                            }
                        }
                    }
                    val[(p * oH + oh) * oW + ow] = best;
                    idx[(p * oH + oh) * oW + ow] = bestAt;
                }
            }
        }
        return new double[][] {val, idx};
    }

    @Property(tries = 150)
    void maxPoolMatchesNaiveReference(@ForAll long seed) {
        Random r = new Random(seed);
        Case k = Case.random(r, true);
        DType dt = r.nextBoolean() ? DType.FLOAT32 : DType.FLOAT64;
        NDArray x = input(r, dt, k.shape());
        ValuesIndices out = x.maxPool2dWithIndices(new int[] {k.kH, k.kW}, new int[] {k.sH, k.sW},
                new int[] {k.pH, k.pW}, new int[] {k.dH, k.dW}, k.ceil);
        int oH = outSize(k.h, k.kH, k.sH, k.pH, k.dH, k.ceil);
        int oW = outSize(k.w, k.kW, k.sW, k.pW, k.dW, k.ceil);
        assertEquals(oH, out.values().size(-2), k + " output height");
        assertEquals(oW, out.values().size(-1), k + " output width");
        double[][] ref = naiveMax(x.toDoubleArray(), k, oH, oW);
        assertArrayEquals(ref[0], out.values().to(DType.FLOAT64).toDoubleArray(), k.toString());
        assertArrayEquals(ref[1], out.indices().to(DType.FLOAT64).toDoubleArray(), k.toString());
        // backward: every gradient lands at its index
        NDArray g = input(r, dt, out.values().sizes());
        NDArray gin = NDArray.maxPool2dWithIndicesBackward(g, out.indices(), k.shape());
        double[] expected = new double[Shapes.numel(k.shape())];
        double[] gv = g.to(DType.FLOAT64).toDoubleArray();
        long[] iv = out.indices().toLongArray();
        int outPlane = oH * oW;
        for (int o = 0; o < gv.length; o++) {
            int at = (o / outPlane) * k.h * k.w + (int) iv[o];
            if (at >= expected.length) {
                continue; // an empty window's index can point past its plane (ATen then adds into the next one)
            }
            expected[at] = dt == DType.FLOAT32 ? (float) (expected[at] + gv[o]) : expected[at] + gv[o];
        }
        assertArrayEquals(expected, gin.to(DType.FLOAT64).toDoubleArray(), k + " backward");
    }

    @Property(tries = 150)
    void avgPoolMatchesNaiveReference(@ForAll long seed) {
        Random r = new Random(seed);
        Case k = Case.random(r, false);
        boolean countPad = r.nextBoolean();
        Integer div = r.nextBoolean() ? null : 1 + r.nextInt(7);
        NDArray x = input(r, DType.FLOAT64, k.shape());
        NDArray out = x.avgPool2d(new int[] {k.kH, k.kW}, new int[] {k.sH, k.sW}, new int[] {k.pH, k.pW}, k.ceil, countPad, div);
        int oH = outSize(k.h, k.kH, k.sH, k.pH, 1, k.ceil);
        int oW = outSize(k.w, k.kW, k.sW, k.pW, 1, k.ceil);
        assertArrayEquals(k.batched ? new int[] {k.n, k.c, oH, oW} : new int[] {k.c, oH, oW}, out.sizes());
        double[] xv = x.toDoubleArray();
        double[] ref = new double[k.planes() * oH * oW];
        NDArray g = input(r, DType.FLOAT64, out.sizes());
        double[] gv = g.toDoubleArray();
        double[] gref = new double[xv.length];
        for (int p = 0; p < k.planes(); p++) {
            for (int oh = 0; oh < oH; oh++) {
                for (int ow = 0; ow < oW; ow++) {
                    double sum = 0;
                    int inside = 0;
                    int padded = 0;
                    for (int i = 0; i < k.kH; i++) {
                        for (int j = 0; j < k.kW; j++) {
                            int y = oh * k.sH - k.pH + i;
                            int z = ow * k.sW - k.pW + j;
                            if (y < k.h + k.pH && z < k.w + k.pW) {
                                padded++; // the window clipped at input + padding counts the padding
                            }
                            if (y >= 0 && y < k.h && z >= 0 && z < k.w) {
                                sum += xv[p * k.h * k.w + y * k.w + z];
                                inside++;
                            }
                        }
                    }
                    int d = div != null ? div : countPad ? padded : inside;
                    int o = (p * oH + oh) * oW + ow;
                    ref[o] = sum / d;
                    for (int i = 0; i < k.kH; i++) {
                        for (int j = 0; j < k.kW; j++) {
                            int y = oh * k.sH - k.pH + i;
                            int z = ow * k.sW - k.pW + j;
                            if (y >= 0 && y < k.h && z >= 0 && z < k.w) {
                                gref[p * k.h * k.w + y * k.w + z] += gv[o] / d;
                            }
                        }
                    }
                }
            }
        }
        assertArrayEquals(ref, out.toDoubleArray(), 1e-12, k.toString());
        NDArray gin = NDArray.avgPool2dBackward(g, k.shape(), new int[] {k.kH, k.kW}, new int[] {k.sH, k.sW},
                new int[] {k.pH, k.pW}, k.ceil, countPad, div);
        assertArrayEquals(gref, gin.toDoubleArray(), 1e-12, k + " backward");
        NDArray out32 = x.to(DType.FLOAT32).avgPool2d(new int[] {k.kH, k.kW}, new int[] {k.sH, k.sW},
                new int[] {k.pH, k.pW}, k.ceil, countPad, div);
        assertArrayEquals(ref, out32.to(DType.FLOAT64).toDoubleArray(), 1e-5, k + " float32");
    }

    @Property(tries = 150)
    void adaptiveAvgPoolMatchesNaiveReference(@ForAll long seed) {
        Random r = new Random(seed);
        Case k = Case.random(r, false);
        int oH = 1 + r.nextInt(k.h + 3);
        int oW = 2 + r.nextInt(k.w + 3); // (1, 1) is the mean shortcut
        NDArray x = input(r, DType.FLOAT64, k.shape());
        NDArray out = x.adaptiveAvgPool2d(oH, oW);
        double[] xv = x.toDoubleArray();
        double[] ref = new double[k.planes() * oH * oW];
        for (int p = 0; p < k.planes(); p++) {
            for (int oh = 0; oh < oH; oh++) {
                int h0 = (int) Math.floor((double) oh * k.h / oH);
                int h1 = (int) Math.ceil((double) (oh + 1) * k.h / oH);
                for (int ow = 0; ow < oW; ow++) {
                    int w0 = (int) Math.floor((double) ow * k.w / oW);
                    int w1 = (int) Math.ceil((double) (ow + 1) * k.w / oW);
                    double sum = 0;
                    for (int y = h0; y < h1; y++) {
                        for (int z = w0; z < w1; z++) {
                            sum += xv[p * k.h * k.w + y * k.w + z];
                        }
                    }
                    ref[(p * oH + oh) * oW + ow] = sum / ((h1 - h0) * (w1 - w0));
                }
            }
        }
        assertArrayEquals(ref, out.toDoubleArray(), 1e-12, k.toString());
        // backward is the adjoint: <pool(x), g> == <x, pool^T(g)>
        NDArray g = input(r, DType.FLOAT64, out.sizes());
        NDArray gin = NDArray.adaptiveAvgPool2dBackward(g, k.shape());
        assertEquals(out.mul(g).sum().item(), x.mul(gin).sum().item(), 1e-9, k + " adjoint");
    }

    @Test
    void int64MaxAndAveragePoolingTruncateLikeCpp() {
        NDArray x = NDArray.wrap(new long[] {-7, -3, -9, -1, -5, -2, -8, -4, -6}, 1, 3, 3);
        ValuesIndices m = x.maxPool2dWithIndices(new int[] {2}, new int[] {1}, new int[] {1}, new int[] {1}, false);
        assertArrayEquals(new long[] {-7, -3, -3, -9, -1, -1, -2, -2, -1, -1, -2, -2, -8, -4, -4, -6}, m.values().toLongArray());
        assertArrayEquals(new long[] {0, 1, 1, 2, 3, 3, 5, 5, 3, 3, 5, 5, 6, 7, 7, 8}, m.indices().toLongArray());
        // libtorch 2.10: sums divided with truncation toward zero (-7 / 4 = -1)
        assertArrayEquals(new long[] {-1, -2, -3, -2, -2, -4, -4, -2, -2, -4, -4, -2, -2, -3, -2, -1},
                x.avgPool2d(new int[] {2}, new int[] {1}, new int[] {1}, false, true, null).toLongArray());
    }

    @Test
    void parallelPathMatchesSingleThread() {
        Random r = new Random(5);
        NDArray x = input(r, DType.FLOAT32, new int[] {4, 16, 33, 31});
        int before = Parallel.getNumThreads();
        NDArray[] one;
        NDArray[] many;
        try {
            Parallel.setNumThreads(1);
            one = runAll(x);
            Parallel.setNumThreads(4);
            many = runAll(x);
        } finally {
            Parallel.setNumThreads(before);
        }
        for (int i = 0; i < one.length; i++) {
            assertArrayEquals(one[i].to(DType.FLOAT64).toDoubleArray(), many[i].to(DType.FLOAT64).toDoubleArray(), "op " + i);
        }
    }

    private static NDArray[] runAll(NDArray x) {
        ValuesIndices m = x.maxPool2dWithIndices(new int[] {3}, new int[] {2}, new int[] {1}, new int[] {1}, true);
        NDArray a = x.avgPool2d(new int[] {3}, new int[] {1}, new int[] {1}, false, true, null);
        NDArray ad = x.adaptiveAvgPool2d(7, 5);
        return new NDArray[] {m.values(), m.indices(), NDArray.maxPool2dWithIndicesBackward(m.values(), m.indices(), x.sizes()),
            a, NDArray.avgPool2dBackward(a, x.sizes(), new int[] {3}, new int[] {1}, new int[] {1}, false, true, null),
            ad, NDArray.adaptiveAvgPool2dBackward(ad, x.sizes())};
    }

    @Test
    void oneDimOpsPoolThroughTwoDim() {
        NDArray x = input(new Random(3), DType.FLOAT64, new int[] {2, 3, 11});
        ValuesIndices m = x.maxPool1dWithIndices(new int[] {3}, new int[0], new int[] {1}, new int[] {2}, true);
        ValuesIndices m2 = x.unsqueeze(-2).maxPool2dWithIndices(new int[] {1, 3}, new int[] {1, 3}, new int[] {0, 1},
                new int[] {1, 2}, true);
        assertArrayEquals(m2.values().squeeze(-2).toDoubleArray(), m.values().toDoubleArray());
        assertArrayEquals(m2.indices().squeeze(-2).toLongArray(), m.indices().toLongArray());
        assertArrayEquals(new int[] {2, 3, 4}, x.avgPool1d(new int[] {3}, new int[0], new int[] {1}, true, true).sizes());
        assertArrayEquals(new int[] {3, 5}, x.select(0, 0).adaptiveAvgPool1d(5).sizes());
    }

    @Test
    void errorsUsePyTorchsWords() {
        NDArray x = NDArray.zeros(2, 3, 5, 5);
        assertMessage("pad should be at most half of effective kernel size, but got pad=2, kernel_size=3 and dilation=1",
                () -> x.maxPool2d(new int[] {3}, new int[] {1}, new int[] {2}, new int[] {1}, false));
        assertMessage("pad should be smaller than or equal to half of kernel size, but got padW = 2, padH = 2, kW = 3, kH = 3",
                () -> x.maxPool2d(new int[] {3}, new int[] {1}, new int[] {2}, new int[] {2}, false));
        assertMessage("Given input size: (3x5x5). Calculated output size: (3x0x0). Output size is too small",
                () -> x.avgPool2d(new int[] {6}, new int[] {1}, new int[] {0}, false, true, null));
        assertMessage("max_pool2d: kernel_size must either be a single int, or a tuple of two ints",
                () -> x.maxPool2d(new int[] {2, 2, 2}, new int[0], new int[] {0}, new int[] {1}, false));
        assertMessage("non-empty 3D or 4D (batch mode) tensor expected for input",
                () -> NDArray.zeros(5, 5).maxPool2d(new int[] {2}, new int[0], new int[] {0}, new int[] {1}, false));
        assertMessage("divisor must be not zero",
                () -> x.avgPool2d(new int[] {2}, new int[0], new int[] {0}, false, true, 0));
        assertMessage("adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received {-1, 2}",
                () -> x.adaptiveAvgPool2d(-1, 2));
        assertMessage("max_pool1d() padding should be at most half of kernel size, but got padding=2 and kernel_size=2",
                () -> NDArray.zeros(2, 5).maxPool1d(new int[] {2}, new int[] {1}, new int[] {2}, new int[] {1}, false));
        assertMessage("\"max_pool2d\" not implemented for 'Bool'",
                () -> NDArray.zeros(DType.BOOL, 1, 3, 3).maxPool2d(new int[] {2}, new int[0], new int[] {0}, new int[] {1}, false));
        assertMessage("\"max_pool1d_impl\" not implemented for 'Long'",
                () -> NDArray.zeros(DType.INT64, 1, 3).maxPool1d(new int[] {2}, new int[0], new int[] {0}, new int[] {1}, false));
        assertMessage("\"adaptive_avg_pool2d\" not implemented for 'Long'", () -> NDArray.zeros(DType.INT64, 1, 3, 3).adaptiveAvgPool2d(2, 2));
    }

    private static void assertMessage(String expected, Runnable op) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, op::run).getMessage());
    }
}
