package dev.jtorch.data;

/** {@code torch.utils.data.Subset}: the samples of {@code dataset} at {@code indices}, in that order. */
public final class Subset<T> implements Dataset<T> {
    private final Dataset<T> dataset;
    private final int[] indices;

    /** {@code Subset(dataset, indices)}. */
    public Subset(Dataset<T> dataset, int[] indices) {
        for (int i : indices) {
            if (i < -dataset.size() || i >= dataset.size()) {
                throw new IndexOutOfBoundsException("Subset index " + i + " is out of range for a dataset of size "
                        + dataset.size());
            }
        }
        this.dataset = dataset;
        this.indices = indices.clone();
    }

    /** {@code subset.dataset}. */
    public Dataset<T> dataset() {
        return dataset;
    }

    /** {@code subset.indices}. */
    public int[] indices() {
        return indices.clone();
    }

    @Override
    public T get(int index) {
        int i = indices[index];
        return dataset.get(i < 0 ? i + dataset.size() : i);
    }

    @Override
    public int size() {
        return indices.length;
    }
}
