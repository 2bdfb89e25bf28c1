package dev.jtorch.data;

import dev.jtorch.tensor.Generator;
import dev.jtorch.tensor.NDArray;
import java.util.ArrayList;
import java.util.List;

/** Functions of {@code torch.utils.data} that work on datasets. */
public final class Datasets {
    private Datasets() {}

    /**
     * {@code random_split(dataset, lengths, generator)}: disjoint subsets of the given lengths,
     * from one {@code randperm(len(dataset))} on {@code generator}.
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, int[] lengths, Generator generator) {
        long sum = 0;
        for (int l : lengths) {
            sum += l;
        }
        if (sum != dataset.size()) {
            throw new IllegalArgumentException("Sum of input lengths does not equal the length of the input dataset!");
        }
        long[] perm = NDArray.randperm((int) sum, generator).toLongArray();
        List<Subset<T>> out = new ArrayList<>();
        int offset = 0;
        for (int l : lengths) {
            int[] idx = new int[l];
            for (int i = 0; i < l; i++) {
                idx[i] = (int) perm[offset + i];
            }
            out.add(new Subset<>(dataset, idx));
            offset += l;
        }
        return out;
    }

    /** {@code random_split} with the global generator. */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, int[] lengths) {
        return randomSplit(dataset, lengths, Generator.defaultGenerator());
    }

    /**
     * {@code random_split(dataset, fractions, generator)}: fractions summing to 1 become lengths
     * by flooring, the remainder going one by one to the first subsets, as PyTorch does.
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, double[] fractions, Generator generator) {
        double total = 0;
        for (double f : fractions) {
            total += f;
        }
        if (Math.abs(total - 1) > 1e-9 || total > 1) {
            throw new IllegalArgumentException("Sum of input lengths does not equal the length of the input dataset!");
        }
        int[] lengths = new int[fractions.length];
        int assigned = 0;
        for (int i = 0; i < fractions.length; i++) {
            if (fractions[i] < 0 || fractions[i] > 1) {
                throw new IllegalArgumentException("Fraction at index " + i + " is not between 0 and 1");
            }
            lengths[i] = (int) Math.floor(dataset.size() * fractions[i]);
            assigned += lengths[i];
        }
        for (int i = 0; i < dataset.size() - assigned; i++) {
            lengths[i % lengths.length]++;
        }
        return randomSplit(dataset, lengths, generator);
    }
}
