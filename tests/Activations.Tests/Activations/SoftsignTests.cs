using System;
using System.Linq;
using Activations.Tests.Reference;
using FluentAssertions;

namespace Activations.Tests.Activations;

/// <summary>Softsign: x/(1 + |x|); f′ = 1/(1 + |x|)²; f″ = −2·sign(x)/(1 + |x|)³.</summary>
public sealed class SoftsignTests
{
    private static readonly double[] Magnitudes =
    [
        5e-324, 1e-310, 1e-300, 8.673617379884035e-19, 1e-17, 1e-8, 0.1, 0.5, 1, 3, 1e10, 9007199254740992, 18014398509481983,
        1152921504606846976, 1.2e18, 1e100, 1e200, 1e300, double.MaxValue,
    ];

    [Fact]
    public void FnIsOddAndGradIsEven()
    {
        var f = new Softsign();
        Relations.ShouldBeOddBitForBit(f.Fn, "Softsign", Magnitudes);
        Relations.ShouldBeEvenBitForBit(f.Grad, "Softsign′", Magnitudes);
        Relations.ShouldBeOddBitForBit(f.Grad2, "Softsign″", Magnitudes);
    }

    [Fact]
    public void SimpleValuesAreExact()
    {
        var f = new Softsign();
        f.Fn(1.0).Should().Be(0.5, because: "1/(1 + 1) = 1/2");
        f.Fn(-3.0).Should().Be(-0.75, because: "−3/(1 + 3) = −3/4");
        f.Grad(1.0).Should().Be(0.25, because: "1/(1 + 1)² = 1/4");
        f.Grad(-3.0).Should().Be(0.0625, because: "1/(1 + 3)² = 1/16");
        f.Grad2(1.0).Should().Be(-0.25, because: "−2/(1 + 1)³ = −1/4");
        f.Grad2(-1.0).Should().Be(0.25, because: "2/(1 + 1)³ = 1/4");
        f.Grad2(0.0).Should().Be(2, because: "f″(+0) is taken from the x ≤ 0 side");
        f.Grad2(-0.0).Should().Be(2, because: "f″(−0) is taken from the x ≤ 0 side");
    }

    [Fact]
    public void TheDenominatorIsNotRoundedBeforeTheDivision()
    {
        // At x = 2^53 + 2, 1 + x rounds to 2^53 + 4, and x over that would round to 1 − 2^−52; the exact
        // value 1 − 1/(2^53 + 3) is a hair above 1 − 2^−53, the double just below 1.
        var f = new Softsign();
        double x = 9007199254740994;
        f.Fn(x).Should().Be(Math.BitDecrement(1.0), because: "x/(1 + x) with 1 + x exact rounds below 1");
        f.Fn(Math.ScaleB(1.0, 54) - 2).Should().Be(Math.BitDecrement(1.0), because: "1/(1 + x) = 2^−54/(1 − 2^−54) is just above the midpoint below 1");
        f.Fn(Math.ScaleB(1.0, 54)).Should().Be(1, because: "1/(1 + x) < 2^−54 rounds to 1");
        f.Fn(double.PositiveInfinity).Should().Be(1);
        f.Fn(double.NegativeInfinity).Should().Be(-1);
    }

    [Fact]
    public void HugeInputsNeitherOverflowNorUnderflowEarly()
    {
        var f = new Softsign();
        (double X, int Order, string Because)[] cases =
        [
            (1e150, 1, "(1 + 1e150)² is 1e300, within range"),
            (2e154, 1, "1/(1 + 2e154)² ≈ 2.5e−309 is subnormal, not 0"),
            (1e100, 2, "(1 + 1e100)³ would overflow in doubles"),
            (-1e103, 2, "2/(1 + 1e103)³ ≈ 2e−309 is subnormal, not 0"),
            (double.MaxValue, 1, "the largest input: the true value underflows to 0"),
        ];
        foreach ((double x, int order, string because) in cases)
        {
            double actual = order == 1 ? f.Grad(x) : f.Grad2(x);
            Ulp.Error(actual, ExactActivations.Softsign(x, order)).Should().BeLessThanOrEqualTo(0.75, because: $"{because} (f^({order})({x:R}) = {actual:R})");
        }

        f.Grad(2e154).Should().BeGreaterThan(0, because: "1/(1 + 2e154)² is a subnormal number");
        f.Grad(1e200).Should().Be(0, because: "1/(1 + 1e200)² ≈ 1e−400 underflows to 0 (correct rounding)");
        double.IsNegative(f.Grad2(1e200)).Should().BeTrue(because: "−2/(1 + 1e200)³ underflows to −0");
        double.IsNegative(f.Grad2(double.PositiveInfinity)).Should().BeTrue(because: "f″(+∞) = −0, the limit from below");
        double.IsNegative(f.Grad2(double.NegativeInfinity)).Should().BeFalse(because: "f″(−∞) = +0");
    }

    [Fact]
    public void BackwardIsTheExactProductRoundedOnce()
    {
        var f = new Softsign();
        double[] x = [1e200, -1e200, double.MaxValue, 1e200, 1e154, 3, double.PositiveInfinity, double.NegativeInfinity, 1e300, 2];
        double[] dy = [1e300, -1e300, double.MaxValue, double.PositiveInfinity, 1e-300, 5e-324, 1.5, double.PositiveInfinity, double.NegativeInfinity, 0.0];
        var actual = new double[x.Length];
        f.Backward(x, dy, actual);
        actual[0].Should().BeApproximately(1e-100, 1e-113, because: "1e300/(1 + 1e200)² ≈ 1e−100, not 0");
        for (int i = 0; i < x.Length; i++)
        {
            ExactValue expected = ExactBackward.ExpectedBackward(f, x[i], dy[i]);
            expected.ErrorOf(actual[i]).Should().BeLessThanOrEqualTo(0.75, because: $"dy·f′ at x = {x[i]:R}, dy = {dy[i]:R}: {actual[i]:R}");
        }

        actual[3].Should().Be(double.PositiveInfinity, because: "f′(1e200) underflows but is not 0, so ∞·f′ = ∞");
        double.IsNaN(actual[7]).Should().BeTrue(because: "f′(−∞) = 0 exactly, and ∞·0 is NaN");
        actual[6].Should().Be(0, because: "1.5·f′(∞) = 1.5·0");
    }

    [Fact]
    public void ValueIncreasesWithinMinusOneAndOne()
    {
        var f = new Softsign();
        double[] grid = [.. Enumerable.Range(-3000, 6001).Select(i => i * 0.01), .. Magnitudes];
        Array.Sort(grid);
        Relations.ShouldIncreaseWithin(f.Fn, "Softsign", grid, strictly: false, low: -1, high: 1);
    }
}
