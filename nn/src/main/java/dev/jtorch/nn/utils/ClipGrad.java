package dev.jtorch.nn.utils;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.autograd.GradMode;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.PyFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradient clipping, {@code torch.nn.utils.clip_grad_norm_} and {@code torch.nn.utils.clip_grad_value_},
 * computed in PyTorch's order: one {@code vector_norm} per gradient (grouped by dtype, in first-seen
 * order, as {@code _group_tensors_by_device_and_dtype} does), the norm of the stacked norms,
 * {@code clip_coef = (total_norm + 1e-6).reciprocal() * max_norm} (Python's {@code float / Tensor}),
 * clamped to 1.0, and an in-place multiply of every gradient. The {@code foreach} path of PyTorch
 * computes the same values on CPU, so it is not a separate code path here.
 */
public final class ClipGrad {
    private ClipGrad() {}

    /** {@code clip_grad_norm_(parameters, max_norm)} with norm_type=2.0. */
    public static Tensor clipGradNorm_(Iterable<? extends Tensor> parameters, double maxNorm) {
        return clipGradNorm_(parameters, maxNorm, 2.0, false);
    }

    /** {@code clip_grad_norm_(parameters, max_norm, norm_type)} ({@code Double.POSITIVE_INFINITY} for the inf norm). */
    public static Tensor clipGradNorm_(Iterable<? extends Tensor> parameters, double maxNorm, double normType) {
        return clipGradNorm_(parameters, maxNorm, normType, false);
    }

    /**
     * {@code torch.nn.utils.clip_grad_norm_(parameters, max_norm, norm_type, error_if_nonfinite)}: scales
     * the gradients in place so that their total norm is at most {@code max_norm}, and returns the
     * total norm (before clipping) as a 0-d tensor; {@code tensor(0.)} when no parameter has a gradient.
     *
     * @throws IllegalStateException when {@code errorIfNonfinite} and the total norm is NaN or infinite
     *     (PyTorch's RuntimeError, same message); the gradients are then left unchanged
     */
    public static Tensor clipGradNorm_(Iterable<? extends Tensor> parameters, double maxNorm, double normType,
            boolean errorIfNonfinite) {
        try (GradMode.Guard ignored = GradMode.noGrad()) {
            List<Tensor> grads = grads(parameters);
            Tensor totalNorm = totalNorm(grads, normType, errorIfNonfinite);
            clipGradsWithNorm_(grads, maxNorm, totalNorm);
            return totalNorm;
        }
    }

    /** {@code clip_grad_norm_(parameters, max_norm, norm_type, error_if_nonfinite, foreach)}: foreach changes nothing on CPU. */
    public static Tensor clipGradNorm_(Iterable<? extends Tensor> parameters, double maxNorm, double normType,
            boolean errorIfNonfinite, Boolean foreach) {
        return clipGradNorm_(parameters, maxNorm, normType, errorIfNonfinite);
    }

    /**
     * {@code torch.nn.utils.get_total_norm(tensors, norm_type, error_if_nonfinite)}: the norm of the
     * per-tensor norms.
     */
    public static Tensor getTotalNorm(List<Tensor> tensors, double normType, boolean errorIfNonfinite) {
        try (GradMode.Guard ignored = GradMode.noGrad()) {
            return totalNorm(tensors, normType, errorIfNonfinite);
        }
    }

    /** {@code torch.nn.utils.clip_grad_value_(parameters, clip_value)}: clamps every gradient to {@code [-clip_value, clip_value]}. */
    public static void clipGradValue_(Iterable<? extends Tensor> parameters, double clipValue) {
        try (GradMode.Guard ignored = GradMode.noGrad()) {
            for (Tensor g : grads(parameters)) {
                g.clamp_(-clipValue, clipValue);
            }
        }
    }

    /** {@code clip_grad_value_(parameters, clip_value, foreach)}: foreach changes nothing on CPU. */
    public static void clipGradValue_(Iterable<? extends Tensor> parameters, double clipValue, Boolean foreach) {
        clipGradValue_(parameters, clipValue);
    }

    private static List<Tensor> grads(Iterable<? extends Tensor> parameters) {
        List<Tensor> grads = new ArrayList<>();
        for (Tensor p : parameters) {
            if (p.grad() != null) {
                grads.add(p.grad());
            }
        }
        return grads;
    }

    private static Tensor totalNorm(List<Tensor> tensors, double normType, boolean errorIfNonfinite) {
        if (tensors.isEmpty()) {
            return Torch.tensor(0.0);
        }
        Map<DType, List<Tensor>> byDtype = new LinkedHashMap<>();
        for (Tensor t : tensors) {
            byDtype.computeIfAbsent(t.dtype(), k -> new ArrayList<>()).add(t);
        }
        List<Tensor> norms = new ArrayList<>();
        for (List<Tensor> group : byDtype.values()) {
            for (Tensor t : group) {
                norms.add(t.norm(normType));
            }
        }
        Tensor total = Tensor.stack(norms).norm(normType);
        if (errorIfNonfinite && (Double.isNaN(total.item()) || Double.isInfinite(total.item()))) {
            throw new IllegalStateException("The total norm of order " + PyFormat.repr(normType) + " for gradients from "
                    + "`parameters` is non-finite, so it cannot be clipped. To disable this error and scale the gradients by "
                    + "the non-finite norm anyway, set `error_if_nonfinite=False`");
        }
        return total;
    }

    /** {@code _clip_grads_with_norm_}: {@code g.mul_(clamp(max_norm / (total_norm + 1e-6), max=1.0))}. */
    private static void clipGradsWithNorm_(List<Tensor> grads, double maxNorm, Tensor totalNorm) {
        if (grads.isEmpty()) {
            return;
        }
        Tensor clipCoef = totalNorm.add(1e-6).reciprocal().mul(maxNorm);
        Tensor clamped = clipCoef.clamp(null, 1.0);
        for (Tensor g : grads) {
            g.mul_(clamped);
        }
    }
}
