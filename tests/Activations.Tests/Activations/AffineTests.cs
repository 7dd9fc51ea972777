using System;
using System.Linq;
using FluentAssertions;

namespace Activations.Tests.Activations;

/// <summary>Affine(s, b): f(x) = s·x + b rounded once, f′ = s, f″ = 0.</summary>
public sealed class AffineTests
{
    private static readonly double[] Inputs = [-1e300, -123.456, -3, -1, -0.1, -0.0, 0.0, 1e-310, 0.1, 0.5, 1, 3, 77.7, 1e300];

    [Fact]
    public void AZeroSlopeKeepsItsSignInTheDerivativeAndTheBackwardPass()
    {
        foreach (double slope in new[] { 0.0, -0.0 })
        {
            var f = new Affine(slope, 2);
            double[] x = [-3, 0, 5, double.PositiveInfinity, double.NegativeInfinity];
            var value = new double[x.Length];
            var gradient = new double[x.Length];
            var backward = new double[x.Length];
            f.FnAndGrad(x, value, gradient);
            f.Backward(x, [.. x.Select(_ => 1.0)], backward);
            value.Should().AllSatisfy(v => v.Should().Be(2), because: "a zero slope gives b, also at ±∞");
            gradient.Should().AllSatisfy(g => BitConverter.DoubleToInt64Bits(g).Should().Be(BitConverter.DoubleToInt64Bits(slope), because: $"f′ = s = {slope:R}"));
            backward.Should().AllSatisfy(d => BitConverter.DoubleToInt64Bits(d).Should().Be(BitConverter.DoubleToInt64Bits(slope), because: $"1·s = {slope:R}"));
            BitConverter.DoubleToInt64Bits(f.Grad(-3.0)).Should().Be(BitConverter.DoubleToInt64Bits(slope));
            BitConverter.SingleToInt32Bits(f.Grad(-3.0f)).Should().Be(BitConverter.SingleToInt32Bits((float)slope));
        }
    }

    [Fact]
    public void DefaultsAreTheIdentityMap()
    {
        var f = new Affine();
        f.Slope.Should().Be(1);
        f.Intercept.Should().Be(0);
    }

    [Theory]
    [InlineData(2, -1, 0.5, 0)]
    [InlineData(2, -1, 0, -1)]
    [InlineData(2, -1, 3, 5)]
    [InlineData(-0.5, 1, 4, -1)]
    [InlineData(0.25, 0.75, -3, 0)]
    public void ExactValuesAtSimplePoints(double slope, double intercept, double x, double expected)
    {
        new Affine(slope, intercept).Fn(x).Should().Be(expected, because: $"{slope}·{x} + {intercept} is exactly {expected}");
    }

    [Theory]
    [InlineData(0.1, -0.3)]
    [InlineData(-0.7, 1e-3)]
    [InlineData(3.3, 1e-300)]
    [InlineData(1e-3, 1e10)]
    public void FnIsRoundedOnceLikeAFusedMultiplyAdd(double slope, double intercept)
    {
        // Math.FusedMultiplyAdd is IEEE's fused multiply-add: the exact s·x + b, rounded once.
        var f = new Affine(slope, intercept);
        foreach (double x in Inputs)
        {
            double expected = Math.FusedMultiplyAdd(slope, x, intercept);
            f.Fn(x).Should().Be(expected, because: $"{f}.Fn({x:R}) is the exact {slope}·x + {intercept} rounded once");
            f.Fn([x])[0].Should().Be(expected, because: $"the array overload of {f}.Fn({x:R}) agrees");
        }
    }

    [Fact]
    public void DerivativesAreTheSlopeAndZeroEverywhere()
    {
        var f = new Affine(-0.5, 1e-3);
        foreach (double x in Inputs)
        {
            f.Grad(x).Should().Be(-0.5, because: $"f′({x:R}) is the slope");
            f.Grad2(x).Should().Be(0, because: $"f″({x:R}) is 0");
        }
    }

    [Fact]
    public void ZeroSlopeIsTheInterceptEverywhereIncludingInfinity()
    {
        var f = new Affine(0, 3);
        double[] inputs = [.. Inputs, double.MaxValue, double.MinValue, double.PositiveInfinity, double.NegativeInfinity];
        foreach (double x in inputs)
        {
            f.Fn(x).Should().Be(3, because: $"0·{x:R} + 3 is 3 (the limit, also at ±∞)");
        }
    }

    [Fact]
    public void OverflowGivesInfinityOfTheRightSign()
    {
        new Affine(2, 0).Fn(double.MaxValue).Should().Be(double.PositiveInfinity, because: "2·MaxValue exceeds every double");
        new Affine(-2, 0).Fn(double.MaxValue).Should().Be(double.NegativeInfinity, because: "−2·MaxValue is below every double");
    }

    [Theory]
    [InlineData(double.NaN, 0)]
    [InlineData(double.PositiveInfinity, 0)]
    [InlineData(double.NegativeInfinity, 0)]
    public void NonFiniteSlopeIsRejected(double slope, double intercept)
    {
        Action act = () => _ = new Affine(slope, intercept);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("slope");
    }

    [Theory]
    [InlineData(1, double.NaN)]
    [InlineData(1, double.PositiveInfinity)]
    [InlineData(1, double.NegativeInfinity)]
    public void NonFiniteInterceptIsRejected(double slope, double intercept)
    {
        Action act = () => _ = new Affine(slope, intercept);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("intercept");
    }
}
