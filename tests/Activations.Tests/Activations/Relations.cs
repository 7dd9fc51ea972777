using System;
using System.Collections.Generic;
using FluentAssertions;

namespace Activations.Tests.Activations;

/// <summary>The relations the semantics tests check: symmetry, monotonicity and distance in ulps.</summary>
internal static class Relations
{
    /// <summary>
    /// How many representable doubles lie between <paramref name="a"/> and <paramref name="b"/>
    /// (0 when they are equal, also for +0 and −0; 1 for neighbours). Both must be non-NaN.
    /// </summary>
    /// <param name="a">One value.</param>
    /// <param name="b">The other value.</param>
    /// <returns>The distance, as a double so that it cannot overflow.</returns>
    public static double UlpsBetween(double a, double b) => (double)Int128.Abs(Ordinal(a) - Ordinal(b));

    /// <summary>Asserts g(−x) = −g(x) bit for bit, for each x and its negation.</summary>
    /// <param name="g">The function.</param>
    /// <param name="name">Its name, for the failure message.</param>
    /// <param name="magnitudes">The inputs x.</param>
    public static void ShouldBeOddBitForBit(Func<double, double> g, string name, IEnumerable<double> magnitudes)
    {
        foreach (double x in magnitudes)
        {
            BitConverter.DoubleToInt64Bits(g(-x)).Should().Be(BitConverter.DoubleToInt64Bits(-g(x)), because: $"{name}(−{x:R}) = −{name}({x:R})");
        }
    }

    /// <summary>Asserts g(−x) = g(x) bit for bit, for each x and its negation.</summary>
    /// <param name="g">The function.</param>
    /// <param name="name">Its name, for the failure message.</param>
    /// <param name="magnitudes">The inputs x.</param>
    public static void ShouldBeEvenBitForBit(Func<double, double> g, string name, IEnumerable<double> magnitudes)
    {
        foreach (double x in magnitudes)
        {
            BitConverter.DoubleToInt64Bits(g(-x)).Should().Be(BitConverter.DoubleToInt64Bits(g(x)), because: $"{name}(−{x:R}) = {name}({x:R})");
        }
    }

    /// <summary>
    /// Asserts that g increases along an ascending grid (strictly, or without decreasing), and
    /// that every value lies in [<paramref name="low"/>, <paramref name="high"/>].
    /// </summary>
    /// <param name="g">The function.</param>
    /// <param name="name">Its name, for the failure message.</param>
    /// <param name="grid">Ascending inputs, spaced so that neighbouring values differ by many ulps.</param>
    /// <param name="strictly">Whether equal neighbouring values fail.</param>
    /// <param name="low">The least value allowed.</param>
    /// <param name="high">The greatest value allowed.</param>
    public static void ShouldIncreaseWithin(Func<double, double> g, string name, IReadOnlyList<double> grid, bool strictly, double low, double high)
    {
        for (int i = 0; i < grid.Count; i++)
        {
            double value = g(grid[i]);
            value.Should().BeInRange(low, high, because: $"{name}({grid[i]:R}) lies in [{low}, {high}]");
            if (i > 0)
            {
                double previous = g(grid[i - 1]);
                string because = $"{name} increases from {grid[i - 1]:R} to {grid[i]:R}";
                if (strictly)
                {
                    value.Should().BeGreaterThan(previous, because);
                }
                else
                {
                    value.Should().BeGreaterThanOrEqualTo(previous, because);
                }
            }
        }
    }

    /// <summary>The position of x on the ordered line of doubles: −0 and +0 share 0, neighbours differ by 1.</summary>
    private static Int128 Ordinal(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        return bits >= 0 ? bits : -(Int128)(bits & long.MaxValue);
    }
}
