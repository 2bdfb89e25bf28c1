package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.autograd.GradMode;
import dev.jtorch.nn.functional.F;
import dev.jtorch.nn.init.Init;

/**
 * {@code torch.nn.Embedding(num_embeddings, embedding_dim, padding_idx=None)}: a lookup table
 * initialised with {@code normal_(0, 1)} (then the padding row zeroed); the padding row receives no
 * gradient.
 */
public class Embedding extends Module {
    private final int numEmbeddings;
    private final int embeddingDim;
    private final Integer paddingIdx;

    /** {@code nn.Embedding(num_embeddings, embedding_dim)}. */
    public Embedding(int numEmbeddings, int embeddingDim) {
        this(numEmbeddings, embeddingDim, null);
    }

    /** {@code nn.Embedding(num_embeddings, embedding_dim, padding_idx)}; a negative index counts from the end. */
    public Embedding(int numEmbeddings, int embeddingDim, Integer paddingIdx) {
        if (paddingIdx != null) {
            if (paddingIdx > 0 && paddingIdx >= numEmbeddings) {
                throw new IllegalArgumentException("Padding_idx must be within num_embeddings");
            }
            if (paddingIdx < 0 && paddingIdx < -numEmbeddings) {
                throw new IllegalArgumentException("Padding_idx must be within num_embeddings");
            }
            if (paddingIdx < 0) {
                paddingIdx = numEmbeddings + paddingIdx;
            }
        }
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        this.paddingIdx = paddingIdx;
        registerParameter("weight", new Parameter(Torch.empty(numEmbeddings, embeddingDim)));
        resetParameters();
    }

    /** {@code reset_parameters()}: {@code normal_(weight)} then zero the padding row. */
    public void resetParameters() {
        Init.normal_(weight(), 0, 1);
        if (paddingIdx != null) {
            try (GradMode.Guard g = Torch.noGrad()) {
                weight().select(0, paddingIdx).fill_(0);
            }
        }
    }

    /** {@code embedding.weight}, shape {@code [num_embeddings, embedding_dim]}. */
    public Parameter weight() {
        return parameter("weight");
    }

    /** {@code padding_idx} (non-negative), or null. */
    public Integer paddingIdx() {
        return paddingIdx;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.embedding(input, weight(), paddingIdx);
    }

    @Override
    public String extraRepr() {
        return numEmbeddings + ", " + embeddingDim + (paddingIdx != null ? ", padding_idx=" + paddingIdx : "");
    }
}
