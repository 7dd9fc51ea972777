using System;
using FluentAssertions;

namespace Activations.Tests.Activations;

/// <summary>Identity: f(x) = x (the very bits, −0 included), f′ = 1, f″ = 0.</summary>
public sealed class IdentityTests
{
    private static readonly double[] Inputs =
    [
        double.NegativeInfinity, double.MinValue, -1e300, -2.5, -1, -double.Epsilon, -0.0, 0.0, double.Epsilon,
        2.2250738585072009e-308, 1e-300, 0.1, 1, 40, 1e300, double.MaxValue, double.PositiveInfinity,
    ];

    [Fact]
    public void FnReturnsItsInputBitForBit()
    {
        var f = new Identity();
        foreach (double x in Inputs)
        {
            BitConverter.DoubleToInt64Bits(f.Fn(x)).Should().Be(BitConverter.DoubleToInt64Bits(x), because: $"Identity({x:R}) is x itself");
        }
    }

    [Fact]
    public void SpanOverloadReturnsItsInputBitForBit()
    {
        var results = new double[Inputs.Length];
        new Identity().Fn(Inputs, results);
        for (int i = 0; i < Inputs.Length; i++)
        {
            BitConverter.DoubleToInt64Bits(results[i]).Should().Be(BitConverter.DoubleToInt64Bits(Inputs[i]), because: $"Identity({Inputs[i]:R}) is x itself");
        }
    }

    [Fact]
    public void DerivativesAreOneAndZeroEverywhereIncludingInfinity()
    {
        var f = new Identity();
        foreach (double x in Inputs)
        {
            f.Grad(x).Should().Be(1, because: $"Identity′({x:R}) is 1");
            f.Grad2(x).Should().Be(0, because: $"Identity″({x:R}) is 0");
        }
    }
}
