package dev.jtorch;

/**
 * What {@code F.max_pool2d(..., return_indices=True)} and {@code torch.max_pool2d_with_indices}
 * return: the pooled values and, per output, the int64 index {@code h * W + w} of the maximum
 * within its input plane (flat {@code l} for the 1-d ops).
 *
 * @param values  the pooled values, differentiable ({@code MaxPool2DWithIndicesBackward0})
 * @param indices the int64 indices, not differentiable
 */
public record PooledWithIndices(Tensor values, Tensor indices) {
}
