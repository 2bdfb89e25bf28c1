package dev.jtorch.nn.functional;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.autograd.GradMode;
import java.util.Arrays;

/**
 * Layer, batch and group normalisation composed from autograd ops: {@code (x - mean) * rsqrt(var + eps)}
 * with the biased variance, then the affine transform, as PyTorch's CPU kernels compute it.
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
        Tensor mean = input.mean(dims, true);
        Tensor var = input.var(dims, false, true);
        Tensor out = input.sub(mean).mul(var.add(eps).rsqrt());
        if (weight != null) {
            out = out.mul(weight);
        }
        if (bias != null) {
            out = out.add(bias);
        }
        return out;
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
        int c = s[1];
        int[] cs = channelShape(s.length, c);
        Tensor mean;
        Tensor var;
        if (training) {
            int[] dims = new int[s.length - 1];
            long count = s[0];
            dims[0] = 0;
            for (int i = 2; i < s.length; i++) {
                dims[i - 1] = i;
                count *= s[i];
            }
            if (count <= 1) {
                throw new IllegalArgumentException("Expected more than 1 value per channel when training, got input size "
                        + Losses.size(input));
            }
            mean = input.mean(dims, true);
            var = input.var(dims, false, true);
            if (runningMean != null) {
                try (GradMode.Guard g = Torch.noGrad()) {
                    Tensor m = mean.detach().view(c);
                    Tensor unbiased = var.detach().view(c).mul((double) count / (count - 1));
                    runningMean.mul_(1 - momentum).add_(m.mul(momentum));
                    runningVar.mul_(1 - momentum).add_(unbiased.mul(momentum));
                }
            }
        } else {
            mean = runningMean.view(cs);
            var = runningVar.view(cs);
        }
        Tensor out = input.sub(mean).mul(var.add(eps).rsqrt());
        if (weight != null) {
            out = out.mul(weight.view(cs));
        }
        if (bias != null) {
            out = out.add(bias.view(cs));
        }
        return out;
    }

    static Tensor groupNorm(Tensor input, int numGroups, Tensor weight, Tensor bias, double eps) {
        int[] s = input.sizes();
        if (s.length < 2 || s[1] % numGroups != 0) {
            throw new IllegalArgumentException("Expected number of channels in input to be divisible by num_groups, but got input of shape "
                    + Losses.size(input) + " and num_groups=" + numGroups);
        }
        Tensor x = input.reshape(s[0], numGroups, -1);
        Tensor mean = x.mean(new int[] {2}, true);
        Tensor var = x.var(new int[] {2}, false, true);
        Tensor out = x.sub(mean).mul(var.add(eps).rsqrt()).reshape(s);
        int[] cs = channelShape(s.length, s[1]);
        if (weight != null) {
            out = out.mul(weight.view(cs));
        }
        if (bias != null) {
            out = out.add(bias.view(cs));
        }
        return out;
    }
}
