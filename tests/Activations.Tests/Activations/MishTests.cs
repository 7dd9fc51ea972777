using System;
using System.Collections.Generic;
using System.Linq;
using Activations.Tests.Reference;
using FluentAssertions;
using Xunit.Abstractions;

namespace Activations.Tests.Activations;

/// <summary>Mish: x·tanh(softplus(x)); f′ = g + x·σ·(1 − g²); f″ = σ(1 − g²)(2 + x(1 − σ − 2gσ)), g = tanh(softplus(x)).</summary>
public sealed class MishTests(ITestOutputHelper output)
{
    /// <summary>The doubles nearest the root of f′ (r₁) and the two roots of f″ (r₂ &lt; 0 &lt; r₃).</summary>
    private const double R1 = -1.1924312145154952;
    private const double R2 = -2.256376396360793;
    private const double R3 = 1.4905711794854284;

    /// <summary>Inputs around a root: 200 doubles either side, then offsets from 2^−50 to 0.3 (past the polynomial's 1/4).</summary>
    private static IEnumerable<double> Around(double r)
    {
        double up = r;
        double down = r;
        yield return r;
        for (int i = 0; i < 200; i++)
        {
            up = Math.BitIncrement(up);
            down = Math.BitDecrement(down);
            yield return up;
            yield return down;
        }

        for (double d = Math.ScaleB(1.0, -50); d < 0.3; d *= 1.07)
        {
            yield return r + d;
            yield return r - d;
        }
    }

    [Fact]
    public void AtTheRootsTheTinyValuesAreRightToTheLastBit()
    {
        var f = new Mish();
        foreach ((double root, int order, string name) in new[] { (R1, 1, "f′"), (R2, 2, "f″"), (R3, 2, "f″") })
        {
            double worst = 0;
            double worstAt = double.NaN;
            foreach (double x in Around(root))
            {
                double actual = order == 1 ? f.Grad(x) : f.Grad2(x);
                double error = Ulp.Error(actual, ExactActivations.Mish(x, order));
                if (error > worst)
                {
                    worst = error;
                    worstAt = x;
                }
            }

            output.WriteLine($"{name} around {root:R}: worst {worst:F4} ulps at {worstAt:R}");
            worst.Should().BeLessThanOrEqualTo(0.52, because: $"{name} near its root {root:R} is one rounding of a value good to 2^−60 (worst at {worstAt:R})");
        }

        // The values at the doubles nearest the roots are below 1e−16 and correctly rounded.
        foreach ((double x, int order, double expected) in new[] { (R1, 1, 1.2942924e-17), (R2, 2, 1.1640175e-17), (R3, 2, 1.6439376e-17) })
        {
            double actual = order == 1 ? f.Grad(x) : f.Grad2(x);
            actual.Should().Be(ExactActivations.Mish(x, order).ToDouble(), because: $"f^({order})({x:R}) is correctly rounded");
            actual.Should().BeApproximately(expected, expected * 1e-7, because: $"f^({order})({x:R}) ≈ {expected:R}, the exact value to 8 digits");
        }
    }
}
