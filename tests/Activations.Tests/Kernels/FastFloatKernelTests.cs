using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Activations.Kernels;
using Activations.Numerics;
using Activations.Tests.Reference;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests.Kernels;

/// <summary>
/// The fast float kernels of e^x, σ, tanh, softplus (LogSigmoid's too), ELU, SELU, SiLU and the approximate GELU with its derivatives (Numerics/Core.FloatFast.cs, Kernels/FloatKernels.cs). Their evaluations are
/// within 2^−40.5 relative of the exact value wherever they are used (the bound their rounding test
/// relies on), and at every width the kernels return, rounded to float, the bits of the precise
/// kernels they fall back on — at dense inputs, at the edges of their domains, and at inputs where
/// the fast evaluation alone rounds to the other float.
/// </summary>
public sealed class FastFloatKernelTests(ITestOutputHelper output)
{
    private static readonly double Bound = Math.Pow(2, -40.5);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["Exponential"] = new(new Exponential(), 0, 0, 87, Core<double, bool, ScalarOps>.ExpForFloatFastValue, W(default(ExpForFloat)), Core<double, bool, ScalarOps>.ExpForFloat),
        ["Sigmoid"] = new(new Sigmoid(), 0, 0, 87, Core<double, bool, ScalarOps>.SigmoidForFloatFastValue, W(default(SigmoidForFloat)), Core<double, bool, ScalarOps>.SigmoidForFloat),
        ["Sigmoid′"] = new(new Sigmoid(), 1, 0, 87, Core<double, bool, ScalarOps>.SigmoidGradForFloatFastValue, W(default(SigmoidGradForFloat)), Core<double, bool, ScalarOps>.SigmoidGradForFloat),
        ["Sigmoid″"] = new(new Sigmoid(), 2, Math.ScaleB(1.0, -120), 87, Core<double, bool, ScalarOps>.SigmoidGrad2ForFloatFastValue, W(default(SigmoidGrad2ForFloat)), Core<double, bool, ScalarOps>.SigmoidGrad2ForFloat),
        ["Tanh"] = new(new Tanh(), 0, 0, 43, Core<double, bool, ScalarOps>.TanhForFloatFastValue, W(default(TanhForFloat)), Core<double, bool, ScalarOps>.TanhForFloat),
        ["Tanh′"] = new(new Tanh(), 1, 0, 43, Core<double, bool, ScalarOps>.TanhGradForFloatFastValue, W(default(TanhGradForFloat)), Core<double, bool, ScalarOps>.TanhGradForFloat),
        ["Tanh″"] = new(new Tanh(), 2, 0, 43, Core<double, bool, ScalarOps>.TanhGrad2ForFloatFastValue, W(default(TanhGrad2ForFloat)), Core<double, bool, ScalarOps>.TanhGrad2ForFloat),
        ["SiLU"] = new(new SiLU(), 0, Math.ScaleB(1.0, -120), 87, Core<double, bool, ScalarOps>.SiLUForFloatFastValue, W(default(SiLUForFloat)), Core<double, bool, ScalarOps>.SiLUForFloat),
        ["SiLU′"] = new(new SiLU(), 1, 0, 87, Core<double, bool, ScalarOps>.SiLUGradForFloatFastValue, W(default(SiLUGradForFloat)), Core<double, bool, ScalarOps>.SiLUGradForFloat, -Core<double, bool, ScalarOps>.SiLURootA1, Core<double, bool, ScalarOps>.FastSiLUGradRootWindow),
        ["SiLU″"] = new(new SiLU(), 2, 0, 87, Core<double, bool, ScalarOps>.SiLUGrad2ForFloatFastValue, W(default(SiLUGrad2ForFloat)), Core<double, bool, ScalarOps>.SiLUGrad2ForFloat, Core<double, bool, ScalarOps>.SiLURootB1, Core<double, bool, ScalarOps>.FastSiLUGrad2RootWindow, Even: true),
        ["SoftPlus"] = new(new SoftPlus(), 0, 0, 87, Core<double, bool, ScalarOps>.SoftPlusForFloatFastValue, W(default(SoftPlusForFloat)), Core<double, bool, ScalarOps>.SoftPlusForFloat),
        ["LogSigmoid"] = new(new LogSigmoid(), 0, 0, 87, x => -Core<double, bool, ScalarOps>.SoftPlusForFloatFastValue(-x), W(default(LogSigmoidFn<SoftPlusForFloat>)), x => double.IsNaN(x) ? x : -Core<double, bool, ScalarOps>.SoftPlusForFloat(-x)),
        ["GELU′"] = new(new GELU(), 1, 0, Core<double, bool, ScalarOps>.FastGeluLimit, Core<double, bool, ScalarOps>.GeluApproximateGradForFloatFastValue, W(default(GeluApproximateGradForFloat)), x => default(GeluApproximateGrad).Invoke<double, bool, ScalarOps>(x), Core<double, bool, ScalarOps>.GeluRoot1Hi, Core<double, bool, ScalarOps>.FastGeluGradRootWindow),
        ["GELU″"] = new(new GELU(), 2, 0, Core<double, bool, ScalarOps>.FastGeluLimit, Core<double, bool, ScalarOps>.GeluApproximateGrad2ForFloatFastValue, W(default(GeluApproximateGrad2ForFloat)), x => default(GeluApproximateGrad2).Invoke<double, bool, ScalarOps>(x), Core<double, bool, ScalarOps>.GeluRoot2Hi, Core<double, bool, ScalarOps>.FastGeluGrad2RootWindow, Even: true),
        ["GELU"] = new(new GELU(), 0, Math.ScaleB(1.0, -120), Core<double, bool, ScalarOps>.FastGeluLimit, Core<double, bool, ScalarOps>.GeluApproximateForFloatFastValue, W(default(GeluApproximateForFloat)), x => default(GeluApproximateFn).Invoke<double, bool, ScalarOps>(x)),
        ["ELU(0.5)"] = Elu(new ELU(0.5), 1.0, 0.5),
        ["ELU(-2)"] = Elu(new ELU(-2), 1.0, -2.0),
        ["SELU"] = Elu(new SELU(), SELU.Scale, 1.7580993408473768),
        ["ELU(0.5)′"] = EluGrad(new ELU(0.5), 1, 1.0, 0.5),
        ["SELU′"] = EluGrad(new SELU(), 1, SELU.Scale, 1.7580993408473768),
        ["ELU(-2)″"] = EluGrad(new ELU(-2), 2, 0.0, -2.0),
    };

    public static TheoryData<string> Names() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void FastEvaluationsAreWithinTwoToTheMinus40Point5(string name)
    {
        Case c = Cases[name];
        double worst = 0;
        float worstAt = 0;
        int measured = 0;
        var failures = new List<string>();
        foreach (float x in Inputs(c).Where(c.InDomain))
        {
            BigFloat exact = ExactBackward.Exact(c.Activation, x, c.Order);
            if (exact.IsZero)
            {
                continue;
            }

            measured++;
            double computed = c.Value(x);
            double relative = ((BigFloat.FromDouble(computed) - exact) / exact).Abs().ToDouble();
            if (relative > worst)
            {
                worst = relative;
                worstAt = x;
            }

            if (!(relative <= Bound) && failures.Count < 10)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{name} at {x:R}: {computed:R}, relative error 2^{Math.Log2(relative):F2}"));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-12} worst relative error 2^{Math.Log2(worst):F2} at {worstAt:R} ({measured} points)"));
        measured.Should().BeGreaterThan(4000, because: "every input of the domain but those where the value is exactly 0 (the upper branch of ELU″) is measured");
        failures.Should().BeEmpty(because: "the rounding test of the fast kernels assumes 2^−40.5");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void FastKernelsGiveThePreciseKernelsBitsAtEveryWidth(string name)
    {
        Case c = Cases[name];
        double[] all = [.. Inputs(c).Select(x => (double)x)];
        double[] inDomain = [.. Inputs(c).Where(c.InDomain).Select(x => (double)x)];
        foreach (double[] x in new[] { all, inDomain })
        {
            float[] expected = [.. x.Select(v => (float)c.Precise(v))];
            foreach (int width in new[] { 1, 2, 4, 8 })
            {
                float[] actual = Round(c.Fast(x, width));
                var mismatches = Enumerable.Range(0, x.Length)
                    .Where(i => BitConverter.SingleToInt32Bits(actual[i]) != BitConverter.SingleToInt32Bits(expected[i]))
                    .Take(5)
                    .Select(i => string.Create(CultureInfo.InvariantCulture, $"x = {x[i]:R}: {actual[i]:R}, precise {expected[i]:R}"))
                    .ToList();
                mismatches.Should().BeEmpty(because: $"{name} at width {width} rounds as its precise kernel does");
            }
        }
    }

    /// <summary>The shared dense inputs, the floats around the domain's edges and a root window's, the smallest normal float and a subnormal one, and the inputs where the fast evaluation alone rounds to the other float.</summary>
    private static IEnumerable<float> Inputs(Case c)
    {
        var points = new List<float>(FloatKernelTests.Inputs);
        foreach (double edge in new[] { c.High, c.Low, 2 * c.Low, 1.0 })
        {
            if (edge > 0)
            {
                points.AddRange(FloatNeighbours.Around((float)edge, 4));
                points.AddRange(FloatNeighbours.Around((float)-edge, 4));
            }
        }

        if (c.RootWindow > 0)
        {
            // The window's edges and the floats just outside it, where the cancellation is largest.
            foreach (double edge in new[] { c.Root - c.RootWindow, c.Root + c.RootWindow })
            {
                var near = new List<float>(FloatNeighbours.Around((float)edge, 4));
                for (int i = 1; i <= 64; i++)
                {
                    near.Add((float)(edge + (Math.Sign(edge - c.Root) * c.RootWindow * i / 64)));
                }

                points.AddRange(near);
                if (c.Even)
                {
                    points.AddRange(near.Select(x => -x));
                }
            }
        }

        foreach (float tiny in new[] { 1.17549435E-38f, 1.4E-42f })
        {
            points.AddRange(FloatNeighbours.Around(tiny, 4));
            points.AddRange(FloatNeighbours.Around(-tiny, 4));
        }

        points.AddRange([0f, -0f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, -float.Epsilon]);
        points.AddRange(HardInputs);
        return points.Distinct();
    }

    private static float[] Round(double[] values) => [.. values.Select(v => (float)v)];

    // Found by a search over random floats: the fast evaluation (with fused multiply-adds) and the
    // precise kernel round to different floats, so only the rounding test makes the bits agree
    // (e^x at the first, σ′ at the next two, tanh, tanh′, σ″ and tanh″ at the next 27, the approximate
    // GELU at the next three, its derivative at the next two and its second derivative at the next
    // two, SiLU′ at the next, SiLU″ at the next two, softplus at the next three (in 2^28 tries) and
    // LogSigmoid at the last three, their negations; none in 2^28 tries for σ, where the two evaluations differ least).
    private static readonly float[] HardInputs =
    [
        -14.56709f, 2.332954f, -2.332954f, -0.038055364f, 0.05302014f, 1.166477f, -2.2566078f, 2.2566078f,
        -0.0050373827f, -0.045858506f, 0.035278015f, 0.07351308f, 0.0054597575f, 0.0069325776f, -0.013750497f, 0.017689338f,
        0.02553307f, 0.045858506f, 0.012394637f, -0.05343035f, -0.013799529f, 0.03675654f, -0.0016505419f, 0.0036059262f,
        0.0031646613f, -0.004758444f, 0.012432068f, -0.003287683f, 0.029974554f, -0.0008586244f, -0.014643436f, -3.8625195f,
        -0.0045003486f, -0.51891863f, -0.09344551f, 4.619365f, -4.619365f, -1.2307702f, 18.230492f, -34.603233f,
        -0.6690069f, -0.6635176f, 0.0016368524f, 0.6690069f, 0.6635176f, -0.0016368524f,
    ];

    private static Case Elu(ActivationFunction f, double scale, double alpha)
    {
        var kernel = new EluForFloat(scale, alpha);
        return new(f, 0, EluFast.Smallest, EluFast.Limit, x => kernel.FastValue<double, bool, ScalarOps>(x), W(kernel), x => kernel.Precise<double, bool, ScalarOps>(x));
    }

    private static Case EluGrad(ActivationFunction f, int order, double positive, double alpha)
    {
        var kernel = new EluGradForFloat(positive, alpha);
        return new(f, order, EluFast.Smallest, EluFast.Limit, x => kernel.FastValue<double, bool, ScalarOps>(x), W(kernel), x => kernel.Precise<double, bool, ScalarOps>(x));
    }

    private static Func<double[], int, double[]> W<TKernel>(TKernel kernel)
        where TKernel : struct, IUnaryKernel =>
        (x, width) => KernelWidths.Unary(kernel, x, width);

    /// <summary>A fast kernel: its activation and derivative order, its domain (|x| in [low, high] or ±0, less the window around a root where it has one, or around ± the root for an even function), its evaluation, it over arrays at a width, and its precise kernel (scalar: that kernel's bits are the same at every width).</summary>
    private sealed record Case(ActivationFunction Activation, int Order, double Low, double High, Func<double, double> Value, Func<double[], int, double[]> Fast, Func<double, double> Precise, double Root = 0, double RootWindow = 0, bool Even = false)
    {
        public bool InDomain(float x) => (x == 0 || (Math.Abs(x) >= Low && Math.Abs(x) <= High)) && !(Math.Abs((Even ? Math.Abs(x) : x) - Root) < RootWindow);
    }
}
