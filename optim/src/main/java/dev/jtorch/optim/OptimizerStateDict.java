package dev.jtorch.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code optimizer.state_dict()}: {@code state} keyed by parameter index (across groups, in
 * order) and {@code param_groups}, each with its hyperparameters and a {@code params} index list
 * (last, as PyTorch packs it). Values are tensors, numbers, booleans, strings, {@code double[]}
 * tuples (betas) or null.
 */
public final class OptimizerStateDict {
    private final Map<Integer, Map<String, Object>> state;
    private final List<Map<String, Object>> paramGroups;

    /** A state dict from its two parts (copied shallowly). */
    public OptimizerStateDict(Map<Integer, Map<String, Object>> state, List<Map<String, Object>> paramGroups) {
        Map<Integer, Map<String, Object>> s = new LinkedHashMap<>();
        state.forEach((k, v) -> s.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        this.state = Collections.unmodifiableMap(s);
        List<Map<String, Object>> g = new ArrayList<>();
        paramGroups.forEach(m -> g.add(Collections.unmodifiableMap(new LinkedHashMap<>(m))));
        this.paramGroups = Collections.unmodifiableList(g);
    }

    /** {@code state_dict()['state']}. */
    public Map<Integer, Map<String, Object>> state() {
        return state;
    }

    /** {@code state_dict()['param_groups']}. */
    public List<Map<String, Object>> paramGroups() {
        return paramGroups;
    }

    /**
     * Writes this state dict to {@code path}: tensors as safetensors entries, the rest as JSON in
     * the file's metadata; written to a temporary file and renamed.
     */
    public void save(java.nio.file.Path path) {
        StateDictFiles.save(this, path);
    }

    /** Reads a state dict written by {@link #save}; the whole file is validated first. */
    public static OptimizerStateDict load(java.nio.file.Path path) {
        return StateDictFiles.load(path);
    }
}
