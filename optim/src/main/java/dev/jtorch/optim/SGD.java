package dev.jtorch.optim;

import dev.jtorch.Tensor;
import dev.jtorch.tensor.FusedSgd;
import dev.jtorch.tensor.PyFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.SGD} with momentum, dampening, Nesterov, weight decay and maximize, updating
 * as PyTorch 2.x's {@code _single_tensor_sgd} does, operation by operation. Once a parameter has
 * its momentum buffer, the same operations run fused in one pass over the parameter, its gradient
 * and the buffer ({@link FusedSgd}), with the same roundings and so the same bits.
 *
 * <pre>{@code
 * SGD opt = new SGD(net.parameters(), SGD.options().lr(0.01).momentum(0.9));
 * }</pre>
 */
public final class SGD extends Optimizer {
    /** SGD's keyword arguments with PyTorch's defaults (lr=1e-3, momentum=0, dampening=0, weight_decay=0, nesterov=False, maximize=False). */
    public static final class Options {
        private double lr = 1e-3;
        private double momentum;
        private double dampening;
        private double weightDecay;
        private boolean nesterov;
        private boolean maximize;

        /** {@code lr}. */
        public Options lr(double v) {
            lr = v;
            return this;
        }

        /** {@code momentum}. */
        public Options momentum(double v) {
            momentum = v;
            return this;
        }

        /** {@code dampening}. */
        public Options dampening(double v) {
            dampening = v;
            return this;
        }

        /** {@code weight_decay}. */
        public Options weightDecay(double v) {
            weightDecay = v;
            return this;
        }

        /** {@code nesterov}. */
        public Options nesterov(boolean v) {
            nesterov = v;
            return this;
        }

        /** {@code maximize}. */
        public Options maximize(boolean v) {
            maximize = v;
            return this;
        }

        Map<String, Object> toDefaults() {
            return Optimizer.defaults("lr", lr, "momentum", momentum, "dampening", dampening, "weight_decay", weightDecay,
                    "nesterov", nesterov, "maximize", maximize, "foreach", null, "differentiable", false, "fused", null);
        }
    }

    /** A builder with PyTorch's defaults. */
    public static Options options() {
        return new Options();
    }

    /** {@code SGD(params, **options)}. */
    public SGD(Iterable<? extends Tensor> params, Options options) {
        super(params, check(options.toDefaults()));
    }

    /** {@code SGD(param_groups, **options)}: groups may override any option. */
    public SGD(List<ParamGroup> groups, Options options) {
        super(groups, check(options.toDefaults()));
    }

    private static Map<String, Object> check(Map<String, Object> d) {
        double lr = (Double) d.get("lr");
        if (lr < 0) {
            throw new IllegalArgumentException("Invalid learning rate: " + PyFormat.repr(lr));
        }
        if ((Double) d.get("momentum") < 0) {
            throw new IllegalArgumentException("Invalid momentum value: " + PyFormat.repr((Double) d.get("momentum")));
        }
        if ((Double) d.get("weight_decay") < 0) {
            throw new IllegalArgumentException("Invalid weight_decay value: " + PyFormat.repr((Double) d.get("weight_decay")));
        }
        return d;
    }

    @Override
    protected void validate(ParamGroup g) {
        if (g.lr() < 0) {
            throw new IllegalArgumentException("Invalid learning rate: " + PyFormat.repr(g.lr()));
        }
        if (g.getBoolean("nesterov") && (g.getDouble("momentum") <= 0 || g.getDouble("dampening") != 0)) {
            throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening");
        }
    }

    @Override
    protected void update(Tensor p, Tensor grad, ParamState state, ParamGroup group) {
        double lr = group.lr();
        double momentum = group.getDouble("momentum");
        double dampening = group.getDouble("dampening");
        double weightDecay = group.getDouble("weight_decay");
        if (momentum != 0 && fusedStep(p, grad, state, lr, momentum, dampening, weightDecay, group)) {
            return;
        }
        Tensor g = group.getBoolean("maximize") ? grad.neg() : grad;
        if (weightDecay != 0) {
            g = g.add(p, weightDecay);
        }
        if (momentum != 0) {
            Tensor buf = state.has("momentum_buffer") ? state.tensor("momentum_buffer") : null;
            if (buf == null) {
                buf = g.clone().detach();
                state.put("momentum_buffer", buf);
            } else {
                buf.mul_(momentum).add_(g, 1 - dampening);
            }
            g = group.getBoolean("nesterov") ? g.add(buf, momentum) : buf;
        }
        p.add_(g, -lr);
    }

    /**
     * The update below once the momentum buffer exists, in one pass over the parameter, its
     * gradient and the buffer ({@link FusedSgd}: the same bits as the op-by-op path). Returns
     * false, having changed nothing, when the tensors do not qualify (first step, a buffer loaded
     * as None, or layouts and dtypes the fused kernel does not take); the op-by-op path runs then.
     * The version counters move as the ops would move them: the parameter's once, the buffer's twice.
     */
    private static boolean fusedStep(Tensor p, Tensor grad, ParamState state, double lr, double momentum,
                                     double dampening, double weightDecay, ParamGroup group) {
        Tensor buf = state.has("momentum_buffer") ? state.tensor("momentum_buffer") : null;
        if (buf == null || !FusedSgd.momentumStep_(p.array(), grad.array(), buf.array(), lr, momentum, dampening,
                weightDecay, group.getBoolean("nesterov"), group.getBoolean("maximize"))) {
            return false;
        }
        buf.bumpVersion();
        buf.bumpVersion();
        p.bumpVersion();
        return true;
    }
}
