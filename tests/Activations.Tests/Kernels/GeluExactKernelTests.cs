using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Activations.Kernels;
using Activations.Tests.Reference;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests.Kernels;

/// <summary>
/// The exact GELU's kernels (Numerics/Core.Erf.cs), called directly at every width (scalar, 128, 256,
/// 512 bits) over dense inputs: each result within 1 ulp of the arbitrary-precision reference
/// (<see cref="ExactActivations.GeluExact"/>), the same bits at every width, and the pair kernel with
/// the bits of the two kernels alone. The inputs cluster at the zero of f′ (x ≈ −0.7518, every double
/// within 64 ulps), the zeros of f″ (±√2), the ends of the sixteen polynomial intervals (i/2) and of
/// the tail's range (8), the point where f becomes x (≈ 8.21) and f′ becomes 1 (≈ 8.71), the points
/// where f, f′ and f″ become subnormal and round to 0 (x ≈ −37.6 … −38.8), the clamps (40, 56) and the tiny-argument threshold 2^−60, and
/// are shuffled so that every vector mixes lanes of different paths.
/// </summary>
public sealed class GeluExactKernelTests(ITestOutputHelper output)
{
    private const double MaxUlps = 1.0;

    private static readonly int[] Widths = [1, 2, 4, 8];

    private static readonly double[] Inputs = BuildInputs();

    private static double[] Run(int order, double[] x, int width) => order switch
    {
        0 => KernelWidths.Unary(default(GeluExactFn), x, width),
        1 => KernelWidths.Unary(default(GeluExactGrad), x, width),
        _ => KernelWidths.Unary(default(GeluExactGrad2), x, width),
    };

    public static TheoryData<int> Orders() => [0, 1, 2];

    [Theory]
    [MemberData(nameof(Orders))]
    public void EveryWidthIsWithinOneUlpWithTheSameBits(int order)
    {
        string name = order switch { 0 => "GELU", 1 => "GELU′", _ => "GELU″" };
        double[] scalar = Run(order, Inputs, 1);
        foreach (int width in Widths.Skip(1))
        {
            double[] r = Run(order, Inputs, width);
            for (int i = 0; i < Inputs.Length; i++)
            {
                BitConverter.DoubleToInt64Bits(r[i]).Should().Be(BitConverter.DoubleToInt64Bits(scalar[i]),
                    because: $"{name}({Inputs[i]:R}) at width {width} must have the scalar bits {scalar[i]:R}");
            }
        }

        double worst = 0;
        double worstAt = 0;
        double worstNormal = 0;
        double worstNormalAt = 0;
        var failures = new List<string>();
        for (int i = 0; i < Inputs.Length; i++)
        {
            BigFloat exact = ReferenceCache.GetFinite(nameof(ExactActivations.GeluExact), Inputs[i], order, () => ExactActivations.GeluExact(Inputs[i], order));
            double error = Ulp.Error(scalar[i], exact);
            if (error > worst)
            {
                worst = error;
                worstAt = Inputs[i];
            }

            if (error > worstNormal && Math.Abs(exact.ToDouble()) >= 2.2250738585072014e-308)
            {
                worstNormal = error;
                worstNormalAt = Inputs[i];
            }

            if (!(error <= MaxUlps) && failures.Count < 10)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{name}({Inputs[i]:R}) = {scalar[i]:R}: {error:F3} ulp"));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-6} worst {worst:F4} ulp at {worstAt:R}, on normal results {worstNormal:F4} ulp at {worstNormalAt:R} ({Inputs.Length} points)"));
        failures.Should().BeEmpty();
    }

    [Fact]
    public void ThePairHasTheBitsOfTheTwoKernels()
    {
        double[] fn = Run(0, Inputs, 1);
        double[] grad = Run(1, Inputs, 1);
        foreach (int width in Widths)
        {
            (double[] v, double[] g) = KernelWidths.Pair(default(GeluExactFnAndGrad), Inputs, width);
            for (int i = 0; i < Inputs.Length; i++)
            {
                BitConverter.DoubleToInt64Bits(v[i]).Should().Be(BitConverter.DoubleToInt64Bits(fn[i]), because: $"the pair's value at {Inputs[i]:R}, width {width}");
                BitConverter.DoubleToInt64Bits(g[i]).Should().Be(BitConverter.DoubleToInt64Bits(grad[i]), because: $"the pair's gradient at {Inputs[i]:R}, width {width}");
            }
        }
    }

    [Fact]
    public void TheBackwardPassIsTheExactProductRoundedOnce()
    {
        var random = new Random(20261203);
        double[] dyChoices = [1.0, -1.0, 1e300, -1e300, 1e-300, 5e-324, -5e-324, 2.2250738585072014e-308, double.MaxValue, 3.0e200, 1e-200, 0.0, -0.0];
        var xs = new List<double>();
        var dys = new List<double>();
        foreach (double input in Inputs.Where((_, i) => i % 3 == 0))
        {
            xs.Add(input);
            dys.Add(random.Next(3) == 0 ? dyChoices[random.Next(dyChoices.Length)] : (random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-60, 60)));
        }

        // The deep tail, where f′ underflows long before dy·f′ does, with the largest dy.
        for (int i = 0; i < 400; i++)
        {
            xs.Add(-38 - (random.NextDouble() * 18));
            dys.Add(random.Next(2) == 0 ? double.MaxValue : 1e300 * (1 + random.NextDouble()));
        }

        double[] x = [.. xs];
        double[] dy = [.. dys];
        double[] scalar = KernelWidths.Binary(default(GeluExactBackward), x, dy, 1);
        foreach (int width in Widths.Skip(1))
        {
            double[] r = KernelWidths.Binary(default(GeluExactBackward), x, dy, width);
            for (int i = 0; i < x.Length; i++)
            {
                BitConverter.DoubleToInt64Bits(r[i]).Should().Be(BitConverter.DoubleToInt64Bits(scalar[i]), because: $"dy = {dy[i]:R} at x = {x[i]:R}, width {width}");
            }
        }

        double worst = 0;
        double worstAt = 0;
        double worstDy = 0;
        var failures = new List<string>();
        int nonzeroTail = 0;
        for (int i = 0; i < x.Length; i++)
        {
            BigFloat exact = BigFloat.FromDouble(dy[i]) * ReferenceCache.GetFinite(nameof(ExactActivations.GeluExact), x[i], 1, () => ExactActivations.GeluExact(x[i], 1));
            double error = Ulp.Error(scalar[i], exact);
            if (x[i] < -40 && scalar[i] != 0)
            {
                nonzeroTail++;
            }

            if (error > worst)
            {
                (worst, worstAt, worstDy) = (error, x[i], dy[i]);
            }

            if (!(error <= MaxUlps) && failures.Count < 10)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"dy = {dy[i]:R} at x = {x[i]:R}: {scalar[i]:R}, {error:F3} ulp"));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Backward worst {worst:F4} ulp at x = {worstAt:R}, dy = {worstDy:R} ({x.Length} points)"));
        failures.Should().BeEmpty();
        nonzeroTail.Should().BeGreaterThan(50, because: "dy near 2^1024 keeps dy·f′ a nonzero double well beyond x = −40");
    }

    [Fact]
    public void TheBackwardPassFollowsTheIeeeRulesAtTheLimits()
    {
        double[] x = [double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity, double.PositiveInfinity, double.PositiveInfinity, -1e300, -1e300, 1e300];
        double[] dy = [1.0, double.PositiveInfinity, -2.0, 3.0, double.NegativeInfinity, 1.0, double.PositiveInfinity, -5.0];
        double[] expected = [-0.0, double.NaN, 0.0, 3.0, double.NegativeInfinity, -0.0, double.NegativeInfinity, -5.0];
        foreach (int width in Widths)
        {
            double[] r = KernelWidths.Binary(default(GeluExactBackward), x, dy, width);
            for (int i = 0; i < x.Length; i++)
            {
                r[i].Should().Be(expected[i], because: $"dy = {dy[i]} at x = {x[i]}, width {width}");
                double.IsNegative(r[i]).Should().Be(double.IsNegative(expected[i]), because: $"the sign of dy = {dy[i]} times f′({x[i]})");
            }
        }
    }

    [Fact]
    public void TheValuesAtTheLimitsAndAtZero()
    {
        double[] x = [double.NegativeInfinity, double.PositiveInfinity, 0.0, -0.0, -1e300, 1e300];
        double[][] expected =
        [
            [-0.0, double.PositiveInfinity, 0.0, -0.0, -0.0, 1e300],
            [-0.0, 1.0, 0.5, 0.5, -0.0, 1.0],
            [-0.0, -0.0, 0.7978845608028654, 0.7978845608028654, -0.0, -0.0],
        ];
        for (int order = 0; order < 3; order++)
        {
            foreach (int width in Widths)
            {
                double[] r = Run(order, x, width);
                for (int i = 0; i < x.Length; i++)
                {
                    BitConverter.DoubleToInt64Bits(r[i]).Should().Be(BitConverter.DoubleToInt64Bits(expected[order][i]), because: $"order {order} at {x[i]}, width {width}");
                }
            }
        }
    }

    private static double[] BuildInputs()
    {
        var random = new Random(20261201);
        var points = new List<double>();
        void Around(double p, int ulps)
        {
            double up = p;
            double down = p;
            points.Add(p);
            for (int k = 0; k < ulps; k++)
            {
                up = Math.BitIncrement(up);
                down = Math.BitDecrement(down);
                points.Add(up);
                points.Add(down);
            }
        }

        Around(-0.7517915246935645, 64);
        for (int i = 0; i < 300; i++)
        {
            points.Add(-0.7517915246935645 + ((random.NextDouble() - 0.5) * Math.Pow(2, -random.Next(8, 50))));
        }

        Around(Math.Sqrt(2), 16);
        Around(-Math.Sqrt(2), 16);
        for (int i = 0; i <= 17; i++)
        {
            Around(i / 2.0, 3);
            Around(-i / 2.0, 3);
        }

        foreach (double p in new[] { 0.125, -0.125, 8.212686212430459, 8.714326568542475, 16, 26, -26, 40, -40, 56, -56, Math.ScaleB(1, -60), -Math.ScaleB(1, -60) })
        {
            Around(p, 3);
        }

        // Where f, f′ and f″ leave the normal range and where they round to 0.
        foreach (double p in new[] { -37.61586831395599, -38.58014022378236, -37.712246339735586, -38.674766957173425, -37.80849501204097, 37.80849501204097, -38.76927146545963, 38.76927146545963 })
        {
            Around(p, 3);
            for (int i = 0; i < 20; i++)
            {
                points.Add(p + ((random.NextDouble() - 0.5) * 1e-3));
            }
        }

        for (int i = 0; i < 2000; i++)
        {
            points.Add((random.NextDouble() - 0.5) * 16);
        }

        for (int i = 0; i < 1000; i++)
        {
            points.Add((random.NextDouble() - 0.5) * 80);
        }

        for (int i = 0; i < 600; i++)
        {
            points.Add(-37 - (random.NextDouble() * 2));
            points.Add(7.5 + (random.NextDouble() * 1.5));
        }

        for (int i = 0; i < 600; i++)
        {
            double m = Math.Pow(2, (random.NextDouble() * 80) - 74);
            points.Add(random.Next(2) == 0 ? m : -m);
        }

        points.AddRange([5e-324, -5e-324, 1e-310, -1e-310, 1e-300, -1e-300, 1e10, -1e10, double.MaxValue, double.MinValue]);
        double[] shuffled = [.. points.Distinct()];
        random.Shuffle(shuffled);
        return shuffled;
    }
}
