package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;
import dev.jtorch.tensor.PyFormat;

/** {@code torch.nn.Dropout(p=0.5, inplace=False)}: {@link F#dropout} in training mode, the identity in eval mode. */
public class Dropout extends Module {
    private final double p;

    /** {@code nn.Dropout()}. */
    public Dropout() {
        this(0.5);
    }

    /** {@code nn.Dropout(p)}. */
    public Dropout(double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + PyFormat.repr(p));
        }
        this.p = p;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.dropout(input, p, isTraining());
    }

    @Override
    public String extraRepr() {
        return "p=" + PyFormat.repr(p) + ", inplace=False";
    }
}
