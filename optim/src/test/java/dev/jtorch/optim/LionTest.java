package dev.jtorch.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.tensor.NDArray;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's custom optimizer (Lion) trains a tiny linear model, and survives a save/load mid-training. */
class LionTest {
    /** Copied from README.md ("Lion, complete"). */
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

    @TempDir
    Path dir;

    private static final Tensor X = new Tensor(Training.gaussian(new Random(11), new int[] {16, 3}, 1.0));
    private static final Tensor Y = X.matmul(new Tensor(NDArray.wrap(new float[] {1f, -2f, 0.5f}, 3, 1))).add(0.3);

    private static List<Tensor> model() {
        return List.of(Torch.zeros(3, 1).requiresGrad_(true), Torch.zeros(1).requiresGrad_(true));
    }

    private static double trainStep(Optimizer opt, List<Tensor> wb) {
        opt.zeroGrad();
        Tensor loss = X.matmul(wb.get(0)).add(wb.get(1)).sub(Y).square().mean();
        loss.backward();
        opt.step();
        return loss.item();
    }

    @Test
    void trainsSavesLoadsAndContinuesIdentically() {
        List<Tensor> straight = model();
        Lion opt = new Lion(straight, 0.02, 0.9, 0.99, 0.0);
        double first = trainStep(opt, straight);
        double last = first;
        for (int k = 1; k < 60; k++) {
            last = trainStep(opt, straight);
        }
        assertTrue(last < first * 0.2, "loss " + first + " -> " + last);

        List<Tensor> part = model();
        Lion a = new Lion(part, 0.02, 0.9, 0.99, 0.0);
        for (int k = 0; k < 30; k++) {
            trainStep(a, part);
        }
        Path file = dir.resolve("lion.safetensors");
        a.stateDict().save(file);
        List<Tensor> resumed = Training.copies(part);
        Lion b = new Lion(resumed, 0.5, 0.1, 0.1, 0.0); // hyperparameters come from the file
        b.loadStateDict(OptimizerStateDict.load(file));
        for (int k = 30; k < 60; k++) {
            trainStep(b, resumed);
        }
        Training.assertSameValues(straight, resumed, "Lion resumed");
    }
}
