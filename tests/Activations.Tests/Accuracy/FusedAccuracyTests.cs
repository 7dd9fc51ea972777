using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Activations.Tests.Reference;
using FluentAssertions;
using Xunit.Abstractions;

namespace Activations.Tests.Accuracy;

/// <summary>
/// The training-loop operations and the float overloads against the independent reference:
/// Backward (dy·f′(x)) and BackwardFromOutput (dy·g(y)) within 1 ulp of the exact product for
/// doubles, including huge, tiny, zero, infinite and NaN dy, where f′ itself would underflow or
/// overflow; every float result (Fn, Grad, Grad2, Backward, BackwardFromOutput) within
/// 0.5 ulp + 2⁻²⁰ ulp of the exact value at the float inputs. The worst error per operation is printed.
/// </summary>
public sealed class FusedAccuracyTests(ITestOutputHelper output)
{
    private const double MaxUlps = 1.0;

    /// <summary>Correctly rounded but within a hair of a midpoint: 0.5 ulp + 2⁻²⁰ ulp.</summary>
    private static readonly double MaxFloatUlps = 0.5 + Math.ScaleB(1.0, -20);

    /// <summary>dy of every kind: ordinary, huge, tiny, subnormal, signed zeros, infinities, NaN.</summary>
    private static readonly double[] Gradients =
    [
        1, -1, 0.7, -3.1, 1e300, -1e300, 1e-300, -1e-300, double.MaxValue, 5e-324, -5e-324, 2.2250738585072014e-308,
        0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1e-20, 1e20, 123456.789,
    ];

    private static readonly float[] FloatGradients =
    [
        1, -1, 0.7f, -3.1f, 3e38f, -3e38f, 1e-38f, -1e-38f, float.MaxValue, float.Epsilon, -float.Epsilon,
        0.0f, -0.0f, float.PositiveInfinity, float.NegativeInfinity, float.NaN, 1e-20f, 1e20f, 123456.79f,
    ];

    [Theory]
    [MemberData(nameof(AllActivations.Names), MemberType = typeof(AllActivations))]
    public void BackwardIsWithinOneUlpOfTheExactProduct(string name)
    {
        ActivationFunction f = AllActivations.Get(name);
        double[] x = [.. Points(), double.PositiveInfinity, double.NegativeInfinity, double.NaN, 0.0, -0.0];
        double[] dy = [.. Enumerable.Range(0, x.Length).Select(i => Gradients[i % Gradients.Length])];
        var actual = new double[x.Length];
        f.Backward(x, dy, actual);
        Check($"{f}.Backward", x, dy, actual, i => ExactBackward.ExpectedBackward(f, x[i], dy[i]).ErrorOf(actual[i]), MaxUlps);
    }

    [Theory]
    [MemberData(nameof(AllActivations.Names), MemberType = typeof(AllActivations))]
    public void BackwardFromOutputIsWithinOneUlpOfTheExactProduct(string name)
    {
        ActivationFunction f = AllActivations.Get(name);
        if (!f.CanBackwardFromOutput)
        {
            return;
        }

        // The outputs the activation produces, and arbitrary values it does not (the formula in y still applies).
        double[] x = Points();
        double[] y = [.. f.Fn(x), .. x, double.PositiveInfinity, double.NegativeInfinity, double.NaN];
        double[] dy = [.. Enumerable.Range(0, y.Length).Select(i => Gradients[(i * 7) % Gradients.Length])];
        var actual = new double[y.Length];
        f.BackwardFromOutput(y, dy, actual);
        Check($"{f}.BackwardFromOutput", y, dy, actual, i => ExactBackward.ExpectedBackwardFromOutput(f, y[i], dy[i]).ErrorOf(actual[i]), MaxUlps);
    }

    [Theory]
    [MemberData(nameof(AllActivations.NamesAndOperations), MemberType = typeof(AllActivations))]
    public void FloatResultsAreCorrectlyRoundedButNearMidpoints(string name, Operation op)
    {
        ActivationFunction f = AllActivations.Get(name);
        float[] x = FloatPoints(f);
        float[] actual = op switch
        {
            Operation.Fn => f.Fn(x),
            Operation.Grad => f.Grad(x),
            _ => f.Grad2(x),
        };
        int order = (int)op;
        // An exact zero of f, f′ or f″ at a finite x has the sign of the formula's last operation
        // (tanh″(+0) = −2·0·1 = −0): the double suites fix it, this one measures magnitudes.
        Check($"{f}.{op}(float)", x, x, actual, i => ExactValue.Of(ExactBackward.Exact(f, x[i], order)) is { IsZero: true } && actual[i] == 0 ? 0 : ExactValue.Of(ExactBackward.Exact(f, x[i], order)).ErrorOf(actual[i]), MaxFloatUlps);
    }

    [Theory]
    [MemberData(nameof(AllActivations.Names), MemberType = typeof(AllActivations))]
    public void FloatBackwardIsCorrectlyRoundedButNearMidpoints(string name)
    {
        ActivationFunction f = AllActivations.Get(name);
        float[] x = [.. FloatPoints(f), float.PositiveInfinity, float.NegativeInfinity, float.NaN];
        float[] dy = [.. Enumerable.Range(0, x.Length).Select(i => FloatGradients[i % FloatGradients.Length])];
        var actual = new float[x.Length];
        f.Backward(x, dy, actual);
        Check($"{f}.Backward(float)", x, dy, actual, i => ExactBackward.ExpectedBackward(f, x[i], dy[i]).ErrorOf(actual[i]), MaxFloatUlps);
        if (f.CanBackwardFromOutput)
        {
            float[] y = [.. f.Fn(x), .. x];
            float[] dyy = [.. Enumerable.Range(0, y.Length).Select(i => FloatGradients[(i * 7) % FloatGradients.Length])];
            var fromOutput = new float[y.Length];
            f.BackwardFromOutput(y, dyy, fromOutput);
            Check($"{f}.BackwardFromOutput(float)", y, dyy, fromOutput, i => ExactBackward.ExpectedBackwardFromOutput(f, y[i], dyy[i]).ErrorOf(fromOutput[i]), MaxFloatUlps);
        }
    }

    private void Check<T>(string what, T[] a, T[] b, T[] actual, Func<int, double> error, double bound)
        where T : IFormattable
    {
        double worst = 0;
        int worstAt = -1;
        var failures = new List<string>();
        for (int i = 0; i < a.Length; i++)
        {
            double e = error(i);
            if (!(e <= worst))
            {
                worst = e;
                worstAt = i;
            }

            if (!(e <= bound) && failures.Count < 20)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{what} at ({a[i]:R}, {b[i]:R}) = {actual[i]:R}: {e:G4} ulps"));
            }
        }

        string where = worstAt < 0 ? "(every value correctly rounded)" : string.Create(CultureInfo.InvariantCulture, $"at ({a[worstAt]:R}, {b[worstAt]:R})");
        output.WriteLine($"{what,-45} worst {worst,8:F6} ulps {where} ({a.Length} points)");
        failures.Should().BeEmpty(because: $"every value must be within {bound} ulp");
    }

    /// <summary>Every third accuracy point (the reference is slow), plus the thresholds' neighbourhoods, which the stride keeps.</summary>
    private static double[] Points() =>
        [.. AccuracyPoints.For([]).Where((_, i) => i % 3 == 0).Concat(AccuracyPoints.Thresholds).Distinct()];

    /// <summary>
    /// The accuracy points that are floats (rounded), plus float thresholds (overflow, underflow and
    /// subnormals) and the activation's own crossings (its roots and where its kernels change regime),
    /// each with the floats a few ulps either side.
    /// </summary>
    private static float[] FloatPoints(ActivationFunction f)
    {
        double[] crossings = ActivationReference.For(f).Crossings(f);
        var points = new List<float>(Points().Concat(AccuracyPoints.For(crossings).Where((_, i) => i % 3 == 0)).Select(v => (float)v).Where(float.IsFinite));
        foreach (float c in crossings.Select(v => (float)v))
        {
            points.AddRange(FloatNeighbours.Around(c, 4));
        }

        foreach (float t in new[] { 88.72284f, -87.33655f, -103.27893f, -103.97208f, 15.942385f, -9.010913f, 1e-30f, 1.17549435e-38f, float.Epsilon, float.MaxValue })
        {
            float up = t;
            float down = t;
            for (int k = 0; k < 4; k++)
            {
                points.Add(up);
                points.Add(-down);
                up = MathF.BitIncrement(up);
                down = MathF.BitDecrement(down);
            }
        }

        var random = new Random(20261201);
        for (int i = 0; i < 1500; i++)
        {
            points.Add((float)((random.NextDouble() - 0.5) * 60));
        }

        return [.. points.Where(float.IsFinite).Distinct()];
    }
}
