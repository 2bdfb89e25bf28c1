package dev.jtorch.bench;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.autograd.GradMode;
import dev.jtorch.nn.Conv2d;
import dev.jtorch.nn.CrossEntropyLoss;
import dev.jtorch.nn.Linear;
import dev.jtorch.nn.MaxPool2d;
import dev.jtorch.nn.Module;
import dev.jtorch.optim.SGD;
import dev.jtorch.tensor.NDArray;
import java.util.List;
import org.bytedeco.pytorch.CrossEntropyLossImpl;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.SGDOptions;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * Issue 7's CNN training step: one {@code SGD(lr=0.01, momentum=0.9)} iteration of the
 * {@code FashionMnistCnn} example's network (conv 1->32 3x3, ReLU, 2x2 max pool, conv 32->64 3x3,
 * ReLU, 2x2 max pool, Linear 1600->128, ReLU, Linear 128->10, cross entropy) on a batch of 64
 * images: forward, loss, {@code zero_grad}, backward, {@code step}. An epoch of the example is 938
 * such steps (plus evaluation), so this workload's ratio is the epoch ratio up to data handling.
 * jtorch runs its {@code Conv2d}/{@code MaxPool2d}/{@code Linear} modules, libtorch the same
 * functional ops ({@code conv2d}, {@code max_pool2d}, {@code linear}) on leaf tensors with its C++
 * {@code CrossEntropyLoss} and {@code torch::optim::SGD}; both start from the same weights (the
 * workload's inputs scaled by {@code 1/sqrt(fan_in)}) and labels rotate each step as in
 * {@link TrainingWorkloads}. Issue 7's target (at least 2x faster than libtorch) is for the whole
 * epoch, which {@link EpochWorkloads} measures; this step has none of its own.
 */
final class CnnTrainingWorkloads {
    private CnnTrainingWorkloads() {}

    static final int BATCH = 64;
    private static final int[][] SHAPES = {{32, 1, 3, 3}, {32}, {64, 32, 3, 3}, {64}, {128, 1600}, {128}, {10, 128}, {10}};
    private static final int[] FAN_IN = {9, 9, 288, 288, 1600, 1600, 128, 128};

    static List<Workload> all() {
        Workload.Builder b = Workload.named("CNN (FashionMnistCnn) SGD step, batch 64").work(Work.calls())
                .libtorchScopeEvery(1);
        for (int[] s : SHAPES) {
            b.input(s);
        }
        b.input(BATCH, 1, 28, 28);
        return List.of(b.jtorch(CnnTrainingWorkloads::jtorchStep).libtorch(CnnTrainingWorkloads::libtorchStep).build());
    }

    /** The example's network with the given weights. */
    static final class Net extends Module {
        final Conv2d conv1 = register("conv1", new Conv2d(1, 32, 3));
        final Conv2d conv2 = register("conv2", new Conv2d(32, 64, 3));
        final MaxPool2d pool = register("pool", new MaxPool2d(2));
        final Linear fc1 = register("fc1", new Linear(1600, 128));
        final Linear fc2 = register("fc2", new Linear(128, 10));

        @Override
        public Tensor forward(Tensor x) {
            Tensor h = pool.forward(Torch.relu(conv1.forward(x)));
            h = pool.forward(Torch.relu(conv2.forward(h)));
            h = Torch.relu(fc1.forward(h.flatten(1, -1)));
            return fc2.forward(h);
        }
    }

    private static Op jtorchStep(List<NDArray> in) {
        Trainer<Tensor> trainer = jtorchTrainer(in, TrainingWorkloads.LR);
        Tensor x = new Tensor(in.get(SHAPES.length));
        Tensor[] targets = new Tensor[10];
        for (int t = 0; t < targets.length; t++) {
            targets[t] = new Tensor(NDArray.wrap(TrainingWorkloads.mlpTargets(BATCH, 10, t), new int[] {BATCH}));
        }
        int[] step = {0};
        return () -> trainer.step(x, targets[step[0]++ % targets.length]).array();
    }

    /** jtorch's {@link Net} with weights {@code in[0..7]} (scaled by {@code 1/sqrt(fan_in)}), cross entropy, SGD. */
    static Trainer<Tensor> jtorchTrainer(List<NDArray> in, double lr) {
        Net net = new Net();
        Tensor[] params = {net.conv1.weight(), net.conv1.bias(), net.conv2.weight(), net.conv2.bias(),
            net.fc1.weight(), net.fc1.bias(), net.fc2.weight(), net.fc2.bias()};
        try (GradMode.Guard g = Torch.noGrad()) {
            for (int i = 0; i < params.length; i++) {
                params[i].copy_(new Tensor(in.get(i).mul(1.0 / Math.sqrt(FAN_IN[i]))));
            }
        }
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        SGD opt = new SGD(net.parameters(), SGD.options().lr(lr).momentum(TrainingWorkloads.MOMENTUM));
        return (x, y) -> {
            Tensor loss = criterion.forward(net.forward(x), y);
            opt.zeroGrad();
            loss.backward();
            opt.step();
            return loss;
        };
    }

    private static Op libtorchStep(List<org.bytedeco.pytorch.Tensor> in) {
        Trainer<org.bytedeco.pytorch.Tensor> trainer = libtorchTrainer(in, TrainingWorkloads.LR);
        org.bytedeco.pytorch.Tensor x = in.get(SHAPES.length);
        org.bytedeco.pytorch.Tensor[] targets = new org.bytedeco.pytorch.Tensor[10];
        for (int t = 0; t < targets.length; t++) {
            targets[t] = Libtorch.longTensor(TrainingWorkloads.mlpTargets(BATCH, 10, t));
        }
        int[] step = {0};
        return () -> trainer.step(x, targets[step[0]++ % targets.length]);
    }

    /** The same network with libtorch's functional ops on leaf tensors, its cross entropy and SGD. */
    static Trainer<org.bytedeco.pytorch.Tensor> libtorchTrainer(List<org.bytedeco.pytorch.Tensor> in, double lr) {
        org.bytedeco.pytorch.Tensor[] p = new org.bytedeco.pytorch.Tensor[SHAPES.length];
        TensorVector params = new TensorVector();
        try (NoGradGuard g = new NoGradGuard()) {
            for (int i = 0; i < p.length; i++) {
                p[i] = in.get(i).mul(new Scalar(1.0 / Math.sqrt(FAN_IN[i]))).clone();
                p[i].set_requires_grad(true);
                params.push_back(p[i]);
            }
        }
        CrossEntropyLossImpl criterion = new CrossEntropyLossImpl();
        SGDOptions options = new SGDOptions(lr);
        options.momentum().put(TrainingWorkloads.MOMENTUM);
        org.bytedeco.pytorch.SGD opt = new org.bytedeco.pytorch.SGD(params, options);
        long[] one = {1, 1};
        long[] zero = {0, 0};
        long[] two = {2, 2};
        return (x, y) -> {
            org.bytedeco.pytorch.Tensor h = torch.conv2d(x, p[0], new TensorOptional(p[1]), one, zero, one, 1);
            h = torch.max_pool2d(torch.relu(h), two, two, zero, one, false);
            h = torch.conv2d(h, p[2], new TensorOptional(p[3]), one, zero, one, 1);
            h = torch.max_pool2d(torch.relu(h), two, two, zero, one, false);
            h = torch.relu(torch.linear(h.flatten(1, -1), p[4], new TensorOptional(p[5])));
            h = torch.linear(h, p[6], new TensorOptional(p[7]));
            org.bytedeco.pytorch.Tensor loss = criterion.forward(h, y);
            opt.zero_grad();
            loss.backward();
            opt.step();
            return loss;
        };
    }

    /** The weight and bias shapes of {@link Net}, in the order {@link #jtorchTrainer} takes them. */
    static int[][] weightShapes() {
        return SHAPES.clone();
    }
}
