using System;
using System.Linq;
using Activations.Tests.Reference;
using FluentAssertions;

namespace Activations.Tests.Activations;

/// <summary>SiLU (Swish): x·σ(x); f′ = σ(x)(1 + x(1 − σ(x))); f″ = σ′(x)(2 − x·tanh(x/2)).</summary>
public sealed class SiLUTests
{
    [Theory]
    [InlineData("swish")]
    [InlineData("Swish()")]
    [InlineData("SWISH")]
    [InlineData("silu")]
    [InlineData("Si_LU( )")]
    public void SwishIsAnotherNameOfSiLU(string text)
    {
        ActivationFunction f = ActivationFunction.Parse(text);
        f.Should().BeOfType<SiLU>();
        f.Should().Be(new SiLU());
        f.ToString().Should().Be("SiLU");
    }

    [Theory]
    [InlineData(1.0, 0.7310585786300049, 0.9276705118714867, 0.3023661188100153)]
    [InlineData(-3.0, -0.14227761953270035, -0.08810410601516962, -0.032321404521006174)]
    [InlineData(2.5, 2.310354549946891, 1.0994011113415267, -0.008462156523368855)]
    [InlineData(-20.0, -4.122307236380407e-08, -3.9161918660646786e-08, -3.710076488101912e-08)]
    public void TheReferenceGivesTheCorrectlyRoundedValuesOfTheDefinition(double x, double fn, double grad, double grad2)
    {
        // x·σ(x), σ(x)(1 + x(1 − σ(x))) and σ(x)(1 − σ(x))(2 − x·tanh(x/2)) evaluated in 300-bit arithmetic (mpmath),
        // the textbook forms, independent of the reference's t = e^−|x| rewriting; and the library within 1 ulp of them.
        ExactActivations.SiLU(x, 0).ToDouble().Should().Be(fn);
        ExactActivations.SiLU(x, 1).ToDouble().Should().Be(grad);
        ExactActivations.SiLU(x, 2).ToDouble().Should().Be(grad2);
        var f = new SiLU();
        Relations.UlpsBetween(f.Fn(x), fn).Should().BeLessThanOrEqualTo(1);
        Relations.UlpsBetween(f.Grad(x), grad).Should().BeLessThanOrEqualTo(1);
        Relations.UlpsBetween(f.Grad2(x), grad2).Should().BeLessThanOrEqualTo(1);
    }

    [Fact]
    public void AtTheDoublesBesideTheRootOfTheGradientTheTinyValuesAreRight()
    {
        var f = new SiLU();
        double x = SiLUReference.GradRoot;
        for (int k = 0; k < 4; k++)
        {
            x = Math.BitDecrement(x);
        }

        for (int k = 0; k < 9; k++, x = Math.BitIncrement(x))
        {
            BigFloat exact = ExactActivations.SiLU(x, 1);
            double grad = f.Grad(x);
            Ulp.Error(grad, exact).Should().BeLessThanOrEqualTo(1.0, because: $"SiLU′({x:R}) = {exact.ToDouble():R}, got {grad:R}");
            Math.Abs(grad).Should().BeLessThan(Math.ScaleB(1.0, -49), because: "f′ is within a few ulps of x of its root there");
            Math.Sign(grad).Should().Be(exact.Sign, because: "the sign is that of the exact value (f′ > 0 to the right of the root −1.27846454276107379…)");
            f.Grad((float)x).Should().Be((float)f.Grad((double)(float)x), because: "the float overload is the double kernel's value rounded");
        }
    }

    [Fact]
    public void AtTheDoublesBesideTheRootsOfTheSecondDerivativeTheTinyValuesAreRight()
    {
        var f = new SiLU();
        foreach (double root in new[] { SiLUReference.Grad2Root, -SiLUReference.Grad2Root })
        {
            double x = root;
            for (int k = 0; k < 4; k++)
            {
                x = Math.BitDecrement(x);
            }

            for (int k = 0; k < 9; k++, x = Math.BitIncrement(x))
            {
                BigFloat exact = ExactActivations.SiLU(x, 2);
                double grad2 = f.Grad2(x);
                Ulp.Error(grad2, exact).Should().BeLessThanOrEqualTo(1.0, because: $"SiLU″({x:R}) = {exact.ToDouble():R}, got {grad2:R}");
                Math.Abs(grad2).Should().BeLessThan(Math.ScaleB(1.0, -48), because: "f″ is within a few ulps of x of its root there");
                Math.Sign(grad2).Should().Be(exact.Sign, because: "the sign is that of the exact value (f″ > 0 between the roots ±2.39935728051546766…)");
            }
        }
    }

    [Fact]
    public void TheSecondDerivativeIsEvenBitForBit()
    {
        var f = new SiLU();
        double[] magnitudes = [5e-324, 1e-300, 1e-9, 0.5, 1, 2.2, SiLUReference.Grad2Root, 2.6, 10, 37, 600.5, 714.97, 751.75, 1e10, double.MaxValue, double.PositiveInfinity];
        Relations.ShouldBeEvenBitForBit(f.Grad2, "SiLU″", magnitudes);
    }

    [Fact]
    public void AtPowersOfTwoTheValueIsXTimesTheSigmoidBitForBit()
    {
        // x·σ(x) is formed from the σ pair that Sigmoid rounds; multiplying by 2^k is exact (the results stay
        // normal), so the one rounding of the product is the rounding of σ scaled by 2^k.
        var f = new SiLU();
        var sigmoid = new Sigmoid();
        for (int k = -30; k <= 9; k++)
        {
            foreach (double x in new[] { Math.ScaleB(1.0, k), -Math.ScaleB(1.0, k) })
            {
                f.Fn(x).Should().Be(x * sigmoid.Fn(x), because: $"SiLU({x:R}) = x·σ(x) exactly at a power of two");
            }
        }
    }

    [Fact]
    public void TheTailsAreXAndXTimesTheExponential()
    {
        var f = new SiLU();
        foreach (double x in new[] { 45.0, 50, 600.5, 1e10, 1e300, double.MaxValue })
        {
            f.Fn(x).Should().Be(x, because: $"x·e^−x is below half an ulp of x = {x:R}");
            f.Grad(x).Should().Be(1, because: $"SiLU′({x:R}) = 1 + x·e^−x(…) rounds to 1");
        }

        f.Fn(-751.75).Should().Be(-double.Epsilon, because: "x·eˣ is just above half the smallest subnormal there");
        f.Fn(-751.76).Should().Be(0, because: "x·eˣ is below half the smallest subnormal there");
        double.IsNegative(f.Fn(-751.76)).Should().BeTrue(because: "the underflowed value of x·eˣ < 0 is −0");
        double.IsNegative(f.Fn(double.NegativeInfinity)).Should().BeTrue(because: "SiLU(−∞) = −0, the limit from below");
        double.IsNegative(f.Grad(double.NegativeInfinity)).Should().BeTrue(because: "SiLU′(−∞) = −0, the limit of (1 + x)eˣ");
        double.IsNegative(f.Grad2(double.PositiveInfinity)).Should().BeTrue(because: "SiLU″(+∞) = −0, the limit of (2 − x)e^−x");
        f.Fn(double.PositiveInfinity).Should().Be(double.PositiveInfinity);
        f.Grad(double.PositiveInfinity).Should().Be(1);

        foreach (double x in new[] { -600.5, -700, -714.9686572379665, -730, -745, -751 })
        {
            foreach (int order in new[] { 0, 1, 2 })
            {
                double actual = order switch { 0 => f.Fn(x), 1 => f.Grad(x), _ => f.Grad2(x) };
                BigFloat exact = ExactActivations.SiLU(x, order);
                Ulp.Error(actual, exact).Should().BeLessThanOrEqualTo(0.75, because: $"order {order} at {x:R}: {exact.ToDouble():R}, got {actual:R} (rounded once, a second time only onto the subnormal grid)");
                actual.Should().NotBe(0, because: "the exact value does not underflow there");
            }
        }
    }

    [Fact]
    public void BothZerosKeepTheirSignAndTheSlopeAndCurvatureAreOneHalf()
    {
        var f = new SiLU();
        BitConverter.DoubleToInt64Bits(f.Fn(0.0)).Should().Be(0);
        BitConverter.DoubleToInt64Bits(f.Fn(-0.0)).Should().Be(BitConverter.DoubleToInt64Bits(-0.0), because: "−0·σ(−0) = −0");
        f.Grad(-0.0).Should().Be(0.5);
        f.Grad2(-0.0).Should().Be(0.5);
        f.Fn(1e-300).Should().Be(5e-301, because: "x/2 + x²/4 rounds to x/2");
        f.Fn(5e-324).Should().Be(5e-324, because: "x/2 + x²/4 is a hair above the tie x/2, so it rounds up");
        f.Fn(1.5e-323).Should().Be(1e-323, because: "3·2^−1074/2 + x²/4 rounds up to 2·2^−1074");
        BitConverter.DoubleToInt64Bits(f.Fn(-5e-324)).Should().Be(BitConverter.DoubleToInt64Bits(-0.0), because: "−2^−1075 + x²/4 rounds to −0");
        f.Fn(-1.5e-323).Should().Be(-5e-324, because: "−3·2^−1075 + x²/4 rounds toward zero, to −2^−1074");
    }

    [Fact]
    public void BackwardFormsTheProductWithoutUnderflowingTheGradient()
    {
        var f = new SiLU();
        double[] x = [-740, -800, -751.76, -1000, -800, SiLUReference.GradRoot];
        double[] dy = [1e300, 1e300, 1e300, 1e300, double.PositiveInfinity, 1e300];
        var actual = new double[x.Length];
        f.Backward(x, dy, actual);
        for (int i = 0; i < 4; i++)
        {
            BigFloat exact = ExactActivations.SiLU(x[i], 1) * BigFloat.FromDouble(dy[i]);
            Ulp.Error(actual[i], exact).Should().BeLessThanOrEqualTo(1.0, because: $"dy·f′ at x = {x[i]:R} is {exact.ToDouble():R}, got {actual[i]:R}");
            actual[i].Should().BeLessThan(0, because: "f′ < 0 there, and dy·f′ is a normal number although f′ underflows");
        }

        actual[4].Should().Be(double.NegativeInfinity, because: "∞ times the nonzero f′(−800) < 0");
        Ulp.Error(actual[5], ExactActivations.SiLU(x[5], 1) * BigFloat.FromDouble(dy[5])).Should().BeLessThanOrEqualTo(1.0, because: "beside the root as well");
        f.CanBackwardFromOutput.Should().BeFalse();
        new[] { 0.25, 1e-12 }.Select(v => f.Grad(v)).Should().OnlyContain(g => g > 0.5);
    }
}
