package dev.jtorch.examples;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.nn.Linear;
import dev.jtorch.nn.functional.F;
import dev.jtorch.optim.Optimizer;
import dev.jtorch.optim.ParamGroup;
import dev.jtorch.optim.ParamState;
import java.util.ArrayList;
import java.util.List;

/**
 * A user-written optimizer (Lion, Chen et al. 2023: the README's example) training a linear
 * regression: the class writes only its update; groups, state, state dicts and hooks come from
 * {@link Optimizer}.
 */
public final class CustomOptimizer {
    private CustomOptimizer() {}

    /** Lion: sign of an interpolated momentum, decoupled weight decay. */
    public static final class Lion extends Optimizer {
        public Lion(Iterable<? extends Tensor> params, double lr, double beta1, double beta2, double weightDecay) {
            super(params, Optimizer.defaults("lr", lr, "betas", new double[] {beta1, beta2}, "weight_decay", weightDecay));
        }

        @Override
        protected void update(Tensor p, Tensor grad, ParamState state, ParamGroup group) {
            double lr = group.lr();
            double[] betas = group.getDoubles("betas");
            if (state.isEmpty()) {
                state.put("exp_avg", Torch.zerosLike(p));
            }
            Tensor expAvg = state.tensor("exp_avg");
            p.mul_(1 - lr * group.getDouble("weight_decay"));
            Tensor update = expAvg.mul(betas[0]).add(grad, 1 - betas[0]).sign();
            p.add_(update, -lr);
            expAvg.lerp_(grad, 1 - betas[1]);
        }
    }

    /** Fits y = 3x - 2 (plus noise) with Lion; returns the loss every 20 steps. */
    public static List<Double> run() {
        Torch.manualSeed(0);
        Tensor x = Torch.randn(256, 1);
        Tensor y = x.mul(3.0).sub(2.0).add(Torch.randn(256, 1).mul(0.1));
        Linear model = new Linear(1, 1);
        Lion opt = new Lion(model.parameters(), 0.01, 0.9, 0.99, 0.0);
        List<Double> losses = new ArrayList<>();
        for (int step = 0; step < 300; step++) {
            Tensor loss = F.mseLoss(model.forward(x), y);
            opt.zeroGrad();
            loss.backward();
            opt.step();
            if (step % 20 == 0) {
                losses.add(loss.item());
            }
        }
        return losses;
    }

    /** Prints the loss curve and the fitted line. */
    public static void main(String[] args) {
        List<Double> losses = run();
        for (int i = 0; i < losses.size(); i++) {
            System.out.printf("step %3d: loss %.4f%n", i * 20, losses.get(i));
        }
    }
}
