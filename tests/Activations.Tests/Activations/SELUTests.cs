using System;
using FluentAssertions;

namespace Activations.Tests.Activations;

/// <summary>
/// SELU: λx if x &gt; 0 else λα(eˣ − 1), with the self-normalising constants λ and α as doubles;
/// f′ = λ if x &gt; 0 else λα·eˣ; f″ = 0 if x &gt; 0 else λα·eˣ. λα means the exact product of the
/// two double constants, which C#'s <c>Scale * Alpha</c> rounds once.
/// </summary>
public sealed class SELUTests
{
    private static readonly double LambdaAlpha = SELU.Scale * SELU.Alpha;

    [Fact]
    public void ConstantsAreTheDecimalLiteralsAsDoubles()
    {
        SELU.Alpha.Should().Be(1.6732632423543772848170429916717);
        SELU.Scale.Should().Be(1.0507009873554804934193349852946);
        BitConverter.DoubleToInt64Bits(SELU.Alpha).Should().Be(0x3FFA_C5AF_AD78_2CF1);
        BitConverter.DoubleToInt64Bits(SELU.Scale).Should().Be(0x3FF0_CFAB_D6A9_1132);
    }

    [Fact]
    public void PositiveInputsAreScaledByLambdaWithOneRounding()
    {
        var f = new SELU();
        foreach (double x in new[] { double.Epsilon, 1e-300, 0.1, 0.7, 1, 2, 3.75, 1e10, 1e300 })
        {
            f.Fn(x).Should().Be(SELU.Scale * x, because: $"SELU({x:R}) = λx, the exact product rounded once");
            f.Grad(x).Should().Be(SELU.Scale, because: $"SELU′({x:R}) = λ for x > 0");
            f.Grad2(x).Should().Be(0, because: $"SELU″({x:R}) = 0 for x > 0");
        }

        f.Fn(double.MaxValue).Should().Be(double.PositiveInfinity, because: "λ > 1, so λ·MaxValue overflows");
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
        // λα(eˣ − 1) = −λα(1 − eˣ): for x ≤ −40, 1 − eˣ differs from 1 by under 4.3e−18, and the
        // exact product λα lies 0.26 ulp above its double, so the result rounds to −(λα as a double).
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
        // E[SELU(z)²] = 1 (to 1e−16 with the double constants). Composite Simpson's rule on each
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
