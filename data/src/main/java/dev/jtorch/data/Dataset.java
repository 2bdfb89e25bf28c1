package dev.jtorch.data;

/** {@code torch.utils.data.Dataset}: a map-style dataset of {@code size()} samples. */
public interface Dataset<T> {
    /** {@code dataset[index]}. */
    T get(int index);

    /** {@code len(dataset)}. */
    int size();
}
