using System;
using System.Globalization;
using System.Linq;
using CsCheck;

namespace Activations.Tests;

/// <summary>
/// Bit-for-bit reproducibility: every element of the span overload, out of place and in place,
/// has the same bits as the scalar overload of the same input, whatever the length, the
/// alignment, the element's position and its neighbours. Runs under whatever instruction set the
/// process has (CI repeats it with AVX-512, AVX2 and all hardware intrinsics disabled).
/// </summary>
public sealed class SpanConsistencyTests
{
    /// <summary>Random cases per activation; each tests Fn, Grad and Grad2 on up to 300 elements.</summary>
    private const int CasesPerActivation = 150;

    /// <summary>
    /// Every remainder case of the driver: up to four vectors of up to eight doubles per round,
    /// three rounds, plus one element.
    /// </summary>
    private const int ExhaustiveMaxLength = (3 * 8 * 4) + 1;

    /// <summary>Points where a formula changes branch, saturates, overflows or underflows.</summary>
    private static readonly double[] Thresholds =
    [
        0, 0.41421356237309503, 1, 2.5, 19.06, 36.7, 40, 50, 100, 300, 600, 700, 704, 0.35, 0.175, 708.3964185322641, 709.0895657128241,
        709.782712893384, 710, 744.4400719213812, 745.1332191019412, 1000, 1418, 1455, 1e-300, 1e300,
    ];

    private static readonly double[] Specials =
    [
        double.NaN, BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0123), double.PositiveInfinity, double.NegativeInfinity,
        0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, 2.2250738585072014e-308, -2.2250738585072014e-308,
    ];

    /// <summary>log10 of the values drawn, both signs: from the subnormals to near double.MaxValue.</summary>
    private static readonly Gen<double> LogSpaced =
        Gen.Select(Gen.Double[-310, 308.25], Gen.Bool, (exponent, negative) => (negative ? -1 : 1) * Math.Pow(10, exponent));

    private static readonly Gen<double> Subnormal =
        Gen.Select(Gen.Long[1, 0x000F_FFFF_FFFF_FFFF], Gen.Bool, (bits, negative) => BitConverter.Int64BitsToDouble(negative ? bits | long.MinValue : bits));

    /// <summary>A threshold of either sign, moved by up to four ulps either way.</summary>
    private static readonly Gen<double> NearThreshold =
        Gen.Select(Gen.OneOf(Thresholds), Gen.Bool, Gen.Int[-4, 4], (threshold, negative, ulps) => Step(negative ? -threshold : threshold, ulps));

    private static readonly Gen<double> Value = Gen.Frequency(
        (4, Gen.Double[-20, 20]),
        (4, LogSpaced),
        (2, Gen.OneOf(Specials)),
        (1, Subnormal),
        (3, NearThreshold),
        (1, Gen.Double));

    /// <summary>The values, and the offsets of the input and the destination in their buffers (so alignment varies).</summary>
    private static readonly Gen<(double[] Values, int InputOffset, int DestinationOffset)> Case =
        Gen.Select(Value.Array[0, 300], Gen.Int[0, 9], Gen.Int[0, 9]);

    [Theory]
    [MemberData(nameof(AllActivations.Names), MemberType = typeof(AllActivations))]
    public void RandomSpansMatchTheScalarOverloadBitForBit(string name)
    {
        ActivationFunction f = AllActivations.Get(name);
        DeterministicSample.Run(Case, CasesPerActivation, c => CheckEveryOperation(f, c.Values, c.InputOffset, c.DestinationOffset), Print);
    }

    [Theory]
    [MemberData(nameof(AllActivations.Names), MemberType = typeof(AllActivations))]
    public void EveryLengthUpToThreeRoundsMatchesTheScalarOverloadBitForBit(string name)
    {
        ActivationFunction f = AllActivations.Get(name);
        double[] pool = Pool();
        for (int length = 0; length <= ExhaustiveMaxLength; length++)
        {
            // Rotate the pool so that the special values land in a different lane at each length.
            double[] values = [.. Enumerable.Range(0, length).Select(i => pool[((length * 7) + i) % pool.Length])];
            CheckEveryOperation(f, values, inputOffset: 0, destinationOffset: 0);
            CheckEveryOperation(f, values, inputOffset: 1, destinationOffset: 3);
        }
    }

    /// <summary>Throws, naming the activation, operation, element and bits, unless every result equals the scalar overload's.</summary>
    private static void CheckEveryOperation(ActivationFunction f, double[] values, int inputOffset, int destinationOffset)
    {
        int n = values.Length;
        var input = new double[inputOffset + n];
        var output = new double[destinationOffset + n];
        foreach (Operation op in AllActivations.Operations)
        {
            values.CopyTo(input, inputOffset);
            f.Span(op, input.AsSpan(inputOffset, n), output.AsSpan(destinationOffset, n));
            Compare(f, op, values, output.AsSpan(destinationOffset, n), "out of place");

            Span<double> inPlace = input.AsSpan(inputOffset, n);
            f.Span(op, inPlace, inPlace);
            Compare(f, op, values, inPlace, "in place");
        }
    }

    private static void Compare(ActivationFunction f, Operation op, double[] x, ReadOnlySpan<double> actual, string mode)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double expected = f.Scalar(op, x[i]);
            if (BitConverter.DoubleToInt64Bits(actual[i]) != BitConverter.DoubleToInt64Bits(expected))
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{f}.{op} span ({mode}) differs from the scalar overload at element {i} of {x.Length}: " +
                    $"x = {x[i]:R} (0x{BitConverter.DoubleToInt64Bits(x[i]):X16}), scalar {expected:R} (0x{BitConverter.DoubleToInt64Bits(expected):X16}), " +
                    $"span {actual[i]:R} (0x{BitConverter.DoubleToInt64Bits(actual[i]):X16})"));
            }
        }
    }

    private static string Print((double[] Values, int InputOffset, int DestinationOffset) c) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"input offset {c.InputOffset}, destination offset {c.DestinationOffset}, {c.Values.Length} values: [{string.Join(", ", c.Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}]");

    /// <summary>x moved by <paramref name="ulps"/> representable doubles.</summary>
    private static double Step(double x, int ulps)
    {
        for (; ulps > 0; ulps--)
        {
            x = Math.BitIncrement(x);
        }

        for (; ulps < 0; ulps++)
        {
            x = Math.BitDecrement(x);
        }

        return x;
    }

    /// <summary>Special values, thresholds of both signs and ordinary values, for the exhaustive lengths.</summary>
    private static double[] Pool() =>
    [
        .. Specials,
        .. Thresholds.SelectMany(t => new[] { t, -t, Math.BitIncrement(t), -Math.BitDecrement(t) }),
        .. Enumerable.Range(-12, 25).Select(i => i * 0.613),
    ];
}
