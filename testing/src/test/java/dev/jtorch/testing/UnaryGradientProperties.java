package dev.jtorch.testing;

import static dev.jtorch.testing.GradientProperties.assertGradcheck;
import static dev.jtorch.testing.GradientProperties.assertGradgradcheck;

import dev.jtorch.Tensor;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * First and second derivatives of every differentiable unary op against finite differences
 * (float64, at most 9 elements), away from the points where an op is not differentiable.
 */
class UnaryGradientProperties {
    @Property(tries = 30)
    void neg(@ForAll("any") Tensor x) {
        assertGradgradcheck(t -> t[0].neg(), x);
    }

    @Property(tries = 30)
    void abs(@ForAll("nonzero") Tensor x) {
        assertGradgradcheck(t -> t[0].abs(), x);
    }

    @Property(tries = 30)
    void exp(@ForAll("any") Tensor x) {
        assertGradgradcheck(t -> t[0].exp(), x);
    }

    @Property(tries = 30)
    void exp2(@ForAll("any") Tensor x) {
        assertGradgradcheck(t -> t[0].exp2(), x);
    }

    @Property(tries = 30)
    void expm1(@ForAll("any") Tensor x) {
        assertGradgradcheck(t -> t[0].expm1(), x);
    }

    @Property(tries = 30)
    void log(@ForAll("positive") Tensor x) {
        assertGradgradcheck(t -> t[0].log(), x);
    }

    @Property(tries = 30)
    void log2(@ForAll("positive") Tensor x) {
        assertGradgradcheck(t -> t[0].log2(), x);
    }

    @Property(tries = 30)
    void log10(@ForAll("positive") Tensor x) {
        assertGradgradcheck(t -> t[0].log10(), x);
    }

    @Property(tries = 30)
    void log1p(@ForAll("aboveMinusHalf") Tensor x) {
        assertGradgradcheck(t -> t[0].log1p(), x);
    }

    @Property(tries = 30)
    void sqrt(@ForAll("positive") Tensor x) {
        assertGradgradcheck(t -> t[0].sqrt(), x);
    }

    @Property(tries = 30)
    void rsqrt(@ForAll("positive") Tensor x) {
        assertGradgradcheck(t -> t[0].rsqrt(), x);
    }

    @Property(tries = 30)
    void reciprocal(@ForAll("nonzero") Tensor x) {
        assertGradgradcheck(t -> t[0].reciprocal(), x);
    }

    @Property(tries = 30)
    void sin(@ForAll("any") Tensor x) {
        assertGradgradcheck(t -> t[0].sin(), x);
    }

    @Property(tries = 30)
    void cos(@ForAll("any") Tensor x) {
        assertGradgradcheck(t -> t[0].cos(), x);
    }

    @Property(tries = 30)
    void tan(@ForAll("unit") Tensor x) {
        assertGradgradcheck(t -> t[0].tan(), x);
    }

    @Property(tries = 30)
    void tanh(@ForAll("any") Tensor x) {
        assertGradgradcheck(t -> t[0].tanh(), x);
    }

    @Property(tries = 30)
    void sigmoid(@ForAll("any") Tensor x) {
        assertGradgradcheck(t -> t[0].sigmoid(), x);
    }

    @Property(tries = 30)
    void erf(@ForAll("any") Tensor x) {
        assertGradgradcheck(t -> t[0].erf(), x);
    }

    @Property(tries = 30)
    void square(@ForAll("any") Tensor x) {
        assertGradgradcheck(t -> t[0].square(), x);
    }

    @Property(tries = 30)
    void relu(@ForAll("nonzero") Tensor x) {
        assertGradgradcheck(t -> t[0].relu(), x);
    }

    @Property(tries = 30)
    void gelu(@ForAll("any") Tensor x) {
        assertGradgradcheck(t -> t[0].gelu(), x);
    }

    @Property(tries = 30)
    void geluTanh(@ForAll("any") Tensor x) {
        assertGradgradcheck(t -> t[0].gelu("tanh"), x);
    }

    @Property(tries = 30)
    void silu(@ForAll("any") Tensor x) {
        assertGradgradcheck(t -> t[0].silu(), x);
    }

    @Property(tries = 30)
    void softplus(@ForAll("any") Tensor x) {
        assertGradgradcheck(t -> t[0].softplus(), x);
    }

    /** beta 2, threshold 1: linear above x = 0.5 (a jump there, so the inputs keep away from it). */
    @Property(tries = 30)
    void softplusThreshold(@ForAll("awayFromHalf") Tensor x) {
        assertGradgradcheck(t -> t[0].softplus(2, 1), x);
    }

    @Property(tries = 30)
    void leakyRelu(@ForAll("nonzero") Tensor x) {
        assertGradgradcheck(t -> t[0].leakyRelu(0.2), x);
    }

    @Property(tries = 30)
    void elu(@ForAll("nonzero") Tensor x) {
        assertGradgradcheck(t -> t[0].elu(0.7), x);
    }

    @Property(tries = 20)
    void piecewiseConstantOpsHaveZeroGradients(@ForAll("awayFromHalves") Tensor x) {
        assertGradcheck(t -> t[0].floor(), x);
        assertGradcheck(t -> t[0].ceil(), x);
        assertGradcheck(t -> t[0].round(), x);
        assertGradcheck(t -> t[0].trunc(), x);
        assertGradcheck(t -> t[0].sign(), x);
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
    Arbitrary<Tensor> unit() {
        return Inputs.x(-1, 1);
    }

    @Provide
    Arbitrary<Tensor> aboveMinusHalf() {
        return Inputs.x(-0.5, 2);
    }

    @Provide
    Arbitrary<Tensor> nonzero() {
        return Inputs.away(-2, 2, 0.05, 0);
    }

    @Provide
    Arbitrary<Tensor> awayFromHalf() {
        return Inputs.away(-2, 2, 0.01, 0.5);
    }

    @Provide
    Arbitrary<Tensor> awayFromHalves() {
        return Inputs.away(-2, 2, 0.01, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2);
    }
}
