package dev.jtorch.nn.functional;

import dev.jtorch.Tensor;
import java.util.Arrays;

/**
 * Layer, batch and group normalisation: argument checks in PyTorch's words, then one
 * {@link NormFunctions} node computing {@code (x - mean) * rsqrt(var + eps)} with the biased
 * variance and the affine transform, as PyTorch's CPU kernels do.
 */
final class Normalization {
    private Normalization() {}

    static Tensor layerNorm(Tensor input, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        int k = normalizedShape.length;
        int[] s = input.sizes();
        boolean ok = k >= 1 && s.length >= k
                && Arrays.equals(Arrays.copyOfRange(s, s.length - k, s.length), normalizedShape);
        if (!ok) {
            StringBuilder sb = new StringBuilder("Given normalized_shape=").append(Arrays.toString(normalizedShape))
                    .append(", expected input with shape [*");
            for (int d : normalizedShape) {
                sb.append(", ").append(d);
            }
            sb.append("], but got input of size").append(Arrays.toString(s));
            throw new IllegalArgumentException(sb.toString());
        }
        int[] dims = new int[k];
        for (int i = 0; i < k; i++) {
            dims[i] = s.length - k + i;
        }
        return new NormFunctions.NativeLayerNorm(dims, eps).apply(input, weight, bias);
    }

    /** The shape that broadcasts a per-channel vector against {@code [N, C, *]} input. */
    static int[] channelShape(int dim, int c) {
        int[] shape = new int[dim];
        Arrays.fill(shape, 1);
        shape[1] = c;
        return shape;
    }

    static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
            boolean training, double momentum, double eps) {
        int[] s = input.sizes();
        if (training) {
            long count = input.numel() / s[1];
            if (count <= 1) {
                throw new IllegalArgumentException("Expected more than 1 value per channel when training, got input size "
                        + Losses.size(input));
            }
        }
        return new NormFunctions.NativeBatchNorm(runningMean, runningVar, training, momentum, eps).apply(input, weight, bias);
    }

    static Tensor groupNorm(Tensor input, int numGroups, Tensor weight, Tensor bias, double eps) {
        int[] s = input.sizes();
        if (s.length < 2 || s[1] % numGroups != 0) {
            throw new IllegalArgumentException("Expected number of channels in input to be divisible by num_groups, but got input of shape "
                    + Losses.size(input) + " and num_groups=" + numGroups);
        }
        return new NormFunctions.NativeGroupNorm(numGroups, eps).apply(input, weight, bias);
    }
}
