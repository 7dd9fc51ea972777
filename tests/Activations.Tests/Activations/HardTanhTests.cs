using System;
using System.Linq;
using FluentAssertions;

namespace Activations.Tests.Activations;

/// <summary>HardTanh(min, max): x clamped to [min, max]; f′ = 1 on the closed interval, else 0; f″ = 0.</summary>
public sealed class HardTanhTests
{
    private static readonly HardTanh Skewed = new(-2, 0.5);

    [Theory]
    [InlineData(-3, -2)]
    [InlineData(-2, -2)]
    [InlineData(-1.25, -1.25)]
    [InlineData(0.375, 0.375)]
    [InlineData(0.5, 0.5)]
    [InlineData(0.75, 0.5)]
    [InlineData(-1e300, -2)]
    [InlineData(1e300, 0.5)]
    [InlineData(double.NegativeInfinity, -2)]
    [InlineData(double.PositiveInfinity, 0.5)]
    public void ClampsToTheBounds(double x, double expected)
    {
        Skewed.Fn(x).Should().Be(expected, because: $"HardTanh(min=-2, max=0.5)({x:R}) is {x:R} clamped to [−2, 0.5]");
        Skewed.Fn((float)x).Should().Be((float)expected, because: "the float overload rounds the exact clamp once");
    }

    [Fact]
    public void DefaultsClampToMinusOneAndOne()
    {
        var f = new HardTanh();
        f.Min.Should().Be(-1);
        f.Max.Should().Be(1);
        f.Fn(-5.0).Should().Be(-1);
        f.Fn(0.25).Should().Be(0.25);
        f.Fn(5.0).Should().Be(1);
        BitConverter.DoubleToInt64Bits(f.Fn(-0.0)).Should().Be(BitConverter.DoubleToInt64Bits(-0.0), because: "inside the interval the value is x itself, −0 included");
    }

    [Fact]
    public void SlopeIsOneOnTheClosedIntervalAndZeroOutside()
    {
        foreach (double x in new[] { -2, Math.BitIncrement(-2.0), -1, -0.0, 0.0, 0.25, Math.BitDecrement(0.5), 0.5 })
        {
            Skewed.Grad(x).Should().Be(1, because: $"HardTanh′({x:R}) = 1 on [−2, 0.5], both joints included (PyTorch takes the open interval)");
        }

        foreach (double x in new[] { Math.BitDecrement(-2.0), -3, -1e300, double.NegativeInfinity, Math.BitIncrement(0.5), 1, 1e300, double.PositiveInfinity })
        {
            Skewed.Grad(x).Should().Be(0, because: $"HardTanh′({x:R}) = 0 outside [−2, 0.5]");
        }
    }

    [Fact]
    public void SecondDerivativeIsZeroEverywhere()
    {
        foreach (double x in new[] { -1e300, -2, -1, 0, 0.5, 1e300 })
        {
            Skewed.Grad2(x).Should().Be(0, because: $"HardTanh″({x:R}) = 0");
        }
    }

    [Fact]
    public void BackwardPassesDyOnTheClosedIntervalAndZeroOutside()
    {
        double[] x = [-2, 0.5, -1, Math.BitDecrement(-2.0), Math.BitIncrement(0.5), 7, -7, 0.5];
        double[] dy = [double.MaxValue, -3.5, double.PositiveInfinity, -1.25, 2, double.NegativeInfinity, double.PositiveInfinity, 5e-324];
        var dx = new double[x.Length];
        Skewed.Backward(x, dy, dx);
        dx[..3].Should().Equal([double.MaxValue, -3.5, double.PositiveInfinity], because: "f′ = 1 at the joints and inside: dx = dy exactly");
        BitConverter.DoubleToInt64Bits(dx[3]).Should().Be(BitConverter.DoubleToInt64Bits(-0.0), because: "−1.25·(+0) = −0 just below min");
        BitConverter.DoubleToInt64Bits(dx[4]).Should().Be(BitConverter.DoubleToInt64Bits(0.0), because: "2·(+0) = +0 just above max");
        dx[5].Should().Be(double.NaN, because: "−∞·0 is NaN where f′ is exactly 0");
        dx[6].Should().Be(double.NaN, because: "∞·0 is NaN where f′ is exactly 0");
        dx[7].Should().Be(5e-324, because: "f′(max) = 1 passes even the smallest subnormal");
    }

    [Fact]
    public void ParsesAndPrintsItsBounds()
    {
        ActivationFunction parsed = ActivationFunction.Parse("hardtanh(min=-2, max=0.5)");
        parsed.Should().Be(Skewed);
        parsed.ToString().Should().Be("HardTanh(min=-2, max=0.5)");
        ActivationFunction.Parse("Hard_Tanh(max=3)").Should().Be(new HardTanh(max: 3));
        ActivationFunction.Parse("HardTanh").ToString().Should().Be("HardTanh(min=-1, max=1)");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(0.5, -2)]
    [InlineData(5e-324, 0)]
    [InlineData(0, -0.0)]
    [InlineData(double.MaxValue, -double.MaxValue)]
    public void MinNotBelowMaxIsRejected(double min, double max)
    {
        Action act = () => _ = new HardTanh(min, max);
        act.Should().ThrowExactly<ArgumentOutOfRangeException>(because: $"min = {min:R} is not below max = {max:R}")
            .WithParameterName("min").WithMessage("The parameter 'min' must be less than 'max'.*");

        string text = FormattableString.Invariant($"HardTanh(min={min:R}, max={max:R})");
        Action parse = () => ActivationFunction.Parse(text);
        parse.Should().ThrowExactly<FormatException>(because: $"the text was \"{text}\"")
            .WithMessage("\"* is not an activation: HardTanh rejects the parameters (The parameter 'min' must be less than 'max'.*");
        ActivationFunction.TryParse(text, out ActivationFunction? result).Should().BeFalse();
        result.Should().BeNull();
    }

    [Theory]
    [InlineData(double.NaN, 1, "min")]
    [InlineData(double.NegativeInfinity, 1, "min")]
    [InlineData(double.PositiveInfinity, 1, "min")]
    [InlineData(-1, double.NaN, "max")]
    [InlineData(-1, double.PositiveInfinity, "max")]
    [InlineData(-1, double.NegativeInfinity, "max")]
    [InlineData(double.NegativeInfinity, double.PositiveInfinity, "min")]
    public void NonFiniteBoundIsRejected(double min, double max, string parameter)
    {
        Action act = () => _ = new HardTanh(min, max);
        act.Should().ThrowExactly<ArgumentOutOfRangeException>(because: $"HardTanh({min}, {max})")
            .WithParameterName(parameter).WithMessage($"The parameter '{parameter}' must be a finite number.*");
    }

    [Fact]
    public void NeighbouringBoundsAreAccepted()
    {
        var f = new HardTanh(1.0, Math.BitIncrement(1.0));
        f.Fn(0.0).Should().Be(1.0);
        f.Fn(2.0).Should().Be(Math.BitIncrement(1.0));
        f.Grad(1.0).Should().Be(1);
        f.Grad(0.5).Should().Be(0);
    }

    [Fact]
    public void IsNonDecreasingWithinItsBounds() =>
        Relations.ShouldIncreaseWithin(Skewed.Fn, "HardTanh", [.. Enumerable.Range(0, 601).Select(i => -3 + (i * 0.01))], strictly: false, -2, 0.5);
}
