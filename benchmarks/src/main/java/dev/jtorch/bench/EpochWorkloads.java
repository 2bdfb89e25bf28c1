package dev.jtorch.bench;

import dev.jtorch.Tensor;
import dev.jtorch.data.FashionMnist;
import dev.jtorch.data.TensorDataset;
import dev.jtorch.tensor.NDArray;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.global.torch;

/**
 * Issue 7's epoch benchmarks: one training epoch over the 60,000 Fashion-MNIST training images of
 * each example model, with the examples' optimizer settings ({@code SGD(lr=0.02, momentum=0.9)},
 * batches of 64: 937 full batches and one of 32). Each epoch visits the images in a fresh shuffled
 * order, the same order on both sides (permutation {@code e} of epoch {@code e}, drawn in Java), and
 * takes each batch with {@code index_select} from the whole normalised training set; an epoch returns
 * the mean of its batch losses, read with {@code item()} after every step as a training loop does.
 * The models and optimizers are the step workloads' ({@link TrainingWorkloads#jtorchTrainer},
 * {@link CnnTrainingWorkloads#jtorchTrainer} and their libtorch twins), so both sides train the same
 * network from the same weights, drawn from PyTorch's default initial distribution (see
 * {@link #halved}); the runner's pre-timing check compares the first epoch's mean loss.
 *
 * <p>An epoch lasts seconds, so these are {@link Workload.Builder#longRunning long-running}
 * workloads: the check epoch warms each side up, then each round times one epoch. They need the
 * data: when {@link FashionMnist#DEFAULT_DIR} (or the directory in the system property
 * {@value #DATA_PROPERTY}) has no Fashion-MNIST, they are left out and {@link #skipped()} says why.
 * Targets (issue 7): the MLP epoch no slower than libtorch, the CNN epoch at least 2x faster.
 */
final class EpochWorkloads {
    private EpochWorkloads() {}

    /** System property naming a directory with the Fashion-MNIST IDX files, instead of the Debian package's. */
    static final String DATA_PROPERTY = "bench.fashionMnist";
    static final int BATCH = 64;
    /** Images in Fashion-MNIST's training split: the samples of one epoch. */
    static final int TRAIN_SIZE = 60_000;
    /** The examples' learning rate (their SGD has momentum 0.9, as the step workloads'). */
    static final double LR = 0.02;
    /** Matches the mean epoch loss within float32 training noise: 938 steps of different rounding. */
    static final double AGREEMENT_ATOL = 0.02;

    static final String MLP = "MLP epoch (FashionMnistMlp, 60K images, batch 64)";
    static final String CNN = "CNN epoch (FashionMnistCnn, 60K images, batch 64)";

    static Path dataDir() {
        return Path.of(System.getProperty(DATA_PROPERTY, FashionMnist.DEFAULT_DIR.toString()));
    }

    static boolean dataAvailable() {
        return Files.isRegularFile(dataDir().resolve("train-images-idx3-ubyte.gz"))
                || Files.isRegularFile(dataDir().resolve("train-images-idx3-ubyte"));
    }

    /** Why the epoch workloads are missing from this run, or nothing when they are registered. */
    static List<String> skipped() {
        return dataAvailable() ? List.of() : List.of("The epoch workloads (" + MLP + "; " + CNN + ") were left out: "
                + "Fashion-MNIST is not in " + dataDir() + ". Install it with `apt-get install -y dataset-fashion-mnist`, "
                + "or pass -D" + DATA_PROPERTY + "=DIR to the runner's JVM.");
    }

    static List<Workload> all() {
        if (!dataAvailable()) {
            return List.of();
        }
        List<Workload> w = new ArrayList<>();
        int[] widths = TrainingWorkloads.MLP_WIDTHS;
        Workload.Builder mlp = Workload.named(MLP);
        for (int l = 0; l + 1 < widths.length; l++) {
            mlp.input(widths[l + 1], widths[l]).input(widths[l + 1]);
        }
        w.add(epoch(mlp, 3, 1.0, new int[] {-1, widths[0]},
                in -> TrainingWorkloads.jtorchTrainer(widths, in, false, LR),
                in -> TrainingWorkloads.libtorchTrainer(widths, in, false, LR)));
        Workload.Builder cnn = Workload.named(CNN);
        for (int[] s : CnnTrainingWorkloads.weightShapes()) {
            cnn.input(s);
        }
        w.add(epoch(cnn, 1, 2.0, new int[] {-1, 1, 28, 28},
                in -> CnnTrainingWorkloads.jtorchTrainer(in, LR), in -> CnnTrainingWorkloads.libtorchTrainer(in, LR)));
        return w;
    }

    private static Workload epoch(Workload.Builder b, int rounds, double target, int[] imageShape,
                                  Function<List<NDArray>, Trainer<Tensor>> jtorch,
                                  Function<List<org.bytedeco.pytorch.Tensor>, Trainer<org.bytedeco.pytorch.Tensor>> libtorch) {
        return b.work(Work.samples(TRAIN_SIZE)).target(target).longRunning(rounds).libtorchScopeEvery(1)
                .agreementAtol(AGREEMENT_ATOL)
                .jtorch(in -> jtorchEpoch(jtorch.apply(halved(in, NDArray::mul)), imageShape))
                .libtorch(in -> libtorchEpoch(libtorch.apply(halved(in, (t, h) -> t.mul(new Scalar(h)))), imageShape))
                .build();
    }

    /**
     * The inputs times 1/2 (exact in float32): the trainers scale weights uniform in [-2, 2) by
     * {@code 1/sqrt(fan_in)}, so halved they follow PyTorch's default {@code U(-1/sqrt(fan_in),
     * 1/sqrt(fan_in))}, the initial distribution of the examples' layers.
     */
    private static <T> List<T> halved(List<T> in, java.util.function.BiFunction<T, Double, T> mul) {
        List<T> out = new ArrayList<>();
        for (T t : in) {
            out.add(mul.apply(t, 0.5));
        }
        return out;
    }

    private static Op jtorchEpoch(Trainer<Tensor> trainer, int[] imageShape) {
        Data d = Data.get();
        NDArray images = d.images.reshape(imageShape);
        int[] epoch = {0};
        return () -> {
            List<long[]> batches = batches(d.size(), epoch[0]++);
            double total = 0;
            for (long[] idx : batches) {
                NDArray index = NDArray.wrap(idx, new int[] {idx.length});
                total += trainer.step(new Tensor(images.indexSelect(0, index)), new Tensor(d.labels.indexSelect(0, index))).item();
            }
            return NDArray.wrap(new float[] {(float) (total / batches.size())}, new int[] {1});
        };
    }

    private static Op libtorchEpoch(Trainer<org.bytedeco.pytorch.Tensor> trainer, int[] imageShape) {
        Data d = Data.get();
        long[] shape = new long[imageShape.length];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = imageShape[i];
        }
        org.bytedeco.pytorch.Tensor images = Libtorch.tensor(d.images.toFloatArray(), d.images.sizes()).reshape(shape);
        org.bytedeco.pytorch.Tensor labels = Libtorch.longTensor(d.labels.toLongArray());
        int[] epoch = {0};
        return () -> {
            List<long[]> batches = batches(d.size(), epoch[0]++);
            double total = 0;
            for (long[] idx : batches) {
                try (PointerScope step = new PointerScope()) {
                    org.bytedeco.pytorch.Tensor index = Libtorch.longTensor(idx);
                    total += trainer.step(torch.index_select(images, 0, index), torch.index_select(labels, 0, index))
                            .item_double();
                }
            }
            return Libtorch.tensor(new float[] {(float) (total / batches.size())}, new int[] {1});
        };
    }

    /** The normalised training set, loaded once, and the shuffled batch order of each epoch. */
    static final class Data {
        private static Data instance;

        final NDArray images;
        final NDArray labels;

        private Data(TensorDataset train) {
            Tensor x = train.tensors()[0];
            FashionMnist.normalize_(x);
            this.images = x.array();
            this.labels = train.tensors()[1].array();
            if (images.size(0) != TRAIN_SIZE) {
                throw new IllegalStateException("Fashion-MNIST's training split in " + dataDir() + " has " + images.size(0)
                        + " images, expected " + TRAIN_SIZE);
            }
        }

        static synchronized Data get() {
            if (instance == null) {
                instance = new Data(FashionMnist.load(dataDir(), true));
            }
            return instance;
        }

        int size() {
            return images.size(0);
        }
    }

    /**
     * Epoch {@code e}'s batches over {@code n} samples: a Fisher-Yates permutation from seed {@code e},
     * cut into batches of {@link #BATCH} (the last one shorter).
     */
    static List<long[]> batches(int n, int e) {
        long[] perm = new long[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(e);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            long t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        List<long[]> out = new ArrayList<>();
        for (int s = 0; s < n; s += BATCH) {
            out.add(Arrays.copyOfRange(perm, s, Math.min(n, s + BATCH)));
        }
        return out;
    }
}
