package dev.jtorch.tensor.kernel;

/**
 * The update of one parameter by {@code torch.optim.SGD} with a momentum buffer already in
 * place, in one pass over {@code param}, {@code grad} and {@code buf}. PyTorch's
 * {@code _single_tensor_sgd} (the CPU default) runs it as separate tensor ops, each element of each
 * rounded once:
 * <pre>{@code
 * g = -grad if maximize else grad
 * if weight_decay != 0: g = g.add(param, alpha=weight_decay)     # fma(param, wd, g)
 * buf.mul_(momentum).add_(g, alpha=1 - dampening)                # fma(g, 1 - d, buf * momentum)
 * g = g.add(buf, alpha=momentum) if nesterov else buf            # fma(buf, momentum, g)
 * param.add_(g, alpha=-lr)                                       # fma(g, -lr, param)
 * }</pre>
 * Here every element goes through exactly those roundings, in that order (the scalars cast to the
 * tensor's dtype first, as the ops do: {@code add} with an alpha is one fused multiply-add per
 * element, {@code mul_} by a scalar one product), so the results are bit-identical to the op-by-op
 * path while reading three arrays and writing two once, instead of four passes. Elements are
 * independent: any split of {@code [0, n)} gives the same bits.
 *
 * <p>With the Vector API ({@link Kernels#VECTORIZED}) the lane blocks run in {@link VectorSgd}
 * and the tail here; {@code -Djtorch.kernels=scalar} runs everything here.
 */
public final class SgdKernels {
    private SgdKernels() {}

    /**
     * float32 update of {@code n} contiguous elements from {@code po}, {@code go}, {@code bo};
     * {@code negLr} is {@code (float) -lr}, {@code gradAlpha} is {@code (float) (1 - dampening)},
     * {@code weightDecay} is used only when {@code decay}.
     */
    public static void momentumStep(float[] p, int po, float[] g, int go, float[] buf, int bo, int n,
                                    float negLr, float momentum, float gradAlpha, boolean decay, float weightDecay,
                                    boolean nesterov, boolean maximize) {
        int i = 0;
        if (Kernels.VECTORIZED) {
            i = VectorSgd.step(p, po, g, go, buf, bo, n, negLr, momentum, gradAlpha, decay, weightDecay, nesterov, maximize);
        }
        for (; i < n; i++) {
            float gi = maximize ? -g[go + i] : g[go + i];
            float pi = p[po + i];
            if (decay) {
                gi = Math.fma(pi, weightDecay, gi);
            }
            float b = Math.fma(gi, gradAlpha, buf[bo + i] * momentum);
            buf[bo + i] = b;
            float d = nesterov ? Math.fma(b, momentum, gi) : b;
            p[po + i] = Math.fma(d, negLr, pi);
        }
    }

    /** float64 {@link #momentumStep(float[], int, float[], int, float[], int, int, float, float, float, boolean, float, boolean, boolean)}. */
    public static void momentumStep(double[] p, int po, double[] g, int go, double[] buf, int bo, int n,
                                    double negLr, double momentum, double gradAlpha, boolean decay, double weightDecay,
                                    boolean nesterov, boolean maximize) {
        int i = 0;
        if (Kernels.VECTORIZED) {
            i = VectorSgd.step(p, po, g, go, buf, bo, n, negLr, momentum, gradAlpha, decay, weightDecay, nesterov, maximize);
        }
        for (; i < n; i++) {
            double gi = maximize ? -g[go + i] : g[go + i];
            double pi = p[po + i];
            if (decay) {
                gi = Math.fma(pi, weightDecay, gi);
            }
            double b = Math.fma(gi, gradAlpha, buf[bo + i] * momentum);
            buf[bo + i] = b;
            double d = nesterov ? Math.fma(b, momentum, gi) : b;
            p[po + i] = Math.fma(d, negLr, pi);
        }
    }
}
