package dev.jtorch.data;

import dev.jtorch.Tensor;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.Generator;
import dev.jtorch.tensor.NDArray;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * {@code torch.utils.data.DataLoader}: batches of a map-style dataset, optionally shuffled, with
 * background prefetching on {@code numWorkers} threads (batches still arrive in order).
 *
 * <p>With {@code shuffle}, each epoch draws from the random generators exactly as PyTorch 2.x
 * does: creating the iterator takes {@code _base_seed} (one int64 {@code random_()}) from the
 * loader's generator, or the global one; the first batch then takes the sampler's seed (another
 * {@code random_()} from the global generator) unless the loader has its own generator, and
 * shuffles with {@code randperm(n)}; when the permutation is used up, the sampler calls
 * {@code randperm(n)} once more on its generator. So after {@code Torch.manualSeed(s)} a ported
 * loop sees PyTorch's batches, and the global generator is left where PyTorch leaves it.
 */
public final class DataLoader<T, B> implements Iterable<B> {
    private final Dataset<T> dataset;
    private final Options options;
    private final Function<List<T>, B> collate;

    /** PyTorch's keyword arguments with its defaults: batch_size=1, shuffle=False, drop_last=False, num_workers=0. */
    public static final class Options {
        private int batchSize = 1;
        private boolean shuffle;
        private boolean dropLast;
        private Generator generator;
        private int numWorkers;

        /** {@code batch_size}. */
        public Options batchSize(int v) {
            if (v <= 0) {
                throw new IllegalArgumentException("batch_size should be a positive integer value, but got batch_size=" + v);
            }
            batchSize = v;
            return this;
        }

        /** {@code shuffle}. */
        public Options shuffle(boolean v) {
            shuffle = v;
            return this;
        }

        /** {@code drop_last}. */
        public Options dropLast(boolean v) {
            dropLast = v;
            return this;
        }

        /** {@code generator}: used for the shuffle and the base seed instead of the global generator. */
        public Options generator(Generator v) {
            generator = v;
            return this;
        }

        /** {@code num_workers}: threads that prefetch batches (0 loads in the caller's thread). */
        public Options numWorkers(int v) {
            if (v < 0) {
                throw new IllegalArgumentException("num_workers option should be non-negative; use num_workers=0 to disable "
                        + "multiprocessing.");
            }
            numWorkers = v;
            return this;
        }
    }

    /** A fresh options builder with PyTorch's defaults. */
    public static Options options() {
        return new Options();
    }

    /** {@code DataLoader(dataset, ..., collate_fn=collate)}. */
    public DataLoader(Dataset<T> dataset, Options options, Function<List<T>, B> collate) {
        this.dataset = dataset;
        this.options = options;
        this.collate = collate;
    }

    /** {@code DataLoader(dataset, ...)} with the default collate: each tuple position is stacked along a new dim 0. */
    public static DataLoader<Tensor[], Tensor[]> of(Dataset<Tensor[]> dataset, Options options) {
        return new DataLoader<>(dataset, options, DataLoader::stack);
    }

    /** {@code len(loader)}: the number of batches per epoch. */
    public int size() {
        int n = dataset.size();
        return options.dropLast ? n / options.batchSize : (n + options.batchSize - 1) / options.batchSize;
    }

    /** The default collate for tuples of tensors: {@code torch.stack} of each position. */
    public static Tensor[] stack(List<Tensor[]> samples) {
        int k = samples.get(0).length;
        Tensor[] out = new Tensor[k];
        for (int j = 0; j < k; j++) {
            NDArray first = samples.get(0)[j].array();
            int[] inner = first.sizes();
            int[] shape = new int[inner.length + 1];
            shape[0] = samples.size();
            System.arraycopy(inner, 0, shape, 1, inner.length);
            NDArray batch = NDArray.empty(first.dtype(), shape);
            for (int i = 0; i < samples.size(); i++) {
                NDArray row = samples.get(i)[j].array();
                if (!java.util.Arrays.equals(row.sizes(), inner)) {
                    throw new IllegalArgumentException("stack expects each tensor to be equal size, but got "
                            + java.util.Arrays.toString(inner) + " at entry 0 and " + java.util.Arrays.toString(row.sizes())
                            + " at entry " + i);
                }
                batch.select(0, i).copy_(row);
            }
            out[j] = new Tensor(batch);
        }
        return out;
    }

    @Override
    public Iterator<B> iterator() {
        Generator loaderGen = options.generator != null ? options.generator : Generator.defaultGenerator();
        NDArray.empty(DType.INT64).random_(loaderGen); // _base_seed: drawn even without workers
        return new Batches(new Sampler());
    }

    /** RandomSampler / SequentialSampler: yields indices, drawing the permutation on first use. */
    private final class Sampler {
        private long[] perm;
        private int pos;
        private boolean exhausted;

        boolean hasNext() {
            if (perm == null) {
                start();
            }
            if (pos < perm.length) {
                return true;
            }
            if (!exhausted) {
                exhausted = true;
                if (options.shuffle) {
                    NDArray.randperm(dataset.size(), generator()); // the [:num_samples % n] remainder (empty)
                }
            }
            return false;
        }

        int next() {
            return (int) perm[pos++];
        }

        private Generator gen;

        private Generator generator() {
            return gen;
        }

        private void start() {
            int n = dataset.size();
            if (!options.shuffle) {
                perm = new long[n];
                for (int i = 0; i < n; i++) {
                    perm[i] = i;
                }
                return;
            }
            if (options.generator != null) {
                gen = options.generator;
            } else {
                long seed = NDArray.empty(DType.INT64).random_(Generator.defaultGenerator()).itemLong();
                gen = new Generator(seed);
            }
            perm = NDArray.randperm(n, gen).toLongArray();
        }
    }

    /** BatchSampler plus fetching: with workers, up to 2 batches per worker are fetched ahead. */
    private final class Batches implements Iterator<B> {
        private final Sampler sampler;
        private final ArrayDeque<Future<B>> ahead = new ArrayDeque<>();
        private final ExecutorService pool;
        private int[] pending;

        Batches(Sampler sampler) {
            this.sampler = sampler;
            this.pool = options.numWorkers > 0 ? Executors.newFixedThreadPool(options.numWorkers, r -> {
                Thread t = new Thread(r, "jtorch-dataloader");
                t.setDaemon(true);
                return t;
            }) : null;
        }

        private int[] nextIndices() {
            List<Integer> idx = new ArrayList<>(options.batchSize);
            while (idx.size() < options.batchSize && sampler.hasNext()) {
                idx.add(sampler.next());
            }
            if (idx.isEmpty() || (options.dropLast && idx.size() < options.batchSize)) {
                return null;
            }
            return idx.stream().mapToInt(Integer::intValue).toArray();
        }

        private B fetch(int[] indices) {
            List<T> samples = new ArrayList<>(indices.length);
            for (int i : indices) {
                samples.add(dataset.get(i));
            }
            return collate.apply(samples);
        }

        private void fill() {
            while (ahead.size() < 2 * options.numWorkers) {
                int[] idx = nextIndices();
                if (idx == null) {
                    break;
                }
                ahead.add(pool.submit(() -> fetch(idx)));
            }
        }

        @Override
        public boolean hasNext() {
            if (pool == null) {
                if (pending == null) {
                    pending = nextIndices();
                }
                return pending != null;
            }
            fill();
            if (ahead.isEmpty()) {
                pool.shutdown();
                return false;
            }
            return true;
        }

        @Override
        public B next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (pool == null) {
                int[] idx = pending;
                pending = null;
                return fetch(idx);
            }
            try {
                B b = ahead.poll().get();
                fill();
                return b;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pool.shutdownNow();
                throw new IllegalStateException("interrupted while waiting for a DataLoader batch", e);
            } catch (ExecutionException e) {
                pool.shutdownNow();
                throw new IllegalStateException("DataLoader worker failed: " + e.getCause(), e.getCause());
            }
        }
    }
}
