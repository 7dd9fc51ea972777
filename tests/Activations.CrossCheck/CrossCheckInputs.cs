using System;
using System.Collections.Generic;

namespace Activations.CrossCheck;

/// <summary>
/// The inputs of the cross-check, the same on every machine: each is made from an integer bit
/// pattern or by one correctly rounded operation on exact values, never by a library function
/// whose last bit could depend on the platform.
/// </summary>
internal static class CrossCheckInputs
{
    /// <summary>Seed of the pseudo-random inputs; any fixed value will do.</summary>
    private const ulong Seed = 0x9E3779B97F4A7C15;

    /// <summary>
    /// Points where a formula changes or a result saturates, overflows or underflows:
    /// ln(MaxValue) = 709.78, −ln(smallest normal) = 708.40, −ln(Epsilon) = 744.44 and the last
    /// input with a nonzero eˣ, 745.13; HardSigmoid's corners ±2.5; HardSwish's joints ±3 and the
    /// root ∓1.5 of its derivative; the logistic and tanh tails
    /// (18.7, 19.06, 36.04, 36.74, 40, 50), ln 2 and its half (exp's reduction), small magnitudes
    /// where eˣ − 1 and ln(1 + x) switch to series, the switches of eˣ − 1 to the table (0.35,
    /// and 0.175 for tanh), of σ and σ′ to their tails (600, and 300 for tanh′) and of eˣ off its
    /// fast path (704), and large ones. Each is taken with both signs
    /// and its three neighbours on either side.
    /// </summary>
    private static readonly double[] Thresholds =
    [
        709.782712893384, 709.78, 710.0, 708.3964185322641, 744.4400719213812, 745.1332191019411,
        745.1332191019412, 745.1, 2.5, 3.0, 1.5, 18.7, 19.06, 20.0, 36.04365338911715, 36.7368005696771,
        37.0, 40.0, 50.0, 1000.0, 0.6931471805599453, 0.34657359027997264, 1.0, 0.5, 0.25,
        1.0 / 1024, 1.0 / (1L << 28), 1.0 / (1L << 54), 1e-8, 1e-300, 1e10, 1e300,
        0.35, 0.175, 300.0, 600.0, 704.0,
    ];

    /// <summary>NaN bit patterns: quiet and signalling, both signs, various payloads.</summary>
    private static readonly ulong[] NaNs =
    [
        0x7FF8000000000000, 0xFFF8000000000000, 0x7FF8000000000001, 0xFFF800000000ABCD,
        0x7FFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFF, 0x7FF0000000000001, 0xFFF0000000000001,
        0x7FF4000000000000, 0x7FF0DEADBEEF0000, 0xFFF7FFFFFFFFFFFF, 0x7FFC000000123456,
    ];

    /// <summary>Builds the inputs: special values, thresholds, a sweep of [−40, 40], pseudo-random doubles, pseudo-random subnormals and tiny normals.</summary>
    /// <returns>About 5,600 inputs in a fixed order.</returns>
    public static double[] Create()
    {
        var inputs = new List<double>();
        AddSpecialValues(inputs);
        AddThresholds(inputs);

        // [−40, 40] in steps of 1/32: exact, and it passes through every integer and ±2.5.
        for (int k = -40 * 32; k <= 40 * 32; k++)
        {
            inputs.Add(k / 32.0);
        }

        AddPseudoRandom(inputs);
        return [.. inputs];
    }

    private static void AddSpecialValues(List<double> inputs)
    {
        double[] values =
        [
            0.0, double.PositiveInfinity, double.MaxValue, double.Epsilon, 2 * double.Epsilon,
            BitConverter.UInt64BitsToDouble(0x000FFFFFFFFFFFFF), // largest subnormal
            BitConverter.UInt64BitsToDouble(0x0010000000000000), // smallest normal
            BitConverter.UInt64BitsToDouble(0x0008000000000000), // a subnormal with one bit
            BitConverter.UInt64BitsToDouble(0x7FEFFFFFFFFFFFFE),
            1.0, 2.0, 0.1, 1.5,
        ];
        foreach (double value in values)
        {
            inputs.Add(value);
            inputs.Add(-value);
        }

        foreach (ulong bits in NaNs)
        {
            inputs.Add(BitConverter.UInt64BitsToDouble(bits));
        }
    }

    private static void AddThresholds(List<double> inputs)
    {
        foreach (double threshold in Thresholds)
        {
            foreach (double t in (ReadOnlySpan<double>)[threshold, -threshold])
            {
                double below = t;
                double above = t;
                inputs.Add(t);
                for (int step = 0; step < 3; step++)
                {
                    below = Math.BitDecrement(below);
                    above = Math.BitIncrement(above);
                    inputs.Add(below);
                    inputs.Add(above);
                }
            }
        }
    }

    private static void AddPseudoRandom(List<double> inputs)
    {
        ulong state = Seed;

        // Raw 64-bit patterns: every exponent equally likely, so subnormals, huge values, infinities
        // and NaNs with random payloads all appear.
        for (int i = 0; i < 1024; i++)
        {
            inputs.Add(BitConverter.UInt64BitsToDouble(SplitMix64(ref state)));
        }

        // Random sign and mantissa with magnitudes between 2⁻⁶⁰ and 2¹¹, where most results are
        // neither 0, 1 nor the input itself.
        for (int i = 0; i < 1024; i++)
        {
            ulong bits = SplitMix64(ref state);
            ulong exponent = (ulong)(1023 - 60) + (bits >> 52) % 71;
            inputs.Add(BitConverter.UInt64BitsToDouble((bits & 0x800FFFFFFFFFFFFF) | (exponent << 52)));
        }

        // Random subnormals and tiny normals (below 2⁻⁹⁰⁰) of both signs, where products of the
        // double-double steps could fall below the range in which their errors are exact.
        for (int i = 0; i < 512; i++)
        {
            ulong bits = SplitMix64(ref state);
            ulong exponent = (bits >> 52) % 124;
            inputs.Add(BitConverter.UInt64BitsToDouble((bits & 0x800FFFFFFFFFFFFF) | (exponent << 52)));
        }
    }

    /// <summary>Steele, Lea and Flood's SplitMix64: a fixed, portable sequence of 64-bit values.</summary>
    private static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
