using System;
using System.Linq;
using Activations.Tests.Reference;
using FluentAssertions;

namespace Activations.Tests.Activations;

/// <summary>ELU(α): x if x &gt; 0 else α(eˣ − 1); f′ = 1 if x &gt; 0 else α·eˣ; f″ = 0 if x &gt; 0 else α·eˣ.</summary>
public sealed class ELUTests
{
    private static readonly double[] Positive = [double.Epsilon, 1e-300, 1e-20, 0.1, 0.5, 1, 2.5, 700, 1e300, double.MaxValue];

    /// <summary>Alphas that are powers of two, so that α·x is exact and the expected values below need no rounding argument.</summary>
    public static TheoryData<double> PowerOfTwoAlphas() => new() { 1, 0.5, 2 };

    /// <summary>
    /// Alphas the kernels prepare differently: above 2^1022 (scaled down so no intermediate
    /// overflows), above 2^367 (shifted below x = −700 so the exponential's clamp cannot show) and
    /// below 2⁻⁵¹² (scaled up so nothing underflows before the final rounding).
    /// </summary>
    public static TheoryData<double> ExtremeAlphas() => new() { double.MaxValue, 1.3e308, -1.5e308, 1e200, 1e-300, 5e-324, -5e-324 };

    [Fact]
    public void DefaultAlphaIsOne() => new ELU().Alpha.Should().Be(1);

    [Theory]
    [MemberData(nameof(PowerOfTwoAlphas))]
    [MemberData(nameof(ExtremeAlphas))]
    public void PositiveInputsPassThroughBitForBit(double alpha)
    {
        var f = new ELU(alpha);
        foreach (double x in Positive)
        {
            BitConverter.DoubleToInt64Bits(f.Fn(x)).Should().Be(BitConverter.DoubleToInt64Bits(x), because: $"{f}({x:R}) = x for x > 0");
            f.Grad(x).Should().Be(1, because: $"{f}′({x:R}) = 1 for x > 0");
            f.Grad2(x).Should().Be(0, because: $"{f}″({x:R}) = 0 for x > 0");
        }
    }

    [Theory]
    [MemberData(nameof(PowerOfTwoAlphas))]
    public void AtZeroTheLeftBranchGivesZeroWithSlopeAndCurvatureAlpha(double alpha)
    {
        var f = new ELU(alpha);
        foreach (double zero in new[] { 0.0, -0.0 })
        {
            f.Fn(zero).Should().Be(0, because: $"{f}(0) = α(e⁰ − 1) = 0");
            f.Grad(zero).Should().Be(alpha, because: $"{f}′(0) = α·e⁰ = α");
            f.Grad2(zero).Should().Be(alpha, because: $"{f}″(0) = α·e⁰ = α");
        }
    }

    [Theory]
    [MemberData(nameof(PowerOfTwoAlphas))]
    public void TinyNegativeInputsDoNotCancel(double alpha)
    {
        // α(eˣ − 1) = αx(1 + x/2 + …): for |x| ≤ 1e−20 the correction is below 1e−20 relative,
        // far under half an ulp, so the correctly rounded value is α·x (exact for these α).
        // Computing eˣ − 1 by subtraction would give 0 here.
        var f = new ELU(alpha);
        foreach (double x in new[] { -1e-20, -1e-100, -1e-300 })
        {
            f.Fn(x).Should().Be(alpha * x, because: $"{f}({x:R}) ≈ α·x with a relative error far below an ulp");
            f.Grad(x).Should().Be(alpha, because: $"{f}′({x:R}) = α·eˣ rounds to α");
        }
    }

    [Theory]
    [MemberData(nameof(PowerOfTwoAlphas))]
    public void LargeNegativeInputsSaturateAtMinusAlpha(double alpha)
    {
        // α(eˣ − 1) + α = α·eˣ ≤ α·e⁻⁴⁰ ≈ 4.2e−18·α, below half an ulp of α, so the value rounds to −α.
        var f = new ELU(alpha);
        foreach (double x in new[] { -40, -100, -745.2, -1e300, double.MinValue })
        {
            f.Fn(x).Should().Be(-alpha, because: $"{f}({x:R}) is within 1e−17 relative of −α");
        }

        f.Grad(-1000.0).Should().Be(0, because: "α·e⁻¹⁰⁰⁰ underflows to 0");
        f.Grad2(-1000.0).Should().Be(0, because: "α·e⁻¹⁰⁰⁰ underflows to 0");
    }

    [Theory]
    [MemberData(nameof(PowerOfTwoAlphas))]
    public void NegativeBranchIsIncreasingAndAboveMinusAlpha(double alpha)
    {
        var f = new ELU(alpha);
        double[] grid = [.. Enumerable.Range(0, 200).Select(i => -30 + (i * 0.15))];
        Relations.ShouldIncreaseWithin(f.Fn, f.ToString(), grid, strictly: true, -alpha, 0);
        Relations.ShouldIncreaseWithin(f.Grad, $"{f}′", grid, strictly: true, 0, alpha);
    }

    [Fact]
    public void GradAndGrad2AgreeOnTheNegativeSide()
    {
        // Both are α·eˣ for x ≤ 0: the same function, so the same bits.
        var f = new ELU(0.7);
        foreach (double x in new[] { -0.0, -1e-300, -0.3, -1, -5.5, -30, -700, -740 })
        {
            f.Grad2(x).Should().Be(f.Grad(x), because: $"ELU′ and ELU″ are both α·eˣ at {x:R}");
        }
    }

    [Theory]
    [InlineData(double.MaxValue, -700)]
    [InlineData(1.3e308, -19.76707237761797)]
    [InlineData(-1.5e308, -19.9199999)]
    [InlineData(double.MaxValue, -0.5)]
    [InlineData(double.MaxValue, -1100)]
    [InlineData(double.MaxValue, -1418.179131609957)]
    [InlineData(1e200, -1100)]
    [InlineData(1e-300, -1.210719347000122e-08)]
    [InlineData(1e-300, -17.621188251841396)]
    [InlineData(5e-324, -0.5)]
    public void ExtremeAlphasAreWithinOneUlpAtTheirHardPoints(double alpha, double x)
    {
        // α·eˣ overflowed for |α| ≳ 1.27e308 (α times the exponential's mantissa, up to √2), for
        // |α| ≥ 2^368 the exponential's clamp below x = −1000 made α·e⁻¹¹⁰⁰ come out as α·e⁻¹⁰⁰⁰, and a
        // tiny α lost its low-order bits to underflow before the final rounding.
        var f = new ELU(alpha);
        for (int order = 0; order <= 2; order++)
        {
            double actual = order switch { 0 => f.Fn(x), 1 => f.Grad(x), _ => f.Grad2(x) };
            BigFloat exact = ExactActivations.ELU(alpha, x, order);
            Ulp.Error(actual, exact).Should().BeLessThanOrEqualTo(1.0,
                because: $"{f} derivative {order} at {x:R} = {actual:R}, exact ≈ {exact.ToDouble():R}");
        }
    }

    [Fact]
    public void MaxValueAlphaGivesTheGradientAtMinus700()
    {
        // MaxValue·e⁻⁷⁰⁰ = 17724.67283467994457…, 0.499 ulp below 17724.672834679946 and 0.501 ulp
        // above 17724.672834679943: either is within 1 ulp.
        double grad = new ELU(double.MaxValue).Grad(-700.0);
        grad.Should().BeOneOf(17724.672834679943, 17724.672834679946);
        ExactActivations.ELU(double.MaxValue, -700, 1).ToDouble().Should().Be(17724.672834679946);
    }

    [Theory]
    [InlineData(double.MaxValue, -1500)]
    [InlineData(double.MaxValue, -6144)]
    [InlineData(1e200, -6144)]
    [InlineData(5e-324, -0.75)]
    public void ExtremeAlphaDerivativesUnderflowWhereTheExactValueDoes(double alpha, double x)
    {
        // MaxValue·e⁻¹⁵⁰⁰ ≈ e⁻⁷⁹⁰, 1e200·e⁻⁶¹⁴⁴ and 5e−324·e^−0.75 (0.47 of the smallest subnormal) all round to 0.
        ExactActivations.ELU(alpha, x, 1).ToDouble().Should().Be(0);
        new ELU(alpha).Grad(x).Should().Be(0, because: $"ELU(alpha={alpha:R})′({x:R}) rounds to 0");
        new ELU(alpha).Grad2(x).Should().Be(0, because: $"ELU(alpha={alpha:R})″({x:R}) rounds to 0");
    }

    [Theory]
    [MemberData(nameof(ExtremeAlphas))]
    public void ExtremeAlphasKeepTheValuesAtZeroAndTheSaturation(double alpha)
    {
        var f = new ELU(alpha);
        f.Fn(0.0).Should().Be(0, because: $"{f}(0) = α(e⁰ − 1) = 0");
        f.Grad(0.0).Should().Be(alpha, because: $"{f}′(0) = α·e⁰ = α");
        f.Grad2(-0.0).Should().Be(alpha, because: $"{f}″(−0) = α·e⁰ = α");
        f.Fn(-1e300).Should().Be(-alpha, because: $"{f}(−1e300) is within 1e−17 relative of −α");
    }

    [Theory]
    [MemberData(nameof(ExtremeAlphas))]
    public void ExtremeAlphasKeepTheNegativeBranchMonotonic(double alpha)
    {
        // Across the places where the kernel changes form (x = −700 for a huge α) and the
        // subnormal boundary, |α|·eˣ never decreases as x grows.
        var f = new ELU(Math.Abs(alpha));
        double[] grid = [.. Enumerable.Range(0, 400).Select(i => -1460 + (i * 3.65)), -700.0000000000001, -700, -699.9999999999999];
        Array.Sort(grid);
        Relations.ShouldIncreaseWithin(f.Grad, $"{f}′", grid, strictly: false, 0, Math.Abs(alpha));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteAlphaIsRejected(double alpha)
    {
        Action act = () => _ = new ELU(alpha);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("alpha");
    }
}
