using System;
using System.Linq;
using FluentAssertions;

namespace Activations.Tests.Activations;

/// <summary>SoftPlus: ln(1 + eˣ); f′ = eˣ/(1 + eˣ) (the logistic sigmoid); f″ = eˣ/(1 + eˣ)².</summary>
public sealed class SoftPlusTests
{
    [Fact]
    public void ExactValuesAtZero()
    {
        var f = new SoftPlus();
        foreach (double zero in new[] { 0.0, -0.0 })
        {
            f.Fn(zero).Should().Be(0.6931471805599453, because: "softplus(0) = ln 2, correctly rounded");
            f.Grad(zero).Should().Be(0.5, because: "softplus′(0) = 1/2");
            f.Grad2(zero).Should().Be(0.25, because: "softplus″(0) = 1/4");
        }
    }

    [Fact]
    public void AboveFortyTheValueIsXBitForBit()
    {
        // softplus(x) = x + ln(1 + e⁻ˣ) < x + e⁻ˣ, and e⁻⁴⁰ ≈ 4.2e−18 is below half an ulp of any x > 40.
        var f = new SoftPlus();
        foreach (double x in new[] { Math.BitIncrement(40.0), 40.5, 41, 50, 100, 709.79, 1e10, 1e300, double.MaxValue })
        {
            BitConverter.DoubleToInt64Bits(f.Fn(x)).Should().Be(BitConverter.DoubleToInt64Bits(x), because: $"softplus({x:R}) = x to the last bit");
            f.Grad(x).Should().Be(1, because: $"softplus′({x:R}) = σ(x) rounds to 1");
        }
    }

    [Fact]
    public void BelowMinusFortyTheValueIsTheExponential()
    {
        // ln(1 + eˣ) = eˣ(1 − eˣ/2 + …): for x < −40 the relative difference from eˣ is below
        // 2.2e−18, far under an ulp. SoftPlus is within 2 ulps and Math.Exp within 1 ulp in the
        // normal range, so the two are within 3 ulps of each other.
        var f = new SoftPlus();
        foreach (double x in new[] { Math.BitDecrement(-40.0), -40.5, -41, -50, -100, -333.3, -700 })
        {
            Relations.UlpsBetween(f.Fn(x), Math.Exp(x)).Should().BeLessThanOrEqualTo(3, because: $"softplus({x:R}) ≈ e^{x:R}");
        }

        f.Fn(-800.0).Should().Be(0, because: "ln(1 + e⁻⁸⁰⁰) ≈ e⁻⁸⁰⁰ underflows to 0");
    }

    [Fact]
    public void DifferenceOfReflectionsIsX()
    {
        // softplus(x) − softplus(−x) = x. For 0 < x ≤ 30, softplus(x) > x and each side is within
        // 2 ulps of a value at most x + ln 2 < 2·max(x, 1); so the identity holds to 8 ulps of
        // max(x, 1) (2 + 2 ulps of values up to twice as large, plus one rounding in the sum).
        var f = new SoftPlus();
        foreach (double x in Enumerable.Range(1, 300).Select(i => i * 0.1))
        {
            double scale = Math.Max(x, 1);
            double tolerance = 8 * (Math.BitIncrement(scale) - scale);
            (f.Fn(-x) + x).Should().BeApproximately(f.Fn(x), tolerance, because: $"softplus({x:R}) = x + softplus(−{x:R})");
        }
    }

    [Fact]
    public void DerivativesAreTheLogisticSigmoidAndItsDerivative()
    {
        // softplus′ = σ and softplus″ = σ′ as functions: each side is within 2 ulps of the same
        // exact value, so they are within 4 ulps of each other.
        var f = new SoftPlus();
        var sigmoid = new Sigmoid();
        foreach (double x in Enumerable.Range(-200, 401).Select(i => i * 0.25))
        {
            Relations.UlpsBetween(f.Grad(x), sigmoid.Fn(x)).Should().BeLessThanOrEqualTo(4, because: $"softplus′({x:R}) = σ({x:R})");
            Relations.UlpsBetween(f.Grad2(x), sigmoid.Grad(x)).Should().BeLessThanOrEqualTo(4, because: $"softplus″({x:R}) = σ′({x:R})");
        }
    }

    [Fact]
    public void IsPositiveAndStrictlyIncreasing() =>
        Relations.ShouldIncreaseWithin(new SoftPlus().Fn, "softplus", [.. Enumerable.Range(0, 1001).Select(i => -50 + (i * 0.1))], strictly: true, double.Epsilon, double.MaxValue);
}
