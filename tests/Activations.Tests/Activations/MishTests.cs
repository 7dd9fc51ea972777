using System;
using System.Collections.Generic;
using System.Linq;
using Activations.Tests.Reference;
using FluentAssertions;
using Xunit.Abstractions;

namespace Activations.Tests.Activations;

/// <summary>Mish: x·tanh(softplus(x)); f′ = g + x·σ·(1 − g²); f″ = σ(1 − g²)(2 + x(1 − σ − 2gσ)), g = tanh(softplus(x)).</summary>
public sealed class MishTests(ITestOutputHelper output)
{
    /// <summary>The doubles nearest the root of f′ (r₁) and the two roots of f″ (r₂ &lt; 0 &lt; r₃).</summary>
    private const double R1 = -1.1924312145154952;
    private const double R2 = -2.256376396360793;
    private const double R3 = 1.4905711794854284;

    /// <summary>Inputs around a root: 200 doubles either side, then offsets from 2^−50 to 0.3 (past the polynomial's 1/8).</summary>
    private static IEnumerable<double> Around(double r)
    {
        double up = r;
        double down = r;
        yield return r;
        for (int i = 0; i < 200; i++)
        {
            up = Math.BitIncrement(up);
            down = Math.BitDecrement(down);
            yield return up;
            yield return down;
        }

        for (double d = Math.ScaleB(1.0, -50); d < 0.3; d *= 1.07)
        {
            yield return r + d;
            yield return r - d;
        }
    }

    [Fact]
    public void AtTheRootsTheTinyValuesAreRightToTheLastBit()
    {
        var f = new Mish();
        foreach ((double root, int order, string name) in new[] { (R1, 1, "f′"), (R2, 2, "f″"), (R3, 2, "f″") })
        {
            double worst = 0;
            double worstAt = double.NaN;
            foreach (double x in Around(root))
            {
                double actual = order == 1 ? f.Grad(x) : f.Grad2(x);
                double error = Ulp.Error(actual, ExactActivations.Mish(x, order));
                if (error > worst)
                {
                    worst = error;
                    worstAt = x;
                }
            }

            output.WriteLine($"{name} around {root:R}: worst {worst:F4} ulps at {worstAt:R}");
            worst.Should().BeLessThanOrEqualTo(0.52, because: $"{name} near its root {root:R} is one rounding of a value good to 2^−58 (worst at {worstAt:R})");
        }

        // The values at the doubles nearest the roots are below 1e−16 and correctly rounded.
        foreach ((double x, int order, double expected) in new[] { (R1, 1, 1.2942924e-17), (R2, 2, 1.1640175e-17), (R3, 2, 1.6439376e-17) })
        {
            double actual = order == 1 ? f.Grad(x) : f.Grad2(x);
            actual.Should().Be(ExactActivations.Mish(x, order).ToDouble(), because: $"f^({order})({x:R}) is correctly rounded");
            actual.Should().BeApproximately(expected, expected * 1e-7, because: $"f^({order})({x:R}) ≈ {expected:R}, the exact value to 8 digits");
        }
    }

    [Fact]
    public void AtTheRootsTheFloatValuesAreCorrectlyRounded()
    {
        // The float overloads run the double kernels on the widened input; the floats nearest the roots lie
        // 2^−28.3 (r₁), 2^−23.1 (r₂) and 2^−24.6 (r₃) from them.
        var f = new Mish();
        foreach ((double root, int order) in new[] { (R1, 1), (R2, 2), (R3, 2) })
        {
            float up = (float)root;
            float down = up;
            for (int i = 0; i < 50; i++)
            {
                foreach (float x in new[] { up, down })
                {
                    float actual = order == 1 ? f.Grad(x) : f.Grad2(x);
                    ExactValue.Of(ExactActivations.Mish(x, order)).ErrorOf(actual).Should().BeLessThanOrEqualTo(0.5 + Math.ScaleB(1.0, -20), because: $"f^({order})({x:R}f) = {actual:R} is the exact value rounded to float");
                }

                up = MathF.BitIncrement(up);
                down = MathF.BitDecrement(down);
            }
        }
    }

    [Fact]
    public void TheMinimumIsAtTheRootOfTheGradient()
    {
        var f = new Mish();
        double minimum = f.Fn(R1);
        minimum.Should().Be(ExactActivations.Mish(R1, 0).ToDouble(), because: "f(r₁) is correctly rounded");
        minimum.Should().BeApproximately(-0.30884341301725041, 1e-16, because: "the minimum of Mish is −0.308843413017250406…");
        double[] grid = [.. Enumerable.Range(-5000, 5001).Select(i => i * 0.001), .. Around(R1)];
        foreach (double x in grid)
        {
            f.Fn(x).Should().BeGreaterThanOrEqualTo(minimum, because: $"f({x:R}) is not below the minimum f(r₁)");
        }
    }

    [Fact]
    public void TheSignsChangeAtTheRootsAndNowhereElse()
    {
        var f = new Mish();
        double[] grid = [.. Enumerable.Range(-7000, 14001).Select(i => i * 0.05), .. Around(R1), .. Around(R2), .. Around(R3)];
        foreach (double x in grid)
        {
            // Beyond the underflow thresholds (−751.7 for f, f′, f″ and 376.6 for f″) the values are −0.
            double fn = f.Fn(x);
            double grad = f.Grad(x);
            double grad2 = f.Grad2(x);
            Math.Sign(fn).Should().Be(Math.Sign(x), because: $"f({x:R}) = x·tanh(softplus x) has the sign of x");
            (x < R1 ? grad < 0 : grad > 0).Should().BeTrue(because: $"f′({x:R}) = {grad:R}: negative below r₁ (the double nearest r₁ lies above it), positive above");
            bool expectedPositive = x >= R2 && x <= R3;
            (expectedPositive ? grad2 > 0 : grad2 < 0).Should().BeTrue(because: $"f″({x:R}) = {grad2:R}: positive exactly on [r₂, r₃] (the doubles nearest r₂ and r₃ lie inside)");
        }

        foreach ((double x, int order) in new[] { (R1, 1), (R2, 2), (R3, 2) })
        {
            double atRoot = order == 1 ? f.Grad(x) : f.Grad2(x);
            Math.Abs(atRoot).Should().BeLessThan(1e-16, because: $"f^({order}) at the double nearest its root {x:R} is tiny");
        }
    }

    [Fact]
    public void TheTailsAreXAndOneAboveAndTheExponentialBelow()
    {
        var f = new Mish();
        foreach (double x in new[] { 19.07, 19.5, 20.0, 39.9, 40.0, Math.BitIncrement(40.0), 333.3, 1e10, 1e300, double.MaxValue, double.PositiveInfinity })
        {
            // x·tanh(softplus x) = x(1 − 2e^−2x + …): below half an ulp of x from x ≈ 19.06.
            Bits(f.Fn(x)).Should().Be(Bits(x), because: $"Mish({x:R}) = x to the last bit");
        }

        f.Fn(18.0).Should().BeLessThan(18.0, because: "18·2e^−36 ≈ 8e−15 is more than half an ulp of 18");
        foreach (double x in new[] { 20.6, 25.0, 40.0, Math.BitIncrement(40.0), 1e10, double.MaxValue, double.PositiveInfinity })
        {
            f.Grad(x).Should().Be(1, because: $"Mish′({x:R}) = 1 + (4x − 2)e^−2x + … rounds to 1");
        }

        f.Grad(20.0).Should().BeGreaterThan(1, because: "78e^−40 ≈ 3.3e−16 is more than half an ulp above 1");

        foreach ((double x, int order) in new[] { (-751.0, 0), (-740.0, 0), (-720.0, 1), (-751.0, 1), (-751.0, 2), (-650.0, 2), (358.0, 2), (370.0, 2), (310.0, 2) })
        {
            double actual = order == 0 ? f.Fn(x) : order == 1 ? f.Grad(x) : f.Grad2(x);
            actual.Should().BeLessThan(0, because: $"f^({order})({x:R}) is a negative number, subnormal or tiny, not 0");
            Ulp.Error(actual, ExactActivations.Mish(x, order)).Should().BeLessThanOrEqualTo(0.76, because: $"f^({order})({x:R}) is rounded once onto the subnormal grid (or once)");
        }

        foreach ((double x, int order) in new[] { (-752.0, 0), (-752.0, 1), (-752.0, 2), (377.0, 2), (-1e300, 0), (double.NegativeInfinity, 0), (double.NegativeInfinity, 1), (double.NegativeInfinity, 2), (double.PositiveInfinity, 2) })
        {
            double actual = order == 0 ? f.Fn(x) : order == 1 ? f.Grad(x) : f.Grad2(x);
            Bits(actual).Should().Be(Bits(-0.0), because: $"f^({order})({x:R}) underflows to −0 (the limit is approached from below)");
        }
    }

    [Fact]
    public void ValuesAtZeroAreThreeFifthsAndSixteenTwentyFifths()
    {
        var f = new Mish();
        foreach (double zero in new[] { 0.0, -0.0 })
        {
            Bits(f.Fn(zero)).Should().Be(Bits(zero), because: "Mish(±0) = ±0·3/5 keeps the sign");
            f.Grad(zero).Should().Be(0.6, because: "f′(0) = g(0) = tanh(ln 2) = 3/5, correctly rounded");
            f.Grad2(zero).Should().Be(0.64, because: "f″(0) = 2σ(0)(1 − g(0)²) = 16/25, correctly rounded");
        }

        // Far below 2^−800 the product x·g is formed on x·2^600 and scaled back: 3x/5 rounded once.
        foreach (double x in new[] { 5e-324, -5e-324, 1e-310, -1e-320, Math.ScaleB(1.0, -800), 1e-300 })
        {
            Ulp.Error(f.Fn(x), ExactActivations.Mish(x, 0)).Should().BeLessThanOrEqualTo(0.75, because: $"Mish({x:R}) ≈ 3x/5");
        }
    }

    [Fact]
    public void BackwardIsTheExactProductRoundedOnce()
    {
        var f = new Mish();
        double[] x = [-700, -1e300, double.NegativeInfinity, double.NegativeInfinity, double.PositiveInfinity, R1, R1, R2, -2000, -760, 50, -0.0];
        double[] dy = [1e300, double.PositiveInfinity, 2.0, double.PositiveInfinity, -3.5, 1e-300, 1e308, double.MaxValue, double.MaxValue, 1e300, 1e-310, 5e-324];
        var actual = new double[x.Length];
        f.Backward(x, dy, actual);
        for (int i = 0; i < x.Length; i++)
        {
            ExactValue expected = ExactBackward.ExpectedBackward(f, x[i], dy[i]);
            expected.ErrorOf(actual[i]).Should().BeLessThanOrEqualTo(0.75, because: $"dy·f′ at x = {x[i]:R}, dy = {dy[i]:R}: {actual[i]:R}");
        }

        actual[0].Should().BeLessThan(-1e-4, because: "1e300·(1 − 700)e^−700 ≈ −6.7e−5: f′ underflows to the subnormals, dy·f′ does not");
        actual[1].Should().Be(double.NegativeInfinity, because: "f′(−1e300) is negative and not 0, so ∞·f′ = −∞");
        Bits(actual[2]).Should().Be(Bits(-0.0), because: "f′(−∞) = −0");
        double.IsNaN(actual[3]).Should().BeTrue(because: "∞·f′(−∞) = ∞·0");
        actual[4].Should().Be(-3.5, because: "f′(∞) = 1");
        actual[5].Should().BeGreaterThan(0, because: "1e−300·f′(r₁) ≈ 1.3e−317 is subnormal, not 0");
    }

    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);
}
