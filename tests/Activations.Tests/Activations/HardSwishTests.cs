using System;
using System.Collections.Generic;
using System.Linq;
using Activations.Tests.Reference;
using FluentAssertions;

namespace Activations.Tests.Activations;

/// <summary>
/// HardSwish: 0 if x ≤ −3, x if x ≥ 3, else x(x + 3)/6; f′ = (2x + 3)/6 on [−3, 3] (from inside at the joints, as
/// PyTorch's hardswish_backward), 0 below, 1 above; f″ = 1/3 on [−3, 3], 0 outside.
/// </summary>
public sealed class HardSwishTests
{
    private static readonly HardSwish F = new();

    /// <summary>The joints ±3, the zeros −3 and 0 of f, the zero −3/2 of f′ and its mirror 3/2: each with 40 neighbours on either side and a log-spaced spread.</summary>
    private static readonly double[] Clustered = [.. new[] { -3.0, 3.0, -1.5, 0.0, 1.5 }.SelectMany(Around).Distinct()];

    [Theory]
    [InlineData(-3, 0)]
    [InlineData(-4, 0)]
    [InlineData(3, 3)]
    [InlineData(4.25, 4.25)]
    [InlineData(-1.5, -0.375)]
    [InlineData(1, 0.6666666666666666)]
    [InlineData(-1, -0.3333333333333333)]
    [InlineData(-2, -0.3333333333333333)]
    [InlineData(2, 1.6666666666666667)]
    [InlineData(0.5, 0.2916666666666667)]
    [InlineData(1e300, 1e300)]
    [InlineData(-1e300, 0)]
    public void ValuesAtSimplePoints(double x, double expected)
    {
        // Each expected value is x(x + 3)/6 written as a decimal literal, which the compiler rounds to
        // the nearest double: the correctly rounded result.
        F.Fn(x).Should().Be(expected, because: $"HardSwish({x:R}) = x(x + 3)/6 on (−3, 3), 0 below, x above");
    }

    [Fact]
    public void DerivativeIsTakenFromInsideAtTheJoints()
    {
        F.Grad(-3.0).Should().Be(-0.5, because: "f′(−3) = (2·(−3) + 3)/6 = −1/2, from inside");
        F.Grad(3.0).Should().Be(1.5, because: "f′(3) = (2·3 + 3)/6 = 3/2, from inside");
        F.Grad(Math.BitDecrement(-3.0)).Should().Be(0, because: "f′ = 0 below −3");
        F.Grad(Math.BitIncrement(3.0)).Should().Be(1, because: "f′ = 1 above 3");
        BitConverter.DoubleToInt64Bits(F.Grad(-1.5)).Should().Be(0, because: "f′(−3/2) = 0 exactly, +0");
        F.Grad(0.0).Should().Be(0.5);
        F.Grad2(-3.0).Should().Be(1.0 / 3.0, because: "f″ = 1/3 on the closed interval");
        F.Grad2(3.0).Should().Be(1.0 / 3.0, because: "f″ = 1/3 on the closed interval");
        F.Grad2(Math.BitDecrement(-3.0)).Should().Be(0);
        F.Grad2(Math.BitIncrement(3.0)).Should().Be(0);
    }

    [Fact]
    public void NearTheJointsAndRootsEveryResultIsWithinOneUlp()
    {
        // The shared accuracy suite covers these neighbourhoods too; here they are denser and through
        // the scalar and span overloads, for double and float.
        foreach ((string op, int order, Func<double, double> scalar, Action<double[], double[]> span) in new (string, int, Func<double, double>, Action<double[], double[]>)[]
        {
            ("Fn", 0, F.Fn, (x, d) => F.Fn(x, d)),
            ("Grad", 1, F.Grad, (x, d) => F.Grad(x, d)),
            ("Grad2", 2, F.Grad2, (x, d) => F.Grad2(x, d)),
        })
        {
            var spanResults = new double[Clustered.Length];
            span(Clustered, spanResults);
            for (int i = 0; i < Clustered.Length; i++)
            {
                double x = Clustered[i];
                BigFloat exact = ExactActivations.HardSwish(x, order);
                Ulp.Error(scalar(x), exact).Should().BeLessThanOrEqualTo(1, because: $"HardSwish.{op}({x:R}) is within 1 ulp of the exact value");
                BitConverter.DoubleToInt64Bits(spanResults[i]).Should().Be(BitConverter.DoubleToInt64Bits(scalar(x)), because: $"the span overload of {op} at {x:R} has the scalar's bits");
            }
        }

        float[] floats = [.. Clustered.Select(x => (float)x).Distinct(), .. new[] { -3f, 3f, -1.5f }.SelectMany(AroundFloat)];
        float[][] results = [F.Fn(floats), F.Grad(floats), F.Grad2(floats)];
        for (int order = 0; order < 3; order++)
        {
            for (int i = 0; i < floats.Length; i++)
            {
                ExactValue exact = ExactValue.Of(ExactActivations.HardSwish(floats[i], order));
                (exact.IsZero && results[order][i] == 0 ? 0 : exact.ErrorOf(results[order][i])).Should().BeLessThanOrEqualTo(0.5 + Math.ScaleB(1.0, -20),
                    because: $"HardSwish order {order} at the float {floats[i]:R} is the exact value rounded once");
            }
        }
    }

    [Fact]
    public void BackwardIsTheExactProductRoundedOnceForEveryKindOfDy()
    {
        // dy near the overflow threshold times f′ up to 3/2 (no intermediate overflow: the exact product decides),
        // tiny and subnormal dy times a tiny f′ next to −3/2, zeros, infinities and NaN.
        double[] gradients =
        [
            double.MaxValue, -double.MaxValue, 1.2e308, -1e308, 1e300, 3, -0.7, 1e-300, 2.2250738585072014e-308, 5e-324, -5e-324,
            0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN,
        ];
        double[] x = [.. Clustered.SelectMany(v => gradients.Select(_ => v))];
        double[] dy = [.. Clustered.SelectMany(_ => gradients)];
        var dx = new double[x.Length];
        F.Backward(x, dy, dx);
        var failures = new List<string>();
        for (int i = 0; i < x.Length; i++)
        {
            double error = ExactBackward.ExpectedBackward(F, x[i], dy[i]).ErrorOf(dx[i]);
            if (!(error <= 1) && failures.Count < 20)
            {
                failures.Add(FormattableString.Invariant($"Backward({x[i]:R}, {dy[i]:R}) = {dx[i]:R}: {error:G4} ulps"));
            }
        }

        failures.Should().BeEmpty(because: "dy·f′(x) is the exact product rounded once, with IEEE rules for the specials");

        float[] xf = [.. x.Select(v => (float)v)];
        float[] dyf = [.. dy.Select(v => (float)v)];
        var dxf = new float[xf.Length];
        F.Backward(xf, dyf, dxf);
        for (int i = 0; i < xf.Length; i++)
        {
            ExactBackward.ExpectedBackward(F, xf[i], dyf[i]).ErrorOf(dxf[i]).Should().BeLessThanOrEqualTo(0.5 + Math.ScaleB(1.0, -20),
                because: FormattableString.Invariant($"the float Backward({xf[i]:R}, {dyf[i]:R}) is the exact product rounded once"));
        }
    }

    [Fact]
    public void BackwardAtTheRootOfTheDerivativeFollowsIeeeRules()
    {
        double[] x = [-1.5, -1.5, -1.5, -1.5, -1.5];
        double[] dy = [double.PositiveInfinity, double.NegativeInfinity, -2, 0.0, double.MaxValue];
        var dx = new double[x.Length];
        F.Backward(x, dy, dx);
        dx[0].Should().Be(double.NaN, because: "∞·0 is NaN: f′(−3/2) is exactly 0");
        dx[1].Should().Be(double.NaN, because: "−∞·0 is NaN");
        BitConverter.DoubleToInt64Bits(dx[2]).Should().Be(BitConverter.DoubleToInt64Bits(-0.0), because: "−2·(+0) = −0");
        BitConverter.DoubleToInt64Bits(dx[3]).Should().Be(0, because: "0·0 = +0");
        BitConverter.DoubleToInt64Bits(dx[4]).Should().Be(0, because: "MaxValue·0 = +0");
        F.Backward(new[] { Math.BitIncrement(-1.5) }, new[] { double.PositiveInfinity }, dx.AsSpan(0, 1));
        dx[0].Should().Be(double.PositiveInfinity, because: "f′ is a tiny positive number just above −3/2, so ∞·f′ = ∞");
    }

    [Fact]
    public void IsSymmetricAboutItsMinimumBitForBit()
    {
        // x(x + 3)/6 = y(y + 3)/6 for y = −3 − x, which is exact for x in [−3, −3/2] (Sterbenz): both
        // values are the same exact number, so each rounded once gives the same bits.
        foreach (double x in Enumerable.Range(1, 150).Select(i => -3 + (i * 0.01)).Concat(Clustered.Where(v => v is > -3 and <= -1.5)))
        {
            double mirror = -3 - x;
            BitConverter.DoubleToInt64Bits(F.Fn(x)).Should().Be(BitConverter.DoubleToInt64Bits(F.Fn(mirror)), because: $"HardSwish({x:R}) = HardSwish({mirror:R})");
        }
    }

    private static IEnumerable<double> Around(double t)
    {
        double up = t;
        double down = t;
        yield return t;
        for (int k = 0; k < 40; k++)
        {
            up = Math.BitIncrement(up);
            down = Math.BitDecrement(down);
            yield return up;
            yield return down;
        }

        for (double delta = 1e-300; delta < 0.5; delta *= 11.3)
        {
            yield return t + delta;
            yield return t - delta;
        }
    }

    private static IEnumerable<float> AroundFloat(float t)
    {
        float up = t;
        float down = t;
        for (int k = 0; k < 40; k++)
        {
            up = MathF.BitIncrement(up);
            down = MathF.BitDecrement(down);
            yield return up;
            yield return down;
        }
    }
}
