package dev.jtorch;

import static dev.jtorch.Op.grads;
import static dev.jtorch.ReductionGrads.cat;
import static dev.jtorch.ReductionGrads.reversedCumsum;

import dev.jtorch.autograd.GradMode;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import dev.jtorch.tensor.Shapes;

/**
 * Differentiable ops along one dim: {@code cumsum}, {@code cumprod} (zero-safe, as PyTorch's
 * cumprod_backward), {@code softmax} and {@code log_softmax}.
 */
final class ScanOps {
    private ScanOps() {}

    /** cumsum_backward: the reversed cumulative sum of the gradient. */
    static Tensor cumsum(Tensor t, int dim) {
        return new Op("CumsumBackward0", Op.NONE, a -> a[0].cumsum(dim), (ctx, g, x, r) -> {
            if (g.numel() <= 1 || g.size(Shapes.wrapDim(dim, g.dim())) == 1) {
                return grads(g);
            }
            return grads(reversedCumsum(g, Shapes.wrapDim(dim, g.dim())));
        }).apply(t);
    }

    static Tensor cumprod(Tensor t, int dim) {
        return new Op("CumprodBackward0", Op.X0 | Op.RESULT, a -> a[0].cumprod(dim),
                (ctx, g, x, r) -> grads(cumprodBackward(g, x[0], dim, r))).apply(t);
    }

    /**
     * PyTorch's cumprod_backward: without zeros {@code reversed_cumsum(result * grad) / input};
     * with zeros an O(n) product recurrence for first-order gradients, and PyTorch's O(n^2)
     * composite (itself differentiable) when a graph of the gradient is being built.
     */
    static Tensor cumprodBackward(Tensor g, Tensor x, int dim, Tensor out) {
        if (x.numel() <= 1) {
            return g;
        }
        int d = Shapes.wrapDim(dim, x.dim());
        int n = x.size(d);
        if (n == 1) {
            return g;
        }
        if (x.array().eq(0.0).any().item() == 0) {
            return reversedCumsum(out.mul(g), d).div(x);
        }
        if (!GradMode.isEnabled()) {
            return new Tensor(cumprodGradWithZeros(g.array(), x.array(), d));
        }
        int[] onesSize = x.sizes();
        onesSize[d] = 1;
        Tensor ones = new Tensor(NDArray.ones(g.dtype(), onesSize));
        Tensor[] slices = new Tensor[n];
        for (int k = 0; k < n; k++) {
            Tensor omitted;
            if (k == 0) {
                omitted = cat(new Tensor[] {ones, x.narrow(d, 1, n - 1).cumprod(d)}, d);
            } else if (k == n - 1) {
                omitted = x.narrow(d, 0, k).prod(d, true);
            } else {
                Tensor untilK = x.narrow(d, 0, k).prod(d, true);
                Tensor fromK1 = x.narrow(d, k + 1, n - k - 1).cumprod(d);
                omitted = cat(new Tensor[] {untilK, untilK.expandAs(fromK1).mul(fromK1)}, d);
            }
            slices[k] = g.narrow(d, k, n - k).mul(omitted).sum(d, true);
        }
        return cat(slices, d);
    }

    /**
     * First-order cumprod gradient that tolerates zeros: with E_k the product of the elements
     * before k and S_k = g_k + x_{k+1} S_{k+1}, the gradient at k is E_k S_k (no division).
     */
    private static NDArray cumprodGradWithZeros(NDArray g, NDArray x, int dim) {
        int last = x.dim() - 1;
        double[] xs = x.transpose(dim, last).to(DType.FLOAT64).contiguous().toDoubleArray();
        double[] gs = g.expand(x.sizes()).transpose(dim, last).to(DType.FLOAT64).contiguous().toDoubleArray();
        int n = x.size(dim);
        double[] out = new double[xs.length];
        for (int base = 0; base < xs.length; base += n) {
            double s = gs[base + n - 1];
            out[base + n - 1] = s;
            for (int k = n - 2; k >= 0; k--) {
                s = gs[base + k] + xs[base + k + 1] * s;
                out[base + k] = s;
            }
            double e = 1;
            for (int k = 0; k < n; k++) {
                out[base + k] *= e;
                e *= xs[base + k];
            }
        }
        int[] permuted = x.transpose(dim, last).sizes();
        return NDArray.wrap(out, permuted).transpose(dim, last).to(g.dtype()).contiguous();
    }

    // ------------------------------------------------------------------ softmax

    /** _softmax_backward_data: {@code result * (grad - sum(grad * result, dim))}. */
    static Tensor softmax(Tensor t, int dim) {
        return new Op("SoftmaxBackward0", Op.RESULT, a -> a[0].softmax(dim),
                (ctx, g, x, r) -> grads(r.mul(g.sub(g.mul(r).sum(dim, true))))).apply(t);
    }

    /** _log_softmax_backward_data: {@code grad - exp(result) * sum(grad, dim)}. */
    static Tensor logSoftmax(Tensor t, int dim) {
        return new Op("LogSoftmaxBackward0", Op.RESULT, a -> a[0].logSoftmax(dim),
                (ctx, g, x, r) -> grads(g.sub(r.exp().mul(g.sum(dim, true))))).apply(t);
    }
}
