package dev.jtorch.data;

import java.util.List;

/** {@code torch.utils.data.ConcatDataset}: the datasets one after another. */
public final class ConcatDataset<T> implements Dataset<T> {
    private final List<Dataset<T>> datasets;
    private final int[] cumulative;

    /** {@code ConcatDataset(datasets)}. */
    public ConcatDataset(List<? extends Dataset<T>> datasets) {
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("datasets should not be an empty iterable");
        }
        this.datasets = List.copyOf(datasets);
        cumulative = new int[datasets.size()];
        int sum = 0;
        for (int i = 0; i < datasets.size(); i++) {
            sum += datasets.get(i).size();
            cumulative[i] = sum;
        }
    }

    @Override
    public T get(int index) {
        int n = size();
        if (index < 0) {
            if (-index > n) {
                throw new IndexOutOfBoundsException("absolute value of index should not exceed dataset length");
            }
            index += n;
        }
        if (index >= n) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range for a dataset of size " + n);
        }
        int d = 0;
        while (cumulative[d] <= index) {
            d++;
        }
        return datasets.get(d).get(d == 0 ? index : index - cumulative[d - 1]);
    }

    @Override
    public int size() {
        return cumulative[cumulative.length - 1];
    }
}
