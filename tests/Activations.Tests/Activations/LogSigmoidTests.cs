using System;
using System.Linq;
using FluentAssertions;

namespace Activations.Tests.Activations;

/// <summary>LogSigmoid: ln σ(x) = −softplus(−x); f′ = σ(−x); f″ = −σ(x)(1 − σ(x)).</summary>
public sealed class LogSigmoidTests
{
    private static readonly double[] Inputs =
    [
        0.0, -0.0, 5e-324, -5e-324, 1e-300, -1e-300, 1e-8, -1e-8, 0.5, -0.5, 0.881373587019543, -0.881373587019543, 1, -1, 3.3, -3.3,
        18.7, -18.7, 36.8, -36.8, 40, -40, Math.BitIncrement(40.0), Math.BitDecrement(-40.0), 100, -100, 600.5, -600.5, 708.5, 745, -745,
        800, -800, 1e10, -1e10, 1e300, -1e300, double.MaxValue, double.MinValue, double.PositiveInfinity, double.NegativeInfinity,
    ];

    [Fact]
    public void EveryResultHasTheBitsOfSoftPlusAndSigmoidAtTheNegatedInput()
    {
        // The kernels are SoftPlus's and the logistic's at −x with exact negations: the same bits, negated.
        var f = new LogSigmoid();
        var softPlus = new SoftPlus();
        var sigmoid = new Sigmoid();
        foreach (double x in Inputs)
        {
            Bits(f.Fn(x)).Should().Be(Bits(-softPlus.Fn(-x)), because: $"ln σ({x:R}) = −softplus({-x:R})");
            Bits(f.Grad(x)).Should().Be(Bits(sigmoid.Fn(-x)), because: $"ln σ′({x:R}) = σ({-x:R})");
            Bits(f.Grad2(x)).Should().Be(Bits(-sigmoid.Grad(x)), because: $"ln σ″({x:R}) = −σ′({x:R})");
        }

        var dy = Inputs.Select((_, i) => i % 3 == 0 ? 1e300 : i % 3 == 1 ? -2.5 : 1e-300).ToArray();
        var expected = new double[Inputs.Length];
        var actual = new double[Inputs.Length];
        softPlus.Backward(Inputs.Select(x => -x).ToArray(), dy, expected);
        f.Backward(Inputs, dy, actual);
        actual.Select(Bits).Should().Equal(expected.Select(Bits), because: "dy·σ(−x) is SoftPlus's backward pass at −x");
    }

    [Fact]
    public void TheTailsAreXAndMinusTheExponential()
    {
        var f = new LogSigmoid();
        foreach (double x in new[] { Math.BitDecrement(-40.0), -40.5, -50, -709.79, -1e10, -1e300, double.MinValue })
        {
            // ln σ(x) = x − ln(1 + eˣ) and eˣ < 4.3e−18 is below half an ulp of any x < −40.
            Bits(f.Fn(x)).Should().Be(Bits(x), because: $"ln σ({x:R}) = x to the last bit");
            f.Grad(x).Should().Be(1, because: $"σ({-x:R}) rounds to 1");
        }

        foreach (double x in new[] { Math.BitIncrement(40.0), 41, 50, 100, 333.3, 700 })
        {
            // −ln(1 + e⁻ˣ) = −e⁻ˣ(1 − e⁻ˣ/2 + …): within 3 ulps of −Math.Exp(−x) (each within 1 or 2 ulps of the exact value).
            Relations.UlpsBetween(f.Fn(x), -Math.Exp(-x)).Should().BeLessThanOrEqualTo(3, because: $"ln σ({x:R}) ≈ −e^−{x:R}");
            Relations.UlpsBetween(f.Grad(x), Math.Exp(-x)).Should().BeLessThanOrEqualTo(3, because: $"σ(−{x:R}) ≈ e^−{x:R}");
        }

        f.Fn(745.2).Should().Be(0, because: "−e^−745.2 is below half the smallest subnormal");
        double.IsNegative(f.Fn(745.2)).Should().BeTrue(because: "the underflowed value of a negative function is −0");
        double.IsNegative(f.Fn(double.PositiveInfinity)).Should().BeTrue(because: "LogSigmoid(+∞) = −0, the limit from below");
        f.Fn(double.NegativeInfinity).Should().Be(double.NegativeInfinity);
    }

    [Fact]
    public void ValueAtZeroIsMinusLn2()
    {
        var f = new LogSigmoid();
        foreach (double zero in new[] { 0.0, -0.0 })
        {
            f.Fn(zero).Should().Be(-0.6931471805599453, because: "ln σ(0) = −ln 2, correctly rounded");
            f.Grad(zero).Should().Be(0.5, because: "σ(0) = 1/2");
            f.Grad2(zero).Should().Be(-0.25, because: "−σ′(0) = −1/4");
        }
    }

    [Fact]
    public void ValueIsNegativeAndIncreasingAndGradientDecreases()
    {
        var f = new LogSigmoid();
        double[] grid = [.. Enumerable.Range(-3000, 6001).Select(i => i * 0.01)];
        Relations.ShouldIncreaseWithin(f.Fn, "LogSigmoid", grid, strictly: false, low: double.NegativeInfinity, high: 0);
        Relations.ShouldIncreaseWithin(x => -f.Grad(x), "−LogSigmoid′", grid, strictly: false, low: -1, high: 0);
    }

    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);
}
