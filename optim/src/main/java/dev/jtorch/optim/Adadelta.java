package dev.jtorch.optim;

import dev.jtorch.Tensor;
import dev.jtorch.tensor.PyFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.Adadelta}, updating as PyTorch 2.x's {@code _single_tensor_adadelta} does:
 * {@code square_avg.mul_(rho).addcmul_(g, g, 1-rho)}, {@code std = square_avg.add(eps).sqrt_()},
 * {@code delta = acc_delta.add(eps).sqrt_().div_(std).mul_(g)},
 * {@code acc_delta.mul_(rho).addcmul_(delta, delta, 1-rho)}, {@code p.add_(delta, alpha=-lr)}.
 */
public final class Adadelta extends Optimizer {
    /** Adadelta's keyword arguments with PyTorch's defaults (lr=1.0, rho=0.9, eps=1e-6, weight_decay=0, maximize=False). */
    public static final class Options {
        private double lr = 1.0;
        private double rho = 0.9;
        private double eps = 1e-6;
        private double weightDecay;
        private boolean maximize;

        /** {@code lr}. */
        public Options lr(double v) {
            lr = v;
            return this;
        }

        /** {@code rho}. */
        public Options rho(double v) {
            rho = v;
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

        /** {@code maximize}. */
        public Options maximize(boolean v) {
            maximize = v;
            return this;
        }

        Map<String, Object> toDefaults() {
            return Optimizer.defaults("lr", lr, "rho", rho, "eps", eps, "weight_decay", weightDecay, "maximize", maximize,
                    "capturable", false, "foreach", null, "differentiable", false);
        }
    }

    /** A builder with PyTorch's defaults. */
    public static Options options() {
        return new Options();
    }

    /** {@code Adadelta(params, **options)}. */
    public Adadelta(Iterable<? extends Tensor> params, Options options) {
        super(params, check(options.toDefaults()));
    }

    /** {@code Adadelta(param_groups, **options)}: groups may override any option. */
    public Adadelta(List<ParamGroup> groups, Options options) {
        super(groups, check(options.toDefaults()));
    }

    private static Map<String, Object> check(Map<String, Object> d) {
        Adam.checkNonNegative("Invalid learning rate: ", (Double) d.get("lr"));
        double rho = (Double) d.get("rho");
        if (!(rho >= 0 && rho <= 1)) {
            throw new IllegalArgumentException("Invalid rho value: " + PyFormat.repr(rho));
        }
        Adam.checkNonNegative("Invalid epsilon value: ", (Double) d.get("eps"));
        Adam.checkNonNegative("Invalid weight_decay value: ", (Double) d.get("weight_decay"));
        return d;
    }

    @Override
    protected void validate(ParamGroup g) {
        Adam.checkNonNegative("Invalid learning rate: ", g.lr());
    }

    @Override
    protected void update(Tensor p, Tensor grad, ParamState state, ParamGroup group) {
        double lr = group.lr();
        double rho = group.getDouble("rho");
        double eps = group.getDouble("eps");
        double weightDecay = group.getDouble("weight_decay");
        if (state.isEmpty()) {
            state.put("step", Adam.newStep());
            state.put("square_avg", Tensor.zerosLike(p));
            state.put("acc_delta", Tensor.zerosLike(p));
        }
        Tensor squareAvg = state.tensor("square_avg");
        Tensor accDelta = state.tensor("acc_delta");
        state.tensor("step").add_(1L);
        Tensor g = group.getBoolean("maximize") ? grad.neg() : grad;
        if (weightDecay != 0) {
            g = g.add(p, weightDecay);
        }
        squareAvg.mul_(rho).addcmul_(g, g, 1 - rho);
        Tensor std = squareAvg.add(eps).sqrt_();
        Tensor delta = accDelta.add(eps).sqrt_();
        delta.div_(std).mul_(g);
        accDelta.mul_(rho).addcmul_(delta, delta, 1 - rho);
        p.add_(delta, -lr);
    }
}
