package dev.jtorch.optim;

import dev.jtorch.Tensor;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.RAdam} (rectified Adam), updating as PyTorch 2.x's {@code _single_tensor_radam}
 * does: the rectified adaptive step once {@code rho_t > 5}, plain bias-corrected momentum before.
 * Python's {@code float / tensor} is {@code tensor.reciprocal() * float}, reproduced here.
 */
public final class RAdam extends Optimizer {
    /** RAdam's keyword arguments with PyTorch's defaults (lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, decoupled_weight_decay=False). */
    public static final class Options {
        private double lr = 1e-3;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double eps = 1e-8;
        private double weightDecay;
        private boolean decoupledWeightDecay;
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

        /** {@code decoupled_weight_decay}. */
        public Options decoupledWeightDecay(boolean v) {
            decoupledWeightDecay = v;
            return this;
        }

        /** {@code maximize}. */
        public Options maximize(boolean v) {
            maximize = v;
            return this;
        }

        Map<String, Object> toDefaults() {
            return Optimizer.defaults("lr", lr, "betas", new double[] {beta1, beta2}, "eps", eps, "weight_decay", weightDecay,
                    "maximize", maximize, "foreach", null, "capturable", false, "decoupled_weight_decay", decoupledWeightDecay,
                    "differentiable", false);
        }
    }

    /** A builder with PyTorch's defaults. */
    public static Options options() {
        return new Options();
    }

    /** {@code RAdam(params, **options)}. */
    public RAdam(Iterable<? extends Tensor> params, Options options) {
        super(params, Adam.check(options.toDefaults()));
    }

    /** {@code RAdam(param_groups, **options)}: groups may override any option. */
    public RAdam(List<ParamGroup> groups, Options options) {
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
        double beta1 = betas[0];
        double beta2 = betas[1];
        double eps = group.getDouble("eps");
        double weightDecay = group.getDouble("weight_decay");
        if (state.isEmpty()) {
            state.put("step", Adam.newStep());
            state.put("exp_avg", Tensor.zerosLike(p));
            state.put("exp_avg_sq", Tensor.zerosLike(p));
        }
        Tensor g = group.getBoolean("maximize") ? grad.neg() : grad;
        Tensor stepT = state.tensor("step");
        Tensor expAvg = state.tensor("exp_avg");
        Tensor expAvgSq = state.tensor("exp_avg_sq");
        stepT.add_(1L);
        double step = stepT.item();
        if (weightDecay != 0) {
            if (group.getBoolean("decoupled_weight_decay")) {
                p.mul_(1 - lr * weightDecay);
            } else {
                g = g.add(p, weightDecay);
            }
        }
        expAvg.lerp_(g, 1 - beta1);
        expAvgSq.mul_(beta2).addcmul_(g, g, 1 - beta2);
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2 = 1 - Math.pow(beta2, step);
        Tensor biasCorrectedExpAvg = expAvg.div(biasCorrection1);
        double rhoInf = 2 / (1 - beta2) - 1;
        double rhoT = rhoInf - 2 * step * Math.pow(beta2, step) / biasCorrection2;
        if (rhoT > 5.0) {
            double rect = Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
            Tensor adaptiveLr = expAvgSq.sqrt().add_(eps).reciprocal().mul(Math.sqrt(biasCorrection2));
            p.add_(biasCorrectedExpAvg.mul(lr).mul(adaptiveLr).mul(rect), -1.0);
        } else {
            p.add_(biasCorrectedExpAvg.mul(lr), -1.0);
        }
    }
}
