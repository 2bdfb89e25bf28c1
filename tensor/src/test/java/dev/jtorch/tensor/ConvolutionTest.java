package dev.jtorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * Convolutions (forward, both backward products, transposed) against a naive scalar reference
 * written from the definition in double: random 1-d and 2-d configurations with odd sizes,
 * strides, padding, dilation, groups, batch 1, 1x1 kernels and non-contiguous inputs.
 *
 * <p>Tolerance: each result element is compared with the reference at {@code 1e-5} (float32) or
 * {@code 1e-12} (float64) times the sum of the absolute products that form it, plus a tiny
 * absolute term: the GEMM sums in a different order, nothing else differs.
 */
class ConvolutionTest {

    /** One random problem, 2-d (or 1-d when {@code oneD}: height, kernel height 1). */
    static final class Case {
        final boolean oneD;
        final DType dtype;
        final int n, c, h, w, o, groups, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow;
        final boolean strided;

        /** A fixed float32 2-d problem (sizes big enough to run in parallel, or the 1x1 direct path). */
        Case(int n, int c, int hw, int o, int groups, int k, int stride, int pad) {
            oneD = false;
            dtype = DType.FLOAT32;
            this.n = n;
            this.c = c;
            this.o = o;
            this.groups = groups;
            h = w = hw;
            kh = kw = k;
            sh = sw = stride;
            ph = pw = pad;
            dh = dw = 1;
            oh = (h + 2 * pad - k) / stride + 1;
            ow = oh;
            strided = true;
        }

        Case(SplittableRandom r) {
            oneD = r.nextInt(4) == 0;
            dtype = r.nextBoolean() ? DType.FLOAT32 : DType.FLOAT64;
            groups = 1 + r.nextInt(3);
            n = 1 + r.nextInt(3);
            c = groups * (1 + r.nextInt(3));
            o = groups * (1 + r.nextInt(3));
            kh = oneD ? 1 : 1 + r.nextInt(4);
            kw = 1 + r.nextInt(4);
            sh = oneD ? 1 : 1 + r.nextInt(3);
            sw = 1 + r.nextInt(3);
            ph = oneD ? 0 : r.nextInt(3);
            pw = r.nextInt(3);
            dh = oneD ? 1 : 1 + r.nextInt(2);
            dw = 1 + r.nextInt(2);
            h = oneD ? 1 : Math.max(1, dh * (kh - 1) + 1 - 2 * ph) + r.nextInt(8);
            w = Math.max(1, dw * (kw - 1) + 1 - 2 * pw) + r.nextInt(9);
            oh = (h + 2 * ph - dh * (kh - 1) - 1) / sh + 1;
            ow = (w + 2 * pw - dw * (kw - 1) - 1) / sw + 1;
            strided = r.nextBoolean();
        }

        int[] inShape() {
            return oneD ? new int[] {n, c, w} : new int[] {n, c, h, w};
        }

        int[] wShape() {
            return oneD ? new int[] {o, c / groups, kw} : new int[] {o, c / groups, kh, kw};
        }

        int[] outShape() {
            return oneD ? new int[] {n, o, ow} : new int[] {n, o, oh, ow};
        }

        int[] p(int a, int b) {
            return oneD ? new int[] {b} : new int[] {a, b};
        }

        @Override
        public String toString() {
            return (oneD ? "1d " : "2d ") + dtype + " n" + n + " c" + c + " o" + o + " g" + groups + " in " + h + "x" + w
                    + " k " + kh + "x" + kw + " s " + sh + "," + sw + " p " + ph + "," + pw + " d " + dh + "," + dw
                    + (strided ? " strided" : "");
        }
    }

    /** Random values of {@code shape}; when {@code strided}, a transposed view of a contiguous copy. */
    static NDArray random(SplittableRandom r, DType t, int[] shape, boolean strided) {
        int numel = Shapes.numel(shape);
        double[] v = new double[numel];
        for (int i = 0; i < numel; i++) {
            v[i] = r.nextDouble(-1, 1);
        }
        NDArray a = NDArray.wrap(v, shape).to(t);
        if (!strided || shape.length < 2) {
            return a;
        }
        int last = shape.length - 1;
        return a.transpose(0, last).contiguous().transpose(0, last);
    }

    /** The definition, in double, with the absolute-product sums that bound the rounding. */
    static final class Reference {
        final double[] y, yAbs, gx, gxAbs, gw, gwAbs;

        Reference(Case k, double[] x, double[] wt, double[] b, double[] gy) {
            int cg = k.c / k.groups;
            int og = k.o / k.groups;
            y = new double[k.n * k.o * k.oh * k.ow];
            yAbs = new double[y.length];
            gx = new double[k.n * k.c * k.h * k.w];
            gxAbs = new double[gx.length];
            gw = new double[k.o * cg * k.kh * k.kw];
            gwAbs = new double[gw.length];
            for (int s = 0; s < k.n; s++) {
                for (int oc = 0; oc < k.o; oc++) {
                    int g = oc / og;
                    for (int r = 0; r < k.oh; r++) {
                        for (int q = 0; q < k.ow; q++) {
                            int yi = ((s * k.o + oc) * k.oh + r) * k.ow + q;
                            y[yi] = b == null ? 0 : b[oc];
                            yAbs[yi] = Math.abs(y[yi]);
                            for (int ch = 0; ch < cg; ch++) {
                                for (int ki = 0; ki < k.kh; ki++) {
                                    for (int kj = 0; kj < k.kw; kj++) {
                                        int ih = r * k.sh - k.ph + ki * k.dh;
                                        int iw = q * k.sw - k.pw + kj * k.dw;
                                        if (ih < 0 || ih >= k.h || iw < 0 || iw >= k.w) {
                                            continue;
                                        }
                                        int xi = ((s * k.c + g * cg + ch) * k.h + ih) * k.w + iw;
                                        int wi = ((oc * cg + ch) * k.kh + ki) * k.kw + kj;
                                        y[yi] += x[xi] * wt[wi];
                                        yAbs[yi] += Math.abs(x[xi] * wt[wi]);
                                        gx[xi] += gy[yi] * wt[wi];
                                        gxAbs[xi] += Math.abs(gy[yi] * wt[wi]);
                                        gw[wi] += gy[yi] * x[xi];
                                        gwAbs[wi] += Math.abs(gy[yi] * x[xi]);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static void assertClose(double[] expected, double[] bound, NDArray actual, DType t, String what) {
        assertEquals(t, actual.dtype(), what + " dtype");
        double[] a = actual.contiguous().to(DType.FLOAT64).toDoubleArray();
        assertEquals(expected.length, a.length, what + " numel");
        double rel = t == DType.FLOAT32 ? 1e-5 : 1e-12;
        for (int i = 0; i < a.length; i++) {
            double tol = rel * bound[i] + (t == DType.FLOAT32 ? 1e-6 : 1e-14);
            if (!(Math.abs(a[i] - expected[i]) <= tol)) {
                throw new AssertionError(what + " differs at " + i + ": expected " + expected[i] + ", got " + a[i]);
            }
        }
    }

    @Property(tries = 150)
    void allProductsMatchTheDefinition(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        check(r, new Case(r));
    }

    /** Big enough for the batch-parallel path (batch 8) and the GEMM's own parallel path (batch 1). */
    @Test
    void largeProblemsOnTheParallelPaths() {
        SplittableRandom r = new SplittableRandom(3);
        check(r, new Case(4, 16, 17, 32, 1, 3, 1, 1));
        check(r, new Case(7, 12, 17, 18, 3, 3, 2, 1));
        check(r, new Case(1, 16, 24, 32, 1, 3, 1, 1));
        // 1x1 unpadded stride-1 kernels read the input as the column matrix: serial, parallel, grouped
        check(r, new Case(3, 4, 5, 6, 2, 1, 1, 0));
        check(r, new Case(6, 32, 16, 32, 1, 1, 1, 0));
        check(r, new Case(1, 8, 7, 4, 1, 1, 2, 0));
    }

    /**
     * Edges of the float32 implicit-GEMM products: output channels not a multiple of the 6-row tile,
     * panels of 32 positions straddling samples, a depth over 512 (blocked, the bias row in the last
     * block) and of exactly 512 (the bias alone in a block), padding with stride, a long 1-d signal.
     */
    @Test
    void implicitGemmEdges() {
        SplittableRandom r = new SplittableRandom(5);
        for (boolean bias : new boolean[] {false, true}) {
            check(r, new Case(5, 7, 9, 13, 1, 3, 1, 0), bias);
            check(r, new Case(3, 64, 6, 11, 1, 3, 1, 1), bias);
            check(r, new Case(2, 128, 6, 14, 2, 3, 1, 0), bias);
            check(r, new Case(2, 128, 5, 7, 1, 2, 1, 0), bias);
            check(r, new Case(4, 6, 11, 10, 2, 3, 2, 2), bias);
            check(r, new Case(1, 3, 40, 5, 1, 5, 3, 2), bias);
            // unpadded, stride 1: panels and column blocks packed as contiguous runs of the image,
            // rows shorter than, as long as and longer than a vector (masked tails, the array's end)
            check(r, new Case(3, 2, 40, 7, 1, 3, 1, 0), bias);
            check(r, new Case(2, 5, 18, 9, 1, 3, 1, 0), bias);
            check(r, new Case(5, 1, 28, 32, 1, 3, 1, 0), bias);
            check(r, new Case(9, 4, 4, 6, 2, 2, 1, 0), bias);
        }
    }

    /** The products give the same bits whether the batch runs on one thread or is split over two. */
    @Test
    void sameBitsOnOneAndTwoThreads() {
        SplittableRandom r = new SplittableRandom(9);
        NDArray x = random(r, DType.FLOAT32, new int[] {16, 8, 13, 13}, false);
        NDArray wt = random(r, DType.FLOAT32, new int[] {16, 8, 3, 3}, false);
        NDArray b = random(r, DType.FLOAT32, new int[] {16}, false);
        NDArray gy = random(r, DType.FLOAT32, new int[] {16, 16, 11, 11}, false);
        int[] one = {1, 1};
        int[] zero = {0, 0};
        int threads = Parallel.getNumThreads();
        NDArray[][] out = new NDArray[2][];
        try {
            for (int t = 0; t < 2; t++) {
                Parallel.setNumThreads(t + 1);
                out[t] = new NDArray[] {x.conv2d(wt, b, one, zero, one, 1),
                    gy.convolutionBackwardInput(wt, x.sizes(), one, zero, one, 1),
                    gy.convolutionBackwardWeight(x, wt.sizes(), one, zero, one, 1)};
            }
        } finally {
            Parallel.setNumThreads(threads);
        }
        assertArrayEquals(out[0][0].toFloatArray(), out[1][0].toFloatArray(), "forward");
        assertArrayEquals(out[0][1].toFloatArray(), out[1][1].toFloatArray(), "grad input");
    }

    private static void check(SplittableRandom r, Case k) {
        check(r, k, r.nextBoolean());
    }

    private static void check(SplittableRandom r, Case k, boolean bias) {
        NDArray x = random(r, k.dtype, k.inShape(), k.strided);
        NDArray wt = random(r, k.dtype, k.wShape(), k.strided);
        NDArray b = bias ? random(r, k.dtype, new int[] {k.o}, false) : null;
        NDArray gy = random(r, k.dtype, k.outShape(), k.strided);
        Reference ref = new Reference(k, x.to(DType.FLOAT64).contiguous().toDoubleArray(),
                wt.to(DType.FLOAT64).contiguous().toDoubleArray(),
                b == null ? null : b.to(DType.FLOAT64).toDoubleArray(), gy.to(DType.FLOAT64).contiguous().toDoubleArray());
        String what = k.toString();
        NDArray y = k.oneD ? x.conv1d(wt, b, k.sw, k.pw, k.dw, k.groups)
                : x.conv2d(wt, b, k.p(k.sh, k.sw), k.p(k.ph, k.pw), k.p(k.dh, k.dw), k.groups);
        assertArrayEquals(k.outShape(), y.sizes(), what);
        assertClose(ref.y, ref.yAbs, y, k.dtype, "forward " + what);
        NDArray gx = gy.convolutionBackwardInput(wt, k.inShape(), k.p(k.sh, k.sw), k.p(k.ph, k.pw), k.p(k.dh, k.dw), k.groups);
        assertClose(ref.gx, ref.gxAbs, gx, k.dtype, "grad input " + what);
        NDArray gw = gy.convolutionBackwardWeight(x, k.wShape(), k.p(k.sh, k.sw), k.p(k.ph, k.pw), k.p(k.dh, k.dw), k.groups);
        assertClose(ref.gw, ref.gwAbs, gw, k.dtype, "grad weight " + what);
    }

    /** conv_transpose is the input-gradient product (output_padding picks the exact size), plus bias. */
    @Property(tries = 100)
    void transposedIsTheInputGradient(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Case k = new Case(r);
        // the transposed output size with output_padding 0 is the smallest input size giving (oh, ow)
        int hOut = (k.oh - 1) * k.sh - 2 * k.ph + k.dh * (k.kh - 1) + 1;
        int wOut = (k.ow - 1) * k.sw - 2 * k.pw + k.dw * (k.kw - 1) + 1;
        int oph = k.h - hOut;
        int opw = k.w - wOut;
        NDArray wt = random(r, k.dtype, k.wShape(), false);
        NDArray in = random(r, k.dtype, k.outShape(), k.strided);
        NDArray bias = random(r, k.dtype, new int[] {k.c}, false);
        // as a transposed convolution the weight [O, C/g, ...] maps O channels to C
        NDArray expected = in.convolutionBackwardInput(wt, k.inShape(), k.p(k.sh, k.sw), k.p(k.ph, k.pw),
                k.p(k.dh, k.dw), k.groups).add(bias.view(k.oneD ? new int[] {1, k.c, 1} : new int[] {1, k.c, 1, 1}));
        if (oph >= Math.max(k.sh, k.dh) || opw >= Math.max(k.sw, k.dw)) {
            return; // not expressible as output_padding
        }
        NDArray y = k.oneD ? in.convTranspose1d(wt, bias, k.sw, k.pw, opw, k.groups, k.dw)
                : in.convTranspose2d(wt, bias, k.p(k.sh, k.sw), k.p(k.ph, k.pw), k.p(oph, opw), k.groups, k.p(k.dh, k.dw));
        assertArrayEquals(expected.sizes(), y.sizes(), k.toString());
        assertArrayEquals(expected.to(DType.FLOAT64).toDoubleArray(), y.to(DType.FLOAT64).toDoubleArray(), 0, k.toString());
    }

    @Test
    void unbatchedAndSamePadding() {
        SplittableRandom r = new SplittableRandom(7);
        NDArray x = random(r, DType.FLOAT64, new int[] {3, 6, 7}, false);
        NDArray wt = random(r, DType.FLOAT64, new int[] {4, 3, 2, 3}, false);
        NDArray batched = x.unsqueeze(0).conv2d(wt, null, new int[] {1}, new int[] {1}, new int[] {2}, 1);
        assertArrayEquals(batched.squeeze(0).toDoubleArray(),
                x.conv2d(wt, null, new int[] {1}, new int[] {1}, new int[] {2}, 1).toDoubleArray(), 0);
        // kernel 2 (dilation 2 -> extent 3): symmetric; kernel 3 x dilation 1 -> 1 each side
        NDArray same = x.conv2d(wt, null, new int[] {1}, "same", new int[] {1}, 1);
        assertArrayEquals(new int[] {4, 6, 7}, same.sizes());
        // kernel height 2: total padding 1, all of it at the bottom, as PyTorch
        NDArray padded = NDArray.zeros(DType.FLOAT64, 3, 7, 9);
        padded.narrow(1, 0, 6).narrow(2, 1, 7).copy_(x);
        NDArray valid = padded.conv2d(wt, null, new int[] {1}, "valid", new int[] {1}, 1);
        assertArrayEquals(valid.toDoubleArray(), same.toDoubleArray(), 1e-12);
    }

    @Test
    void errorsInPyTorchsWords() {
        NDArray x = NDArray.zeros(64, 16, 13, 13);
        NDArray w = NDArray.zeros(64, 32, 3, 3);
        assertMessage("Given groups=1, weight of size [64, 32, 3, 3], expected input[64, 16, 13, 13] to have 32 "
                + "channels, but got 16 channels instead", () -> x.conv2d(w, null));
        assertMessage("Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [2, 3]",
                () -> NDArray.zeros(2, 3).conv2d(w, null));
        assertMessage("Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). Kernel size can't be "
                + "greater than actual input size", () -> NDArray.zeros(1, 32, 2, 2).conv2d(w, null));
        assertMessage("Given weight of size [64, 32, 3, 3], expected bias to be 1-dimensional with 64 elements, but got "
                + "bias of size [3] instead", () -> NDArray.zeros(1, 32, 5, 5).conv2d(w, NDArray.zeros(3)));
        assertMessage("Given groups=3, expected weight to be divisible by 3 at dimension 0, but got weight of size "
                + "[[64, 32, 3, 3]] instead", () -> NDArray.zeros(1, 96, 5, 5).conv2d(w, null, new int[] {1},
                new int[] {0}, new int[] {1}, 3));
        assertMessage("padding='same' is not supported for strided convolutions",
                () -> x.conv2d(w, null, new int[] {2}, "same", new int[] {1}, 1));
        assertMessage("Invalid padding string: 'full'", () -> x.conv2d(w, null, new int[] {1}, "full", new int[] {1}, 1));
        assertMessage("expected stride to be a single integer value or a list of 2 values to match the convolution "
                + "dimensions, but got stride=[1, 1, 1]", () -> x.conv2d(w, null, new int[] {1, 1, 1}, new int[] {0},
                new int[] {1}, 1));
        assertMessage("negative padding is not supported", () -> x.conv2d(w, null, new int[] {1}, new int[] {-1},
                new int[] {1}, 1));
        assertMessage("non-positive stride is not supported", () -> x.conv2d(w, null, new int[] {0}, new int[] {0},
                new int[] {1}, 1));
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
