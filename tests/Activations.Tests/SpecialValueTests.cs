using System;
using System.Collections.Generic;
using System.Linq;
using Activations.Tests.Reference;
using FluentAssertions;

namespace Activations.Tests;

/// <summary>
/// NaN, ±∞ and ±0 through every activation and every overload. NaN must come back as the very
/// input NaN (same payload, same sign); ±∞ must give the limit of the exact function; ±0 take the
/// "otherwise" branch of every "x &gt; 0" test, so the values there are the left-hand ones. The expected
/// values at ±∞ and 0 are each activation's own, hand-derived in its <see cref="ActivationReference"/>.
/// </summary>
public sealed class SpecialValueTests
{
    /// <summary>
    /// Quiet NaNs of both signs with and without payloads, and signalling NaNs (which a
    /// select keeps as they are, while arithmetic would quiet them).
    /// </summary>
    private static readonly double[] NaNs =
    [
        double.NaN,
        BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0000),
        BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0123),
        BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8_0000_DEAD_BEEF)),
        BitConverter.Int64BitsToDouble(0x7FFF_FFFF_FFFF_FFFF),
        BitConverter.Int64BitsToDouble(0x7FF0_0000_0000_0001),
        BitConverter.Int64BitsToDouble(unchecked((long)0xFFF4_0000_0000_0042)),
    ];

    [Theory]
    [MemberData(nameof(AllActivations.NamesAndOperations), MemberType = typeof(AllActivations))]
    public void NaNInGivesTheSameNaNOut(string name, Operation op)
    {
        ActivationFunction f = AllActivations.Get(name);
        foreach (double nan in NaNs)
        {
            long expected = BitConverter.DoubleToInt64Bits(nan);
            foreach ((string overload, double actual) in AllOverloads(f, op, nan))
            {
                BitConverter.DoubleToInt64Bits(actual).Should().Be(expected,
                    because: $"{f}.{op} ({overload} overload) must return its NaN input 0x{expected:X16} unchanged");
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllActivations.NamesAndOperations), MemberType = typeof(AllActivations))]
    public void InfinityGivesTheLimitOfTheExactFunction(string name, Operation op)
    {
        ActivationFunction f = AllActivations.Get(name);
        (Triple negative, Triple positive) = ActivationReference.For(f).Limits(f);
        (double Infinity, Triple Limit)[] limits = [(double.NegativeInfinity, negative), (double.PositiveInfinity, positive)];
        for (int i = 0; i < limits.Length; i++)
        {
            double expected = Select(limits[i].Limit, op);
            foreach ((string overload, double actual) in AllOverloads(f, op, limits[i].Infinity))
            {
                actual.Should().Be(expected, because: $"{f}.{op}({limits[i].Infinity}) ({overload} overload) is the limit of the exact function");
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllActivations.NamesAndOperations), MemberType = typeof(AllActivations))]
    public void BothZerosTakeTheOtherwiseBranch(string name, Operation op)
    {
        ActivationFunction f = AllActivations.Get(name);
        double expected = Select(ActivationReference.For(f).AtZero(f), op);
        foreach (double zero in new[] { 0.0, -0.0 })
        {
            foreach ((string overload, double actual) in AllOverloads(f, op, zero))
            {
                actual.Should().Be(expected,
                    because: $"{f}.{op}({(double.IsNegative(zero) ? "-0" : "+0")}) ({overload} overload) takes the x ≤ 0 branch");
            }
        }
    }

    private static double Select(Triple row, Operation op) => op switch
    {
        Operation.Fn => row.Fn,
        Operation.Grad => row.Grad,
        _ => row.Grad2,
    };

    /// <summary>The value at x through the scalar, span (alone and among other values) and array overloads.</summary>
    private static IEnumerable<(string Overload, double Value)> AllOverloads(ActivationFunction f, Operation op, double x)
    {
        yield return ("scalar", f.Scalar(op, x));

        var one = new double[1];
        f.Span(op, [x], one);
        yield return ("span of one", one[0]);

        // Long enough for the widest vector, with x in the middle of ordinary values and
        // again in the overlapping final vector.
        double[] many = [.. Enumerable.Range(0, 19).Select(i => (i - 9) * 0.37)];
        many[5] = x;
        many[18] = x;
        var results = new double[many.Length];
        f.Span(op, many, results);
        yield return ("span, element 5 of 19", results[5]);
        yield return ("span, element 18 of 19", results[18]);

        yield return ("array", f.Array(op, [x])[0]);
    }

    /// <summary>
    /// dy = ±∞ where f′(x) is exactly 0 is an invalid product, whose NaN the processors give with
    /// different signs (x64 0xFFF8000000000000, Arm 0x7FF8000000000000): every path returns the bits of
    /// <see cref="double.NaN"/> (and of <see cref="float.NaN"/> in float), at every position.
    /// </summary>
    [Theory]
    [InlineData("relu", -1.0)]
    [InlineData("relu", 0.0)]
    [InlineData("leaky_relu(alpha=0)", -1.0)]
    [InlineData("hard_sigmoid", 3.0)]
    [InlineData("hardtanh", 5.0)]
    [InlineData("hardswish", -4.0)]
    [InlineData("affine(slope=0, intercept=1)", 2.0)]
    [InlineData("sigmoid", double.NegativeInfinity)]
    [InlineData("exponential", double.NegativeInfinity)]
    public void InfiniteGradientTimesAZeroDerivativeIsDoubleNaNOnEveryPath(string name, double x)
    {
        ActivationFunction f = ActivationFunction.Parse(name);
        long nan = BitConverter.DoubleToInt64Bits(double.NaN);
        int nanF = BitConverter.SingleToInt32Bits(float.NaN);
        double[] xs = [.. Enumerable.Repeat(x, 37)];
        double[] dy = [.. Enumerable.Range(0, 37).Select(i => i % 2 == 0 ? double.PositiveInfinity : double.NegativeInfinity)];
        var d = new double[37];
        f.Backward(xs, dy, d);
        d.Select(BitConverter.DoubleToInt64Bits).Should().AllBeEquivalentTo(nan, because: $"{name}: ∞·0 at x = {x}");
        var df = new float[37];
        f.Backward([.. xs.Select(v => (float)v)], [.. dy.Select(v => (float)v)], df);
        df.Select(BitConverter.SingleToInt32Bits).Should().AllBeEquivalentTo(nanF, because: $"{name} in float: ∞·0 at x = {x}");
    }
}
