using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Activations.Tests.Reference;
using FluentAssertions;
using Xunit.Abstractions;

namespace Activations.Tests.Accuracy;

/// <summary>
/// Every Fn, Grad and Grad2 within 1 ulp of the exact value, computed by the independent
/// arbitrary-precision reference in <c>Reference/</c>, on thousands of points per function —
/// through the scalar and the span overloads. The worst error per function is printed.
/// </summary>
public sealed class AccuracyTests(ITestOutputHelper output)
{
    private const double MaxUlps = 1.0;

    /// <summary>
    /// Where SELU's results cross the smallest normal (x = ±2⁻¹⁰²², λx = 2⁻¹⁰²², λαx = −2⁻¹⁰²²), the
    /// saturating left branch near −24.2, λx's overflow threshold (2¹⁰²⁴ − 2⁹⁷⁰)/λ, and subnormal inputs.
    /// </summary>
    private static readonly double[] SeluCrossings =
    [
        -2.2250738585072014e-308, 2.2250738585072014e-308, 2.2250738585072014e-308 / SELU.Scale, -2.2250738585072014e-308 / 1.7580993408473768,
        -24.2, 1.710946460026603e308, 5e-324, -5e-324, 1e-310, -1e-310,
    ];

    /// <summary>One line per activation: the instance and its exact counterpart.</summary>
    public static TheoryData<string> Activations() =>
        new(Cases.Keys);

    private static readonly Dictionary<string, (ActivationFunction Function, Func<double, int, BigFloat> Exact, double[] Crossings)> Cases = new()
    {
        ["Affine(1, 0)"] = (new Affine(), (x, o) => ExactActivations.Affine(1, 0, x, o), []),
        ["Affine(2, -1)"] = (new Affine(2, -1), (x, o) => ExactActivations.Affine(2, -1, x, o), [0.5]),
        ["Affine(-0.3, 0.001)"] = (new Affine(-0.3, 0.001), (x, o) => ExactActivations.Affine(-0.3, 0.001, x, o), [0.001 / 0.3]),
        ["Affine(3.7, 1e-300)"] = (new Affine(3.7, 1e-300), (x, o) => ExactActivations.Affine(3.7, 1e-300, x, o), [-1e-300 / 3.7]),
        ["ELU(1)"] = Elu(1),
        ["ELU(0.5)"] = Elu(0.5),
        ["ELU(2.7)"] = Elu(2.7),
        ["ELU(MaxValue)"] = Elu(double.MaxValue),
        ["ELU(1.3e308)"] = Elu(1.3e308),
        ["ELU(-1.5e308)"] = Elu(-1.5e308),
        ["ELU(1e200)"] = Elu(1e200),
        ["ELU(1e-300)"] = Elu(1e-300),
        ["ELU(5e-324)"] = Elu(5e-324),
        ["Exponential"] = (new Exponential(), ExactActivations.Exponential, []),
        ["HardSigmoid"] = (new HardSigmoid(), ExactActivations.HardSigmoid, []),
        ["Identity"] = (new Identity(), ExactActivations.Identity, []),
        ["LeakyReLU(0.3)"] = (new LeakyReLU(), (x, o) => ExactActivations.LeakyReLU(0.3, x, o), []),
        ["LeakyReLU(0.01)"] = (new LeakyReLU(0.01), (x, o) => ExactActivations.LeakyReLU(0.01, x, o), []),
        ["ReLU"] = (new ReLU(), ExactActivations.ReLU, []),
        ["SELU"] = (new SELU(), ExactActivations.SELU, SeluCrossings),
        ["Sigmoid"] = (new Sigmoid(), ExactActivations.Sigmoid, []),
        ["SoftPlus"] = (new SoftPlus(), ExactActivations.SoftPlus, []),
        ["Tanh"] = (new Tanh(), ExactActivations.Tanh, []),
    };

    [Theory]
    [MemberData(nameof(Activations))]
    public void EveryDerivativeIsWithinOneUlpOfTheExactValue(string name)
    {
        (ActivationFunction f, Func<double, int, BigFloat> exact, double[] crossings) = Cases[name];
        double[] x = AccuracyPoints.For(crossings);
        var report = new StringBuilder();
        var failures = new List<string>();

        foreach ((string op, int order, Func<double, double> scalar, Action<double[], double[]> span) in Operations(f))
        {
            var spanResults = new double[x.Length];
            span(x, spanResults);
            double worst = 0;
            double worstAt = double.NaN;
            for (int i = 0; i < x.Length; i++)
            {
                BigFloat reference = exact(x[i], order);
                double scalarError = Ulp.Error(scalar(x[i]), reference);
                double spanError = Ulp.Error(spanResults[i], reference);
                double error = Math.Max(scalarError, spanError);
                if (!(error <= worst))
                {
                    worst = error;
                    worstAt = x[i];
                }

                if (!(error <= MaxUlps) && failures.Count < 20)
                {
                    failures.Add(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{f}.{op}({x[i]:R}) = {scalar(x[i]):R} (span {spanResults[i]:R}), exact ≈ {reference.ToDouble():R}: {error:G4} ulps"));
                }
            }

            string where = double.IsNaN(worstAt) ? "(every value correctly rounded)" : $"at x = {worstAt:R}";
            report.AppendLine(CultureInfo.InvariantCulture, $"{name,-20} {op,-5} worst {worst,6:F3} ulps {where} ({x.Length} points)");
        }

        output.WriteLine(report.ToString());
        failures.Should().BeEmpty(because: $"every value must be within {MaxUlps} ulp; worst errors:\n{report}");
    }

    /// <summary>
    /// ELU(α) with the places where its results cross the smallest normal (α·eˣ = 2⁻¹⁰²², αx = −2⁻¹⁰²²)
    /// and underflow (α·eˣ = 2⁻¹⁰⁷⁵), and where the kernel changes form for a huge α (x = −700, −710).
    /// </summary>
    private static (ActivationFunction, Func<double, int, BigFloat>, double[]) Elu(double alpha)
    {
        double magnitude = Math.Abs(alpha);
        double[] crossings =
        [
            Math.Log(Math.ScaleB(1.0, -1022)) - Math.Log(magnitude), Math.Log(Math.ScaleB(1.0, -1074)) - Math.Log(magnitude) - Math.Log(2),
            -Math.ScaleB(1.0, -1022) / magnitude, -700, -710,
        ];
        return (new ELU(alpha), (x, o) => ExactActivations.ELU(alpha, x, o), [.. crossings.Where(c => double.IsFinite(c) && c < 0)]);
    }

    private static IEnumerable<(string Name, int Order, Func<double, double> Scalar, Action<double[], double[]> Span)> Operations(ActivationFunction f)
    {
        yield return ("Fn", 0, f.Fn, (x, d) => f.Fn(x, d));
        yield return ("Grad", 1, f.Grad, (x, d) => f.Grad(x, d));
        yield return ("Grad2", 2, f.Grad2, (x, d) => f.Grad2(x, d));
    }
}
