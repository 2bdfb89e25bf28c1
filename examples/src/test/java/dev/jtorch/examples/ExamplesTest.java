package dev.jtorch.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.Tensor;
import dev.jtorch.testing.GradientProperties;
import dev.jtorch.testing.TensorArbitraries;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ExamplesTest {
    @Test
    void seedNotebookPrintsEveryCell() {
        List<String> out = SeedNotebook.run();
        assertEquals("(tensor(3.),)", out.get(0));
        assertTrue(out.get(1).startsWith("Model0(\n  (h1): Linear(in_features=3, out_features=3, bias=True)"));
        assertTrue(out.get(2).matches("tensor\\(\\d\\.\\d{4}, grad_fn=<NllLossBackward0>\\)"), out.get(2));
        assertEquals(7 + 100, out.size());
        double first = Double.parseDouble(out.get(7).substring(7, 13));
        double last = Double.parseDouble(out.get(out.size() - 1).substring(7, 13));
        assertTrue(last < first, "SGD with momentum lowers the loss: " + first + " -> " + last);
    }

    @Test
    void gradCheckDemoPasses() {
        String out = GradCheckDemo.run();
        assertTrue(out.contains("gradcheck: true") && out.contains("gradgradcheck: true"), out);
    }

    @Property(tries = 30)
    void swishGradientsMatchFiniteDifferences(@ForAll("inputs") Tensor x) {
        GradientProperties.assertGradgradcheck(in -> new GradCheckDemo.Swish(0.7).apply(in[0]), x);
    }

    @Provide
    Arbitrary<Tensor> inputs() {
        return TensorArbitraries.tensors(TensorArbitraries.shapes(2, 3), -3, 3);
    }

    @Test
    void customOptimizerTrains() {
        List<Double> losses = CustomOptimizer.run();
        assertTrue(losses.get(losses.size() - 1) < losses.get(0) / 10, "Lion fits the line: " + losses);
    }
}
