package dev.jtorch.optim;

import dev.jtorch.Tensor;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.PyFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.Adam} with AMSGrad, L2 or decoupled weight decay and maximize, updating as
 * PyTorch 2.x's {@code _single_tensor_adam} does, operation by operation. {@link AdamW} is this
 * class with {@code decoupled_weight_decay=True}, as in PyTorch 2.10.
 *
 * <pre>{@code
 * Adam opt = new Adam(net.parameters(), Adam.options().lr(1e-3).amsgrad(true));
 * }</pre>
 */
public class Adam extends Optimizer {
    /**
     * Adam's keyword arguments with PyTorch's defaults (lr=1e-3, betas=(0.9, 0.999), eps=1e-8,
     * weight_decay=0, amsgrad=False, maximize=False, decoupled_weight_decay=False).
     */
    public static final class Options {
        private double lr = 1e-3;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double eps = 1e-8;
        private double weightDecay;
        private boolean amsgrad;
        private boolean maximize;
        private boolean decoupledWeightDecay;

        Options(double weightDecay, boolean decoupled) {
            this.weightDecay = weightDecay;
            this.decoupledWeightDecay = decoupled;
        }

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

        /** {@code amsgrad}. */
        public Options amsgrad(boolean v) {
            amsgrad = v;
            return this;
        }

        /** {@code maximize}. */
        public Options maximize(boolean v) {
            maximize = v;
            return this;
        }

        /** {@code decoupled_weight_decay} (AdamW's decay when true). */
        public Options decoupledWeightDecay(boolean v) {
            decoupledWeightDecay = v;
            return this;
        }

        Map<String, Object> toDefaults() {
            return Optimizer.defaults("lr", lr, "betas", new double[] {beta1, beta2}, "eps", eps, "weight_decay", weightDecay,
                    "amsgrad", amsgrad, "maximize", maximize, "foreach", null, "capturable", false, "differentiable", false,
                    "fused", null, "decoupled_weight_decay", decoupledWeightDecay);
        }
    }

    /** A builder with Adam's defaults. */
    public static Options options() {
        return new Options(0.0, false);
    }

    /** {@code Adam(params, **options)}. */
    public Adam(Iterable<? extends Tensor> params, Options options) {
        super(params, check(options.toDefaults()));
    }

    /** {@code Adam(param_groups, **options)}: groups may override any option. */
    public Adam(List<ParamGroup> groups, Options options) {
        super(groups, check(options.toDefaults()));
    }

    static Map<String, Object> check(Map<String, Object> d) {
        checkNonNegative("Invalid learning rate: ", (Double) d.get("lr"));
        checkNonNegative("Invalid epsilon value: ", (Double) d.get("eps"));
        double[] betas = (double[]) d.get("betas");
        for (int i = 0; i < 2; i++) {
            if (!(betas[i] >= 0 && betas[i] < 1)) {
                throw new IllegalArgumentException("Invalid beta parameter at index " + i + ": " + PyFormat.repr(betas[i]));
            }
        }
        checkNonNegative("Invalid weight_decay value: ", (Double) d.get("weight_decay"));
        return d;
    }

    /** PyTorch's {@code if not 0.0 <= x: raise ValueError(f"...{x}")} (NaN fails too). */
    static void checkNonNegative(String message, double x) {
        if (!(x >= 0)) {
            throw new IllegalArgumentException(message + PyFormat.repr(x));
        }
    }

    @Override
    protected void validate(ParamGroup g) {
        checkNonNegative("Invalid learning rate: ", g.lr());
    }

    /** {@code torch.tensor(0.0, dtype=_get_scalar_dtype())}: the step counter every stateful optimizer keeps. */
    static Tensor newStep() {
        return Tensor.zeros(DType.FLOAT32);
    }

    @Override
    protected void update(Tensor p, Tensor grad, ParamState state, ParamGroup group) {
        double lr = group.lr();
        double[] betas = group.getDoubles("betas");
        double beta1 = betas[0];
        double beta2 = betas[1];
        double eps = group.getDouble("eps");
        double weightDecay = group.getDouble("weight_decay");
        boolean amsgrad = group.getBoolean("amsgrad");
        if (state.isEmpty()) {
            state.put("step", newStep());
            state.put("exp_avg", Tensor.zerosLike(p));
            state.put("exp_avg_sq", Tensor.zerosLike(p));
            if (amsgrad) {
                state.put("max_exp_avg_sq", Tensor.zerosLike(p));
            }
        }
        Tensor g = group.getBoolean("maximize") ? grad.neg() : grad;
        Tensor stepT = state.tensor("step");
        Tensor expAvg = state.tensor("exp_avg");
        Tensor expAvgSq = state.tensor("exp_avg_sq");
        stepT.add_(1L);
        if (weightDecay != 0) {
            if (group.getBoolean("decoupled_weight_decay")) {
                p.mul_(1 - lr * weightDecay);
            } else {
                g = g.add(p, weightDecay);
            }
        }
        expAvg.lerp_(g, 1 - beta1);
        expAvgSq.mul_(beta2).addcmul_(g, g, 1 - beta2);
        double step = stepT.item();
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2 = 1 - Math.pow(beta2, step);
        double stepSize = lr / biasCorrection1;
        double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
        Tensor v = expAvgSq;
        if (amsgrad) {
            Tensor maxExpAvgSq = state.tensor("max_exp_avg_sq");
            maxExpAvgSq.copy_(maxExpAvgSq.maximum(expAvgSq)); // torch.maximum(..., out=max_exp_avg_sq)
            v = maxExpAvgSq;
        }
        Tensor denom = v.sqrt().div(biasCorrection2Sqrt).add_(eps);
        p.addcdiv_(expAvg, denom, -stepSize);
    }
}
