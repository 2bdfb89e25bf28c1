package dev.jtorch.tensor;

import dev.jtorch.tensor.kernel.SgdKernels;

/**
 * The per-parameter update of {@code torch.optim.SGD} with momentum (PyTorch's
 * {@code _single_tensor_sgd}, once the momentum buffer exists) in one pass: the bits of
 * {@code param} and {@code buf} are those of the op-by-op update
 * <pre>{@code
 * g = -grad if maximize else grad
 * if weight_decay != 0: g = g.add(param, alpha=weight_decay)
 * buf.mul_(momentum).add_(g, alpha=1 - dampening)
 * g = g.add(buf, alpha=momentum) if nesterov else buf
 * param.add_(g, alpha=-lr)
 * }</pre>
 * (see {@link SgdKernels}), at the memory traffic of one pass instead of four. It applies only
 * where that is plainly equivalent: {@code param}, {@code grad} and {@code buf} float32 or float64
 * of one dtype, contiguous, of one shape and in three different arrays; the caller keeps the
 * op-by-op path for everything else. It does not bump version counters (the autograd layer does).
 */
public final class FusedSgd {
    private FusedSgd() {}

    /**
     * Updates {@code param} and {@code buf} in place as above and returns true, or returns false
     * without writing anything when the operands are not of the supported kind.
     */
    public static boolean momentumStep_(NDArray param, NDArray grad, NDArray buf, double lr, double momentum,
                                        double dampening, double weightDecay, boolean nesterov, boolean maximize) {
        if (!supported(param, grad, buf)) {
            return false;
        }
        int n = param.numel();
        boolean decay = weightDecay != 0;
        Object ps = param.storage();
        Object gs = grad.storage();
        Object bs = buf.storage();
        int po = param.offset();
        int go = grad.offset();
        int bo = buf.offset();
        if (param.dtype() == DType.FLOAT32) {
            float negLr = (float) -lr;
            float m = (float) momentum;
            float ga = (float) (1 - dampening);
            float wd = (float) weightDecay;
            FlatParallel.run(n, (i, len) -> SgdKernels.momentumStep((float[]) ps, po + i, (float[]) gs, go + i, (float[]) bs, bo + i,
                    len, negLr, m, ga, decay, wd, nesterov, maximize));
        } else {
            double ga = 1 - dampening;
            FlatParallel.run(n, (i, len) -> SgdKernels.momentumStep((double[]) ps, po + i, (double[]) gs, go + i, (double[]) bs, bo + i,
                    len, -lr, momentum, ga, decay, weightDecay, nesterov, maximize));
        }
        return true;
    }

    /** Same floating dtype, same shape, contiguous, three distinct storages. */
    static boolean supported(NDArray param, NDArray grad, NDArray buf) {
        DType t = param.dtype();
        if ((t != DType.FLOAT32 && t != DType.FLOAT64) || grad.dtype() != t || buf.dtype() != t) {
            return false;
        }
        if (!java.util.Arrays.equals(param.sizes(), grad.sizes()) || !java.util.Arrays.equals(param.sizes(), buf.sizes())) {
            return false;
        }
        if (!param.isContiguous() || !grad.isContiguous() || !buf.isContiguous()) {
            return false;
        }
        return param.storage() != grad.storage() && param.storage() != buf.storage() && grad.storage() != buf.storage();
    }
}
