package dev.jtorch.testing;

import static dev.jtorch.testing.GradientProperties.assertGradcheck;
import static dev.jtorch.testing.GradientProperties.assertGradgradcheck;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * First (and, for the smooth ones, second) derivatives of the binary and ternary pointwise ops
 * against finite differences, with broadcasting operands (the engine sums gradients back to
 * each input's shape).
 */
class BinaryGradientProperties {
    @Property(tries = 30)
    void add(@ForAll("pair") Tensor[] ab) {
        assertGradgradcheck(t -> t[0].add(t[1], 2.5), ab);
    }

    @Property(tries = 30)
    void sub(@ForAll("pair") Tensor[] ab) {
        assertGradgradcheck(t -> t[0].sub(t[1], -0.5), ab);
    }

    @Property(tries = 30)
    void rsub(@ForAll("pair") Tensor[] ab) {
        assertGradgradcheck(t -> t[0].rsub(t[1]).add(t[0].rsub(1.5)), ab);
    }

    @Property(tries = 30)
    void mul(@ForAll("pair") Tensor[] ab) {
        assertGradgradcheck(t -> t[0].mul(t[1]).mul(0.5), ab);
    }

    @Property(tries = 30)
    void div(@ForAll("divisorPair") Tensor[] ab) {
        assertGradgradcheck(t -> t[0].div(t[1]).div(3.0), ab);
    }

    @Property(tries = 30)
    void powTensorExponent(@ForAll("powPair") Tensor[] ab) {
        // at an exponent of exactly 0 PyTorch's self-gradient is where(exponent == 0, 0, ...): its
        // derivative in the exponent jumps there, in PyTorch too
        Assume.that(ab[1].detach().abs().lt(1e-3).any().item() == 0);
        assertGradgradcheck(t -> t[0].pow(t[1]), ab);
    }

    @Property(tries = 30)
    void powScalarExponent(@ForAll("positive") Tensor x) {
        assertGradgradcheck(t -> t[0].pow(2.5).add(t[0].pow(-1.5)).add(t[0].pow(3L)), x);
    }

    @Property(tries = 30)
    void powScalarBase(@ForAll("any") Tensor x) {
        assertGradgradcheck(t -> Torch.pow(2.5, t[0]), x);
    }

    @Property(tries = 30)
    void maximumAndMinimum(@ForAll("pair") Tensor[] ab) {
        Assume.that(!Inputs.close(ab[0], ab[1], 1e-3));
        assertGradcheck(t -> t[0].maximum(t[1]), ab);
        assertGradcheck(t -> t[0].minimum(t[1]), ab);
    }

    @Property(tries = 30)
    void atan2(@ForAll("atan2Pair") Tensor[] ab) {
        assertGradgradcheck(t -> t[0].atan2(t[1]), ab);
    }

    @Property(tries = 30)
    void remainderAndFmod(@ForAll("divisorPair") Tensor[] ab) {
        Tensor q = ab[0].detach().div(ab[1].detach());
        Assume.that(q.sub(q.round()).abs().lt(1e-3).any().item() == 0);
        assertGradgradcheck(t -> t[0].remainder(t[1]), ab);
        assertGradgradcheck(t -> t[0].fmod(t[1]), ab);
    }

    @Property(tries = 30)
    void remainderAndFmodByScalar(@ForAll("awayFromMultiplesOfHalf") Tensor x) {
        assertGradcheck(t -> t[0].remainder(0.5).add(t[0].fmod(0.5)), x);
    }

    @Property(tries = 30)
    void clampScalarBounds(@ForAll("awayFromBounds") Tensor x) {
        assertGradgradcheck(t -> t[0].clamp(-0.5, 0.8), x);
        assertGradcheck(t -> t[0].clampMin(-0.5).add(t[0].clampMax(1L)), x);
    }

    @Property(tries = 30)
    void clampTensorBounds(@ForAll("triple") Tensor[] xlh) {
        Assume.that(!Inputs.close(xlh[0], xlh[1], 1e-3) && !Inputs.close(xlh[0], xlh[2], 1e-3)
                && !Inputs.close(xlh[1], xlh[2], 1e-3));
        assertGradcheck(t -> t[0].clamp(t[1], t[2]), xlh);
        assertGradcheck(t -> t[0].clamp(t[1], null), xlh);
        assertGradcheck(t -> t[0].clampMin(t[1]).add(t[0].clampMax(t[2])), xlh);
    }

    @Property(tries = 30)
    void where(@ForAll("pair") Tensor[] ab) {
        Tensor cond = ab[0].detach().gt(ab[1].detach().mul(0.5));
        assertGradgradcheck(t -> Tensor.where(cond, t[0], t[1]), ab);
        assertGradgradcheck(t -> Tensor.where(cond, t[0], 2.0).add(Tensor.where(cond, -1L, t[1])), ab);
    }

    @Property(tries = 30)
    void maskedFill(@ForAll("pair") Tensor[] ab) {
        Tensor mask = ab[1].detach().gt(0.0);
        Tensor value = Torch.tensor(0.7, dev.jtorch.tensor.DType.FLOAT64).requiresGrad_();
        assertGradgradcheck(t -> t[0].maskedFill(mask, 1.5), ab[0]);
        assertGradgradcheck(t -> t[0].maskedFill(mask, t[1]), ab[0], value);
    }

    @Property(tries = 30)
    void addcmul(@ForAll("triple") Tensor[] s) {
        assertGradgradcheck(t -> t[0].addcmul(t[1], t[2], -0.7), s);
    }

    @Property(tries = 30)
    void addcdiv(@ForAll("tripleWithDivisor") Tensor[] s) {
        assertGradgradcheck(t -> t[0].addcdiv(t[1], t[2], 0.3), s);
    }

    @Property(tries = 30)
    void lerp(@ForAll("triple") Tensor[] s) {
        assertGradgradcheck(t -> t[0].lerp(t[1], 0.3), s[0], s[1]);
        assertGradgradcheck(t -> t[0].lerp(t[1], t[2]), s);
    }

    @Provide
    Arbitrary<Tensor[]> pair() {
        return Inputs.pair(-2, 2);
    }

    @Provide
    Arbitrary<Tensor[]> divisorPair() {
        return Inputs.pair(-2, 2, 0.5, 1.5);
    }

    @Provide
    Arbitrary<Tensor[]> powPair() {
        return Inputs.pair(0.5, 2, -2, 2);
    }

    @Provide
    Arbitrary<Tensor[]> atan2Pair() {
        return Inputs.pair(-2, 2, 0.3, 2);
    }

    @Provide
    Arbitrary<Tensor[]> triple() {
        return Inputs.triple(-2, 2, -2, 2);
    }

    @Provide
    Arbitrary<Tensor[]> tripleWithDivisor() {
        return Inputs.triple(-2, 2, 0.5, 2);
    }

    @Provide
    Arbitrary<Tensor> any() {
        return Inputs.x(-2, 2);
    }

    @Provide
    Arbitrary<Tensor> positive() {
        return Inputs.x(0.5, 2);
    }

    @Provide
    Arbitrary<Tensor> awayFromBounds() {
        return Inputs.away(-2, 2, 0.01, -0.5, 0.8, 1);
    }

    @Provide
    Arbitrary<Tensor> awayFromMultiplesOfHalf() {
        return Inputs.away(-2, 2, 0.01, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2);
    }
}
