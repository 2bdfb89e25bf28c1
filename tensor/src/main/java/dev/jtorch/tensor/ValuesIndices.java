package dev.jtorch.tensor;

/**
 * The pair returned by {@code torch.max(x, dim)} and {@code torch.min(x, dim)}
 * ({@code torch.return_types.max}): the extreme values and their int64 indices along the dim.
 *
 * @param values  the values, in the input's dtype
 * @param indices the index of each value along the reduced dim (the first one on ties, the first NaN if any)
 */
public record ValuesIndices(NDArray values, NDArray indices) {
}
