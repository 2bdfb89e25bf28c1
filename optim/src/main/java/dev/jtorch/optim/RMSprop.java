package dev.jtorch.optim;

import dev.jtorch.Tensor;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.RMSprop} with centering, momentum, weight decay and maximize, updating as
 * PyTorch 2.x's {@code _single_tensor_rmsprop} does, operation by operation.
 */
public final class RMSprop extends Optimizer {
    /** RMSprop's keyword arguments with PyTorch's defaults (lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=False). */
    public static final class Options {
        private double lr = 1e-2;
        private double alpha = 0.99;
        private double eps = 1e-8;
        private double weightDecay;
        private double momentum;
        private boolean centered;
        private boolean maximize;

        /** {@code lr}. */
        public Options lr(double v) {
            lr = v;
            return this;
        }

        /** {@code alpha}. */
        public Options alpha(double v) {
            alpha = v;
            return this;
        }

        /** {@code eps}. */
        public Options eps(double v) {
            eps = v;
            return this;
        }

        /** {@code weight_decay}. */
        public Options weightDecay(double v) {
            weightDecay = v;
            return this;
        }

        /** {@code momentum}. */
        public Options momentum(double v) {
            momentum = v;
            return this;
        }

        /** {@code centered}. */
        public Options centered(boolean v) {
            centered = v;
            return this;
        }

        /** {@code maximize}. */
        public Options maximize(boolean v) {
            maximize = v;
            return this;
        }

        Map<String, Object> toDefaults() {
            return Optimizer.defaults("lr", lr, "momentum", momentum, "alpha", alpha, "eps", eps, "centered", centered,
                    "weight_decay", weightDecay, "capturable", false, "foreach", null, "maximize", maximize,
                    "differentiable", false);
        }
    }

    /** A builder with PyTorch's defaults. */
    public static Options options() {
        return new Options();
    }

    /** {@code RMSprop(params, **options)}. */
    public RMSprop(Iterable<? extends Tensor> params, Options options) {
        super(params, check(options.toDefaults()));
    }

    /** {@code RMSprop(param_groups, **options)}: groups may override any option. */
    public RMSprop(List<ParamGroup> groups, Options options) {
        super(groups, check(options.toDefaults()));
    }

    private static Map<String, Object> check(Map<String, Object> d) {
        Adam.checkNonNegative("Invalid learning rate: ", (Double) d.get("lr"));
        Adam.checkNonNegative("Invalid epsilon value: ", (Double) d.get("eps"));
        Adam.checkNonNegative("Invalid momentum value: ", (Double) d.get("momentum"));
        Adam.checkNonNegative("Invalid weight_decay value: ", (Double) d.get("weight_decay"));
        Adam.checkNonNegative("Invalid alpha value: ", (Double) d.get("alpha"));
        return d;
    }

    @Override
    protected void validate(ParamGroup g) {
        Adam.checkNonNegative("Invalid learning rate: ", g.lr());
    }

    @Override
    protected void update(Tensor p, Tensor grad, ParamState state, ParamGroup group) {
        double lr = group.lr();
        double alpha = group.getDouble("alpha");
        double eps = group.getDouble("eps");
        double weightDecay = group.getDouble("weight_decay");
        double momentum = group.getDouble("momentum");
        boolean centered = group.getBoolean("centered");
        if (state.isEmpty()) {
            state.put("step", Adam.newStep());
            state.put("square_avg", Tensor.zerosLike(p));
            if (momentum > 0) {
                state.put("momentum_buffer", Tensor.zerosLike(p));
            }
            if (centered) {
                state.put("grad_avg", Tensor.zerosLike(p));
            }
        }
        Tensor g = group.getBoolean("maximize") ? grad.neg() : grad;
        Tensor squareAvg = state.tensor("square_avg");
        state.tensor("step").add_(1L);
        if (weightDecay != 0) {
            g = g.add(p, weightDecay);
        }
        squareAvg.mul_(alpha).addcmul_(g, g, 1 - alpha);
        Tensor avg;
        if (centered) {
            Tensor gradAvg = state.tensor("grad_avg");
            gradAvg.lerp_(g, 1 - alpha);
            avg = squareAvg.addcmul(gradAvg, gradAvg, -1).sqrt_();
        } else {
            avg = squareAvg.sqrt();
        }
        avg = avg.add_(eps);
        if (momentum > 0) {
            Tensor buf = state.tensor("momentum_buffer");
            buf.mul_(momentum).addcdiv_(g, avg);
            p.add_(buf, -lr);
        } else {
            p.addcdiv_(g, avg, -lr);
        }
    }
}
