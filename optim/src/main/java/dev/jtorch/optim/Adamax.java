package dev.jtorch.optim;

import dev.jtorch.Tensor;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.Adamax} (Adam with the infinity norm), updating as PyTorch 2.x's
 * {@code _single_tensor_adamax} does: {@code exp_avg.lerp_(g, 1-beta1)},
 * {@code torch.maximum(exp_inf.mul_(beta2), g.abs().add_(eps), out=exp_inf)},
 * {@code p.addcdiv_(exp_avg, exp_inf, value=-lr/(1-beta1**step))}.
 */
public final class Adamax extends Optimizer {
    /** Adamax's keyword arguments with PyTorch's defaults (lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, maximize=False). */
    public static final class Options {
        private double lr = 2e-3;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double eps = 1e-8;
        private double weightDecay;
        private boolean maximize;

        /** {@code lr}. */
        public Options lr(double v) {
            lr = v;
            return this;
        }

        /** {@code betas=(beta1, beta2)}. */
        public Options betas(double b1, double b2) {
            beta1 = b1;
            beta2 = b2;
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
            return Optimizer.defaults("lr", lr, "betas", new double[] {beta1, beta2}, "eps", eps, "weight_decay", weightDecay,
                    "foreach", null, "maximize", maximize, "differentiable", false, "capturable", false);
        }
    }

    /** A builder with PyTorch's defaults. */
    public static Options options() {
        return new Options();
    }

    /** {@code Adamax(params, **options)}. */
    public Adamax(Iterable<? extends Tensor> params, Options options) {
        super(params, Adam.check(options.toDefaults()));
    }

    /** {@code Adamax(param_groups, **options)}: groups may override any option. */
    public Adamax(List<ParamGroup> groups, Options options) {
        super(groups, Adam.check(options.toDefaults()));
    }

    @Override
    protected void validate(ParamGroup g) {
        Adam.checkNonNegative("Invalid learning rate: ", g.lr());
    }

    @Override
    protected void update(Tensor p, Tensor grad, ParamState state, ParamGroup group) {
        double lr = group.lr();
        double[] betas = group.getDoubles("betas");
        double eps = group.getDouble("eps");
        double weightDecay = group.getDouble("weight_decay");
        if (state.isEmpty()) {
            state.put("step", Adam.newStep());
            state.put("exp_avg", Tensor.zerosLike(p));
            state.put("exp_inf", Tensor.zerosLike(p));
        }
        Tensor g = group.getBoolean("maximize") ? grad.neg() : grad;
        Tensor stepT = state.tensor("step");
        Tensor expAvg = state.tensor("exp_avg");
        Tensor expInf = state.tensor("exp_inf");
        stepT.add_(1L);
        if (weightDecay != 0) {
            g = g.add(p, weightDecay);
        }
        expAvg.lerp_(g, 1 - betas[0]);
        expInf.mul_(betas[1]);
        expInf.copy_(expInf.maximum(g.abs().add_(eps))); // torch.maximum(..., out=exp_inf)
        double biasCorrection = 1 - Math.pow(betas[0], stepT.item());
        double clr = lr / biasCorrection;
        p.addcdiv_(expAvg, expInf, -clr);
    }
}
