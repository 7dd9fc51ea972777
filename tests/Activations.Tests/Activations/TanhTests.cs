using System;
using System.Linq;
using FluentAssertions;

namespace Activations.Tests.Activations;

/// <summary>Tanh: tanh x; f′ = 1 − tanh²x; f″ = −2 tanh x (1 − tanh²x).</summary>
public sealed class TanhTests
{
    /// <summary>Positive inputs: subnormal, tiny, moderate, saturating and huge.</summary>
    private static readonly double[] Magnitudes =
    [
        double.Epsilon, 1e-310, 1e-300, 1e-20, 1e-10, 1e-8, 0.001, 0.1, 0.3, 0.5, 0.55, 1, 1.5, 2, 3.3, 5, 7.77, 10,
        15, 19, 19.1, 20, 30, 50, 100, 354, 400, 1e10, 1e300, double.MaxValue,
    ];

    [Fact]
    public void ExactValuesAtZero()
    {
        var f = new Tanh();
        BitConverter.DoubleToInt64Bits(f.Fn(0.0)).Should().Be(BitConverter.DoubleToInt64Bits(0.0), because: "tanh(+0) = +0");
        BitConverter.DoubleToInt64Bits(f.Fn(-0.0)).Should().Be(BitConverter.DoubleToInt64Bits(-0.0), because: "tanh is odd: tanh(−0) = −0");
        foreach (double zero in new[] { 0.0, -0.0 })
        {
            f.Grad(zero).Should().Be(1, because: "tanh′(0) = 1");
            f.Grad2(zero).Should().Be(0, because: "tanh″(0) = 0");
        }
    }

    [Fact]
    public void IsOddBitForBit() => Relations.ShouldBeOddBitForBit(new Tanh().Fn, "tanh", Magnitudes);

    [Fact]
    public void FirstDerivativeIsEvenBitForBit() => Relations.ShouldBeEvenBitForBit(new Tanh().Grad, "tanh′", Magnitudes);

    [Fact]
    public void SecondDerivativeIsOddBitForBit() => Relations.ShouldBeOddBitForBit(new Tanh().Grad2, "tanh″", Magnitudes);

    [Fact]
    public void TinyArgumentsAreLinear()
    {
        // tanh x = x(1 − x²/3 + …) and 1 − tanh²x = 1 − x² + …: for |x| ≤ 1e−10 the corrections are
        // below 1e−20 relative, far under half an ulp.
        var f = new Tanh();
        foreach (double x in Magnitudes.Where(x => x <= 1e-10))
        {
            BitConverter.DoubleToInt64Bits(f.Fn(x)).Should().Be(BitConverter.DoubleToInt64Bits(x), because: $"tanh({x:R}) = x to the last bit");
            f.Grad(x).Should().Be(1, because: $"tanh′({x:R}) rounds to 1");
        }
    }

    [Fact]
    public void LargeArgumentsSaturate()
    {
        // 1 − tanh x = 2/(e²ˣ + 1) < 2e⁻²ˣ, below half an ulp of 1 (2⁻⁵⁴) once x > 19.1.
        var f = new Tanh();
        foreach (double x in Magnitudes.Where(x => x >= 19.1))
        {
            f.Fn(x).Should().Be(1, because: $"tanh({x:R}) rounds to 1");
        }

        // tanh′(x) = 4/(eˣ + e⁻ˣ)² < 4e⁻²ˣ underflows to 0 once 4e⁻²ˣ is below half the smallest subnormal (x > 373.2).
        foreach (double x in Magnitudes.Where(x => x >= 400))
        {
            f.Grad(x).Should().Be(0, because: $"tanh′({x:R}) underflows to 0");
            f.Grad2(x).Should().Be(-0.0, because: $"tanh″({x:R}) underflows to 0");
        }
    }

    [Fact]
    public void DerivativesHaveTheirSigns()
    {
        // Up to where tanh′ underflows (x ≈ 373).
        var f = new Tanh();
        foreach (double x in Magnitudes.Where(x => x is >= 1e-300 and <= 354))
        {
            f.Grad(x).Should().BePositive(because: $"tanh′({x:R}) > 0 while it does not underflow");
            f.Grad2(x).Should().BeNegative(because: $"tanh″({x:R}) < 0 for x > 0");
        }
    }

    [Fact]
    public void IsStrictlyIncreasingBetweenMinusOneAndOne() =>
        Relations.ShouldIncreaseWithin(new Tanh().Fn, "tanh", [.. Enumerable.Range(0, 301).Select(i => -15 + (i * 0.1))], strictly: true, -1, 1);
}
