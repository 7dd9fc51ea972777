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
/// The float kernels of the exponential family (Numerics/Core.Float.cs; for e^x, σ, tanh, ELU,
/// SELU and SiLU the precise kernels that their fast kernels fall back on, FastFloatKernelTests) before their
/// rounding to float: each double they produce at a float input is within 2^−45 relative of the exact value
/// (the independent reference), the bound that makes the float result correct to 0.5 + 2^−21 ulp.
/// Measuring the double, not the float, sees every input's error, where a float comparison sees
/// one only when it crosses a rounding midpoint (about one input in a million). Inputs: dense
/// random floats over the range where the float results are neither 0 nor ∞ nor ±1 exactly,
/// magnitudes spread from 2^−40 to 2^7, and the neighbourhood of every table boundary
/// (n + 1/2)·ln 2/16 near 0.
/// </summary>
public sealed class FloatKernelTests(ITestOutputHelper output)
{
    private static readonly double Bound = Math.ScaleB(1.0, -45);

    internal static readonly float[] Inputs = BuildInputs();

    private static readonly Dictionary<string, (ActivationFunction Activation, int Order, Func<double, double> Kernel)> Kernels = new()
    {
        ["Exponential"] = (new Exponential(), 0, x => Core<double, bool, ScalarOps>.ExpForFloat(x)),
        ["Sigmoid"] = (new Sigmoid(), 0, x => Core<double, bool, ScalarOps>.SigmoidForFloat(x)),
        ["Sigmoid′"] = (new Sigmoid(), 1, x => Core<double, bool, ScalarOps>.SigmoidGradForFloat(x)),
        ["Sigmoid″"] = (new Sigmoid(), 2, x => Core<double, bool, ScalarOps>.SigmoidGrad2ForFloat(x)),
        ["Tanh"] = (new Tanh(), 0, x => Core<double, bool, ScalarOps>.TanhForFloat(x)),
        ["Tanh′"] = (new Tanh(), 1, x => Core<double, bool, ScalarOps>.TanhGradForFloat(x)),
        ["Tanh″"] = (new Tanh(), 2, x => Core<double, bool, ScalarOps>.TanhGrad2ForFloat(x)),
        ["ELU(0.5)"] = (new ELU(0.5), 0, x => new EluForFloat(1.0, 0.5).Precise<double, bool, ScalarOps>(x)),
        ["ELU(0.5)′"] = (new ELU(0.5), 1, x => new EluGradForFloat(1.0, 0.5).Precise<double, bool, ScalarOps>(x)),
        ["ELU(-2)″"] = (new ELU(-2), 2, x => new EluGradForFloat(0.0, -2.0).Precise<double, bool, ScalarOps>(x)),
        ["SoftPlus"] = (new SoftPlus(), 0, x => Core<double, bool, ScalarOps>.SoftPlusForFloat(x)),
        ["LogSigmoid"] = (new LogSigmoid(), 0, x => -Core<double, bool, ScalarOps>.SoftPlusForFloat(-x)),
        ["LogSigmoid′"] = (new LogSigmoid(), 1, x => Core<double, bool, ScalarOps>.SigmoidForFloat(-x)),
        ["LogSigmoid″"] = (new LogSigmoid(), 2, x => -Core<double, bool, ScalarOps>.SigmoidGradForFloat(x)),
        ["SELU"] = (new SELU(), 0, x => new EluForFloat(SELU.Scale, 1.7580993408473768).Precise<double, bool, ScalarOps>(x)),
        ["SiLU"] = (new SiLU(), 0, x => Core<double, bool, ScalarOps>.SiLUForFloat(x)),
        ["SiLU′"] = (new SiLU(), 1, x => Core<double, bool, ScalarOps>.SiLUGradForFloat(x)),
        ["SiLU″"] = (new SiLU(), 2, x => Core<double, bool, ScalarOps>.SiLUGrad2ForFloat(x)),
        ["Mish"] = (new Mish(), 0, x => Invoke(default(MishForFloat), x)),
        ["Mish′"] = (new Mish(), 1, x => Invoke(default(MishGradForFloat), x)),
        ["Mish″"] = (new Mish(), 2, x => Invoke(default(MishGrad2ForFloat), x)),
    };

    /// <summary>
    /// The float kernels of the rational and piecewise-quadratic activations, a few plain roundings in
    /// double each, within 2^−49 by their summaries' analysis, with inputs of their own.
    /// </summary>
    private static readonly Dictionary<string, (ActivationFunction Activation, int Order, Func<double, double> Kernel)> PlainKernels = new()
    {
        ["Softsign"] = (new Softsign(), 0, x => Invoke(default(SoftsignForFloat), x)),
        ["Softsign′"] = (new Softsign(), 1, x => Invoke(default(SoftsignGradForFloat), x)),
        ["Softsign″"] = (new Softsign(), 2, x => Invoke(default(SoftsignGrad2ForFloat), x)),
        ["HardSigmoid"] = (new HardSigmoid(), 0, x => Invoke(default(HardSigmoidForFloat), x)),
        ["HardSwish"] = (new HardSwish(), 0, x => Invoke(default(HardSwishForFloat), x)),
        ["HardSwish′"] = (new HardSwish(), 1, x => Invoke(default(HardSwishGradForFloat), x)),
    };

    private static readonly float[] PlainInputs = BuildPlainInputs();

    public static TheoryData<string> Cases() => [.. Kernels.Keys];

    public static TheoryData<string> PlainCases() => [.. PlainKernels.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void DoublesBeforeTheRoundingAreWithinTwoToTheMinus45(string name)
    {
        (ActivationFunction f, int order, Func<double, double> kernel) = Kernels[name];
        Measure(name, f, order, kernel, Inputs);
    }

    [Theory]
    [MemberData(nameof(PlainCases))]
    public void PlainFloatKernelsAreWithinTwoToTheMinus45(string name)
    {
        (ActivationFunction f, int order, Func<double, double> kernel) = PlainKernels[name];
        Measure(name, f, order, kernel, PlainInputs);
    }

    private void Measure(string name, ActivationFunction f, int order, Func<double, double> kernel, float[] inputs)
    {
        double worst = 0;
        float worstAt = 0;
        var failures = new List<string>();
        int measured = 0;
        foreach (float x in inputs)
        {
            BigFloat exact = ExactBackward.Exact(f, x, order);
            if (exact.IsZero || !InFloatRange(exact))
            {
                continue;
            }

            measured++;
            double computed = kernel(x);
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
        measured.Should().BeGreaterThan(inputs.Length / 3, because: "most inputs of the lower branch, and all of the others, have a finite non-zero float result");
        failures.Should().BeEmpty(because: "the float kernels keep 2^−45 relative before the rounding to float");
    }

    private static double Invoke<TKernel>(TKernel kernel, double x)
        where TKernel : struct, IUnaryKernel =>
        kernel.Invoke<double, bool, ScalarOps>(x);

    /// <summary>Whether the exact value is a float's magnitude (2^−150 to 2^128): outside it the float result is 0 or ∞ and the relative error of the double does not matter.</summary>
    private static bool InFloatRange(BigFloat exact) => exact.Magnitude is > -149 and <= 128;

    private static float[] BuildInputs()
    {
        var random = new Random(20261202);
        var points = new List<float>();
        for (int i = 0; i < 2500; i++)
        {
            points.Add((float)((random.NextDouble() * 220) - 110));
            points.Add((float)((random.NextDouble() * 24) - 12));
            double magnitude = Math.Pow(2, (random.NextDouble() * 47) - 40);
            points.Add((float)(random.Next(2) == 0 ? magnitude : -magnitude));
        }

        for (int n = -40; n <= 40; n++)
        {
            float boundary = (float)((n + 0.5) * Math.Log(2) / 16);
            points.Add(boundary);
            points.Add(MathF.BitIncrement(boundary));
            points.Add(MathF.BitDecrement(boundary));
            points.Add(boundary / 2);
            points.Add(MathF.BitIncrement(boundary / 2));
        }

        // The roots SiLU's and Mish's float kernels expand about: SiLU's (f′ at −a₀, f″ at ±b₀) and
        // Mish′'s (r₁) within 1/128, Mish″'s (r₂, r₃) within 1/16.
        AddRootNeighbourhood(points, random, [SiLUReference.GradRoot, SiLUReference.Grad2Root, -SiLUReference.Grad2Root, MishReference.GradRoot], 0.0078125, 200);
        AddRootNeighbourhood(points, random, [MishReference.Grad2RootNegative, MishReference.Grad2RootPositive], 0.0625, 300);
        return [.. points.Distinct()];
    }

    /// <summary>
    /// Random floats over (−8, 8), magnitudes spread over every float exponent (subnormals to 2^128),
    /// and 16 ulps either side of the joints and zeros of HardSigmoid (±2.5) and HardSwish (−3, −3/2, 0, 3).
    /// </summary>
    private static float[] BuildPlainInputs()
    {
        var random = new Random(20261203);
        var points = new List<float>();
        for (int i = 0; i < 2000; i++)
        {
            points.Add((float)((random.NextDouble() * 16) - 8));
            double magnitude = Math.Pow(2, (random.NextDouble() * 276) - 149);
            points.Add((float)(random.Next(2) == 0 ? magnitude : -magnitude));
        }

        foreach (float joint in new[] { -3f, -2.5f, -1.5f, 0f, 2.5f, 3f, float.Epsilon, -float.Epsilon, float.MaxValue, -float.MaxValue })
        {
            points.AddRange(FloatNeighbours.Around(joint, 16));
        }

        return [.. points.Where(float.IsFinite).Distinct()];
    }

    /// <summary>
    /// For each root: the floats nearest it, nearest its neighbourhood's edges (± radius) and twice as
    /// far, 8 ulps either side of each, and <paramref name="count"/> random floats within twice the radius.
    /// </summary>
    private static void AddRootNeighbourhood(List<float> points, Random random, double[] roots, double radius, int count)
    {
        foreach (double root in roots)
        {
            foreach (double offset in new[] { 0.0, radius, -radius, 2 * radius, -2 * radius })
            {
                points.AddRange(FloatNeighbours.Around((float)(root + offset), 8));
            }

            for (int i = 0; i < count; i++)
            {
                points.Add((float)(root + ((random.NextDouble() - 0.5) * 4 * radius)));
            }
        }
    }
}
