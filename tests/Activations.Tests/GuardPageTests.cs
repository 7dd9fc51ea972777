using System;
using System.Globalization;
using System.Linq;
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
                Run(f, op, x, inputs.AtEnd<double>(length), destinations.AtEnd<double>(length), "both at the end");

                // Input and destination both start right after a guard page.
                Run(f, op, x, inputs.AtStart<double>(length), destinations.AtStart<double>(length), "both at the start");

                // One of each, so that a driver that walks the two spans differently is caught too.
                Run(f, op, x, inputs.AtStart<double>(length), destinations.AtEnd<double>(length), "input at the start, destination at the end");

                // In place, against either page.
                Run(f, op, x, inputs.AtEnd<double>(length), inputs.AtEnd<double>(length), "in place at the end");
                Run(f, op, x, inputs.AtStart<double>(length), inputs.AtStart<double>(length), "in place at the start");
            }
        }
    }

    /// <summary>
    /// Several rounds of the widest float vector (sixteen float lanes, for the kernels exact in
    /// float; four per iteration in the light loop), plus a remainder.
    /// </summary>
    private const int MaxFloatLength = 150;

    [Theory]
    [MemberData(nameof(AllActivations.Names), MemberType = typeof(AllActivations))]
    public void FloatSpansAgainstGuardPagesStayInBounds(string name)
    {
        if (!OperatingSystem.IsLinux())
        {
            output.WriteLine("Skipped: guard pages are mapped with Linux's mmap.");
            return;
        }

        ActivationFunction f = AllActivations.Get(name);
        using var inputs = new GuardedBuffer(MaxFloatLength);
        using var destinations = new GuardedBuffer(MaxFloatLength);
        foreach (Operation op in AllActivations.Operations)
        {
            for (int length = 0; length <= MaxFloatLength; length++)
            {
                float[] x = [.. Values(length).Select(v => (float)v)];
                RunFloat(f, op, x, inputs.AtEnd<float>(length), destinations.AtEnd<float>(length), "both at the end");
                RunFloat(f, op, x, inputs.AtStart<float>(length), destinations.AtStart<float>(length), "both at the start");
                RunFloat(f, op, x, inputs.AtStart<float>(length), destinations.AtEnd<float>(length), "input at the start, destination at the end");
                RunFloat(f, op, x, inputs.AtEnd<float>(length), inputs.AtEnd<float>(length), "in place at the end");
                RunFloat(f, op, x, inputs.AtStart<float>(length), inputs.AtStart<float>(length), "in place at the start");
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

    private static void RunFloat(ActivationFunction f, Operation op, float[] x, Span<float> input, Span<float> destination, string placement)
    {
        x.CopyTo(input);
        f.Span(op, input, destination);
        for (int i = 0; i < x.Length; i++)
        {
            int expected = BitConverter.SingleToInt32Bits(f.Scalar(op, x[i]));
            int actual = BitConverter.SingleToInt32Bits(destination[i]);
            if (actual != expected)
            {
                actual.Should().Be(expected, because: string.Create(
                    CultureInfo.InvariantCulture,
                    $"{f}.{op}(float {x[i]:R}) is element {i} of {x.Length} ({placement})"));
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
