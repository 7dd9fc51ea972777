using System;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
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

    /// <summary>
    /// Several rounds of the widest float vector (sixteen float lanes, for the kernels exact in
    /// float; four per iteration in the light loop), plus a remainder.
    /// </summary>
    private const int MaxFloatLength = 150;

    [Theory]
    [MemberData(nameof(AllActivations.Names), MemberType = typeof(AllActivations))]
    public void SpansAgainstGuardPagesStayInBounds(string name)
    {
        if (!OperatingSystem.IsLinux())
        {
            output.WriteLine("Skipped: guard pages are mapped with Linux's mmap.");
            return;
        }

        RunSpans(AllActivations.Get(name), MaxLength, Values);
    }

    [Theory]
    [MemberData(nameof(AllActivations.Names), MemberType = typeof(AllActivations))]
    public void FloatSpansAgainstGuardPagesStayInBounds(string name)
    {
        if (!OperatingSystem.IsLinux())
        {
            output.WriteLine("Skipped: guard pages are mapped with Linux's mmap.");
            return;
        }

        RunSpans<float>(AllActivations.Get(name), MaxFloatLength, length => [.. Values(length).Select(v => (float)v)]);
    }

    /// <summary>Fn, Grad and Grad2 over every length up to <paramref name="maxLength"/>, against either page, out of place and in place.</summary>
    private static void RunSpans<T>(ActivationFunction f, int maxLength, Func<int, T[]> values)
        where T : unmanaged
    {
        using var inputs = new GuardedBuffer(maxLength);
        using var destinations = new GuardedBuffer(maxLength);
        foreach (Operation op in AllActivations.Operations)
        {
            for (int length = 0; length <= maxLength; length++)
            {
                T[] x = values(length);

                // Input and destination both end at a guard page.
                Run(f, op, x, inputs.AtEnd<T>(length), destinations.AtEnd<T>(length), "both at the end");

                // Input and destination both start right after a guard page.
                Run(f, op, x, inputs.AtStart<T>(length), destinations.AtStart<T>(length), "both at the start");

                // One of each, so that a driver that walks the two spans differently is caught too.
                Run(f, op, x, inputs.AtStart<T>(length), destinations.AtEnd<T>(length), "input at the start, destination at the end");

                // In place, against either page.
                Run(f, op, x, inputs.AtEnd<T>(length), inputs.AtEnd<T>(length), "in place at the end");
                Run(f, op, x, inputs.AtStart<T>(length), inputs.AtStart<T>(length), "in place at the start");
            }
        }
    }

    [Theory]
    [MemberData(nameof(FusedOperations.Cases), MemberType = typeof(FusedOperations))]
    public void FusedSpansAgainstGuardPagesStayInBounds(string name, Fused op, string type)
    {
        if (!OperatingSystem.IsLinux())
        {
            output.WriteLine("Skipped: guard pages are mapped with Linux's mmap.");
            return;
        }

        ActivationFunction f = AllActivations.Get(name);
        if (type == "double")
        {
            RunFused<double>(f, op, Values);
        }
        else
        {
            RunFused<float>(f, op, length => [.. Values(length).Select(v => (float)v)]);
        }
    }

    /// <summary>Every input and output against the end page, then against the start page, then mixed and in place.</summary>
    private static void RunFused<T>(ActivationFunction f, Fused op, Func<int, T[]> values)
        where T : unmanaged
    {
        using var first = new GuardedBuffer(MaxLength);
        using var second = new GuardedBuffer(MaxLength);
        using var out0 = new GuardedBuffer(MaxLength);
        using var out1 = new GuardedBuffer(MaxLength);
        for (int length = 0; length <= MaxLength; length++)
        {
            T[] a = values(length);
            T[] b = [.. values(length + 3).Skip(3)];
            var expected0 = new T[length];
            var expected1 = new T[length];
            FusedOperations.Run<T>(f, op, a, b, expected0, expected1);
            foreach (bool atEnd in new[] { true, false })
            {
                Span<T> Place(GuardedBuffer buffer, bool end) => end ? buffer.AtEnd<T>(length) : buffer.AtStart<T>(length);
                foreach ((bool aEnd, bool bEnd, bool d0End, bool d1End) in new[] { (atEnd, atEnd, atEnd, atEnd), (atEnd, !atEnd, atEnd, !atEnd) })
                {
                    Span<T> sa = Place(first, aEnd);
                    Span<T> sb = Place(second, bEnd);
                    a.CopyTo(sa);
                    b.CopyTo(sb);
                    Span<T> d0 = Place(out0, d0End);
                    Span<T> d1 = Place(out1, d1End);
                    FusedOperations.Run<T>(f, op, sa, sb, d0, d1);
                    CompareFused(f, op, expected0, d0, $"placement {aEnd}/{bEnd}/{d0End}/{d1End}");
                    if (op == Fused.FnAndGrad)
                    {
                        CompareFused(f, op, expected1, d1, $"gradient, placement {aEnd}/{bEnd}/{d0End}/{d1End}");
                    }
                }

                // In place on the first input, against the page.
                Span<T> inPlace = Place(first, atEnd);
                a.CopyTo(inPlace);
                FusedOperations.Run<T>(f, op, inPlace, b, inPlace, Place(out1, !atEnd));
                CompareFused(f, op, expected0, inPlace, $"in place, at the {(atEnd ? "end" : "start")}");
            }
        }
    }

    private static void CompareFused<T>(ActivationFunction f, Fused op, T[] expected, ReadOnlySpan<T> actual, string placement)
        where T : unmanaged
    {
        for (int i = 0; i < expected.Length; i++)
        {
            if (FusedOperations.Bits(actual[i]) != FusedOperations.Bits(expected[i]))
            {
                FusedOperations.Bits(actual[i]).Should().Be(FusedOperations.Bits(expected[i]), because: $"{f}.{op} over {typeof(T).Name}, element {i} of {expected.Length} ({placement})");
            }
        }
    }

    private static void Run<T>(ActivationFunction f, Operation op, T[] x, Span<T> input, Span<T> destination, string placement)
        where T : unmanaged
    {
        x.CopyTo(input);
        if (typeof(T) == typeof(double))
        {
            f.Span(op, MemoryMarshal.Cast<T, double>(input), MemoryMarshal.Cast<T, double>(destination));
        }
        else
        {
            f.Span(op, MemoryMarshal.Cast<T, float>(input), MemoryMarshal.Cast<T, float>(destination));
        }

        for (int i = 0; i < x.Length; i++)
        {
            long expected = x[i] is double d ? FusedOperations.Bits(f.Scalar(op, d)) : FusedOperations.Bits(f.Scalar(op, (float)(object)x[i]));
            long actual = FusedOperations.Bits(destination[i]);
            if (actual != expected)
            {
                actual.Should().Be(expected, because: string.Create(
                    CultureInfo.InvariantCulture,
                    $"{f}.{op}({typeof(T).Name} {x[i]:R}) is element {i} of {x.Length} ({placement})"));
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
