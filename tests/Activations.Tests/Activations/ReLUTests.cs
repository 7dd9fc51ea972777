using System;
using FluentAssertions;

namespace Activations.Tests.Activations;

/// <summary>ReLU: x if x &gt; 0 else 0; f′ = 1 if x &gt; 0 else 0 (so ReLU′(0) = 0); f″ = 0.</summary>
public sealed class ReLUTests
{
    private static readonly double[] Positive = [double.Epsilon, 1e-300, 0.1, 1, 2.5, 1e300, double.MaxValue, double.PositiveInfinity];

    private static readonly double[] NotPositive = [-0.0, 0.0, -double.Epsilon, -1e-300, -0.1, -1, -1e300, double.MinValue, double.NegativeInfinity];

    [Fact]
    public void PositiveInputsPassThroughBitForBit()
    {
        var f = new ReLU();
        foreach (double x in Positive)
        {
            BitConverter.DoubleToInt64Bits(f.Fn(x)).Should().Be(BitConverter.DoubleToInt64Bits(x), because: $"ReLU({x:R}) = x for x > 0");
            f.Grad(x).Should().Be(1, because: $"ReLU′({x:R}) = 1 for x > 0");
        }
    }

    [Fact]
    public void ZeroAndNegativeInputsGivePositiveZero()
    {
        var f = new ReLU();
        foreach (double x in NotPositive)
        {
            BitConverter.DoubleToInt64Bits(f.Fn(x)).Should().Be(0L, because: $"ReLU({x:R}) is the constant 0 (+0) for x ≤ 0");
            f.Grad(x).Should().Be(0, because: $"ReLU′({x:R}) = 0 for x ≤ 0, including the branch point");
        }
    }

    [Fact]
    public void SecondDerivativeIsZeroEverywhere()
    {
        var f = new ReLU();
        double[] inputs = [.. Positive, .. NotPositive];
        foreach (double x in inputs)
        {
            f.Grad2(x).Should().Be(0, because: $"ReLU″({x:R}) is 0");
        }
    }
}
