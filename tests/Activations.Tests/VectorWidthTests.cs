using System;
using System.Collections.Generic;
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
            foreach (ActivationFunction f in Catalogue())
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

    private static IEnumerable<ActivationFunction> Catalogue() =>
    [
        new Affine(2, -1), new ELU(0.5), new ELU(double.MaxValue), new ELU(1e-300), new Exponential(), new HardSigmoid(), new Identity(),
        new LeakyReLU(0.01), new ReLU(), new SELU(), new Sigmoid(), new SoftPlus(), new Tanh(),
    ];

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
