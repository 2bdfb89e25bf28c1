package dev.jtorch.bench;

import java.util.List;
import org.bytedeco.javacpp.BoolPointer;
import org.bytedeco.pytorch.T_TensorTensorTensor_T;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * Issue 3's convolution workload: one forward and both backward products (input and weight
 * gradients, no bias) of a float32 conv2d, input (64, 32, 13, 13), 64 filters 3x3, stride 1,
 * no padding, with a given output gradient (64, 64, 11, 11). jtorch runs its three tensor-level
 * products; libtorch runs {@code torch.conv2d} and {@code torch.convolution_backward}, what its
 * autograd calls. Target: at least 1.5x faster than libtorch. The check before timing compares
 * the weight gradients (sums of 64 * 121 products of values up to 4 in magnitude, so the atol is
 * scaled for float32 rounding of sums of that size).
 */
final class ConvWorkloads {
    private ConvWorkloads() {}

    static final int[] STRIDE = {1, 1};
    static final int[] PADDING = {0, 0};
    static final int[] DILATION = {1, 1};

    static List<Workload> all() {
        long macs = 3L * 64 * 64 * (32 * 9) * (11 * 11);
        return List.of(Workload.named("conv2d fwd+bwd (64,32,13,13) x 64 3x3").input(64, 32, 13, 13)
                .input(64, 32, 3, 3).input(64, 64, 11, 11)
                .work(Work.flops(2.0 * macs))
                .target(1.5)
                .agreementAtol(2e-3)
                .libtorchScopeEvery(1)
                .jtorch(in -> () -> {
                    in.get(0).conv2d(in.get(1), null, STRIDE, PADDING, DILATION, 1);
                    in.get(2).convolutionBackwardInput(in.get(1), in.get(0).sizes(), STRIDE, PADDING, DILATION, 1);
                    return in.get(2).convolutionBackwardWeight(in.get(0), in.get(1).sizes(), STRIDE, PADDING, DILATION, 1);
                })
                .libtorch(in -> {
                    long[] s = {1, 1};
                    long[] p = {0, 0};
                    BoolPointer mask = new BoolPointer(3);
                    mask.put(0, true).put(1, true).put(2, false);
                    return () -> {
                        torch.conv2d(in.get(0), in.get(1), new TensorOptional(), s, p, s, 1);
                        T_TensorTensorTensor_T g = torch.convolution_backward(in.get(2), in.get(0), in.get(1),
                                new long[] {64}, s, p, s, false, p, 1, mask);
                        Tensor gw = g.get1();
                        return gw;
                    };
                })
                .build());
    }
}
