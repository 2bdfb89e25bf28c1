package dev.jtorch.conformance;

import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;
import org.bytedeco.javacpp.FloatPointer;

class SmokeTest {
    @Test
    void loads() {
        torch.manual_seed(0);
        org.bytedeco.pytorch.Tensor t = torch.rand(5);
        float[] v = new float[5];
        new FloatPointer(t.contiguous().data_ptr_float()).get(v);
        System.out.println(java.util.Arrays.toString(v));
    }
}
