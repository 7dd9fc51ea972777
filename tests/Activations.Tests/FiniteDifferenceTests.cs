using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Activations.Tests.Reference;
using FluentAssertions;

namespace Activations.Tests;

/// <summary>
/// Grad is the derivative of Fn and Grad2 the derivative of Grad: each is compared with a central
/// difference of the other at well-conditioned points, away from every branch point (each activation's reference lists its kinks: 0 for the
/// piecewise activations, ±2.5 for HardSigmoid), so the difference never straddles a kink.
/// </summary>
public sealed class FiniteDifferenceTests
{
    /// <summary>
    /// The central difference D = (g(x + h) − g(x − h)) / 2h of a smooth g differs from g′(x) by
    /// a truncation error h²·|g‴(ξ)|/6 plus a rounding error: each of the two values is within
    /// 2 ulps (≤ 4.4e−16·|g|), the step and its width are exact (see <see cref="CentralDifference"/>),
    /// so the rounding error is at most 4.4e−16·|g|/h. Relative to g′, with h = 1e−5·max(1, |x|)
    /// ≤ 5e−5 on the points below (|x| ≤ 5):
    /// truncation ≤ 4.2e−10·|g‴/g′|, and |g‴/g′| ≤ 8 for every function here (exp: 1; the
    /// derivatives of tanh and σ: a few units), so ≤ 4e−9;
    /// rounding ≤ 4.4e−16·|g/g′|/h, worst for Tanh at x = 5 where |g/g′| = cosh²5 ≈ 5.5e3 and
    /// h = 5e−5, so ≤ 5e−8.
    /// A relative tolerance of 1e−6 leaves a margin of 20 and still catches a wrong formula, whose
    /// error is of the order of the derivative itself. Where the derivative is exactly 0 the
    /// tolerance is 0, and the difference of a constant is exactly 0 too.
    /// </summary>
    private const double RelativeTolerance = 1e-6;

    /// <summary>|x| in [0.1, 5], both signs; none within 0.1 of a branch point.</summary>
    private static readonly double[] Points =
    [
        .. new[] { 0.1, 0.173, 0.25, 0.5, 0.75, 1, 1.3, 1.5, 2, 2.3, 2.7, 3, 3.5, 4, 4.6, 5 }.SelectMany(x => new[] { x, -x }),
    ];

    [Theory]
    [MemberData(nameof(AllActivations.Names), MemberType = typeof(AllActivations))]
    public void GradIsTheDerivativeOfFn(string name)
    {
        ActivationFunction f = AllActivations.Get(name);
        CheckDerivative(f, f.Fn, f.Grad, "Grad", "Fn", x => IsExactlyX(f, x));
    }

    [Theory]
    [MemberData(nameof(AllActivations.Names), MemberType = typeof(AllActivations))]
    public void Grad2IsTheDerivativeOfGrad(string name)
    {
        ActivationFunction f = AllActivations.Get(name);
        CheckDerivative(f, f.Grad, f.Grad2, "Grad2", "Grad", _ => false);
    }

    /// <summary>Compares <paramref name="derivative"/> with the central difference of <paramref name="g"/> at every well-conditioned point.</summary>
    /// <param name="exact">Where the difference is exact, so the tolerance is 0.</param>
    private static void CheckDerivative(
        ActivationFunction f, Func<double, double> g, Func<double, double> derivative, string derivativeName, string functionName, Func<double, bool> exact)
    {
        var failures = new List<string>();
        foreach (double x in Points.Where(x => IsWellConditioned(f, x)))
        {
            double expected = derivative(x);
            double difference = CentralDifference(g, x);
            double tolerance = exact(x) ? 0 : RelativeTolerance * Math.Abs(expected);
            if (!(Math.Abs(difference - expected) <= tolerance))
            {
                failures.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"x = {x:R}: {derivativeName} = {expected:R}, central difference of {functionName} = {difference:R}"));
            }
        }

        failures.Should().BeEmpty(because: $"{f}.{derivativeName} must be the derivative of {f}.{functionName} within a relative {RelativeTolerance:G}");
    }

    /// <summary>
    /// (g(x + h) − g(x − h)) / ((x + h) − (x − h)): dividing by the width of the rounded step,
    /// which is exact (the two ends are within a factor of 2 of each other), removes the error
    /// of representing x ± h.
    /// </summary>
    private static double CentralDifference(Func<double, double> g, double x)
    {
        double h = 1e-5 * Math.Max(1, Math.Abs(x));
        double above = x + h;
        double below = x - h;
        return (g(above) - g(below)) / (above - below);
    }

    /// <summary>
    /// Where f(x) = x exactly at both ends of the step (by the exact reference: Identity and Affine(1, 0) everywhere;
    /// ReLU, LeakyReLU and ELU for x &gt; 0): a faithfully rounded f returns them unchanged, so the central
    /// difference is (above − below)/(above − below) = 1 with no rounding at all.
    /// </summary>
    private static bool IsExactlyX(ActivationFunction f, double x)
    {
        double h = 1e-5 * Math.Max(1, Math.Abs(x));
        ActivationReference reference = ActivationReference.For(f);
        return new[] { x + h, x - h }.All(t => reference.Exact(f, t, 0) == BigFloat.FromDouble(t));
    }

    /// <summary>Excludes the points within 0.1 of a kink of f, f′ or f″ (from the activation's reference); |x| ≥ 0.1 here.</summary>
    private static bool IsWellConditioned(ActivationFunction f, double x) =>
        ActivationReference.For(f).Kinks(f).All(kink => Math.Abs(x - kink) >= 0.1);
}
