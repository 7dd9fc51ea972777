using System;
using System.Linq;
using FluentAssertions;

namespace Activations.Tests.Activations;

/// <summary>Exponential: f = f′ = f″ = eˣ.</summary>
public sealed class ExponentialTests
{
    private static readonly double[] Grid = [.. Enumerable.Range(-700, 1401).Select(i => i + (i % 7 * 0.1))];

    [Fact]
    public void ExactValuesAtSimplePoints()
    {
        var f = new Exponential();

        // e^x = 1 + x + …: for |x| ≤ 1e−20 the distance to 1 is far below half an ulp.
        foreach (double x in new[] { 0.0, -0.0, double.Epsilon, -double.Epsilon, 1e-300, 1e-20, -1e-20 })
        {
            f.Fn(x).Should().Be(1, because: $"e^{x:R} rounds to 1");
        }
    }

    [Fact]
    public void OverflowAndUnderflowHappenWhereTheExactValueLeavesTheDoubles()
    {
        var f = new Exponential();

        // ln(MaxValue) = 709.782712893384: e^709.78 is 0.3% below MaxValue, e^709.79 0.7% above.
        f.Fn(709.78).Should().BeLessThan(double.MaxValue, because: "e^709.78 < MaxValue").And.BeGreaterThan(1.7e308);
        f.Fn(709.79).Should().Be(double.PositiveInfinity, because: "e^709.79 > MaxValue");
        f.Fn(1e300).Should().Be(double.PositiveInfinity, because: "e^1e300 overflows");

        // e^−800 ≈ 3.7e−348 and e^−1000 are far below half the smallest subnormal.
        f.Fn(-800.0).Should().Be(0, because: "e^−800 underflows to 0");
        f.Fn(-1000.0).Should().Be(0, because: "e^−1000 underflows to 0");
        f.Fn(double.MinValue).Should().Be(0, because: "e^MinValue underflows to 0");
    }

    [Fact]
    public void ValueAndDerivativesAreTheSameFunction()
    {
        var f = new Exponential();
        double[] inputs = [.. Grid, -745, -720, 709.7, 1e-300, -1e-300];
        foreach (double x in inputs)
        {
            double value = f.Fn(x);
            f.Grad(x).Should().Be(value, because: $"(eˣ)′ = eˣ at {x:R}");
            f.Grad2(x).Should().Be(value, because: $"(eˣ)″ = eˣ at {x:R}");
        }
    }

    [Fact]
    public void ProductWithTheReciprocalArgumentIsOne()
    {
        // eˣ·e⁻ˣ = 1. Each factor is within 2 ulps (relative 2·2⁻⁵²) and the product rounds once
        // (2⁻⁵³), so the computed product is within 4.5·2⁻⁵² of 1 while both stay normal.
        var f = new Exponential();
        const double Tolerance = 4.5 * 2.220446049250313e-16;
        foreach (double x in Grid.Where(x => x >= 0))
        {
            (f.Fn(x) * f.Fn(-x)).Should().BeApproximately(1, Tolerance, because: $"e^{x:R}·e^−{x:R} = 1");
        }
    }

    [Fact]
    public void IsStrictlyIncreasingAndPositive() =>
        Relations.ShouldIncreaseWithin(new Exponential().Fn, "exp", Grid, strictly: true, double.Epsilon, double.MaxValue);
}
