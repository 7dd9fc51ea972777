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
    /// Every catalogue instance, and the extra instances an activation's reference adds where they reach other
    /// code; each with its exact counterpart and its crossings from the reference (Reference/Exact/&lt;Name&gt;.cs).
    /// </summary>
    private static readonly Dictionary<string, ActivationFunction> Cases =
        AllActivations.Instances
            .Concat(AllActivations.Instances.DistinctBy(f => f.GetType()).SelectMany(f => ActivationReference.For(f).ExtraAccuracyInstances))
            .ToDictionary(f => f.ToString(), StringComparer.Ordinal);

    /// <summary>One line per activation instance.</summary>
    public static TheoryData<string> Activations() =>
        new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Activations))]
    public void EveryDerivativeIsWithinOneUlpOfTheExactValue(string name)
    {
        ActivationFunction f = Cases[name];
        ActivationReference reference = ActivationReference.For(f);
        double[] x = AccuracyPoints.For(reference.Crossings(f));
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
                BigFloat exact = reference.Exact(f, x[i], order);
                double scalarError = Ulp.Error(scalar(x[i]), exact);
                double spanError = Ulp.Error(spanResults[i], exact);
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
                        $"{f}.{op}({x[i]:R}) = {scalar(x[i]):R} (span {spanResults[i]:R}), exact ≈ {exact.ToDouble():R}: {error:G4} ulps"));
                }
            }

            string where = double.IsNaN(worstAt) ? "(every value correctly rounded)" : $"at x = {worstAt:R}";
            report.AppendLine(CultureInfo.InvariantCulture, $"{name,-20} {op,-5} worst {worst,6:F3} ulps {where} ({x.Length} points)");
        }

        output.WriteLine(report.ToString());
        failures.Should().BeEmpty(because: $"every value must be within {MaxUlps} ulp; worst errors:\n{report}");
    }

    private static IEnumerable<(string Name, int Order, Func<double, double> Scalar, Action<double[], double[]> Span)> Operations(ActivationFunction f)
    {
        yield return ("Fn", 0, f.Fn, (x, d) => f.Fn(x, d));
        yield return ("Grad", 1, f.Grad, (x, d) => f.Grad(x, d));
        yield return ("Grad2", 2, f.Grad2, (x, d) => f.Grad2(x, d));
    }
}
