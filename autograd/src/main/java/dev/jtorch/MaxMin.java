package dev.jtorch;

/**
 * What {@code torch.max(input, dim)} and {@code torch.min(input, dim)} return
 * ({@code torch.return_types.max} / {@code torch.return_types.min}).
 *
 * @param values  the extreme values along the dim, differentiable ({@code MaxBackward0} / {@code MinBackward0})
 * @param indices their int64 indices along the dim (the first one on ties), not differentiable
 */
public record MaxMin(Tensor values, Tensor indices) {
}
