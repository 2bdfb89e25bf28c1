package dev.jtorch.examples;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.data.DataLoader;
import dev.jtorch.data.FashionMnist;
import dev.jtorch.data.TensorDataset;
import dev.jtorch.nn.CrossEntropyLoss;
import dev.jtorch.nn.Module;
import dev.jtorch.nn.Parameter;
import dev.jtorch.optim.Optimizer;
import dev.jtorch.optim.OptimizerStateDict;
import dev.jtorch.optim.lr.LRScheduler;
import dev.jtorch.tensor.Generator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;

/**
 * The training program the Fashion-MNIST examples share, as a PyTorch tutorial writes it: {@code
 * torch.manual_seed(seed)}, the model, {@code CrossEntropyLoss}, the optimizer, images standardised
 * with {@code Normalize((0.2860,), (0.3530,))}, shuffled batches, one progress bar and one summary
 * line per epoch, evaluation on the test split under {@code torch.no_grad()} with {@code model.eval()},
 * then the final weights ({@link #WEIGHTS}), a resumable checkpoint and a PNG chart ({@link #CHART}) in
 * the output directory.
 *
 * <p>The shuffle of epoch {@code e} (0-based) uses a generator seeded with {@code seed + e}, so a run
 * resumed from a checkpoint produces the same weights, bit for bit, as an uninterrupted one.
 */
final class FashionMnistTraining {
    private FashionMnistTraining() {}

    /** The final weights written into the output directory. */
    static final String WEIGHTS = "model.safetensors";
    /** The training-curve chart. */
    static final String CHART = "training-curves.png";

    /**
     * What one example fixes: its name (for messages), the model, the optimizer built from the
     * model's parameters and the learning rate, the learning-rate scheduler built from the optimizer
     * (stepped after each epoch; null for none), and the defaults of its options.
     */
    record Recipe(String program, Supplier<Module> model, BiFunction<List<Parameter>, Double, Optimizer> optimizer,
            Function<Optimizer, LRScheduler> scheduler, Path out, int epochs, double lr, int batchSize) {
        String usage() {
            return "usage: " + program + " [DATA_DIR] [--epochs N] [--limit N] [--out DIR] [--resume] [--seed N] [--lr X]";
        }
    }

    /** The command-line options, with the recipe's defaults. */
    static final class Options {
        Path dataDir = FashionMnist.DEFAULT_DIR;
        int epochs;
        int limit = Integer.MAX_VALUE;
        Path out;
        boolean resume;
        long seed = 0;
        double lr;
        int batchSize;

        static Options parse(Recipe r, String[] args) {
            Options o = new Options();
            o.epochs = r.epochs();
            o.out = r.out();
            o.lr = r.lr();
            o.batchSize = r.batchSize();
            boolean positional = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--epochs" -> o.epochs = positiveInt(a, value(args, ++i, a));
                    case "--limit" -> o.limit = positiveInt(a, value(args, ++i, a));
                    case "--out" -> o.out = Paths.get(value(args, ++i, a));
                    case "--resume" -> o.resume = true;
                    case "--seed" -> o.seed = Long.parseLong(value(args, ++i, a));
                    case "--lr" -> o.lr = Double.parseDouble(value(args, ++i, a));
                    default -> {
                        if (a.startsWith("--") || positional) {
                            throw new IllegalArgumentException("unrecognized argument: " + a);
                        }
                        o.dataDir = Paths.get(a);
                        positional = true;
                    }
                }
            }
            return o;
        }

        private static String value(String[] args, int i, String name) {
            if (i >= args.length) {
                throw new IllegalArgumentException("argument " + name + ": expected one argument");
            }
            return args[i];
        }

        private static int positiveInt(String name, String v) {
            try {
                int n = Integer.parseInt(v);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("argument " + name + ": expected a positive integer, got '" + v + "'");
        }
    }

    /**
     * Runs the program and returns its exit status instead of exiting: 0 on success, 2 for bad
     * arguments, missing data or a missing checkpoint (the message goes to {@code err}, no stack trace).
     */
    static int run(Recipe r, String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(r, args);
        } catch (IllegalArgumentException e) {
            err.println(r.usage());
            err.println(r.program() + ": error: " + e.getMessage());
            return 2;
        }
        try {
            train(r, o, out);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(r.program() + ": error: " + e.getMessage());
            return 2;
        }
    }

    /** Loads a split of Fashion-MNIST, standardised as the examples train on it. */
    static TensorDataset load(Path dir, boolean train, int limit) {
        TensorDataset d = FashionMnist.load(dir, train, limit);
        FashionMnist.normalize_(d.tensors()[0]);
        return d;
    }

    /** Trains with the given options, writing progress to {@code out}; returns every epoch's metrics. */
    static List<EpochMetrics> train(Recipe r, Options o, PrintStream out) {
        System.setProperty("java.awt.headless", "true");
        TensorDataset trainSet = load(o.dataDir, true, o.limit);
        TensorDataset testSet = load(o.dataDir, false, o.limit);

        Torch.manualSeed(o.seed);
        Module model = r.model().get();
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        Optimizer optimizer = r.optimizer().apply(model.parameters(), o.lr);
        LRScheduler scheduler = r.scheduler() == null ? null : r.scheduler().apply(optimizer);
        List<EpochMetrics> history = new ArrayList<>();
        int start = 0;
        createDirectories(o.out);
        if (o.resume) {
            Checkpoint ck = Checkpoint.read(o.out, r.program());
            model.load(ck.modelFile());
            optimizer.loadStateDict(OptimizerStateDict.load(ck.optimizerFile()));
            if (scheduler != null && ck.scheduler() != null) {
                scheduler.loadStateDict(ck.scheduler());
            }
            history.addAll(ck.history());
            start = ck.epoch();
            out.printf(Locale.ROOT, "resuming from %s after epoch %d%n", o.out.resolve(Checkpoint.FILE), start);
        }
        out.printf(Locale.ROOT, "Fashion-MNIST: %d training, %d test images; %s%n", trainSet.size(), testSet.size(),
                model.toString().replace('\n', ' ').replaceAll(" +", " "));

        DataLoader<Tensor[], Tensor[]> testLoader = DataLoader.of(testSet, DataLoader.options().batchSize(1000));
        for (int epoch = start; epoch < o.epochs; epoch++) {
            long t0 = System.nanoTime();
            DataLoader<Tensor[], Tensor[]> trainLoader = DataLoader.of(trainSet, DataLoader.options()
                    .batchSize(o.batchSize).shuffle(true).generator(new Generator(o.seed + epoch)));
            double lossSum = 0;
            long correct = 0;
            model.train();
            try (ProgressBar bar = Progress.bar("epoch " + (epoch + 1) + "/" + o.epochs, trainLoader.size(), out)) {
                for (Tensor[] batch : trainLoader) {
                    Tensor logits = model.forward(batch[0]);
                    Tensor loss = criterion.forward(logits, batch[1]);
                    optimizer.zeroGrad();
                    loss.backward();
                    optimizer.step();
                    int n = batch[1].size(0);
                    lossSum += loss.item() * n;
                    correct += logits.argmax(1).eq(batch[1]).sum().itemLong();
                    bar.step();
                }
            }
            if (scheduler != null) {
                scheduler.step();
            }
            double testAccuracy = evaluate(model, testLoader, testSet.size());
            double seconds = (System.nanoTime() - t0) / 1e9;
            EpochMetrics m = new EpochMetrics(epoch + 1, lossSum / trainSet.size(),
                    (double) correct / trainSet.size(), testAccuracy, seconds);
            history.add(m);
            out.println(m.summary(o.epochs));
            Checkpoint.write(o.out, epoch + 1, model, optimizer, scheduler == null ? null : scheduler.stateDict(), history);
            TrainingChart.write(history, o.out.resolve(CHART));
        }
        model.save(o.out.resolve(WEIGHTS));
        if (!history.isEmpty()) {
            TrainingChart.write(history, o.out.resolve(CHART));
        }
        out.printf(Locale.ROOT, "wrote %s, %s and %s in %s%n", WEIGHTS, Checkpoint.FILE, CHART, o.out);
        return history;
    }

    /** Accuracy over a loader under {@code torch.no_grad()} with {@code model.eval()}. */
    static double evaluate(Module model, DataLoader<Tensor[], Tensor[]> loader, int size) {
        model.eval();
        long correct = 0;
        try (var g = Torch.noGrad()) {
            for (Tensor[] batch : loader) {
                correct += model.forward(batch[0]).argmax(1).eq(batch[1]).sum().itemLong();
            }
        } finally {
            model.train();
        }
        return (double) correct / size;
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output directory " + dir, e);
        }
    }
}
