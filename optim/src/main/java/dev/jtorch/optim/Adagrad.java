package dev.jtorch.optim;

import dev.jtorch.Tensor;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.Adagrad} with learning-rate decay, an initial accumulator value, weight decay
 * and maximize, updating as PyTorch 2.x's {@code _single_tensor_adagrad} does. As in PyTorch, the
 * state ({@code step}, {@code sum}) of every parameter is created by the constructor, so
 * {@code stateDict()} has entries before the first step.
 */
public final class Adagrad extends Optimizer {
    /** Adagrad's keyword arguments with PyTorch's defaults (lr=1e-2, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10). */
    public static final class Options {
        private double lr = 1e-2;
        private double lrDecay;
        private double weightDecay;
        private double initialAccumulatorValue;
        private double eps = 1e-10;
        private boolean maximize;

        /** {@code lr}. */
        public Options lr(double v) {
            lr = v;
            return this;
        }

        /** {@code lr_decay}. */
        public Options lrDecay(double v) {
            lrDecay = v;
            return this;
        }

        /** {@code weight_decay}. */
        public Options weightDecay(double v) {
            weightDecay = v;
            return this;
        }

        /** {@code initial_accumulator_value}. */
        public Options initialAccumulatorValue(double v) {
            initialAccumulatorValue = v;
            return this;
        }

        /** {@code eps}. */
        public Options eps(double v) {
            eps = v;
            return this;
        }

        /** {@code maximize}. */
        public Options maximize(boolean v) {
            maximize = v;
            return this;
        }

        Map<String, Object> toDefaults() {
            return Optimizer.defaults("lr", lr, "lr_decay", lrDecay, "eps", eps, "weight_decay", weightDecay,
                    "initial_accumulator_value", initialAccumulatorValue, "foreach", null, "maximize", maximize,
                    "differentiable", false, "fused", null);
        }
    }

    /** A builder with PyTorch's defaults. */
    public static Options options() {
        return new Options();
    }

    /** {@code Adagrad(params, **options)}. */
    public Adagrad(Iterable<? extends Tensor> params, Options options) {
        super(params, check(options.toDefaults()));
        initState();
    }

    /** {@code Adagrad(param_groups, **options)}: groups may override any option. */
    public Adagrad(List<ParamGroup> groups, Options options) {
        super(groups, check(options.toDefaults()));
        initState();
    }

    private static Map<String, Object> check(Map<String, Object> d) {
        Adam.checkNonNegative("Invalid learning rate: ", (Double) d.get("lr"));
        Adam.checkNonNegative("Invalid lr_decay value: ", (Double) d.get("lr_decay"));
        Adam.checkNonNegative("Invalid weight_decay value: ", (Double) d.get("weight_decay"));
        Adam.checkNonNegative("Invalid initial_accumulator_value value: ", (Double) d.get("initial_accumulator_value"));
        Adam.checkNonNegative("Invalid epsilon value: ", (Double) d.get("eps"));
        return d;
    }

    @Override
    protected void validate(ParamGroup g) {
        Adam.checkNonNegative("Invalid learning rate: ", g.lr());
    }

    /** PyTorch's {@code __init__} loop: {@code state['step'] = tensor(0.)}, {@code state['sum'] = full_like(p, initial_accumulator_value)}. */
    private void initState() {
        for (ParamGroup g : paramGroups()) {
            for (Tensor p : g.params()) {
                initState(p, state(p), g);
            }
        }
    }

    private static void initState(Tensor p, ParamState s, ParamGroup g) {
        if (s.isEmpty()) {
            s.put("step", Adam.newStep());
            s.put("sum", Tensor.zerosLike(p).fill_(g.getDouble("initial_accumulator_value")));
        }
    }

    @Override
    protected void update(Tensor p, Tensor grad, ParamState state, ParamGroup group) {
        // Parameters added by addParamGroup after construction get their state here (PyTorch would raise KeyError).
        initState(p, state, group);
        double lr = group.lr();
        double lrDecay = group.getDouble("lr_decay");
        double weightDecay = group.getDouble("weight_decay");
        double eps = group.getDouble("eps");
        Tensor g = group.getBoolean("maximize") ? grad.neg() : grad;
        Tensor stepT = state.tensor("step");
        Tensor stateSum = state.tensor("sum");
        stepT.add_(1L);
        double step = stepT.item();
        if (weightDecay != 0) {
            g = g.add(p, weightDecay);
        }
        double clr = lr / (1 + (step - 1) * lrDecay);
        stateSum.addcmul_(g, g, 1);
        Tensor std = stateSum.sqrt().add_(eps);
        p.addcdiv_(g, std, -clr);
    }
}
