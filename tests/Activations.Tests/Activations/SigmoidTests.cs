using System;
using System.Linq;
using FluentAssertions;

namespace Activations.Tests.Activations;

/// <summary>Sigmoid: σ(x) = 1/(1 + e⁻ˣ); σ′ = σ(1 − σ); σ″ = σ(1 − σ)(1 − 2σ).</summary>
public sealed class SigmoidTests
{
    /// <summary>Positive inputs: subnormal, tiny, moderate, saturating and huge.</summary>
    private static readonly double[] Magnitudes =
    [
        double.Epsilon, 1e-310, 1e-300, 1e-20, 1e-8, 0.001, 0.1, 0.5, 1, 1.5, 2, 3.3, 5, 7.77, 10, 15, 20, 30, 36.7,
        40, 50, 100, 700, 709.9, 745.5, 800, 1e10, 1e300, double.MaxValue,
    ];

    [Fact]
    public void ExactValuesAtZero()
    {
        var f = new Sigmoid();
        foreach (double zero in new[] { 0.0, -0.0 })
        {
            f.Fn(zero).Should().Be(0.5, because: "σ(0) = 1/2");
            f.Grad(zero).Should().Be(0.25, because: "σ′(0) = 1/4");
            f.Grad2(zero).Should().Be(0, because: "σ″(0) = 0");
        }
    }

    [Fact]
    public void ReflectionIsOneMinusTheValue()
    {
        // σ(−x) = 1 − σ(x). For x > 0, 1 − σ(x) is exact (Sterbenz), σ(x) ∈ (1/2, 1) is within
        // 2 ulps (2·2⁻⁵³) and σ(−x) < 1/2 within 2 ulps (at most 2·2⁻⁵⁴), so the two sides differ
        // by at most 3·2⁻⁵³ in absolute terms.
        var f = new Sigmoid();
        const double Tolerance = 3 * 1.1102230246251565e-16;
        foreach (double x in Magnitudes.Where(x => x <= 40))
        {
            f.Fn(-x).Should().BeApproximately(1 - f.Fn(x), Tolerance, because: $"σ(−{x:R}) = 1 − σ({x:R})");
        }
    }

    [Fact]
    public void FirstDerivativeIsEvenBitForBit() => Relations.ShouldBeEvenBitForBit(new Sigmoid().Grad, "σ′", Magnitudes);

    [Fact]
    public void SecondDerivativeIsOddBitForBit() => Relations.ShouldBeOddBitForBit(new Sigmoid().Grad2, "σ″", Magnitudes);

    [Fact]
    public void DerivativesHaveTheirSigns()
    {
        var f = new Sigmoid();
        // From 1e−300 up: below that, σ″ ≈ −x/8 is smaller than the smallest subnormal.
        foreach (double x in Magnitudes.Where(x => x is >= 1e-300 and <= 700))
        {
            f.Grad(x).Should().BePositive(because: $"σ′({x:R}) = σ(1 − σ) > 0 while it does not underflow");
            f.Grad2(x).Should().BeNegative(because: $"σ″({x:R}) < 0 for x > 0");
            f.Grad2(-x).Should().BePositive(because: $"σ″(−{x:R}) > 0");
        }
    }

    [Fact]
    public void LargeArgumentsSaturate()
    {
        // 1 − σ(x) = σ(−x) < e⁻ˣ, below half an ulp of 1 (2⁻⁵⁴ ≈ 5.6e−17) once x > 37.5.
        var f = new Sigmoid();
        foreach (double x in Magnitudes.Where(x => x >= 40))
        {
            f.Fn(x).Should().Be(1, because: $"σ({x:R}) rounds to 1");
        }

        // σ(−x) = e⁻ˣ/(1 + e⁻ˣ) underflows to 0 once e⁻ˣ is below half the smallest subnormal.
        foreach (double x in Magnitudes.Where(x => x >= 800))
        {
            f.Fn(-x).Should().Be(0, because: $"σ(−{x:R}) underflows to 0");
            f.Grad(x).Should().Be(0, because: $"σ′({x:R}) underflows to 0");
        }
    }

    [Fact]
    public void FarLeftTailIsTheExponential()
    {
        // σ(x) = eˣ/(1 + eˣ) = eˣ(1 − eˣ + …): for x ≤ −40 the relative difference from eˣ is
        // below 4.3e−18, far under an ulp. Math.Exp is within 1 ulp in the normal range and σ
        // within 2, so the two are within 3 ulps of each other.
        var f = new Sigmoid();
        foreach (double x in new[] { -40, -41.5, -50, -100, -333.3, -700 })
        {
            Relations.UlpsBetween(f.Fn(x), Math.Exp(x)).Should().BeLessThanOrEqualTo(3, because: $"σ({x:R}) ≈ e^{x:R}");
        }
    }

    [Fact]
    public void FirstDerivativeIsTheProductOfBothTails()
    {
        // σ′(x) = σ(x)·σ(−x). σ′ and each factor are within 2 ulps (relative 2·2⁻⁵²) and the
        // product rounds once (2⁻⁵³): the sides differ by at most 6.5·2⁻⁵² relative, which is at
        // most 13 ulps (an ulp is at least 2⁻⁵³ relative).
        var f = new Sigmoid();
        foreach (double x in Magnitudes.Where(x => x <= 700))
        {
            Relations.UlpsBetween(f.Grad(x), f.Fn(x) * f.Fn(-x)).Should().BeLessThanOrEqualTo(13, because: $"σ′({x:R}) = σ(x)σ(−x)");
        }
    }

    [Fact]
    public void IsStrictlyIncreasingBetweenZeroAndOne() =>
        Relations.ShouldIncreaseWithin(new Sigmoid().Fn, "σ", [.. Enumerable.Range(0, 601).Select(i => -30 + (i * 0.1))], strictly: true, 0, 1);
}
