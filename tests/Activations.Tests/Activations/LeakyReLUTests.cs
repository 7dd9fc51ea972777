using System;
using FluentAssertions;

namespace Activations.Tests.Activations;

/// <summary>LeakyReLU(α): x if x &gt; 0 else α·x (one rounding); f′ = 1 if x &gt; 0 else α (so f′(0) = α); f″ = 0.</summary>
public sealed class LeakyReLUTests
{
    private static readonly double[] Positive = [double.Epsilon, 1e-300, 0.1, 1, 2.5, 1e300, double.MaxValue, double.PositiveInfinity];

    private static readonly double[] Negative = [-double.Epsilon, -1e-300, -0.1, -1, -3, -77.7, -1e300, double.MinValue];

    [Fact]
    public void DefaultAlphaIsZeroPointThree() => new LeakyReLU().Alpha.Should().Be(0.3);

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.01)]
    [InlineData(0.5)]
    public void PositiveInputsPassThroughBitForBit(double alpha)
    {
        var f = new LeakyReLU(alpha);
        foreach (double x in Positive)
        {
            BitConverter.DoubleToInt64Bits(f.Fn(x)).Should().Be(BitConverter.DoubleToInt64Bits(x), because: $"{f}({x:R}) = x for x > 0");
            f.Grad(x).Should().Be(1, because: $"{f}′({x:R}) = 1 for x > 0");
        }
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.01)]
    [InlineData(0.5)]
    public void NegativeInputsAreScaledByAlphaWithOneRounding(double alpha)
    {
        // alpha * x in C# is the exact product of the two doubles, rounded once.
        var f = new LeakyReLU(alpha);
        foreach (double x in Negative)
        {
            f.Fn(x).Should().Be(alpha * x, because: $"{f}({x:R}) = α·x for x < 0");
            f.Grad(x).Should().Be(alpha, because: $"{f}′({x:R}) = α for x < 0");
        }
    }

    [Theory]
    [InlineData(0.5, -3, -1.5)]
    [InlineData(0.25, -2, -0.5)]
    [InlineData(0.5, double.NegativeInfinity, double.NegativeInfinity)]
    public void ExactValuesAtSimplePoints(double alpha, double x, double expected) =>
        new LeakyReLU(alpha).Fn(x).Should().Be(expected, because: $"{alpha}·{x} is exactly {expected}");

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.01)]
    [InlineData(0.0)]
    public void AtZeroTheValueIsZeroAndTheSlopeIsAlpha(double alpha)
    {
        var f = new LeakyReLU(alpha);
        foreach (double zero in new[] { 0.0, -0.0 })
        {
            f.Fn(zero).Should().Be(0, because: $"{f}(0) = α·0 = 0");
            f.Grad(zero).Should().Be(alpha, because: $"{f}′(0) takes the x ≤ 0 branch, α");
            f.Grad2(zero).Should().Be(0, because: $"{f}″(0) = 0");
        }
    }

    [Fact]
    public void AZeroAlphaKeepsItsSignInTheDerivativeAndPositiveZeroInTheValue()
    {
        foreach (double alpha in new[] { 0.0, -0.0 })
        {
            var f = new LeakyReLU(alpha);
            double[] x = [-3, -0.0, 0.0, double.NegativeInfinity];
            var value = new double[x.Length];
            var gradient = new double[x.Length];
            f.FnAndGrad(x, value, gradient);
            value.Should().AllSatisfy(v => BitConverter.DoubleToInt64Bits(v).Should().Be(0L, because: "the value is +0 for every x ≤ 0"));
            gradient.Should().AllSatisfy(g => BitConverter.DoubleToInt64Bits(g).Should().Be(BitConverter.DoubleToInt64Bits(alpha), because: $"f′ = α = {alpha:R} for x ≤ 0"));
            BitConverter.DoubleToInt64Bits(f.Grad(-3.0)).Should().Be(BitConverter.DoubleToInt64Bits(alpha));
            BitConverter.SingleToInt32Bits(f.Fn(-3.0f)).Should().Be(0);
        }
    }

    [Fact]
    public void ZeroAlphaIsZeroOnTheWholeNegativeSideIncludingMinusInfinity()
    {
        var f = new LeakyReLU(0);
        double[] inputs = [.. Negative, double.NegativeInfinity];
        foreach (double x in inputs)
        {
            f.Fn(x).Should().Be(0, because: $"0·{x:R} is 0 (and its limit at −∞ is 0)");
            f.Grad(x).Should().Be(0, because: $"LeakyReLU(0)′({x:R}) = 0");
        }
    }

    [Fact]
    public void SecondDerivativeIsZeroEverywhere()
    {
        var f = new LeakyReLU(0.01);
        double[] inputs = [.. Positive, .. Negative, double.NegativeInfinity];
        foreach (double x in inputs)
        {
            f.Grad2(x).Should().Be(0, because: $"{f}″({x:R}) is 0");
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteAlphaIsRejected(double alpha)
    {
        Action act = () => _ = new LeakyReLU(alpha);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("alpha");
    }
}
