using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Activations.Kernels;
using Activations.Tests.Reference;
using FluentAssertions;
using Xunit.Abstractions;

namespace Activations.Tests.Kernels;

/// <summary>
/// The fused backward kernels, called directly at every width: dy·f′(x) (and dy·g(y) from the
/// output) within 1 ulp of the exact product, computed from the arbitrary-precision reference;
/// the IEEE special values on the exact operands; the same bits at every width.
/// </summary>
public sealed class BackwardKernelTests(ITestOutputHelper output)
{
    private const double MaxUlps = 1.0;

    // SELU's constants in double-double (λ) and as a triple (λα), as the SELU class documents them.
    private const double Lambda = 1.0507009873554805;
    private const double LambdaLo = 3.9874847667154144e-17;
    private const double LambdaAlpha = 1.7580993408473768;
    private const double LambdaAlphaLo = 1.41535193800845e-17;
    private const double LambdaAlphaLo2 = -1.1763708922383827e-33;

    private static readonly int[] Widths = [1, 2, 4, 8];

    /// <summary>A kernel run over arrays at a width (1 = scalar, 2/4/8 = Vector128/256/512).</summary>
    private delegate double[] Runner(double[] x, double[] dy, int width);

    private sealed record Case(string Name, Runner Run, Func<double, BigFloat> Exact, double[] Points, (double X, double F)[] Specials, bool FromOutput);

    /// <summary>ELU's backward kernel for α as the activation builds it: the unit form for α = 1.</summary>
    private static Runner EluBackwardOf(double alpha)
    {
        BackwardFactor factor = BackwardFactor.Of(alpha, 0.0);
        return factor.IsOne ? Of(new EluBackward<Yes, Yes>(1.0, 0.0, factor)) : Of(new EluBackward<Yes, No>(1.0, 0.0, factor));
    }

    private static Runner Of<TKernel>(TKernel kernel)
        where TKernel : struct, IBinaryKernel =>
        (x, dy, width) => KernelWidths.Binary(kernel, x, dy, width);

    private static BigFloat D(double x) => BigFloat.FromDouble(x);

    private static double Up(double x) => Math.BitIncrement(x);

    private static double Down(double x) => Math.BitDecrement(x);

    /// <summary>Branch points and range limits of the x-form kernels, with their neighbours.</summary>
    private static readonly double[] XPoints =
    [
        0.0, -0.0, 5e-324, -5e-324, 1e-310, -1e-310, 1e-300, -1e-300, 1e-20, -1e-20, 2.5, -2.5, Up(2.5), Down(-2.5), Down(2.5), Up(-2.5),
        -0.35, -0.3500000001, 300, -300, 300.5, -300.5, 600, -600, 600.5, -600.5, 704, -704, 704.5, -704.5, 708.39, -708.39, 709.78, 709.79,
        -745, -745.13, -745.2, -750, 800, -800, 1000, -1000, 1100, -1100, 1400, -1400, 1500, -1500, 2100, -2100, -1418, -1455, 24.2, -24.2,
        40, -40, 1e10, -1e10, double.MaxValue, double.MinValue,
        -380.19, Up(-380.19), Down(-380.19), -399.51, Up(-399.51), Down(-399.51), -400, Up(-400), Down(-400),
    ];

    /// <summary>Random x near every point above and over ranges, on a deterministic seed.</summary>
    private static double[] XSample(int count, int seed)
    {
        var random = new Random(seed);
        var values = new List<double>(XPoints);
        double[] ranges = [1, 5, 30, 100, 320, 650, 720, 760, 1200, 2300];
        while (values.Count < count)
        {
            switch (random.Next(4))
            {
                case 0:
                    values.Add((random.NextDouble() * 2 - 1) * ranges[random.Next(ranges.Length)]);
                    break;
                case 1:
                    double m = Math.Pow(10, random.NextDouble() * 340 - 320);
                    values.Add(random.Next(2) == 0 ? m : -m);
                    break;
                case 2:
                    double p = XPoints[random.Next(XPoints.Length)];
                    values.Add(p + ((random.NextDouble() - 0.5) * 1e-3 * Math.Max(1, Math.Abs(p))));
                    break;
                default:
                    values.Add((random.NextDouble() - 0.5) * 12);
                    break;
            }
        }

        return [.. values.Where(double.IsFinite)];
    }

    /// <summary>
    /// The sample and magnitudes up to double.MaxValue (log-uniform from 1 to 2^1024, both signs), with the
    /// neighbours of 2^60, where Softsign's derivative leaves its direct formula.
    /// </summary>
    private static double[] WithHugeMagnitudes(double[] xs, int seed)
    {
        var random = new Random(seed);
        var values = new List<double>(xs);
        foreach (double p in new[] { Math.ScaleB(1.0, 60), Math.ScaleB(1.0, 511), Math.ScaleB(1.0, 537) })
        {
            values.AddRange([p, Up(p), Down(p), -p, -Up(p), -Down(p)]);
        }

        for (int i = 0; i < 400; i++)
        {
            double m = Math.Pow(2, random.NextDouble() * 1024);
            values.Add(random.Next(2) == 0 ? m : -m);
        }

        return [.. values.Where(double.IsFinite)];
    }

    /// <summary>
    /// The sample with Mish's regimes: the doubles around the root of f′ and the edges of its polynomial (r₁ ± 1/8) and r₁ ± 1/4,
    /// the tails' switches (−600, −800, 40) and the neighbourhood of −2200, where the backward pass clamps e^x.
    /// </summary>
    private static double[] WithMishPoints(double[] xs)
    {
        var values = new List<double>(xs);
        foreach (double p in new[] { -1.1924312145154952, -1.3174312145154952, -1.0674312145154952, -1.4424312145154952, -0.9424312145154952, -600, -800, 40, -2200, -700, -750 })
        {
            values.AddRange([p, Up(p), Down(p), Up(Up(p)), Down(Down(p))]);
        }

        return [.. values];
    }

    /// <summary>
    /// The sample with SiLU's regimes: the doubles around the root of f′ and the edges of the kernel's neighbourhood
    /// (±1/8 around it, and ±1/4), the series limit 2^−30, where (1 + x)eˣ becomes subnormal and rounds to zero, and where the
    /// backward pass clamps its argument (−2200).
    /// </summary>
    private static double[] WithSiLUPoints(double[] xs)
    {
        var values = new List<double>(xs);
        foreach (double p in new[] { SiLUReference.GradRoot, SiLUReference.GradRoot - 0.125, SiLUReference.GradRoot + 0.125, SiLUReference.GradRoot - 0.25, SiLUReference.GradRoot + 0.25, Math.ScaleB(1.0, -30), -Math.ScaleB(1.0, -30), -714.9672556330942, -751.7542975331081, -2200 })
        {
            values.AddRange([p, Up(p), Down(p), Up(Up(p)), Down(Down(p))]);
        }

        return [.. values];
    }

    /// <summary>
    /// The sample, GELU's switches (2^−60, the backward pass's ±17, b = 600 at ±19.968, the clamp ±30) and the
    /// thresholds where f′ becomes subnormal and rounds to zero (−21.22, −21.59) with their neighbours, and
    /// points spread over f′'s zero and the window around it (−0.75246 ± 2^−8).
    /// </summary>
    private static double[] WithGeluPoints(double[] xs, int seed)
    {
        var random = new Random(seed);
        var values = new List<double>(xs);
        foreach (double p in new[] { 8.673617379884035e-19, 17, 19.968377176271952, 30, 21.223777387906054, 21.59273885762554 })
        {
            values.AddRange([p, Up(p), Down(p), -p, -Up(p), -Down(p)]);
        }

        double root = -0.7524614220710163;
        values.AddRange([root, Up(root), Down(root), Up(Up(root)), Down(Down(root))]);
        for (int i = 0; i < 200; i++)
        {
            values.Add(root + ((random.NextDouble() - 0.5) * 0.01));
            values.Add(root + ((random.NextDouble() - 0.5) * 1e-12));
            values.Add(-17 - (random.NextDouble() * 6));
        }

        return [.. values.Where(double.IsFinite)];
    }

    /// <summary>dy from a mixture: ordinary, log-uniform over the whole range, huge, tiny, subnormal, zero.</summary>
    private static double DySample(Random random)
    {
        double sign = random.Next(2) == 0 ? 1 : -1;
        return random.Next(10) switch
        {
            0 => sign * 1e300,
            1 => sign * 1e-300,
            2 => sign * Math.Pow(10, random.NextDouble() * 16 - 324),  // subnormal
            3 => sign * double.MaxValue * random.NextDouble(),
            4 => random.Next(2) == 0 ? 0.0 : -0.0,
            5 or 6 => sign * Math.Pow(10, random.NextDouble() * 632 - 324),
            _ => sign * Math.Pow(10, random.NextDouble() * 8 - 4),
        };
    }

    private static double[] OutputPoints(double alpha)
    {
        var random = new Random(777);
        var values = new List<double>
        {
            0.0, -0.0, 1.0, -1.0, 0.5, 5e-324, -5e-324, 1e-310, Down(1.0), Up(1.0), Down(-1.0), Up(-1.0), 2, -2, 1e300, -1e300,
            double.MaxValue, double.MinValue, 1e150, -1e150, 1e154, 1.5e154, -alpha, Up(-alpha), Down(-alpha), 1 - 1e-16, 1 - 2e-16,
            -LambdaAlpha, Up(-LambdaAlpha), Down(-LambdaAlpha),
        };
        for (int i = 0; i < 400; i++)
        {
            values.Add(random.NextDouble());
            values.Add(Math.Pow(10, -random.NextDouble() * 320));
            values.Add(1 - Math.Pow(2, -random.NextDouble() * 53));
            values.Add(-Math.Pow(10, random.NextDouble() * 616 - 308));
            values.Add(Math.Pow(10, random.NextDouble() * 616 - 308));
            values.Add(-alpha + ((random.NextDouble() - 0.5) * 1e-6));
        }

        return [.. values.Where(double.IsFinite)];
    }

    private static IEnumerable<Case> Cases()
    {
        double[] xs = XSample(1500, 20261201);

        yield return new("Exponential", Of(default(ExpBackward)), x => ExactActivations.Exponential(x, 1), xs,
            [(double.NegativeInfinity, 0), (double.PositiveInfinity, double.PositiveInfinity), (0, 1), (-800, 1), (1000, 1), (-1e4, 1)], false);
        yield return new("Sigmoid", Of(default(SigmoidBackward)), x => ExactActivations.Sigmoid(x, 1), xs,
            [(double.NegativeInfinity, 0), (double.PositiveInfinity, 0), (-800, 1), (800, 1), (0, 1), (-1e10, 1)], false);
        yield return new("Tanh", Of(default(TanhBackward)), x => ExactActivations.Tanh(x, 1), xs,
            [(double.NegativeInfinity, 0), (double.PositiveInfinity, 0), (-800, 1), (400, 1), (0, 1), (-1e10, 1)], false);
        yield return new("SoftPlus", Of(default(SoftPlusBackward)), x => ExactActivations.SoftPlus(x, 1), xs,
            [(double.NegativeInfinity, 0), (double.PositiveInfinity, 1), (-1e5, 1), (1e5, 1), (0, 1)], false);
        yield return new("LogSigmoid", Of(default(LogSigmoidBackward)), x => ExactActivations.LogSigmoid(x, 1), xs,
            [(double.NegativeInfinity, 1), (double.PositiveInfinity, 0), (-1e5, 1), (1e5, 1), (0, 1), (-0.0, 1)], false);
        yield return new("Softsign", Of(default(SoftsignBackward)), x => ExactActivations.Softsign(x, 1), WithHugeMagnitudes(xs, 1729),
            [(double.NegativeInfinity, 0), (double.PositiveInfinity, 0), (0, 1), (-0.0, 1), (1e200, 1), (-1e300, 1), (double.MaxValue, 1)], false);
        yield return new("Mish", Of(default(MishBackward)), x => ExactActivations.Mish(x, 1), WithMishPoints(xs),
            [(double.NegativeInfinity, -0.0), (double.PositiveInfinity, 1), (0, 1), (-0.0, 1), (-1.2, -1), (-1.1, 1), (-800, -1), (-1e5, -1), (double.MinValue, -1), (1e5, 1)], false);
        yield return new("SiLU", Of(default(SiLUBackward)), x => ExactActivations.SiLU(x, 1), WithSiLUPoints(xs),
            [(double.NegativeInfinity, -0.0), (double.PositiveInfinity, 1), (0, 1), (-0.0, 1), (-800, -1), (800, 1), (-1e10, -1), (SiLUReference.GradRoot, 1), (Down(SiLUReference.GradRoot), -1)], false);
        yield return new("GELU(approximate)", Of(default(GeluApproximateBackward)), x => ExactActivations.GeluApproximate(x, 1), WithGeluPoints(xs, 1730),
            [(double.NegativeInfinity, -0.0), (double.PositiveInfinity, 1), (0, 1), (-0.0, 1), (-0.7524614220710163, -1), (-21.6, -1), (-1e300, -1), (1e5, 1), (20, 1)], false);
        // With the edges of the fast path's direct form (2^−32 ≤ |α| < 2^64, whose limits on |x| are
        // 380.19 at 2^−32 and 399.51 at 0.1, points above) on both sides.
        foreach (double alpha in new[] { 1.0, 0.5, 3.7, -2.0, 1e-300, 5e-324, double.MaxValue, 1.5e308, 0.0, 0.1, Math.ScaleB(1.0, -32), Down(Math.ScaleB(1.0, -32)), -Math.ScaleB(1.5, -32), Down(Math.ScaleB(1.0, 64)), Math.ScaleB(1.0, 64) })
        {
            double s = Math.Sign(alpha);
            yield return new($"ELU({alpha:R})", EluBackwardOf(alpha), x => ExactActivations.ELU(alpha, x, 1), xs,
                [(double.NegativeInfinity, s * 0.0), (double.PositiveInfinity, 1), (0, s), (-0.0, s), (-1e5, s), (5, 1)], false);
        }

        foreach (double alpha in new[] { 1.0, 0.5, 0.1, 3.7, -1.0, -2.5, 1e-300, -1e-300, 5e-324, 1e300, double.MaxValue, -double.MaxValue })
        {
            // e^(x/α) is positive at every finite x (even where it underflows or overflows); at −∞ it is 0 for α > 0 and ∞ for α < 0.
            yield return new($"CELU({alpha:R})", Of(new CeluBackward(CeluFactor.Of(alpha))), x => ExactActivations.CELU(alpha, x, 1), WithHugeMagnitudes(xs, 1931),
                [(double.NegativeInfinity, alpha > 0 ? 0 : double.PositiveInfinity), (double.PositiveInfinity, 1), (0, 1), (-0.0, 1), (-1e5, 1), (-1e300, 1), (5, 1)], false);
        }

        yield return new("SELU", Of(new EluBackward<No, No>(Lambda, LambdaLo, BackwardFactor.Of(LambdaAlpha, LambdaAlphaLo))), x => ExactActivations.SELU(x, 1), xs,
            [(double.NegativeInfinity, 0), (double.PositiveInfinity, 1), (-1e5, 1), (5, 1), (0, 1)], false);
        yield return new("ReLU", Of(new StepBackward(0.0)), x => ExactActivations.ReLU(x, 1), xs,
            [(double.NegativeInfinity, 0), (-1, 0), (0, 0), (-0.0, 0), (1, 1), (double.PositiveInfinity, 1)], false);
        foreach (double alpha in new[] { 0.01, 0.3, -0.5, 0.0, 1e-310 })
        {
            double s = alpha == 0 ? 0 : Math.Sign(alpha);
            yield return new($"LeakyReLU({alpha:R})", Of(new StepBackward(alpha)), x => ExactActivations.LeakyReLU(alpha, x, 1), xs,
                [(double.NegativeInfinity, s), (-1, s), (0, s), (1, 1), (double.PositiveInfinity, 1)], false);
        }

        yield return new("HardSigmoid", Of(default(HardSigmoidBackward)), x => ExactActivations.HardSigmoid(x, 1), xs,
            [(2.5, 1), (-2.5, 1), (Up(2.5), 0), (Down(-2.5), 0), (double.PositiveInfinity, 0), (double.NegativeInfinity, 0), (0, 1), (3, 0)], false);
        yield return new("Identity", Of(default(IdentityBackward)), x => ExactActivations.Identity(x, 1), xs,
            [(double.PositiveInfinity, 1), (double.NegativeInfinity, 1), (0, 1)], false);
        foreach (double slope in new[] { 2.0, -0.3, 0.0, 1e-310, 1e300 })
        {
            double s = slope == 0 ? 0 : Math.Sign(slope);
            yield return new($"Affine({slope:R})", Of(new AffineBackward(slope)), x => ExactActivations.Affine(slope, 0, x, 1), xs,
                [(double.PositiveInfinity, s), (1, s), (0, s)], false);
        }

        // From the saved output: g(y) exactly, from the double y.
        double[] ys = OutputPoints(1.0);
        yield return new("Sigmoid from output", Of(default(SigmoidBackwardFromOutput)), y => D(y) * (BigFloat.One - D(y)), ys,
            [(0.0, 0.0), (-0.0, -0.0), (1.0, 0.0), (double.PositiveInfinity, double.NegativeInfinity), (double.NegativeInfinity, double.NegativeInfinity), (0.5, 1), (1e300, -1), (-1e300, -1), (5e-324, 1)], true);
        yield return new("Tanh from output", Of(default(TanhBackwardFromOutput)), y => BigFloat.One - (D(y) * D(y)), ys,
            [(1.0, 0.0), (-1.0, 0.0), (double.PositiveInfinity, double.NegativeInfinity), (double.NegativeInfinity, double.NegativeInfinity), (0, 1), (2, -1), (1e300, -1)], true);
        yield return new("Exponential from output", Of(default(ExpBackwardFromOutput)), D, ys,
            [(0.0, 0.0), (double.PositiveInfinity, double.PositiveInfinity), (1e-310, 1), (-3, -1)], true);
        foreach (double alpha in new[] { 1.0, 0.5, 3.7, 1e-300, double.MaxValue })
        {
            double[] points = OutputPoints(alpha);
            yield return new($"ELU({alpha:R}) from output", Of(new EluBackwardFromOutput<Yes, No>(1.0, 0.0, alpha, 0.0, 0.0)), y => y > 0 ? BigFloat.One : D(y) + D(alpha), points,
                [(1, 1), (-alpha, 0), (double.NegativeInfinity, double.NegativeInfinity), (double.PositiveInfinity, 1), (0, 1), (-0.0, 1)], true);
        }

        yield return new("SELU from output", Of(new EluBackwardFromOutput<No, Yes>(Lambda, LambdaLo, LambdaAlpha, LambdaAlphaLo, LambdaAlphaLo2)),
            y => y > 0 ? ExactActivations.SeluLambda : D(y) + ExactActivations.SeluLambdaAlpha, OutputPoints(LambdaAlpha),
            [(-LambdaAlpha, 1), (double.NegativeInfinity, double.NegativeInfinity), (1, 1), (-1e300, -1), (0, 1)], true);
        yield return new("ReLU from output", Of(new StepBackward(0.0)), y => y > 0 ? BigFloat.One : BigFloat.Zero, ys, [(0.0, 0), (-1, 0), (1, 1)], true);
        yield return new("LeakyReLU(0.01) from output", Of(new StepBackward(0.01)), y => y > 0 ? BigFloat.One : D(0.01), ys, [(-1, 1), (1, 1)], true);
    }

    public static TheoryData<string> CaseNames() => new(Cases().Select(c => c.Name));

    private static Case Find(string name) => Cases().Single(c => c.Name == name);

    /// <summary>Pairs (x, dy): every point once with dy = 1 and perPoint − 1 times with a dy from the mixture (<see cref="DySample"/>).</summary>
    private static (double[] X, double[] Dy) Pairs(Case c, int perPoint)
    {
        var random = new Random(c.Name.Length * 7919);
        var x = new List<double>();
        var dy = new List<double>();
        foreach (double p in c.Points)
        {
            for (int j = 0; j < perPoint; j++)
            {
                x.Add(p);
                dy.Add(j == 0 ? 1.0 : DySample(random));
            }
        }

        return ([.. x], [.. dy]);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void WithinOneUlpOfTheExactProduct(string name)
    {
        Case c = Find(name);
        (double[] x, double[] dy) = Pairs(c, 4);
        double[] scalar = c.Run(x, dy, 1);
        double worst = 0;
        double worstNormal = 0;
        string where = "";
        var cache = new Dictionary<double, BigFloat>();
        for (int i = 0; i < x.Length; i++)
        {
            if (!cache.TryGetValue(x[i], out BigFloat g))
            {
                g = c.Exact(x[i]);
                cache[x[i]] = g;
            }

            double error = Ulp.Error(scalar[i], g * D(dy[i]));
            if (error > worstNormal && Math.Abs((g * D(dy[i])).ToDouble()) >= 2.2250738585072014e-308)
            {
                worstNormal = error;
            }

            if (error > worst)
            {
                worst = error;
                where = string.Create(CultureInfo.InvariantCulture, $"x = {x[i]:R}, dy = {dy[i]:R}: {scalar[i]:R} vs {(g * D(dy[i])).ToDouble():R}");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: worst {worst:F3} ulp ({worstNormal:F3} on normal results) over {x.Length} pairs {where}"));
        worst.Should().BeLessThanOrEqualTo(MaxUlps, because: where);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void SpecialValuesFollowIeeeRulesOnTheExactOperands(string name)
    {
        Case c = Find(name);
        var x = new List<double>();
        var dy = new List<double>();
        var expected = new List<double>();
        foreach ((double px, double f) in c.Specials)
        {
            // f is f′(px) when it is 0 or ±∞, else only its sign (±1): the product with a zero or
            // infinite dy, or any dy when f′ is 0 or ∞, is then dy·f in IEEE arithmetic.
            bool exactF = f == 0 || double.IsInfinity(f);
            double[] dys = exactF ? [0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, 1e300, -2.5, 1e-310, -5e-324] : [0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity];
            foreach (double d in dys)
            {
                x.Add(px);
                dy.Add(d);
                expected.Add(d * f);
            }

            x.Add(px);
            dy.Add(double.NaN);
            expected.Add(double.NaN);
        }

        foreach (double d in new[] { 1.0, 0.0, double.PositiveInfinity, double.NaN })
        {
            x.Add(double.NaN);
            dy.Add(d);
            expected.Add(double.NaN);
        }

        // Each special pair at every lane of a vector whose other lanes are ordinary.
        foreach (int width in Widths)
        {
            for (int lane = 0; lane < width; lane++)
            {
                for (int i = 0; i < x.Count; i++)
                {
                    double[] vx = Enumerable.Repeat(0.25, width).ToArray();
                    double[] vdy = Enumerable.Repeat(1.5, width).ToArray();
                    vx[lane] = x[i];
                    vdy[lane] = dy[i];
                    double actual = c.Run(vx, vdy, width)[lane];
                    string because = string.Create(CultureInfo.InvariantCulture, $"{name} at x = {x[i]:R}, dy = {dy[i]:R}, width {width}, lane {lane}");
                    if (double.IsNaN(expected[i]))
                    {
                        double.IsNaN(actual).Should().BeTrue(because: because + $" (got {actual:R})");
                    }
                    else
                    {
                        BitConverter.DoubleToInt64Bits(actual).Should().Be(BitConverter.DoubleToInt64Bits(expected[i]), because: because + $" (got {actual:R}, expected {expected[i]:R})");
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void EveryWidthGivesTheScalarBits(string name)
    {
        Case c = Find(name);
        (double[] x, double[] dy) = Pairs(c, 3);
        var random = new Random(5);
        double[] specials = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0];
        var xs = x.Concat(specials).Concat(specials).ToList();
        var dys = dy.Concat(specials).Concat(specials.Reverse()).ToList();

        // Shuffled, so that lanes needing the general path share vectors with ordinary ones.
        int[] order = [.. Enumerable.Range(0, xs.Count).OrderBy(_ => random.Next())];
        double[] sx = [.. order.Select(i => xs[i])];
        double[] sdy = [.. order.Select(i => dys[i])];
        double[] scalar = c.Run(sx, sdy, 1);
        foreach (int width in Widths.Skip(1))
        {
            double[] actual = c.Run(sx, sdy, width);
            for (int i = 0; i < sx.Length; i++)
            {
                if (BitConverter.DoubleToInt64Bits(actual[i]) != BitConverter.DoubleToInt64Bits(scalar[i]))
                {
                    BitConverter.DoubleToInt64Bits(actual[i]).Should().Be(
                        BitConverter.DoubleToInt64Bits(scalar[i]),
                        because: string.Create(CultureInfo.InvariantCulture, $"{name} at x = {sx[i]:R}, dy = {sdy[i]:R}, width {width}: {actual[i]:R} vs scalar {scalar[i]:R}"));
                }
            }
        }
    }

    [Fact]
    public void ProductsBeyondTheFactorsRangeAreNeitherZeroNorInfinite()
    {
        KernelWidths.Binary(default(SigmoidBackward), [-800.0], [1e300], 1)[0].Should().BeApproximately(1e300 * Math.Exp(-400) * Math.Exp(-400), 1e-60);
        KernelWidths.Binary(default(ExpBackward), [1000.0], [1e-300], 1)[0].Should().BeApproximately(1.97e134, 0.01e134);
        double elu = KernelWidths.Binary(new EluBackward<Yes, No>(1.0, 0.0, BackwardFactor.Of(double.MaxValue, 0.0)), [-1100.0], [1e300], 1)[0];
        double expected = (D(double.MaxValue) * D(1e300) * BigFloat.Exp(D(-1100.0))).ToDouble();
        elu.Should().Be(expected);
        expected.Should().BeGreaterThan(1e100);
    }

    /// <summary>
    /// ELU's and SELU's specialised kernels leave out the products with 1, the far range's selects
    /// and the low parts that their type arguments say are not needed; the general kernels, given
    /// the same parameters, form them, and the bits must be the same at every width: the backward
    /// pass for α a power of two (and P = 1), the from-output pass (P = 1, α without low parts), the
    /// value for α = 1 and the derivatives for a plain α. The derivatives for α = 1 are eˣ itself
    /// (<c>Exp</c>, whose accuracy the suites check), which has the general form's bits wherever its
    /// s·t is a normal number: outside [−704, −600) here (below −704 it is the general form's formula;
    /// in between, s·t can be subnormal for r near 0), so that range is left out of that comparison.
    /// </summary>
    [Fact]
    public void TheUnitFormsOfEluGiveTheGeneralFormsBits()
    {
        var random = new Random(20261203);
        double[] x = [.. XSample(3000, 1203), double.NaN, double.PositiveInfinity, double.NegativeInfinity];
        double[] dy = [.. x.Select(_ => DySample(random))];
        double[] xOutsideSubnormalProducts = [.. x.Where(v => !(v < -600 && v >= -704))];
        int[] widths = [1, 2, 4, 8];
        ExpFactor one = ExpFactor.Of(1.0, 0.0);
        one.IsUnit.Should().BeTrue();
        foreach (double a in new[] { 0.5, 1.7580993408473768, -2.0, 3.7, 1e-150, 1e100 })
        {
            ExpFactor plain = ExpFactor.Of(a, 0.0);
            plain.IsPlain.Should().BeTrue();
            foreach (int width in widths)
            {
                ShouldHaveTheBitsOf(
                    KernelWidths.Unary(new EluGrad<PlainFactor>(1.0, plain), x, width),
                    KernelWidths.Unary(new EluGrad<GeneralFactor>(1.0, plain), x, width),
                    i => $"ELU({a:R})'s derivative in plain form at x = {x[i]:R}, width {width}");
            }
        }

        foreach (int width in widths)
        {
            ShouldHaveTheBitsOf(
                KernelWidths.Unary(new EluFn<UnitFactor>(one), x, width),
                KernelWidths.Unary(new EluFn<GeneralFactor>(one), x, width),
                i => $"ELU(1) in unit form at x = {x[i]:R}, width {width}");
            foreach (double positive in new[] { 1.0, 0.0 })
            {
                double[] xs = xOutsideSubnormalProducts;
                ShouldHaveTheBitsOf(
                    KernelWidths.Unary(new EluGrad<UnitFactor>(positive, one), xs, width),
                    KernelWidths.Unary(new EluGrad<GeneralFactor>(positive, one), xs, width),
                    i => $"ELU(1)'s derivative ({positive} above 0) in unit form at x = {xs[i]:R}, width {width}");
            }
        }

        foreach (double alpha in new[] { 1.0, 0.5, 3.7, 1e300, 1.7e308 })
        {
            double[] y = [.. x.Select(v => Math.Max(v / 8, -alpha))];
            foreach (int width in widths)
            {
                ShouldHaveTheBitsOf(
                    KernelWidths.Binary(new EluBackwardFromOutput<Yes, No>(1.0, 0.0, alpha, 0.0, 0.0), y, dy, width),
                    KernelWidths.Binary(new EluBackwardFromOutput<No, Yes>(1.0, 0.0, alpha, 0.0, 0.0), y, dy, width),
                    i => $"ELU({alpha:R}) from output in unit form at y = {y[i]:R}, dy = {dy[i]:R}, width {width}");
            }
        }

        foreach (double alpha in new[] { 1.0, 0.5, 2.0, 0.25, -4.0, 5e-324, Math.ScaleB(1.0, 1023) })
        {
            BackwardFactor factor = BackwardFactor.Of(alpha, 0.0);
            factor.IsOne.Should().Be(alpha == 1.0, because: "the unit form is for α = 1");
            foreach (int width in widths)
            {
                double[] general = KernelWidths.Binary(new EluBackward<No, No>(1.0, 0.0, factor), x, dy, width);
                ShouldHaveTheBitsOf(
                    KernelWidths.Binary(new EluBackward<Yes, No>(1.0, 0.0, factor), x, dy, width),
                    general,
                    i => $"ELU({alpha:R}) with P = 1 at x = {x[i]:R}, dy = {dy[i]:R}, width {width}");
                if (factor.IsOne)
                {
                    ShouldHaveTheBitsOf(
                        KernelWidths.Binary(new EluBackward<Yes, Yes>(1.0, 0.0, factor), x, dy, width),
                        general,
                        i => $"ELU({alpha:R}) in unit form at x = {x[i]:R}, dy = {dy[i]:R}, width {width}");
                }
            }
        }
    }

    /// <summary>Asserts that every element of <paramref name="actual"/> has the bits of <paramref name="expected"/>'s, naming the first that does not.</summary>
    private static void ShouldHaveTheBitsOf(double[] actual, double[] expected, Func<int, FormattableString> at)
    {
        actual.Length.Should().Be(expected.Length);
        for (int i = 0; i < actual.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(actual[i]) != BitConverter.DoubleToInt64Bits(expected[i]))
            {
                BitConverter.DoubleToInt64Bits(actual[i]).Should().Be(BitConverter.DoubleToInt64Bits(expected[i]), because: FormattableString.Invariant(at(i)));
            }
        }
    }

    /// <summary>
    /// The digest of every kernel's bits on a fixed set of inputs (built from integers by exact
    /// scaling only, so the inputs are the same on every platform). CI runs the suite with and
    /// without AVX-512, AVX2 and FMA, and without any intrinsics, so this one number, the same in
    /// every run, shows that the fused multiply-add and Dekker's product give the same bits.
    /// </summary>
    [Fact]
    public void TheBitsAreTheSameWithAndWithoutFusedMultiplyAdd()
    {
        var random = new Random(20261201);
        int n = 4096;
        var x = new double[n];
        var dy = new double[n];
        double[] specials = [0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 5e-324, double.MaxValue];
        for (int i = 0; i < n; i++)
        {
            x[i] = Arbitrary(random, random.Next(3) == 0 ? 12 : 1100);
            dy[i] = random.Next(16) == 0 ? specials[random.Next(specials.Length)] : Arbitrary(random, random.Next(2) == 0 ? 8 : 1100);
        }

        ulong digest = 14695981039346656037UL;
        foreach (Case c in Cases())
        {
            double[] input = c.FromOutput ? [.. x.Select(v => v / 8)] : x;
            foreach (double r in c.Run(input, dy, 1))
            {
                ulong bits = double.IsNaN(r) ? 0x7FF8000000000000UL : (ulong)BitConverter.DoubleToInt64Bits(r);
                digest = (digest ^ bits) * 1099511628211UL;
            }
        }

        output.WriteLine($"digest 0x{digest:X16}");
        digest.Should().Be(ExpectedDigest);
    }

    private const ulong ExpectedDigest = 0x8C5D59DFD6F09292UL;

    /// <summary>±(1 + f)·2^e with a random 52-bit f and e uniform in [−range, range] (clipped to the double range), exactly.</summary>
    private static double Arbitrary(Random random, int range)
    {
        double m = 1.0 + (random.NextInt64(1L << 52) * Math.ScaleB(1.0, -52));
        int e = Math.Clamp(random.Next(-range, range + 1), -1074, 1023);
        double v = Math.ScaleB(m, e);
        return random.Next(2) == 0 ? v : -v;
    }
}
