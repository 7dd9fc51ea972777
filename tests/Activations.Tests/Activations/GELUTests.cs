using System;
using System.Linq;
using Activations.Tests.Reference;
using FluentAssertions;

namespace Activations.Tests.Activations;

/// <summary>GELU: x·Φ(x) and its tanh approximation x·σ(2√(2/π)(x + 0.044715x³)), each with its own exact derivatives.</summary>
public sealed class GELUTests
{
    private static readonly double[] Inputs =
    [
        0.0, -0.0, 5e-324, -5e-324, 1e-300, -1e-300, 8.673617379884035e-19, -8.673617379884035e-19, 1e-8, -1e-8, 0.5, -0.5,
        -0.7524614220710163, -0.7518, 1, -1, 1.4142135623730951, -1.4142135623730951, 1.4185040087908283, -1.4185040087908283,
        3.3, -3.3, 7.2, -7.2, 10, -10, 17, -17, 19.97, -19.97, 21.5, -21.5, 25, -25, 30, -30, 38.5, -38.5, 40, -40,
        1e10, -1e10, 1e300, -1e300, double.MaxValue, double.MinValue, double.PositiveInfinity, double.NegativeInfinity,
    ];

    /// <summary>(x, f, f′, f″) of the approximation, from (x/2)(1 + tanh(√(2/π)(x + 0.044715x³))) and its numerical derivatives in 300-bit arithmetic, rounded.</summary>
    public static TheoryData<double, double, double, double> ApproximateValues => new()
    {
        { 1.0, 0.8411919906082767, 1.0829640838457826, 0.24214819798377296 },
        { -3.0, -0.003637392081773019, -0.011584166630969726, -0.031767658886074704 },
        { 0.5, 0.34571400982514394, 0.8673699035346423, 0.6155068951159849 },
        { -0.7524614220710163, -0.17004075057125406, -1.5647455740893692e-17, 0.4304000910248585 },
        { 1.4185040087908283, 1.3075985281405251, 1.1289930686587717, 3.312948965428756e-17 },
        { -1.4185040087908283, -0.11090548065030306, -0.12899306865877178, 3.312948965428756e-17 },
        { -10.0, -1.204092348209806e-37, -2.7576380638540315e-36, -6.263930626022879e-35 },
    };

    [Theory]
    [MemberData(nameof(ApproximateValues))]
    public void TheApproximationsReferenceAndKernelsGiveThePublishedDigits(double x, double fn, double grad, double grad2)
    {
        ExactActivations.GeluApproximate(x, 0).ToDouble().Should().Be(fn);
        ExactActivations.GeluApproximate(x, 1).ToDouble().Should().Be(grad);
        ExactActivations.GeluApproximate(x, 2).ToDouble().Should().Be(grad2);
        var f = new GELU();
        Relations.UlpsBetween(f.Fn(x), fn).Should().BeLessThanOrEqualTo(1, because: $"GELU({x:R})");
        Relations.UlpsBetween(f.Grad(x), grad).Should().BeLessThanOrEqualTo(1, because: $"GELU′({x:R})");
        Relations.UlpsBetween(f.Grad2(x), grad2).Should().BeLessThanOrEqualTo(1, because: $"GELU″({x:R})");
    }

    /// <summary>(x, f, f′, f″) of the exact form, from (x/2)(1 + erf(x/√2)) and its numerical derivatives in 300-bit arithmetic, rounded.</summary>
    public static TheoryData<double, double, double, double> ExactValues => new()
    {
        { 1.0, 0.8413447460685429, 1.0833154705876864, 0.24197072451914334 },
        { -3.0, -0.0040496940948902835, -0.011945647204183927, -0.03102293888356605 },
        { 0.5, 0.34573123063700656, 0.8674951246561629, 0.6161143218375241 },
        { -0.7517915246935645, -0.16997120747990366, -6.453751729367753e-18, 0.4314939923140469 },
        { 1.4142135623730951, 1.3029862263925718, 1.1289041451851547, -4.012965934178287e-17 },
        { -10.0, -7.619853024160526e-23, -7.618400096464814e-22, -7.540706654172292e-21 },
    };

    [Theory]
    [MemberData(nameof(ExactValues))]
    public void TheExactFormsKernelsGiveThePublishedDigits(double x, double fn, double grad, double grad2)
    {
        var f = new GELU(approximate: false);
        Relations.UlpsBetween(f.Fn(x), fn).Should().BeLessThanOrEqualTo(1, because: $"GELU({x:R})");
        Relations.UlpsBetween(f.Grad(x), grad).Should().BeLessThanOrEqualTo(1, because: $"GELU′({x:R})");
        Relations.UlpsBetween(f.Grad2(x), grad2).Should().BeLessThanOrEqualTo(1, because: $"GELU″({x:R})");
    }

    [Fact]
    public void TheTwoFormsDifferByTheApproximationsErrorOnly()
    {
        // The tanh form is within 5e−4 of x·Φ(x) on the whole line (its largest error is near |x| = 2).
        var approximate = new GELU();
        var exact = new GELU(approximate: false);
        foreach (double x in Enumerable.Range(-800, 1601).Select(i => i * 0.01))
        {
            Math.Abs(approximate.Fn(x) - exact.Fn(x)).Should().BeLessThan(5e-4, because: $"the forms agree closely at {x:R}");
        }

        approximate.Fn(1).Should().NotBe(exact.Fn(1));
        approximate.Grad2(0).Should().Be(exact.Grad2(0), because: "f″(0) = √(2/π) in both forms");
    }

    [Fact]
    public void TheReferencesSqrtTwoOverPiSquaredTimesPiIsTwo()
    {
        // π to 110 digits (published), independent of the reference's √(2/π).
        BigFloat pi = BigFloat.Divide(
            BigFloat.FromInteger(System.Numerics.BigInteger.Parse("31415926535897932384626433832795028841971693993751058209749445923078164062862089986280348253421170679821480865", System.Globalization.CultureInfo.InvariantCulture)),
            BigFloat.FromInteger(System.Numerics.BigInteger.Pow(10, 109)),
            400);
        BigFloat s = ExactActivations.GeluSqrtTwoOverPi;
        BigFloat residual = (s * s * pi) - BigFloat.Two;
        (residual.IsZero || residual.Magnitude < -310).Should().BeTrue(because: "√(2/π)²·π = 2 to the digits given");
    }

    [Fact]
    public void TheApproximationsReferenceSatisfiesTheReflections()
    {
        // f − x/2 is even: f(x) − f(−x) = x, f′(x) + f′(−x) = 1, f″(x) = f″(−x); the reference computes x ≥ 0 and x < 0
        // by different formulas (1/(1 + t) against t/(1 + t), a sum against a difference).
        foreach (double x in new[] { 1e-300, 1e-8, 0.3, 0.7524614220710163, 1, 1.4185040087908283, 2.5, 6, 11.5 })
        {
            BigFloat fn = ExactActivations.GeluApproximate(x, 0) - ExactActivations.GeluApproximate(-x, 0) - BigFloat.FromDouble(x);
            BigFloat grad = ExactActivations.GeluApproximate(x, 1) + ExactActivations.GeluApproximate(-x, 1) - BigFloat.One;
            BigFloat grad2 = ExactActivations.GeluApproximate(x, 2) - ExactActivations.GeluApproximate(-x, 2);
            foreach ((string what, BigFloat residual, long scale) in new[] { ("f", fn, BigFloat.FromDouble(x).Magnitude), ("f′", grad, 1L), ("f″", grad2, 1L) })
            {
                (residual.IsZero || residual.Magnitude < scale - 230).Should().BeTrue(because: $"the reflection of {what} holds at {x:R}");
            }
        }
    }

    [Fact]
    public void TheDerivativeChangesSignAtItsZeroAndTheSecondAtItsTwo()
    {
        var f = new GELU();
        double r1 = -0.7524614220710163;    // below the zero −0.75246142207101622…
        f.Grad(r1).Should().BeNegative();
        f.Grad(Math.BitIncrement(r1)).Should().BePositive();
        f.Grad(Math.BitDecrement(r1)).Should().BeLessThan(f.Grad(r1));
        double r2 = 1.4185040087908283;     // below the zero 1.41850400879082836…
        foreach (double sign in new[] { 1.0, -1.0 })
        {
            f.Grad2(sign * r2).Should().BePositive();
            f.Grad2(sign * Math.BitIncrement(r2)).Should().BeNegative();
        }
    }

    [Fact]
    public void TheTailsAreXOneAndMinusZero()
    {
        var f = new GELU();
        foreach (double x in new[] { 7.2, 7.5, 10, 19.97, 25, 31, 1e10, 1e300, double.MaxValue, double.PositiveInfinity })
        {
            BitConverter.DoubleToInt64Bits(f.Fn(x)).Should().Be(BitConverter.DoubleToInt64Bits(x), because: $"GELU({x:R}) = x to the last bit");
        }

        foreach (double x in new[] { 7.5, 10, 19.97, 25, 1e300, double.PositiveInfinity })
        {
            f.Grad(x).Should().Be(1, because: $"GELU′({x:R}) rounds to 1");
        }

        foreach (double x in new[] { -21.6, -22, -30, -1e300, double.MinValue, double.NegativeInfinity })
        {
            double.IsNegative(f.Fn(x)).Should().BeTrue(because: $"GELU({x:R}) underflows to −0");
            f.Fn(x).Should().Be(0);
            double.IsNegative(f.Grad(x)).Should().BeTrue(because: $"GELU′({x:R}) underflows to −0");
            f.Grad(x).Should().Be(0);
        }

        foreach (double x in new[] { -21.7, 21.7, -30, 30, 1e300, double.MaxValue, double.NegativeInfinity, double.PositiveInfinity })
        {
            double.IsNegative(f.Grad2(x)).Should().BeTrue(because: $"GELU″({x:R}) underflows to −0");
            f.Grad2(x).Should().Be(0);
        }

        f.Fn(-21.5).Should().BeNegative(because: "x·e^b(x) is still a subnormal at −21.5");
        f.Fn(-21.55).Should().Be(0);
        f.Grad(-21.55).Should().BeNegative(because: "(1 − w)·e^−b is still a subnormal at −21.55");
    }

    [Fact]
    public void TheDefaultIsTheApproximationAsInNumpyMl()
    {
        new GELU().Approximate.Should().BeTrue();
        new GELU(approximate: false).Approximate.Should().BeFalse();
        ActivationFunction.Parse("gelu").Should().Be(new GELU());
        ActivationFunction.Parse("GELU(approximate=True)").Should().Be(new GELU(approximate: true));
        ActivationFunction.Parse("gelu(approximate=false)").Should().Be(new GELU(approximate: false));
        ActivationFunction.Parse("GeLU(APPROXIMATE=FALSE)").ToString().Should().Be("GELU(approximate=False)");
        new GELU().CanBackwardFromOutput.Should().BeFalse();
    }

    [Fact]
    public void EveryOverloadAgreesOnTheSpecialInputs()
    {
        foreach (var f in new[] { new GELU(), new GELU(approximate: false) })
        {
            double[] fn = f.Fn(Inputs);
            double[] grad = f.Grad(Inputs);
            double[] grad2 = f.Grad2(Inputs);
            for (int i = 0; i < Inputs.Length; i++)
            {
                BitConverter.DoubleToInt64Bits(fn[i]).Should().Be(BitConverter.DoubleToInt64Bits(f.Fn(Inputs[i])));
                BitConverter.DoubleToInt64Bits(grad[i]).Should().Be(BitConverter.DoubleToInt64Bits(f.Grad(Inputs[i])));
                BitConverter.DoubleToInt64Bits(grad2[i]).Should().Be(BitConverter.DoubleToInt64Bits(f.Grad2(Inputs[i])));
            }

            var dy = Inputs.Select((_, i) => i % 3 == 0 ? 1e300 : i % 3 == 1 ? -2.5 : 1e-300).ToArray();
            var backward = new double[Inputs.Length];
            f.Backward(Inputs, dy, backward);
            backward.Select(double.IsNaN).Should().Equal(Inputs.Select(_ => false), because: "dy·f′ is a number for every finite dy");
        }
    }
}
