package dev.jtorch.optim;

import dev.jtorch.Tensor;
import java.util.List;

/**
 * {@code torch.optim.AdamW}: Adam with decoupled weight decay ({@code p.mul_(1 - lr*weight_decay)}
 * before the moment updates); as in PyTorch 2.10 it is {@link Adam} with
 * {@code decoupled_weight_decay=True} and a default weight decay of 1e-2.
 */
public final class AdamW extends Adam {
    /** A builder with AdamW's defaults (Adam's, but weight_decay=1e-2 and decoupled_weight_decay=True). */
    public static Options options() {
        return new Options(1e-2, true);
    }

    /** {@code AdamW(params, **options)}. */
    public AdamW(Iterable<? extends Tensor> params, Options options) {
        super(params, options.decoupledWeightDecay(true));
    }

    /** {@code AdamW(param_groups, **options)}. */
    public AdamW(List<ParamGroup> groups, Options options) {
        super(groups, options.decoupledWeightDecay(true));
    }
}
