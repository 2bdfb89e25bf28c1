package dev.jtorch.conformance;

import dev.jtorch.tensor.NDArray;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Random;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

class ProbeErfinvTest {
    @Test
    void probe() throws Exception {
        Oracle.require();
        Class<?> c = Class.forName("dev.jtorch.nn.init.Erfinv");
        Method m = c.getDeclaredMethod("erfinv", float.class);
        m.setAccessible(true);
        Field fma = c.getDeclaredField("fma");
        fma.setAccessible(true);
        Field mask = c.getDeclaredField("mask");
        mask.setAccessible(true);
        Field lib = c.getDeclaredField("libErf");
        lib.setAccessible(true);
        Random r = new Random(1);
        int n = 200000;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i % 2 == 0 ? r.nextFloat() * 2 - 1 : (float) (1 - Math.pow(10, -7 * r.nextDouble())) * (r.nextBoolean() ? 1 : -1);
        }
        float[] e;
        try (PointerScope s = new PointerScope()) {
            e = Oracle.fromTorch(torch.erfinv(Oracle.toTorch(NDArray.wrap(v, n)))).toFloatArray();
        }
        for (boolean f : new boolean[] {false, true}) {
            for (int mk : new int[] {0xfffff000, 0xffffe000}) {
                for (boolean l : new boolean[] {true, false}) {
                    fma.set(null, f);
                    mask.set(null, mk);
                    lib.set(null, l);
                    int bad = 0, badCentral = 0;
                    String ex = "";
                    for (int i = 0; i < n; i++) {
                        float a = (float) m.invoke(null, v[i]);
                        if (Float.floatToIntBits(a) != Float.floatToIntBits(e[i])) {
                            bad++;
                            if (Math.abs(v[i]) <= 0.7f) badCentral++;
                            if (ex.length() < 300) ex += " y=" + v[i] + " t=" + e[i] + " j=" + a;
                        }
                    }
                    System.out.println("PROBE fma=" + f + " mask=" + Integer.toHexString(mk) + " libErf=" + l + " bad=" + bad + " central=" + badCentral + ex);
                }
            }
        }
    }
}
