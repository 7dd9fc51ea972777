using System;
using System.Globalization;
using FluentAssertions;
using Xunit.Abstractions;

namespace Activations.Tests;

/// <summary>
/// Inputs and destinations placed against inaccessible pages, for every length from 0 to a few
/// vectors: a vector load or store one element past the end (or before the start) of a span
/// crashes the test process instead of passing silently. The results are also compared with the
/// scalar overload, bitwise. Needs mmap, so it runs on Linux only.
/// </summary>
public sealed class GuardPageTests(ITestOutputHelper output)
{
    /// <summary>Several rounds of the widest vector (eight doubles), plus a remainder.</summary>
    private const int MaxLength = 70;

    [Theory]
    [MemberData(nameof(AllActivations.Names), MemberType = typeof(AllActivations))]
    public void SpansAgainstGuardPagesStayInBounds(string name)
    {
        if (!OperatingSystem.IsLinux())
        {
            output.WriteLine("Skipped: guard pages are mapped with Linux's mmap.");
            return;
        }

        ActivationFunction f = AllActivations.Get(name);
        using var inputs = new GuardedBuffer(MaxLength);
        using var destinations = new GuardedBuffer(MaxLength);
        foreach (Operation op in AllActivations.Operations)
        {
            for (int length = 0; length <= MaxLength; length++)
            {
                double[] x = Values(length);

                // Input and destination both end at a guard page.
                Run(f, op, x, inputs.AtEnd(length), destinations.AtEnd(length), "both at the end");

                // Input and destination both start right after a guard page.
                Run(f, op, x, inputs.AtStart(length), destinations.AtStart(length), "both at the start");

                // One of each, so that a driver that walks the two spans differently is caught too.
                Run(f, op, x, inputs.AtStart(length), destinations.AtEnd(length), "input at the start, destination at the end");

                // In place, against either page.
                Run(f, op, x, inputs.AtEnd(length), inputs.AtEnd(length), "in place at the end");
                Run(f, op, x, inputs.AtStart(length), inputs.AtStart(length), "in place at the start");
            }
        }
    }

    private static void Run(ActivationFunction f, Operation op, double[] x, Span<double> input, Span<double> destination, string placement)
    {
        x.CopyTo(input);
        f.Span(op, input, destination);
        for (int i = 0; i < x.Length; i++)
        {
            long expected = BitConverter.DoubleToInt64Bits(f.Scalar(op, x[i]));
            long actual = BitConverter.DoubleToInt64Bits(destination[i]);
            if (actual != expected)
            {
                actual.Should().Be(expected, because: string.Create(
                    CultureInfo.InvariantCulture,
                    $"{f}.{op}({x[i]:R}) is element {i} of {x.Length} ({placement})"));
            }
        }
    }

    /// <summary>Ordinary values with a NaN, an infinity and a signed zero mixed in.</summary>
    private static double[] Values(int length)
    {
        var values = new double[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (i % 13) switch
            {
                5 => double.NaN,
                8 => double.NegativeInfinity,
                11 => -0.0,
                _ => (i - 30) * 0.417,
            };
        }

        return values;
    }
}
