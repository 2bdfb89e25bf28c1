package dev.jtorch.optim;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.tensor.DType;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.NAdam} (Adam with Nesterov momentum and momentum decay), updating as PyTorch
 * 2.x's {@code _single_tensor_nadam} does, including the float32 {@code mu_product} state tensor.
 */
public final class NAdam extends Optimizer {
    /**
     * NAdam's keyword arguments with PyTorch's defaults (lr=2e-3, betas=(0.9, 0.999), eps=1e-8,
     * weight_decay=0, momentum_decay=4e-3, decoupled_weight_decay=False, maximize=False).
     */
    public static final class Options {
        private double lr = 2e-3;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double eps = 1e-8;
        private double weightDecay;
        private double momentumDecay = 4e-3;
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

        /** {@code momentum_decay}. */
        public Options momentumDecay(double v) {
            momentumDecay = v;
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
                    "momentum_decay", momentumDecay, "decoupled_weight_decay", decoupledWeightDecay, "maximize", maximize,
                    "foreach", null, "capturable", false, "differentiable", false);
        }
    }

    /** A builder with PyTorch's defaults. */
    public static Options options() {
        return new Options();
    }

    /** {@code NAdam(params, **options)}. */
    public NAdam(Iterable<? extends Tensor> params, Options options) {
        super(params, check(options.toDefaults()));
    }

    /** {@code NAdam(param_groups, **options)}: groups may override any option. */
    public NAdam(List<ParamGroup> groups, Options options) {
        super(groups, check(options.toDefaults()));
    }

    private static Map<String, Object> check(Map<String, Object> d) {
        Adam.check(d);
        Adam.checkNonNegative("Invalid momentum_decay value: ", (Double) d.get("momentum_decay"));
        return d;
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
        double momentumDecay = group.getDouble("momentum_decay");
        if (state.isEmpty()) {
            state.put("step", Adam.newStep());
            state.put("mu_product", Torch.ones(DType.FLOAT32));
            state.put("exp_avg", Tensor.zerosLike(p));
            state.put("exp_avg_sq", Tensor.zerosLike(p));
        }
        Tensor g = group.getBoolean("maximize") ? grad.neg() : grad;
        Tensor stepT = state.tensor("step");
        Tensor muProduct = state.tensor("mu_product");
        Tensor expAvg = state.tensor("exp_avg");
        Tensor expAvgSq = state.tensor("exp_avg_sq");
        stepT.add_(1L);
        double step = stepT.item();
        double biasCorrection2 = 1 - Math.pow(beta2, step);
        if (weightDecay != 0) {
            if (group.getBoolean("decoupled_weight_decay")) {
                p.mul_(1 - lr * weightDecay);
            } else {
                g = g.add(p, weightDecay);
            }
        }
        double mu = beta1 * (1.0 - 0.5 * Math.pow(0.96, step * momentumDecay));
        double muNext = beta1 * (1.0 - 0.5 * Math.pow(0.96, (step + 1) * momentumDecay));
        muProduct.mul_(mu);
        expAvg.lerp_(g, 1 - beta1);
        expAvgSq.mul_(beta2).addcmul_(g, g, 1 - beta2);
        Tensor denom = expAvgSq.div(biasCorrection2).sqrt();
        double muProductValue = muProduct.item();
        double muProductNext = muProductValue * muNext;
        denom.add_(eps);
        p.addcdiv_(g, denom, -lr * (1.0 - mu) / (1.0 - muProductValue));
        p.addcdiv_(expAvg, denom, -lr * muNext / (1.0 - muProductNext));
    }
}
