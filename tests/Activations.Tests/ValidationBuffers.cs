using System;
using System.Linq;
using FluentAssertions;

namespace Activations.Tests;

/// <summary>The buffers of the validation suites: inputs, destinations filled with a sentinel, and bitwise checks that nothing was written.</summary>
internal static class ValidationBuffers
{
    /// <summary>A NaN whose payload no activation produces from <see cref="Inputs"/>: any element that still holds it was not written.</summary>
    public static readonly double Sentinel = BitConverter.Int64BitsToDouble(0x7FF4_DEAD_BEEF_0001);

    /// <summary>Ordinary values of both signs, with the special ones mixed in.</summary>
    public static double[] Inputs(int length) =>
        [.. Enumerable.Range(0, length).Select(i => (i % 11) switch
        {
            0 => double.NaN,
            1 => double.NegativeInfinity,
            2 => -0.0,
            3 => 2.5,
            _ => (i - (length / 2)) * 0.731,
        })];

    public static double[] Filled(int length)
    {
        var values = new double[length];
        values.AsSpan().Fill(Sentinel);
        return values;
    }

    public static void ShouldAllBeSentinel(double[] values, string because) =>
        ShouldHaveTheSameBits(values, Filled(values.Length), because);

    public static void ShouldHaveTheSameBits(double[] actual, double[] expected, string because) =>
        actual.Select(BitConverter.DoubleToInt64Bits).Should().Equal(expected.Select(BitConverter.DoubleToInt64Bits), because);
}
