using System;
using System.Collections.Generic;
using System.Linq;
using Activations.Kernels;
using FluentAssertions;

namespace Activations.Tests;

/// <summary>
/// Runs the span overloads at every vector width the driver has, whether or not this processor
/// accelerates it (an unaccelerated width runs the same operations in software), and compares
/// every element bitwise with the scalar overload. Together with CI's runs under
/// DOTNET_EnableAVX512=0, DOTNET_EnableAVX2=0 and DOTNET_EnableHWIntrinsic=0 this keeps the
/// AVX-512 path tested on machines without AVX-512.
/// </summary>
[Collection(nameof(VectorWidthCollection))]
public sealed class VectorWidthTests
{
    public static TheoryData<string> Widths() =>
        new() { nameof(VectorWidth.Scalar), nameof(VectorWidth.Vector128), nameof(VectorWidth.Vector256), nameof(VectorWidth.Vector512) };

    [Theory]
    [MemberData(nameof(Widths))]
    public void EveryWidthMatchesTheScalarOverloadBitForBit(string widthName)
    {
        var width = Enum.Parse<VectorWidth>(widthName);
        double[] inputs = Inputs();
        var actual = new double[inputs.Length];
        VectorWidth saved = SpanDriver.MaximumWidth;
        try
        {
            SpanDriver.MaximumWidth = width;
            foreach (ActivationFunction f in AllActivations.Instances)
            {
                foreach ((string name, Func<double, double> scalar, Action<double[], double[]> span) in Operations(f))
                {
                    for (int length = 0; length <= 37; length++)
                    {
                        var x = inputs.AsSpan(0, length).ToArray();
                        span(x, actual);
                        for (int i = 0; i < length; i++)
                        {
                            BitConverter.DoubleToInt64Bits(actual[i]).Should().Be(
                                BitConverter.DoubleToInt64Bits(scalar(x[i])),
                                because: $"{f}.{name} at x = {x[i]:R} (element {i} of {length}, width {width})");
                        }
                    }

                    span(inputs, actual);
                    for (int i = 0; i < inputs.Length; i++)
                    {
                        BitConverter.DoubleToInt64Bits(actual[i]).Should().Be(
                            BitConverter.DoubleToInt64Bits(scalar(inputs[i])),
                            because: $"{f}.{name} at x = {inputs[i]:R} (width {width})");
                    }
                }
            }
        }
        finally
        {
            SpanDriver.MaximumWidth = saved;
        }
    }

    /// <summary>
    /// Destinations above the driver's non-temporal threshold take the aligned loop: the first
    /// vector is stored last and the rest start at an aligned address. Every misalignment of the
    /// destination, in place and not, must give the scalar overload's bits at every element.
    /// </summary>
    [Theory]
    [MemberData(nameof(Widths))]
    public void LargeSpansMatchTheScalarOverloadAtEveryAlignment(string widthName)
    {
        var width = Enum.Parse<VectorWidth>(widthName);
        int length = (int)(SpanDriver.NonTemporalBytes / sizeof(double)) + 37;
        double[] pattern = Inputs();
        var source = new double[length + 8];
        for (int i = 0; i < source.Length; i++)
        {
            source[i] = pattern[i % pattern.Length];
        }

        var buffer = new double[length + 8];
        VectorWidth saved = SpanDriver.MaximumWidth;
        try
        {
            SpanDriver.MaximumWidth = width;
            foreach (ActivationFunction f in new ActivationFunction[] { new Sigmoid(), new ReLU() })
            {
                foreach (int offset in new[] { 0, 1, 5 })
                {
                    ReadOnlySpan<double> x = source.AsSpan(offset, length);
                    f.Fn(x, buffer.AsSpan(offset, length));
                    AssertMatchesScalar(f, x, buffer.AsSpan(offset, length), $"{f}.Fn, offset {offset}, width {width}");

                    source.AsSpan(offset, length).CopyTo(buffer.AsSpan(offset, length));
                    f.Fn(buffer.AsSpan(offset, length), buffer.AsSpan(offset, length));
                    AssertMatchesScalar(f, x, buffer.AsSpan(offset, length), $"{f}.Fn in place, offset {offset}, width {width}");
                }
            }
        }
        finally
        {
            SpanDriver.MaximumWidth = saved;
        }
    }

    /// <summary>
    /// The training-loop operations (double and float) at every width against the scalar width,
    /// over every length up to a few vectors.
    /// </summary>
    [Theory]
    [MemberData(nameof(Widths))]
    public void FusedOperationsMatchTheScalarWidthBitForBit(string widthName)
    {
        var width = Enum.Parse<VectorWidth>(widthName);
        double[] inputs = Inputs();
        double[] gradients = [.. Enumerable.Range(0, inputs.Length).Select(i => FusedInputs.Gradients[i % FusedInputs.Gradients.Length])];
        float[] floatInputs = [.. inputs.Select(v => (float)v)];
        float[] floatGradients = [.. gradients.Select(v => (float)v)];
        VectorWidth saved = SpanDriver.MaximumWidth;
        try
        {
            foreach (ActivationFunction f in AllActivations.Instances)
            {
                foreach (Fused op in Enum.GetValues<Fused>())
                {
                    if (op == Fused.BackwardFromOutput && !f.CanBackwardFromOutput)
                    {
                        continue;
                    }

                    foreach (int length in Enumerable.Range(0, 38).Append(inputs.Length))
                    {
                        CompareWidths(f, op, width, inputs.AsSpan(0, length).ToArray(), gradients.AsSpan(0, length).ToArray());
                        CompareWidths(f, op, width, floatInputs.AsSpan(0, length).ToArray(), floatGradients.AsSpan(0, length).ToArray());
                    }
                }
            }
        }
        finally
        {
            SpanDriver.MaximumWidth = saved;
        }
    }

    /// <summary>
    /// The non-temporal loop of the two-input and two-output shapes: every misalignment of the
    /// destinations (the same for both destinations, and different), against the scalar width.
    /// </summary>
    [Theory]
    [MemberData(nameof(Widths))]
    public void LargeFusedSpansMatchTheScalarWidthAtEveryAlignment(string widthName)
    {
        var width = Enum.Parse<VectorWidth>(widthName);
        int length = (int)(SpanDriver.NonTemporalBytes / sizeof(double)) + 37;
        double[] pattern = Inputs();
        double[] x = [.. Enumerable.Range(0, length).Select(i => pattern[i % pattern.Length])];
        double[] dy = [.. Enumerable.Range(0, length).Select(i => FusedInputs.Gradients[i % FusedInputs.Gradients.Length])];
        var expected0 = new double[length];
        var expected1 = new double[length];
        var buffer0 = new double[length + 8];
        var buffer1 = new double[length + 8];
        VectorWidth saved = SpanDriver.MaximumWidth;
        try
        {
            foreach (ActivationFunction f in new ActivationFunction[] { new Sigmoid(), new ReLU() })
            {
                foreach (Fused op in new[] { Fused.Backward, Fused.FnAndGrad })
                {
                    SpanDriver.MaximumWidth = VectorWidth.Scalar;
                    FusedOperations.Run<double>(f, op, x, dy, expected0, expected1);
                    SpanDriver.MaximumWidth = width;
                    foreach ((int offset0, int offset1) in new[] { (0, 0), (1, 1), (5, 2) })
                    {
                        Span<double> d0 = buffer0.AsSpan(offset0, length);
                        Span<double> d1 = buffer1.AsSpan(offset1, length);
                        FusedOperations.Run<double>(f, op, x, dy, d0, d1);
                        ShouldEqualBits(d0, expected0, $"{f}.{op}, offsets {offset0}, {offset1}, width {width}");
                        if (op == Fused.FnAndGrad)
                        {
                            ShouldEqualBits(d1, expected1, $"{f}.{op} gradient, offsets {offset0}, {offset1}, width {width}");
                        }
                    }
                }
            }
        }
        finally
        {
            SpanDriver.MaximumWidth = saved;
        }
    }

    /// <summary>
    /// The backward passes whose fast path has a window on its inputs run it over whole runs of vectors
    /// that the driver tests first: every run inside the window, and one input outside it (far x,
    /// tiny, huge, infinite or NaN dy, NaN x) at the ends of runs and vectors, at every width, must
    /// give each element the bits it has alone (a one-element span, which no run holds).
    /// </summary>
    [Theory]
    [MemberData(nameof(Widths))]
    public void BackwardRunsGiveEveryElementItsOwnBits(string widthName)
    {
        var width = Enum.Parse<VectorWidth>(widthName);
        const int length = (64 * 8 * 3) + 37;
        var random = new Random(20261206);
        double[] x = [.. Enumerable.Range(0, length).Select(_ => (random.NextDouble() - 0.5) * 20)];
        double[] dy = [.. Enumerable.Range(0, length).Select(_ => (random.NextDouble() - 0.5) * 2)];
        (double X, double Dy)[] outliers = [(450, 0.5), (-395, 0.5), (-381, 1e-99), (1, 1e-200), (-1, 1e130), (-2, 0.0), (-3, double.NaN), (double.NaN, 1), (-1, double.NegativeInfinity), (1e-310, 5e-324)];
        int[] positions = [0, 8, 63, 64, 512, 1000, length - 1];
        VectorWidth saved = SpanDriver.MaximumWidth;
        try
        {
            foreach (ActivationFunction f in AllActivations.Instances)
            {
                // Position −1: no outlier, every run inside the window.
                foreach ((int position, double ox, double ody) in outliers.SelectMany(o => positions.Select(p => (p, o.X, o.Dy))).Prepend((-1, 0.0, 0.0)))
                {
                    double[] a = [.. x];
                    double[] b = [.. dy];
                    if (position >= 0)
                    {
                        (a[position], b[position]) = (ox, ody);
                    }

                    var expected = new double[length];
                    var one = new double[1];
                    for (int i = 0; i < length; i++)
                    {
                        f.Backward(a.AsSpan(i, 1), b.AsSpan(i, 1), one);
                        expected[i] = one[0];
                    }

                    SpanDriver.MaximumWidth = width;
                    var actual = new double[length];
                    f.Backward(a, b, actual);
                    SpanDriver.MaximumWidth = saved;
                    ShouldEqualBits(actual, expected, $"{f}.Backward with ({ox:R}, {ody:R}) at {position}, width {width}");

                    float[] fa = [.. a.Select(v => (float)v)];
                    float[] fb = [.. b.Select(v => (float)v)];
                    var floatOne = new float[1];
                    var floatActual = new float[length];
                    SpanDriver.MaximumWidth = width;
                    f.Backward(fa, fb, floatActual);
                    SpanDriver.MaximumWidth = saved;
                    for (int i = 0; i < length; i++)
                    {
                        f.Backward(fa.AsSpan(i, 1), fb.AsSpan(i, 1), floatOne);
                        if (BitConverter.SingleToInt32Bits(floatActual[i]) != BitConverter.SingleToInt32Bits(floatOne[0]))
                        {
                            BitConverter.SingleToInt32Bits(floatActual[i]).Should().Be(BitConverter.SingleToInt32Bits(floatOne[0]), because: $"{f}.Backward over floats with ({ox:R}, {ody:R}) at {position}, width {width}, element {i}");
                        }
                    }
                }
            }
        }
        finally
        {
            SpanDriver.MaximumWidth = saved;
        }
    }

    private static void CompareWidths<T>(ActivationFunction f, Fused op, VectorWidth width, T[] a, T[] b)
        where T : unmanaged
    {
        var expected0 = new T[a.Length];
        var expected1 = new T[a.Length];
        var actual0 = new T[a.Length];
        var actual1 = new T[a.Length];
        SpanDriver.MaximumWidth = VectorWidth.Scalar;
        FusedOperations.Run<T>(f, op, a, b, expected0, expected1);
        SpanDriver.MaximumWidth = width;
        FusedOperations.Run<T>(f, op, a, b, actual0, actual1);
        for (int i = 0; i < a.Length; i++)
        {
            if (FusedOperations.Bits(actual0[i]) != FusedOperations.Bits(expected0[i]) || FusedOperations.Bits(actual1[i]) != FusedOperations.Bits(expected1[i]))
            {
                FusedOperations.Bits(actual0[i]).Should().Be(FusedOperations.Bits(expected0[i]), because: $"{f}.{op} over {typeof(T).Name} at {a[i]}, {b[i]} (element {i} of {a.Length}, width {width})");
                FusedOperations.Bits(actual1[i]).Should().Be(FusedOperations.Bits(expected1[i]), because: $"{f}.{op} gradient over {typeof(T).Name} at {a[i]} (element {i} of {a.Length}, width {width})");
            }
        }
    }

    private static void ShouldEqualBits(ReadOnlySpan<double> actual, double[] expected, string what)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(actual[i]) != BitConverter.DoubleToInt64Bits(expected[i]))
            {
                BitConverter.DoubleToInt64Bits(actual[i]).Should().Be(BitConverter.DoubleToInt64Bits(expected[i]), because: $"{what} at element {i}");
            }
        }
    }

    private static void AssertMatchesScalar(ActivationFunction f, ReadOnlySpan<double> x, ReadOnlySpan<double> actual, string what)
    {
        for (int i = 0; i < x.Length; i++)
        {
            long expected = BitConverter.DoubleToInt64Bits(f.Fn(x[i]));
            if (BitConverter.DoubleToInt64Bits(actual[i]) != expected)
            {
                BitConverter.DoubleToInt64Bits(actual[i]).Should().Be(expected, because: $"{what} at element {i} of {x.Length}, x = {x[i]:R}");
            }
        }
    }

    private static IEnumerable<(string Name, Func<double, double> Scalar, Action<double[], double[]> Span)> Operations(ActivationFunction f)
    {
        yield return ("Fn", f.Fn, (x, d) => f.Fn(x, d));
        yield return ("Grad", f.Grad, (x, d) => f.Grad(x, d));
        yield return ("Grad2", f.Grad2, (x, d) => f.Grad2(x, d));
    }

    /// <summary>Special values, thresholds and a deterministic log-spaced spread of both signs.</summary>
    private static double[] Inputs()
    {
        var values = new List<double>
        {
            double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, double.Epsilon, -double.Epsilon,
            double.MaxValue, double.MinValue, 1e-310, -1e-310, 2.5, -2.5, 709.782712893384, -745.1332191019412,
            -708.3964185322641, 40, -40, 50, -50, 100, -100, 1000, -1000, 1e-20, -1e-20, -700, -700.5, -710, -1100, -1418, -1455,
        };
        var random = new Random(20261129);
        for (int i = 0; i < 400; i++)
        {
            double magnitude = Math.Pow(10, (random.NextDouble() * 20) - 12);
            values.Add(random.Next(2) == 0 ? magnitude : -magnitude);
            values.Add((random.NextDouble() - 0.5) * 20);
        }

        return [.. values];
    }
}

/// <summary>Width tests change a process-wide setting, so they do not run in parallel with each other.</summary>
[CollectionDefinition(nameof(VectorWidthCollection), DisableParallelization = true)]
public sealed class VectorWidthCollection;
