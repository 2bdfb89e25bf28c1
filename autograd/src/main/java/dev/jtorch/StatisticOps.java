package dev.jtorch;

import static dev.jtorch.Op.grads;
import static dev.jtorch.ReductionGrads.reduced;
import static dev.jtorch.ReductionGrads.restore;

/**
 * Differentiable statistics: {@code var}/{@code std} with a correction, {@code logsumexp} and
 * the vector norm, with PyTorch's var_backward, std_backward, logsumexp_backward and
 * norm_backward (a zero norm gives a zero gradient for p = 2, as in PyTorch).
 */
final class StatisticOps {
    private StatisticOps() {}

    /** var (VarBackward0) or std (StdBackward0) over {@code dims} (null or none: all). */
    static Tensor varStd(Tensor t, int[] dims, double correction, boolean keepdim, boolean std) {
        return new Op(std ? "StdBackward0" : "VarBackward0", std ? Op.X0 | Op.RESULT : Op.X0,
                a -> std ? a[0].std(dims, correction, keepdim) : a[0].var(dims, correction, keepdim), (ctx, g, x, r) -> {
                    // std_backward: (grad / (2 * result)).masked_fill_(result == 0, 0), then var_backward
                    Tensor gv = std ? Tensor.where(r.eq(0L), 0.0, g.div(r.mul(2L))) : g;
                    return grads(varBackward(gv, x[0], dims, correction, keepdim));
                }).apply(t);
    }

    /** var_backward: {@code 2 / (n - correction) * grad * (self - mean)}; inf or NaN when {@code n <= correction}. */
    static Tensor varBackward(Tensor g, Tensor self, int[] dims, double correction, boolean keepdim) {
        if (self.dim() == 0 || dims == null || dims.length == 0) {
            double dof = self.numel() - correction;
            if (dof <= 0) {
                return g.mul(Tensor.where(self.eq(self.mean()), Double.NaN, Double.POSITIVE_INFINITY));
            }
            return g.mul(2.0 / dof).mul(self.sub(self.mean()));
        }
        boolean[] m = reduced(dims, self.dim());
        Tensor gg = !keepdim && self.dim() > 1 ? restore(g, m, false) : g;
        long n = 1;
        for (int d = 0; d < m.length; d++) {
            n *= m[d] ? self.size(d) : 1;
        }
        return gg.mul(2.0 / (n - correction)).mul(self.sub(self.mean(ReductionGrads.dims(m), true)));
    }

    /** logsumexp_backward: {@code grad * exp(self - result)}. */
    static Tensor logsumexp(Tensor t, int[] dims, boolean keepdim) {
        return new Op("LogsumexpBackward0", Op.X0 | Op.RESULT, a -> a[0].logsumexp(dims, keepdim), (ctx, g, x, r) -> {
            boolean[] m = reduced(dims, x[0].dim());
            boolean restoreDims = !keepdim && x[0].dim() != 0;
            Tensor gg = restoreDims ? restore(g, m, false) : g;
            Tensor rr = restoreDims ? restore(r, m, false) : r;
            return grads(gg.mul(x[0].sub(rr).exp()));
        }).apply(t);
    }

    /**
     * {@code torch.norm(input, p, dim, keepdim)}, which PyTorch's Python API computes as
     * {@code torch.linalg.vector_norm}: hence the node LinalgVectorNormBackward0.
     */
    static Tensor norm(Tensor t, double p, int[] dims, boolean keepdim) {
        return new Op("LinalgVectorNormBackward0", Op.X0 | Op.RESULT, a -> a[0].norm(p, dims, keepdim),
                (ctx, g, x, r) -> grads(normBackward(g, x[0], p, r, dims, keepdim))).apply(t);
    }

    /** {@code torch.norm(input, "fro", dim, keepdim)}: the 2-norm over at most two dims. */
    static Tensor norm(Tensor t, String p, int[] dims, boolean keepdim) {
        return new Op("LinalgVectorNormBackward0", Op.X0 | Op.RESULT, a -> a[0].norm(p, dims, keepdim),
                (ctx, g, x, r) -> grads(normBackward(g, x[0], 2, r, dims, keepdim))).apply(t);
    }

    /** PyTorch's norm_backward, branch by branch; p = 0 has no gradient (null, as PyTorch's undefined tensor). */
    static Tensor normBackward(Tensor g, Tensor self, double p, Tensor norm, int[] dims, boolean keepdim) {
        boolean[] m = reduced(dims, self.dim());
        if (!keepdim && self.dim() != 0) {
            g = restore(g, m, false);
            norm = restore(norm, m, false);
        }
        if (p == 0) {
            return null;
        } else if (p == 1) {
            return self.sign().mul(g);
        } else if (p == 2) {
            return g.mul(Tensor.where(norm.eq(0L), 0.0, self.div(norm)));
        } else if (Double.isInfinite(p)) {
            // the derivative of amax(abs(self)) respecting NaNs: ties share the gradient
            Tensor selfAbs = self.abs();
            Tensor mask = selfAbs.eq(norm).logicalOr(selfAbs.isnan());
            return self.sign().mul(g.div(mask.sum(ReductionGrads.dims(m), true)).mul(mask));
        } else if (p < 1) {
            Tensor selfScaled = self.sign().mul(Tensor.where(self.eq(0L), 0.0, self.abs().pow(p - 1)));
            return selfScaled.mul(g).mul(norm.pow(1 - p));
        } else if (p < 2) {
            Tensor selfScaled = self.sign().mul(self.abs().pow(p - 1));
            return selfScaled.mul(Tensor.where(norm.eq(0L), 0.0, g.div(norm.pow(p - 1))));
        }
        Tensor selfScaled = self.mul(self.abs().pow(p - 2));
        return selfScaled.mul(Tensor.where(norm.eq(0L), 0.0, g.div(norm.pow(p - 1))));
    }
}
