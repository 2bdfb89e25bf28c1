package dev.jtorch.optim;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.jtorch.Tensor;
import dev.jtorch.io.Safetensors;
import dev.jtorch.tensor.NDArray;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Optimizer state dicts on disk: tensors as safetensors entries named {@code state.<index>.<name>},
 * everything else (param groups, numbers, flags, tuples, which names are tensors) as JSON in the
 * metadata key {@value #KEY}. Loading validates the whole file before returning.
 */
final class StateDictFiles {
    private StateDictFiles() {}

    static final String KEY = "jtorch.optimizer_state_dict";

    static void save(OptimizerStateDict sd, Path path) {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        JsonObject state = new JsonObject();
        sd.state().forEach((id, values) -> {
            JsonObject entry = new JsonObject();
            values.forEach((name, v) -> {
                if (v instanceof Tensor) {
                    String key = "state." + id + "." + name;
                    tensors.put(key, ((Tensor) v).array());
                    JsonObject ref = new JsonObject();
                    ref.addProperty("tensor", key);
                    entry.add(name, ref);
                } else if (isTensorList(v)) {
                    // LBFGS keeps lists of tensors (old_dirs, old_stps, ro, al; al may hold None)
                    JsonArray keys = new JsonArray();
                    List<?> list = (List<?>) v;
                    for (int k = 0; k < list.size(); k++) {
                        if (list.get(k) == null) {
                            keys.add(JsonNull.INSTANCE);
                        } else {
                            String key = "state." + id + "." + name + "." + k;
                            tensors.put(key, ((Tensor) list.get(k)).array());
                            keys.add(key);
                        }
                    }
                    JsonObject ref = new JsonObject();
                    ref.add("tensors", keys);
                    entry.add(name, ref);
                } else {
                    entry.add(name, toJson(v, "state " + id + " entry '" + name + "'"));
                }
            });
            state.add(Integer.toString(id), entry);
        });
        JsonArray groups = new JsonArray();
        for (Map<String, Object> g : sd.paramGroups()) {
            JsonObject o = new JsonObject();
            g.forEach((k, v) -> o.add(k, toJson(v, "param group key '" + k + "'")));
            groups.add(o);
        }
        JsonObject root = new JsonObject();
        root.add("state", state);
        root.add("param_groups", groups);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(KEY, root.toString());
        Safetensors.save(tensors, path, meta);
    }

    static OptimizerStateDict load(Path path) {
        Map<String, String> meta = Safetensors.metadata(path);
        if (meta == null || !meta.containsKey(KEY)) {
            throw new IllegalArgumentException(path + " is not an optimizer state file: its safetensors metadata has no '"
                    + KEY + "' entry");
        }
        Map<String, NDArray> tensors = Safetensors.load(path);
        JsonObject root;
        try {
            root = JsonParser.parseString(meta.get(KEY)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(path + ": the optimizer metadata is not a JSON object: " + e.getMessage(), e);
        }
        if (!root.has("state") || !root.has("param_groups")) {
            throw new IllegalArgumentException(path + ": the optimizer metadata needs 'state' and 'param_groups'");
        }
        Map<Integer, Map<String, Object>> state = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : root.getAsJsonObject("state").entrySet()) {
            int id;
            try {
                id = Integer.parseInt(e.getKey());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(path + ": state key '" + e.getKey() + "' is not a parameter index");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> v : e.getValue().getAsJsonObject().entrySet()) {
                JsonElement j = v.getValue();
                if (j.isJsonObject() && j.getAsJsonObject().has("tensor")) {
                    String key = j.getAsJsonObject().get("tensor").getAsString();
                    NDArray a = tensors.get(key);
                    if (a == null) {
                        throw new IllegalArgumentException(path + ": state " + id + " entry '" + v.getKey()
                                + "' refers to tensor '" + key + "', which the file does not hold");
                    }
                    values.put(v.getKey(), new Tensor(a));
                } else if (j.isJsonObject() && j.getAsJsonObject().has("tensors")) {
                    List<Tensor> list = new ArrayList<>();
                    for (JsonElement k : j.getAsJsonObject().getAsJsonArray("tensors")) {
                        if (k.isJsonNull()) {
                            list.add(null);
                            continue;
                        }
                        NDArray a = tensors.get(k.getAsString());
                        if (a == null) {
                            throw new IllegalArgumentException(path + ": state " + id + " entry '" + v.getKey()
                                    + "' refers to tensor '" + k.getAsString() + "', which the file does not hold");
                        }
                        list.add(new Tensor(a));
                    }
                    values.put(v.getKey(), list);
                } else {
                    values.put(v.getKey(), fromJson(j));
                }
            }
            state.put(id, values);
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        for (JsonElement g : root.getAsJsonArray("param_groups")) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : g.getAsJsonObject().entrySet()) {
                Object v = fromJson(e.getValue());
                if ("params".equals(e.getKey())) {
                    List<Integer> ids = new ArrayList<>();
                    for (double d : (double[]) v) {
                        ids.add((int) d);
                    }
                    v = ids;
                }
                m.put(e.getKey(), v);
            }
            groups.add(m);
        }
        return new OptimizerStateDict(state, groups);
    }

    /** A list whose elements are all tensors or null (empty included: state lists are lists of tensors). */
    private static boolean isTensorList(Object v) {
        if (!(v instanceof List)) {
            return false;
        }
        for (Object o : (List<?>) v) {
            if (o != null && !(o instanceof Tensor)) {
                return false;
            }
        }
        return true;
    }

    private static JsonElement toJson(Object v, String what) {
        if (v == null) {
            return JsonNull.INSTANCE;
        }
        if (v instanceof Boolean) {
            return new JsonPrimitive((Boolean) v);
        }
        if (v instanceof Double || v instanceof Float) {
            JsonObject o = new JsonObject();
            o.addProperty("float", ((Number) v).doubleValue());
            return o;
        }
        if (v instanceof Number) {
            return new JsonPrimitive(((Number) v).longValue());
        }
        if (v instanceof String) {
            return new JsonPrimitive((String) v);
        }
        if (v instanceof double[]) {
            JsonArray a = new JsonArray();
            for (double d : (double[]) v) {
                a.add(d);
            }
            return a;
        }
        if (v instanceof List) {
            JsonArray a = new JsonArray();
            for (Object o : (List<?>) v) {
                a.add(toJson(o, what));
            }
            return a;
        }
        throw new IllegalArgumentException("cannot save " + what + " of type " + v.getClass().getName());
    }

    /** Integers stay Integer/Long, floats (saved as {"float": x}) Double, arrays double[]. */
    private static Object fromJson(JsonElement j) {
        if (j == null || j.isJsonNull()) {
            return null;
        }
        if (j.isJsonObject() && j.getAsJsonObject().has("float")) {
            return j.getAsJsonObject().get("float").getAsDouble();
        }
        if (j.isJsonArray()) {
            JsonArray a = j.getAsJsonArray();
            double[] d = new double[a.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = a.get(i).getAsDouble();
            }
            return d;
        }
        JsonPrimitive p = j.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (p.isString()) {
            return p.getAsString();
        }
        long l = p.getAsLong();
        return l == (int) l ? (Object) (int) l : (Object) l;
    }
}
