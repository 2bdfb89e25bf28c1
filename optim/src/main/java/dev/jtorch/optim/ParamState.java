package dev.jtorch.optim;

import dev.jtorch.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One parameter's optimizer state ({@code optimizer.state[p]}): named values in insertion order,
 * usually tensors ({@code exp_avg}, {@code momentum_buffer}) and the {@code step} counter,
 * which PyTorch keeps as a 0-d float32 tensor.
 */
public final class ParamState {
    private final Map<String, Object> values = new LinkedHashMap<>();

    /** True before the first update of this parameter. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** True when {@code key} is present. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** Stores a value ({@code state[key] = value}). */
    public ParamState put(String key, Object value) {
        values.put(key, value);
        return this;
    }

    /** A tensor entry. */
    public Tensor tensor(String key) {
        Object v = values.get(key);
        if (!(v instanceof Tensor)) {
            throw new IllegalArgumentException("optimizer state has no tensor '" + key + "' (it has " + values.keySet() + ")");
        }
        return (Tensor) v;
    }

    /** A numeric entry (a 0-d tensor counts too). */
    public double getDouble(String key) {
        Object v = values.get(key);
        if (v instanceof Tensor) {
            return ((Tensor) v).item();
        }
        if (!(v instanceof Number)) {
            throw new IllegalArgumentException("optimizer state has no number '" + key + "' (it has " + values.keySet() + ")");
        }
        return ((Number) v).doubleValue();
    }

    /** Any entry, or null. */
    public Object get(String key) {
        return values.get(key);
    }

    /** The entries in insertion order (read-only). */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    void replace(Map<String, Object> newValues) {
        values.clear();
        values.putAll(newValues);
    }
}
