using System;
using System.Linq;
using FluentAssertions;

namespace Activations.Tests.Activations;

/// <summary>HardSigmoid: 0 if x &lt; −2.5, 1 if x &gt; 2.5, else x/5 + 1/2 rounded once; f′ = 1/5 on [−2.5, 2.5], else 0; f″ = 0.</summary>
public sealed class HardSigmoidTests
{
    [Theory]
    [InlineData(-2.5, 0)]
    [InlineData(2.5, 1)]
    [InlineData(0, 0.5)]
    [InlineData(1, 0.7)]
    [InlineData(-1, 0.3)]
    [InlineData(2, 0.9)]
    [InlineData(-2, 0.1)]
    [InlineData(0.25, 0.55)]
    [InlineData(-1.5, 0.2)]
    [InlineData(3, 1)]
    [InlineData(-3, 0)]
    [InlineData(1e300, 1)]
    [InlineData(-1e300, 0)]
    public void ExactValuesAtSimplePoints(double x, double expected)
    {
        // Each expected value is the exact x/5 + 1/2 written as a decimal literal, which the
        // compiler rounds to the nearest double: the correctly rounded result.
        new HardSigmoid().Fn(x).Should().Be(expected, because: $"HardSigmoid({x:R}) = {x}/5 + 1/2, clipped to [0, 1]");
    }

    [Fact]
    public void JustOutsideTheLinearPieceItIsClipped()
    {
        var f = new HardSigmoid();
        f.Fn(Math.BitIncrement(2.5)).Should().Be(1, because: "x > 2.5 gives 1");
        f.Fn(Math.BitDecrement(-2.5)).Should().Be(0, because: "x < −2.5 gives 0");
    }

    [Fact]
    public void NearTheLowerKinkTheValueIsTheExactFifthRoundedOnce()
    {
        // For x in [−2.5, −1.25], x + 2.5 is exact (Sterbenz), so C#'s (x + 2.5) / 5 is the exact
        // x/5 + 1/2 rounded once; the value is small here, so a rounded x/5 would lose it.
        var f = new HardSigmoid();
        double[] inputs =
        [
            Math.BitIncrement(-2.5), Math.BitIncrement(Math.BitIncrement(-2.5)), -2.5 + 1e-12, -2.4999, -2.3, -2.1234567, -1.9, -1.5 + 1e-9, -1.25,
            .. Enumerable.Range(1, 50).Select(i => -2.5 + (i * 0.0247)),
        ];
        foreach (double x in inputs)
        {
            f.Fn(x).Should().Be((x + 2.5) / 5, because: $"HardSigmoid({x:R}) = (x + 2.5)/5 rounded once");
        }
    }

    [Fact]
    public void SlopeIsOneFifthOnTheClosedIntervalAndZeroOutside()
    {
        var f = new HardSigmoid();
        foreach (double x in new[] { -2.5, -1, -0.0, 0.0, 1.7, 2.5 })
        {
            f.Grad(x).Should().Be(0.2, because: $"HardSigmoid′({x:R}) = 1/5 on [−2.5, 2.5], endpoints included");
        }

        foreach (double x in new[] { Math.BitDecrement(-2.5), -3, -1e300, Math.BitIncrement(2.5), 3, 1e300 })
        {
            f.Grad(x).Should().Be(0, because: $"HardSigmoid′({x:R}) = 0 outside [−2.5, 2.5]");
        }
    }

    [Fact]
    public void SecondDerivativeIsZeroEverywhere()
    {
        var f = new HardSigmoid();
        foreach (double x in new[] { -1e300, -2.5, -1, 0, 1, 2.5, 1e300 })
        {
            f.Grad2(x).Should().Be(0, because: $"HardSigmoid″({x:R}) = 0");
        }
    }

    [Fact]
    public void IsNonDecreasingWithinZeroAndOne() =>
        Relations.ShouldIncreaseWithin(new HardSigmoid().Fn, "HardSigmoid", [.. Enumerable.Range(0, 801).Select(i => -4 + (i * 0.01))], strictly: false, 0, 1);
}
