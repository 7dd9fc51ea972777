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
/// Every Fn, Grad and Grad2 within 2 ulps of the exact value, computed by the independent
/// arbitrary-precision reference in <c>Reference/</c>, on thousands of points per function —
/// through the scalar and the span overloads. The worst error per function is printed.
/// </summary>
public sealed class AccuracyTests(ITestOutputHelper output)
{
    private const double MaxUlps = 2.0;

    /// <summary>One line per activation: the instance and its exact counterpart.</summary>
    public static TheoryData<string> Activations() =>
        new(Cases.Keys);

    private static readonly Dictionary<string, (ActivationFunction Function, Func<double, int, BigFloat> Exact, double[] Crossings)> Cases = new()
    {
        ["Affine(1, 0)"] = (new Affine(), (x, o) => ExactActivations.Affine(1, 0, x, o), []),
        ["Affine(2, -1)"] = (new Affine(2, -1), (x, o) => ExactActivations.Affine(2, -1, x, o), [0.5]),
        ["Affine(-0.3, 0.001)"] = (new Affine(-0.3, 0.001), (x, o) => ExactActivations.Affine(-0.3, 0.001, x, o), [0.001 / 0.3]),
        ["Affine(3.7, 1e-300)"] = (new Affine(3.7, 1e-300), (x, o) => ExactActivations.Affine(3.7, 1e-300, x, o), [-1e-300 / 3.7]),
        ["ELU(1)"] = (new ELU(), (x, o) => ExactActivations.ELU(1, x, o), []),
        ["ELU(0.5)"] = (new ELU(0.5), (x, o) => ExactActivations.ELU(0.5, x, o), []),
        ["ELU(2.7)"] = (new ELU(2.7), (x, o) => ExactActivations.ELU(2.7, x, o), []),
        ["Exponential"] = (new Exponential(), ExactActivations.Exponential, []),
        ["HardSigmoid"] = (new HardSigmoid(), ExactActivations.HardSigmoid, []),
        ["Identity"] = (new Identity(), ExactActivations.Identity, []),
        ["LeakyReLU(0.3)"] = (new LeakyReLU(), (x, o) => ExactActivations.LeakyReLU(0.3, x, o), []),
        ["LeakyReLU(0.01)"] = (new LeakyReLU(0.01), (x, o) => ExactActivations.LeakyReLU(0.01, x, o), []),
        ["ReLU"] = (new ReLU(), ExactActivations.ReLU, []),
        ["SELU"] = (new SELU(), ExactActivations.SELU, []),
        ["Sigmoid"] = (new Sigmoid(), ExactActivations.Sigmoid, []),
        ["SoftPlus"] = (new SoftPlus(), ExactActivations.SoftPlus, []),
        ["Tanh"] = (new Tanh(), ExactActivations.Tanh, []),
    };

    [Theory]
    [MemberData(nameof(Activations))]
    public void EveryDerivativeIsWithinTwoUlpsOfTheExactValue(string name)
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
        failures.Should().BeEmpty(because: $"every value must be within {MaxUlps} ulps; worst errors:\n{report}");
    }

    private static IEnumerable<(string Name, int Order, Func<double, double> Scalar, Action<double[], double[]> Span)> Operations(ActivationFunction f)
    {
        yield return ("Fn", 0, f.Fn, (x, d) => f.Fn(x, d));
        yield return ("Grad", 1, f.Grad, (x, d) => f.Grad(x, d));
        yield return ("Grad2", 2, f.Grad2, (x, d) => f.Grad2(x, d));
    }
}
