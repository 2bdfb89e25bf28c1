package dev.jtorch.bench;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.autograd.GradMode;
import dev.jtorch.nn.CrossEntropyLoss;
import dev.jtorch.nn.Linear;
import dev.jtorch.nn.Module;
import dev.jtorch.nn.ReLU;
import dev.jtorch.nn.Sequential;
import dev.jtorch.optim.SGD;
import dev.jtorch.tensor.NDArray;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.CrossEntropyLossImpl;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.SGDOptions;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * Issue 7's training steps: one {@code SGD(lr=0.01, momentum=0.9)} iteration of the seed's
 * {@code Model0} (Linear 3-3, ReLU, Linear 3-2, ReLU, Linear 2-3, cross entropy on the notebook's
 * three samples), and one step of an MLP 784-256-128-10 (ReLU) on a batch of 128 with cross entropy
 * and the same SGD. An iteration is what a training loop does: forward, loss, {@code zero_grad},
 * backward, {@code step}; it returns the loss. The MLP's labels rotate each step (see
 * {@link #mlpTargets}) so that it stays in the regime of a real training run.
 *
 * <p>Both sides build the same model from the same weights (the workload's inputs, copied into
 * {@code nn.Linear} modules on each side; the MLP's are scaled by {@code 1/sqrt(fan_in)} so the
 * logits stay in a trained network's range) and use their own modules, loss and optimizer:
 * jtorch's {@code Linear}/{@code Sequential}/{@code CrossEntropyLoss}/{@code SGD} against
 * libtorch's C++ {@code torch::nn::Linear}, {@code CrossEntropyLoss} and {@code torch::optim::SGD}.
 * The first iteration's losses are compared before timing; {@code TrainingWorkloadsTest} checks
 * that several iterations stay together. Targets (issue 7): Model0 at least 10x faster than
 * libtorch, the MLP step no slower.
 */
final class TrainingWorkloads {
    private TrainingWorkloads() {}

    static final double LR = 0.01;
    static final double MOMENTUM = 0.9;

    /** The notebook's inputs and class targets. */
    static final float[] MODEL0_X = {1.0f, 2.0f, 1.5f, 3.0f, 4.0f, 2.3f, 5.0f, 6.0f, 1.2f};
    static final long[] MODEL0_Z = {0, 2, 1};

    /** Layer widths of the MLP, input first, and its batch size. */
    static final int[] MLP_WIDTHS = {784, 256, 128, 10};
    static final int MLP_BATCH = 128;

    static List<Workload> all() {
        List<Workload> w = new ArrayList<>();
        w.add(training("Model0 SGD iteration (seed 3-3-2-3)", new int[] {3, 3, 2, 3}, 0, 10.0));
        w.add(training("MLP 784-256-128-10 SGD step, batch 128", MLP_WIDTHS, MLP_BATCH, 1.0));
        return w;
    }

    /**
     * A training-step workload for Linear layers of these widths with ReLU between them. Inputs: each
     * layer's weight and bias, then (when {@code batch > 0}) the batch {@code [batch, widths[0]]};
     * with {@code batch == 0} the batch is the notebook's {@code x} and targets are its {@code z}.
     */
    private static Workload training(String name, int[] widths, int batch, double target) {
        Workload.Builder b = Workload.named(name).work(Work.calls()).target(target).libtorchScopeEvery(1);
        for (int l = 0; l + 1 < widths.length; l++) {
            b.input(widths[l + 1], widths[l]).input(widths[l + 1]);
        }
        if (batch > 0) {
            b.input(batch, widths[0]);
        }
        boolean seed = batch == 0;
        return b.jtorch(in -> jtorchStep(widths, in, seed)).libtorch(in -> libtorchStep(widths, in, seed)).build();
    }

    /** The scale applied to a layer's weights and bias: 1 for the notebook's model, 1/sqrt(fan_in) for the MLP. */
    static double scale(int fanIn, boolean seed) {
        return seed ? 1.0 : 1.0 / Math.sqrt(fanIn);
    }

    /**
     * The MLP's targets at step {@code step}: a fixed pattern over the classes, shifted by one class
     * per step (so {@code classes} distinct target sets, used in turn). A batch whose labels never
     * change is memorised within a few hundred steps; its softmax then saturates, the probabilities
     * of the wrong classes head for subnormal floats (slow on x86 in both frameworks), and the
     * benchmark would drift away from timing an ordinary training step.
     */
    static long[] mlpTargets(int batch, int classes, int step) {
        long[] z = new long[batch];
        for (int i = 0; i < batch; i++) {
            z[i] = (i * 7L + step) % classes;
        }
        return z;
    }

    private static Op jtorchStep(int[] widths, List<NDArray> in, boolean seed) {
        Trainer<Tensor> trainer = jtorchTrainer(widths, in, seed, LR);
        Tensor x = seed ? new Tensor(NDArray.wrap(MODEL0_X.clone(), new int[] {3, 3})) : new Tensor(in.get(in.size() - 1));
        int classes = widths[widths.length - 1];
        Tensor[] targets = new Tensor[seed ? 1 : classes];
        for (int t = 0; t < targets.length; t++) {
            long[] z = seed ? MODEL0_Z.clone() : mlpTargets(x.size(0), classes, t);
            targets[t] = new Tensor(NDArray.wrap(z, new int[] {z.length}));
        }
        int[] step = {0};
        return () -> trainer.step(x, targets[step[0]++ % targets.length]).array();
    }

    /**
     * jtorch's Linear/ReLU network of these widths with weights {@code in[2l]}, biases {@code in[2l+1]}
     * (scaled by {@link #scale}), cross entropy and {@code SGD(lr, momentum=0.9)}.
     */
    static Trainer<Tensor> jtorchTrainer(int[] widths, List<NDArray> in, boolean seed, double lr) {
        Sequential net = new Sequential();
        for (int l = 0; l + 1 < widths.length; l++) {
            Linear lin = new Linear(widths[l], widths[l + 1]);
            double s = scale(widths[l], seed);
            try (GradMode.Guard g = Torch.noGrad()) {
                lin.weight().copy_(new Tensor(in.get(2 * l).mul(s)));
                lin.bias().copy_(new Tensor(in.get(2 * l + 1).mul(s)));
            }
            if (l > 0) {
                net.append(new ReLU());
            }
            net.append(lin);
        }
        Module model = net;
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        SGD opt = new SGD(model.parameters(), SGD.options().lr(lr).momentum(MOMENTUM));
        return (x, y) -> {
            Tensor loss = criterion.forward(model.forward(x), y);
            opt.zeroGrad();
            loss.backward();
            opt.step();
            return loss;
        };
    }

    private static Op libtorchStep(int[] widths, List<org.bytedeco.pytorch.Tensor> in, boolean seed) {
        Trainer<org.bytedeco.pytorch.Tensor> trainer = libtorchTrainer(widths, in, seed, LR);
        org.bytedeco.pytorch.Tensor x = seed ? Libtorch.tensor(MODEL0_X, new int[] {3, 3}) : in.get(in.size() - 1);
        int classes = widths[widths.length - 1];
        org.bytedeco.pytorch.Tensor[] targets = new org.bytedeco.pytorch.Tensor[seed ? 1 : classes];
        for (int t = 0; t < targets.length; t++) {
            long[] z = seed ? MODEL0_Z : mlpTargets((int) x.size(0), classes, t);
            targets[t] = Libtorch.longTensor(z);
        }
        int[] step = {0};
        return () -> trainer.step(x, targets[step[0]++ % targets.length]);
    }

    /** The same network, loss and optimizer as {@link #jtorchTrainer} with libtorch's C++ modules. */
    static Trainer<org.bytedeco.pytorch.Tensor> libtorchTrainer(int[] widths, List<org.bytedeco.pytorch.Tensor> in,
                                                                boolean seed, double lr) {
        List<LinearImpl> layers = new ArrayList<>();
        TensorVector params = new TensorVector();
        for (int l = 0; l + 1 < widths.length; l++) {
            LinearImpl lin = new LinearImpl(widths[l], widths[l + 1]);
            Scalar s = new Scalar(scale(widths[l], seed));
            try (NoGradGuard g = new NoGradGuard()) {
                lin.weight().copy_(in.get(2 * l).mul(s));
                lin.bias().copy_(in.get(2 * l + 1).mul(s));
            }
            layers.add(lin);
            params.push_back(lin.weight());
            params.push_back(lin.bias());
        }
        CrossEntropyLossImpl criterion = new CrossEntropyLossImpl();
        SGDOptions options = new SGDOptions(lr);
        options.momentum().put(MOMENTUM);
        org.bytedeco.pytorch.SGD opt = new org.bytedeco.pytorch.SGD(params, options);
        return (x, y) -> {
            org.bytedeco.pytorch.Tensor h = x;
            for (int l = 0; l < layers.size(); l++) {
                h = layers.get(l).forward(l > 0 ? torch.relu(h) : h);
            }
            org.bytedeco.pytorch.Tensor loss = criterion.forward(h, y);
            opt.zero_grad();
            loss.backward();
            opt.step();
            return loss;
        };
    }
}
