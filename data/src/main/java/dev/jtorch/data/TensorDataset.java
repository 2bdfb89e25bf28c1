package dev.jtorch.data;

import dev.jtorch.Tensor;

/**
 * {@code torch.utils.data.TensorDataset}: sample {@code i} is {@code (t[i] for t in tensors)},
 * views sharing storage with the tensors.
 */
public final class TensorDataset implements Dataset<Tensor[]> {
    private final Tensor[] tensors;

    /** {@code TensorDataset(*tensors)}: all tensors must have the same size in dim 0. */
    public TensorDataset(Tensor... tensors) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("TensorDataset needs at least one tensor");
        }
        for (Tensor t : tensors) {
            if (t.dim() == 0 || t.size(0) != tensors[0].size(0)) {
                throw new IllegalArgumentException("Size mismatch between tensors: sizes in dim 0 are "
                        + java.util.Arrays.toString(java.util.Arrays.stream(tensors)
                                .mapToInt(x -> x.dim() == 0 ? -1 : x.size(0)).toArray()));
            }
        }
        this.tensors = tensors.clone();
    }

    /** The tensors, {@code dataset.tensors}. */
    public Tensor[] tensors() {
        return tensors.clone();
    }

    @Override
    public Tensor[] get(int index) {
        Tensor[] out = new Tensor[tensors.length];
        for (int k = 0; k < tensors.length; k++) {
            out[k] = tensors[k].select(0, index);
        }
        return out;
    }

    @Override
    public int size() {
        return tensors[0].size(0);
    }
}
