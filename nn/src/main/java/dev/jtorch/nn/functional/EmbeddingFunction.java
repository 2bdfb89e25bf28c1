package dev.jtorch.nn.functional;

import dev.jtorch.Tensor;
import dev.jtorch.autograd.Context;
import dev.jtorch.autograd.Function;
import java.util.Arrays;

/**
 * {@code torch.embedding(weight, indices, padding_idx)} as one node ({@code EmbeddingBackward0}):
 * forward selects rows of the weight; backward is {@code embedding_dense_backward}: the output
 * gradient's rows summed into a zero weight gradient at their indices, in index order, skipping
 * positions equal to {@code padding_idx}. Written with {@code index_add}, so it is differentiable in
 * the output gradient. Inputs are (weight, indices); the indices get no gradient.
 */
final class EmbeddingFunction extends Function {
    /** The padding row, already wrapped to {@code [0, num_embeddings)}; -1 for none. */
    private final long paddingIdx;
    private int[] weightShape;

    EmbeddingFunction(long paddingIdx) {
        this.paddingIdx = paddingIdx;
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor weight = in[0];
        Tensor indices = in[1];
        weightShape = weight.sizes();
        ctx.saveForBackward(indices);
        int[] shape = Arrays.copyOf(indices.sizes(), indices.dim() + 1);
        shape[indices.dim()] = weight.size(1);
        return weight.indexSelect(0, indices.reshape(-1)).view(shape);
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor g) {
        if (!ctx.needsInputGrad(0)) {
            return new Tensor[2];
        }
        Tensor idx = ctx.savedTensors()[0].reshape(-1);
        Tensor rows = g.reshape(-1, weightShape[1]);
        if (paddingIdx >= 0) {
            rows = Tensor.where(idx.ne(paddingIdx).unsqueeze(1), rows, 0.0);
        }
        Tensor zero = Tensor.zeros(g.dtype(), weightShape);
        return new Tensor[] {zero.indexAdd(0, idx, rows), null};
    }

    @Override
    protected String name() {
        return "EmbeddingBackward0";
    }
}
