package dev.jtorch.tensor;

import dev.jtorch.tensor.PoolShapes.Geometry;
import dev.jtorch.tensor.PoolShapes.Window;
import dev.jtorch.tensor.kernel.Kernels;
import dev.jtorch.tensor.kernel.VectorMaxPool;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/**
 * Max, average and adaptive average pooling over the last two dims of a {@code [N, C, H, W]}
 * or {@code [C, H, W]} array, forward and backward, float32 and float64 (and int64 forward for max
 * and average pooling, as ATen). The input is made
 * contiguous and each {@code H x W} plane is pooled independently (planes are spread over
 * {@link Parallel} above a work threshold); the 1-d ops insert a height-1 dim, as ATen does.
 */
final class Pooling {
    private Pooling() {}

    /** Below this many window reads a call runs on the calling thread. */
    private static final long PARALLEL_WORK = 1 << 15;

    static ValuesIndices maxPool2dWithIndices(NDArray x, int[] kernel, int[] stride, int[] padding, int[] dilation,
            boolean ceil) {
        Window w = PoolShapes.maxPool2dWindow(kernel, stride, padding, dilation, ceil);
        PoolShapes.check(x.dim() == 3 || x.dim() == 4, "non-empty 3D or 4D (batch mode) tensor expected for input");
        Geometry g = PoolShapes.geometry(x.sizes(), w);
        PoolShapes.checkDtype(x, "max_pool2d", true);
        NDArray in = x.contiguous();
        int[] shape = outShape(x.sizes(), g);
        NDArray out = NDArray.empty(x.dtype(), shape);
        NDArray idx = NDArray.empty(DType.INT64, shape);
        int inPlane = g.iH() * g.iW();
        int outPlane = g.oH() * g.oW();
        long[] ix = (long[]) idx.storage();
        long work = (long) outPlane * w.kH() * w.kW();
        if (x.dtype() == DType.FLOAT32 && Kernels.VECTORIZED && VectorMaxPool.supported() && MaxPoolKernels.pairs(w)
                && 2 * g.oH() <= g.iH() && 2 * g.oW() <= g.iW()) {
            float[] src = (float[]) in.storage();
            float[] dst = (float[]) out.storage();
            if (g.oW() >= VectorMaxPool.MIN_ROW) {
                forPlaneRanges(g.planes(), work, (p0, p1) -> VectorMaxPool.forward2x2Rows(src, in.offset(), inPlane,
                        g.iW(), g.oH(), g.oW(), p0, p1, dst, ix, 0));
            } else {
                int[] starts = VectorMaxPool.windowStarts(g.iW(), g.oH(), g.oW()); // the window map the gathers read
                if (outPlane >= VectorMaxPool.LANES) {
                    forPlaneRanges(g.planes(), work, (p0, p1) -> VectorMaxPool.forward2x2Planes(src, in.offset(), inPlane,
                            g.iW(), starts, p0, p1, dst, ix, 0));
                } else {
                    forPlanes(g.planes(), work, p -> VectorMaxPool.forward2x2(src, in.offset() + p * inPlane, g.iW(),
                            starts, dst, ix, p * outPlane));
                }
            }
        } else if (x.dtype() == DType.FLOAT32) {
            float[] src = (float[]) in.storage();
            float[] dst = (float[]) out.storage();
            forPlanes(g.planes(), work, p -> MaxPoolKernels.forward(src, in.offset() + p * inPlane, dst, ix, p * outPlane, g, w));
        } else if (x.dtype() == DType.INT64) {
            long[] src = (long[]) in.storage();
            long[] dst = (long[]) out.storage();
            forPlanes(g.planes(), work, p -> MaxPoolKernels.forward(src, in.offset() + p * inPlane, dst, ix, p * outPlane, g, w));
        } else {
            double[] src = (double[]) in.storage();
            double[] dst = (double[]) out.storage();
            forPlanes(g.planes(), work, p -> MaxPoolKernels.forward(src, in.offset() + p * inPlane, dst, ix, p * outPlane, g, w));
        }
        return new ValuesIndices(out, idx);
    }

    static NDArray maxPool2dBackward(NDArray gradOutput, NDArray indices, int[] inputShape) {
        PoolShapes.check(inputShape.length == 3 || inputShape.length == 4,
                "non-empty 3D or 4D (batch mode) tensor expected for input");
        PoolShapes.check(Arrays.equals(gradOutput.sizes(), indices.sizes()) && gradOutput.dim() == inputShape.length,
                "max_pool2d backward: grad_output " + Shapes.str(gradOutput.sizes()) + " and indices "
                        + Shapes.str(indices.sizes()) + " do not match an input of shape " + Shapes.str(inputShape));
        PoolShapes.checkFloating(gradOutput, "max_pool2d_with_indices_backward");
        int nd = inputShape.length;
        Geometry g = new Geometry(planes(inputShape), inputShape[nd - 2], inputShape[nd - 1], gradOutput.size(-2),
                gradOutput.size(-1));
        NDArray go = gradOutput.contiguous();
        NDArray ic = indices.contiguous();
        long[] ix = (long[]) ic.storage();
        NDArray gin = NDArray.zeros(gradOutput.dtype(), inputShape);
        int inPlane = g.iH() * g.iW();
        int outPlane = g.oH() * g.oW();
        int total = gin.numel();
        // An empty window (in the padding, with dilation) reports an index past its plane, and ATen then
        // adds into the next plane: keep that, serially, instead of splitting planes across threads.
        boolean spills = anyAtLeast(ix, ic.offset(), indices.numel(), inPlane);
        long work = spills ? 0 : outPlane;
        boolean spill = spills;
        if (gradOutput.dtype() == DType.FLOAT32) {
            float[] src = (float[]) go.storage();
            float[] dst = (float[]) gin.storage();
            forPlanes(g.planes(), work, p -> MaxPoolKernels.backward(src, go.offset() + p * outPlane, ix,
                    ic.offset() + p * outPlane, outPlane, dst, p * inPlane, spill ? total - p * inPlane : inPlane));
        } else {
            double[] src = (double[]) go.storage();
            double[] dst = (double[]) gin.storage();
            forPlanes(g.planes(), work, p -> MaxPoolKernels.backward(src, go.offset() + p * outPlane, ix,
                    ic.offset() + p * outPlane, outPlane, dst, p * inPlane, spill ? total - p * inPlane : inPlane));
        }
        return gin;
    }

    /** Whether any of the {@code count} values at {@code off} is at least {@code limit}; a long scan splits over the pool. */
    private static boolean anyAtLeast(long[] values, int off, int count, long limit) {
        AtomicBoolean found = new AtomicBoolean();
        FlatParallel.run(count, (i, len) -> {
            for (int k = off + i, end = k + len; k < end; k++) {
                if (values[k] >= limit) {
                    found.set(true);
                    return;
                }
            }
        });
        return found.get();
    }

    static NDArray avgPool2d(NDArray x, int[] kernel, int[] stride, int[] padding, boolean ceil, boolean countPad,
            Integer divisor) {
        Window w = PoolShapes.avgPool2dWindow(kernel, stride, padding, ceil, divisor);
        x.size(-3); // PyTorch reads input.size(-3) first: a 1-d or 2-d input fails with "Dimension out of range"
        Geometry g = PoolShapes.geometry(x.sizes(), w);
        PoolShapes.checkDtype(x, "avg_pool2d", true);
        NDArray in = x.contiguous();
        NDArray out = NDArray.empty(x.dtype(), outShape(x.sizes(), g));
        int inPlane = g.iH() * g.iW();
        int outPlane = g.oH() * g.oW();
        long work = (long) outPlane * w.kH() * w.kW();
        if (x.dtype() == DType.FLOAT32) {
            float[] src = (float[]) in.storage();
            float[] dst = (float[]) out.storage();
            forPlanes(g.planes(), work, p -> AvgPoolKernels.forward(src, in.offset() + p * inPlane, dst, p * outPlane,
                    g, w, countPad, divisor));
        } else if (x.dtype() == DType.INT64) {
            long[] src = (long[]) in.storage();
            long[] dst = (long[]) out.storage();
            forPlanes(g.planes(), work, p -> AvgPoolKernels.forward(src, in.offset() + p * inPlane, dst, p * outPlane,
                    g, w, countPad, divisor));
        } else {
            double[] src = (double[]) in.storage();
            double[] dst = (double[]) out.storage();
            forPlanes(g.planes(), work, p -> AvgPoolKernels.forward(src, in.offset() + p * inPlane, dst, p * outPlane,
                    g, w, countPad, divisor));
        }
        return out;
    }

    static NDArray avgPool2dBackward(NDArray gradOutput, int[] inputShape, int[] kernel, int[] stride, int[] padding,
            boolean ceil, boolean countPad, Integer divisor) {
        Window w = PoolShapes.avgPool2dWindow(kernel, stride, padding, ceil, divisor);
        PoolShapes.check(inputShape.length == 3 || inputShape.length == 4,
                "Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:"
                        + Shapes.str(inputShape));
        Geometry g = PoolShapes.geometry(inputShape, w);
        checkGradShape(gradOutput, outShape(inputShape, g));
        PoolShapes.checkFloating(gradOutput, "avg_pool2d_backward_out_frame");
        NDArray go = gradOutput.contiguous();
        NDArray gin = NDArray.zeros(gradOutput.dtype(), inputShape);
        int inPlane = g.iH() * g.iW();
        int outPlane = g.oH() * g.oW();
        long work = (long) outPlane * w.kH() * w.kW();
        if (gradOutput.dtype() == DType.FLOAT32) {
            float[] src = (float[]) go.storage();
            float[] dst = (float[]) gin.storage();
            forPlanes(g.planes(), work, p -> AvgPoolKernels.backward(src, go.offset() + p * outPlane, dst, p * inPlane,
                    g, w, countPad, divisor));
        } else {
            double[] src = (double[]) go.storage();
            double[] dst = (double[]) gin.storage();
            forPlanes(g.planes(), work, p -> AvgPoolKernels.backward(src, go.offset() + p * outPlane, dst, p * inPlane,
                    g, w, countPad, divisor));
        }
        return gin;
    }

    /** {@code adaptive_avg_pool2d}: a {@code (1, 1)} output is {@code mean(dims=(-1, -2), keepdim=True)}, as in ATen. */
    static NDArray adaptiveAvgPool2d(NDArray x, int[] outputSize) {
        PoolShapes.checkAdaptiveOutputSize(outputSize);
        if (outputSize[0] == 1 && outputSize[1] == 1) {
            return x.mean(new int[] {-1, -2}, true);
        }
        return adaptiveAvgPool2dKernel(x, outputSize);
    }

    /** {@code _adaptive_avg_pool2d}: the pooling kernel itself, without the {@code (1, 1)} shortcut. */
    static NDArray adaptiveAvgPool2dKernel(NDArray x, int[] outputSize) {
        PoolShapes.checkAdaptiveOutputSize(outputSize);
        PoolShapes.checkAdaptiveInput(x.sizes());
        Geometry g = new Geometry(planes(x.sizes()), x.size(-2), x.size(-1), outputSize[0], outputSize[1]);
        NDArray out = NDArray.empty(x.dtype(), outShape(x.sizes(), g));
        if (out.numel() == 0) {
            return out; // ATen returns before dispatching on the dtype
        }
        PoolShapes.checkFloating(x, "adaptive_avg_pool2d");
        NDArray in = x.contiguous();
        int inPlane = g.iH() * g.iW();
        int outPlane = g.oH() * g.oW();
        long work = Math.max(inPlane, outPlane);
        if (x.dtype() == DType.FLOAT32) {
            float[] src = (float[]) in.storage();
            float[] dst = (float[]) out.storage();
            forPlanes(g.planes(), work, p -> AdaptivePoolKernels.forward(src, in.offset() + p * inPlane, dst, p * outPlane, g));
        } else {
            double[] src = (double[]) in.storage();
            double[] dst = (double[]) out.storage();
            forPlanes(g.planes(), work, p -> AdaptivePoolKernels.forward(src, in.offset() + p * inPlane, dst, p * outPlane, g));
        }
        return out;
    }

    static ValuesIndices adaptiveMaxPool2d(NDArray x, int[] outputSize) {
        PoolShapes.checkAdaptiveMax(x.sizes(), outputSize);
        Geometry g = new Geometry(planes(x.sizes()), x.size(-2), x.size(-1), outputSize[0], outputSize[1]);
        int[] shape = outShape(x.sizes(), g);
        NDArray out = NDArray.empty(x.dtype(), shape);
        NDArray idx = NDArray.empty(DType.INT64, shape);
        PoolShapes.checkFloating(x, "adaptive_max_pool2d"); // unlike the average, also for an empty output
        NDArray in = x.contiguous();
        int inPlane = g.iH() * g.iW();
        int outPlane = g.oH() * g.oW();
        long[] ix = (long[]) idx.storage();
        long work = Math.max(inPlane, outPlane);
        if (x.dtype() == DType.FLOAT32) {
            float[] src = (float[]) in.storage();
            float[] dst = (float[]) out.storage();
            forPlanes(g.planes(), work, p -> AdaptivePoolKernels.max(src, in.offset() + p * inPlane, dst, ix, p * outPlane, g));
        } else {
            double[] src = (double[]) in.storage();
            double[] dst = (double[]) out.storage();
            forPlanes(g.planes(), work, p -> AdaptivePoolKernels.max(src, in.offset() + p * inPlane, dst, ix, p * outPlane, g));
        }
        return new ValuesIndices(out, idx);
    }

    static NDArray adaptiveAvgPool2dBackward(NDArray gradOutput, int[] inputShape) {
        PoolShapes.checkAdaptiveInput(inputShape);
        for (int i = 1; i < gradOutput.dim(); i++) {
            PoolShapes.check(gradOutput.size(i) > 0, "adaptive_avg_pool2d_backward(): Expected grad_output to have "
                    + "non-zero size for non-batch dimensions, but grad_output has sizes " + Shapes.str(gradOutput.sizes())
                    + " with dimension " + i + " being empty");
        }
        PoolShapes.check(gradOutput.dim() == inputShape.length, "adaptive_avg_pool2d_backward(): grad_output "
                + Shapes.str(gradOutput.sizes()) + " does not match an input of shape " + Shapes.str(inputShape));
        PoolShapes.checkFloating(gradOutput, "adaptive_avg_pool2d_backward_cpu");
        int nd = inputShape.length;
        Geometry g = new Geometry(planes(inputShape), inputShape[nd - 2], inputShape[nd - 1], gradOutput.size(-2),
                gradOutput.size(-1));
        checkGradShape(gradOutput, outShape(inputShape, g));
        NDArray go = gradOutput.contiguous();
        NDArray gin = NDArray.zeros(gradOutput.dtype(), inputShape);
        int inPlane = g.iH() * g.iW();
        int outPlane = g.oH() * g.oW();
        long work = Math.max(inPlane, outPlane);
        if (gradOutput.dtype() == DType.FLOAT32) {
            float[] src = (float[]) go.storage();
            float[] dst = (float[]) gin.storage();
            forPlanes(g.planes(), work, p -> AdaptivePoolKernels.backward(src, go.offset() + p * outPlane, dst, p * inPlane, g));
        } else {
            double[] src = (double[]) go.storage();
            double[] dst = (double[]) gin.storage();
            forPlanes(g.planes(), work, p -> AdaptivePoolKernels.backward(src, go.offset() + p * outPlane, dst, p * inPlane, g));
        }
        return gin;
    }

    private static void checkGradShape(NDArray gradOutput, int[] expected) {
        PoolShapes.check(Arrays.equals(gradOutput.sizes(), expected), "Expected grad_output of shape "
                + Shapes.str(expected) + ", but got " + Shapes.str(gradOutput.sizes()));
    }

    private static int planes(int[] shape) {
        int nd = shape.length;
        return nd == 4 ? shape[0] * shape[1] : shape[0];
    }

    private static int[] outShape(int[] inShape, Geometry g) {
        int[] s = inShape.clone();
        s[s.length - 2] = g.oH();
        s[s.length - 1] = g.oW();
        return s;
    }

    /** Runs {@code body} for every plane: inline for small work, else in coarse contiguous chunks on the pool. */
    /** {@link #forPlanes} handing each task its whole range of planes, {@code body.run(from, to)}. */
    private static void forPlaneRanges(int planes, long workPerPlane, PlaneRange body) {
        int threads = Parallel.getNumThreads();
        if (planes <= 1 || threads <= 1 || workPerPlane * planes < PARALLEL_WORK) {
            body.run(0, planes);
            return;
        }
        int tasks = Math.min(planes, threads * 4);
        Parallel.parallelFor(tasks, t -> body.run((int) ((long) planes * t / tasks), (int) ((long) planes * (t + 1) / tasks)));
    }

    @FunctionalInterface
    private interface PlaneRange {
        void run(int from, int to);
    }

    private static void forPlanes(int planes, long workPerPlane, IntConsumer body) {
        int threads = Parallel.getNumThreads();
        if (planes <= 1 || threads <= 1 || workPerPlane * planes < PARALLEL_WORK) {
            for (int p = 0; p < planes; p++) {
                body.accept(p);
            }
            return;
        }
        int tasks = Math.min(planes, threads * 4);
        Parallel.parallelFor(tasks, t -> {
            int lo = (int) ((long) planes * t / tasks);
            int hi = (int) ((long) planes * (t + 1) / tasks);
            for (int p = lo; p < hi; p++) {
                body.accept(p);
            }
        });
    }
}
