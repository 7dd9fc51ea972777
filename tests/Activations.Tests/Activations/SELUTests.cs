using System;
using Activations.Tests.Reference;
using FluentAssertions;

namespace Activations.Tests.Activations;

/// <summary>
/// SELU: λx if x &gt; 0 else λα(eˣ − 1), with the self-normalising constants λ and α as the paper's
/// 32-digit decimals (not their doubles); f′ = λ if x &gt; 0 else λα·eˣ; f″ = 0 if x &gt; 0 else λα·eˣ.
/// λα is the exact product of the two decimals. Expected values come from the arbitrary-precision
/// reference (<see cref="ExactActivations.SELU"/>), which holds the decimals as exact rationals.
/// </summary>
public sealed class SELUTests
{
    /// <summary>λα rounded to the nearest double: one ulp above the product of the doubles, Scale * Alpha.</summary>
    private static readonly double LambdaAlpha = ExactActivations.SeluLambdaAlpha.ToDouble();

    [Fact]
    public void ConstantsAreTheDecimalLiteralsAsDoubles()
    {
        SELU.Alpha.Should().Be(1.6732632423543772848170429916717);
        SELU.Scale.Should().Be(1.0507009873554804934193349852946);
        BitConverter.DoubleToInt64Bits(SELU.Alpha).Should().Be(0x3FFA_C5AF_AD78_2CF1);
        BitConverter.DoubleToInt64Bits(SELU.Scale).Should().Be(0x3FF0_CFAB_D6A9_1132);
    }

    [Fact]
    public void PositiveInputsAreScaledByTheDecimalLambdaWithOneRounding()
    {
        var f = new SELU();
        foreach (double x in new[] { double.Epsilon, 1e-310, 1e-300, 0.1, 0.7, 1, 2, 3.75, 1e10, 1e300 })
        {
            f.Fn(x).Should().Be(ExactActivations.SELU(x, 0).ToDouble(), because: $"SELU({x:R}) = λx, the exact product rounded once");
            f.Grad(x).Should().Be(SELU.Scale, because: $"SELU′({x:R}) = λ for x > 0, rounded to the nearest double");
            f.Grad2(x).Should().Be(0, because: $"SELU″({x:R}) = 0 for x > 0");
        }
    }

    [Theory]
    [InlineData(2.5)]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(13)]
    [InlineData(1e10)]
    public void PositiveInputsUseLambdaBeyondItsDouble(double x)
    {
        // Here the decimal λ times x rounds to the double above Scale * x: λ exceeds its double by
        // 3.99e−17, and that carries λx past a rounding midpoint.
        double expected = ExactActivations.SELU(x, 0).ToDouble();
        expected.Should().Be(Math.BitIncrement(SELU.Scale * x), because: "the reference separates the decimal λ from its double at these points");
        new SELU().Fn(x).Should().Be(expected, because: $"SELU({x:R}) = λx with the decimal λ, rounded once");
    }

    [Fact]
    public void LambdaXOverflowsExactlyWhenItRoundsToInfinity()
    {
        // λx rounds to ∞ from (2¹⁰²⁴ − 2⁹⁷⁰)/λ ≈ 1.710946460026602903e308 on: the double above it
        // overflows, the double below it gives MaxValue.
        var f = new SELU();
        ExactActivations.SELU(1.710946460026603e308, 0).ToDouble().Should().Be(double.PositiveInfinity);
        f.Fn(1.710946460026603e308).Should().Be(double.PositiveInfinity, because: "λ·1.710946460026603e308 rounds to ∞");
        ExactActivations.SELU(1.7109464600266028e308, 0).ToDouble().Should().Be(double.MaxValue);
        f.Fn(1.7109464600266028e308).Should().Be(double.MaxValue, because: "λ·1.7109464600266028e308 rounds to MaxValue");
        f.Fn(double.MaxValue).Should().Be(double.PositiveInfinity, because: "λ > 1, so λ·MaxValue overflows");
    }

    [Theory]
    [InlineData(-2.2250738585072004e-308, 0)]
    [InlineData(-2.2250738585072014e-308, 0)]
    [InlineData(-19.9199999, 0)]
    [InlineData(-24.2, 0)]
    [InlineData(-262.5880238891524, 1)]
    [InlineData(-262.5880238891524, 2)]
    public void ValuesWhereTheDoubleConstantsWereOffByMoreThanAnUlpAreWithinOne(double x, int order)
    {
        // With λ and α as doubles, λα is 1.0e−16 relative below the decimal product, which with the
        // final rounding made 1.3 to 1.55 ulps at these points.
        var f = new SELU();
        double actual = order switch { 0 => f.Fn(x), 1 => f.Grad(x), _ => f.Grad2(x) };
        Ulp.Error(actual, ExactActivations.SELU(x, order)).Should().BeLessThanOrEqualTo(1.0,
            because: $"SELU derivative {order} at {x:R} = {actual:R}, exact ≈ {ExactActivations.SELU(x, order).ToDouble():R}");
    }

    [Fact]
    public void AtZeroTheLeftBranchGivesZeroWithSlopeLambdaAlpha()
    {
        var f = new SELU();
        foreach (double zero in new[] { 0.0, -0.0 })
        {
            f.Fn(zero).Should().Be(0, because: "SELU(0) = λα(e⁰ − 1) = 0");
            f.Grad(zero).Should().Be(LambdaAlpha, because: "SELU′(0) = λα·e⁰ = λα");
            f.Grad2(zero).Should().Be(LambdaAlpha, because: "SELU″(0) = λα·e⁰ = λα");
        }
    }

    [Fact]
    public void LargeNegativeInputsSaturateAtMinusLambdaAlpha()
    {
        // λα(eˣ − 1) = −λα(1 − eˣ): for x ≤ −40, λα·eˣ is under 0.034 ulp of λα, and the exact
        // product λα lies 0.064 ulp above its nearest double, so the result rounds to −(that double).
        var f = new SELU();
        foreach (double x in new[] { -40, -100, -745.2, -1e300, double.MinValue })
        {
            f.Fn(x).Should().Be(-LambdaAlpha, because: $"SELU({x:R}) is within 1e−17 relative of −λα");
        }
    }

    [Fact]
    public void StandardNormalInputGivesZeroMeanAndUnitVariance()
    {
        // The defining property of the constants: for z ~ N(0, 1), E[SELU(z)] = 0 and
        // E[SELU(z)²] = 1 (to 1e−16 with the 32-digit constants). Composite Simpson's rule on each
        // side of the kink at 0, over [−12, 12] (the tails beyond hold under 1e−30), with 4000
        // steps per side has an error far below the 1e−9 tolerance.
        var f = new SELU();
        double mean = Integrate(z => f.Fn(z) * NormalDensity(z), -12, 0) + Integrate(z => f.Fn(z) * NormalDensity(z), 0, 12);
        double secondMoment = Integrate(z => f.Fn(z) * f.Fn(z) * NormalDensity(z), -12, 0) + Integrate(z => f.Fn(z) * f.Fn(z) * NormalDensity(z), 0, 12);
        mean.Should().BeApproximately(0, 1e-9, because: "SELU keeps a standard normal input's mean at 0");
        secondMoment.Should().BeApproximately(1, 1e-9, because: "SELU keeps a standard normal input's variance at 1");
    }

    private static double NormalDensity(double z) => Math.Exp(-z * z / 2) / Math.Sqrt(2 * Math.PI);

    private static double Integrate(Func<double, double> g, double from, double to)
    {
        const int Steps = 4000;
        double h = (to - from) / Steps;
        double sum = g(from) + g(to);
        for (int i = 1; i < Steps; i++)
        {
            sum += g(from + (i * h)) * ((i % 2 == 1) ? 4 : 2);
        }

        return sum * h / 3;
    }
}
