using System;
using System.Linq;
using FluentAssertions;

namespace Activations.Tests.Activations;

/// <summary>ELU(α): x if x &gt; 0 else α(eˣ − 1); f′ = 1 if x &gt; 0 else α·eˣ; f″ = 0 if x &gt; 0 else α·eˣ.</summary>
public sealed class ELUTests
{
    private static readonly double[] Positive = [double.Epsilon, 1e-300, 1e-20, 0.1, 0.5, 1, 2.5, 700, 1e300, double.MaxValue];

    /// <summary>Alphas that are powers of two, so that α·x is exact and the expected values below need no rounding argument.</summary>
    public static TheoryData<double> PowerOfTwoAlphas() => new() { 1, 0.5, 2 };

    [Fact]
    public void DefaultAlphaIsOne() => new ELU().Alpha.Should().Be(1);

    [Theory]
    [MemberData(nameof(PowerOfTwoAlphas))]
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

        f.Grad(-1000).Should().Be(0, because: "α·e⁻¹⁰⁰⁰ underflows to 0");
        f.Grad2(-1000).Should().Be(0, because: "α·e⁻¹⁰⁰⁰ underflows to 0");
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
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteAlphaIsRejected(double alpha)
    {
        Action act = () => _ = new ELU(alpha);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("alpha");
    }
}
