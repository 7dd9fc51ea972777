using System;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using FluentAssertions;

namespace Activations.Tests;

/// <summary>
/// Reproducibility of the training-loop operations (Backward, BackwardFromOutput, FnAndGrad) for
/// double and float: every element of a span call, out of place and in place on either input,
/// has the bits of the same element computed alone (a one-element call runs the scalar path),
/// whatever the length, the offsets and the neighbours; FnAndGrad has the bits of Fn and Grad;
/// a float Backward is the double one at the widened inputs rounded once (the float Fn, Grad and
/// Grad2 of the exponential family have kernels of their own, held to their accuracy by
/// FusedAccuracyTests and Kernels/FloatKernelTests).
/// </summary>
public sealed class FusedOperationTests
{
    /// <summary>Every remainder case of the driver: up to four vectors of up to eight doubles per round, three rounds, plus one.</summary>
    private const int MaxLength = (3 * 8 * 4) + 1;

    [Theory]
    [MemberData(nameof(FusedOperations.Cases), MemberType = typeof(FusedOperations))]
    public void SpansMatchOneElementCallsBitForBit(string name, Fused op, string type)
    {
        ActivationFunction f = AllActivations.Get(name);
        if (type == "double")
        {
            CheckSpans(f, op, FusedInputs.Values, FusedInputs.Gradients);
        }
        else
        {
            CheckSpans(f, op, FusedInputs.FloatValues, FusedInputs.FloatGradients);
        }
    }

    [Theory]
    [MemberData(nameof(AllActivations.Names), MemberType = typeof(AllActivations))]
    public void FnAndGradHasTheBitsOfFnAndGrad(string name)
    {
        ActivationFunction f = AllActivations.Get(name);
        double[] x = FusedInputs.Values;
        var value = new double[x.Length];
        var gradient = new double[x.Length];
        f.FnAndGrad(x, value, gradient);
        value.Select(BitConverter.DoubleToInt64Bits).Should().Equal(f.Fn(x).Select(BitConverter.DoubleToInt64Bits), because: $"{f}.FnAndGrad's values are Fn's");
        gradient.Select(BitConverter.DoubleToInt64Bits).Should().Equal(f.Grad(x).Select(BitConverter.DoubleToInt64Bits), because: $"{f}.FnAndGrad's gradients are Grad's");

        float[] xf = FusedInputs.FloatValues;
        var valueF = new float[xf.Length];
        var gradientF = new float[xf.Length];
        f.FnAndGrad(xf, valueF, gradientF);
        valueF.Select(BitConverter.SingleToInt32Bits).Should().Equal(f.Fn(xf).Select(BitConverter.SingleToInt32Bits), because: $"{f}.FnAndGrad's float values are Fn's");
        gradientF.Select(BitConverter.SingleToInt32Bits).Should().Equal(f.Grad(xf).Select(BitConverter.SingleToInt32Bits), because: $"{f}.FnAndGrad's float gradients are Grad's");
    }

    [Theory]
    [MemberData(nameof(AllActivations.NamesAndOperations), MemberType = typeof(AllActivations))]
    public void FloatSpansMatchOneFloatCallsBitForBit(string name, Operation op)
    {
        ActivationFunction f = AllActivations.Get(name);
        float[] x = FusedInputs.FloatValues;
        float[] span = op switch
        {
            Operation.Fn => f.Fn(x),
            Operation.Grad => f.Grad(x),
            _ => f.Grad2(x),
        };
        for (int i = 0; i < x.Length; i++)
        {
            float scalar = op switch
            {
                Operation.Fn => f.Fn(x[i]),
                Operation.Grad => f.Grad(x[i]),
                _ => f.Grad2(x[i]),
            };
            BitConverter.SingleToInt32Bits(span[i]).Should().Be(BitConverter.SingleToInt32Bits(scalar), because: $"{f}.{op} over floats at {x[i]:R} (element {i}) has the bits of {op}(float)");
        }
    }

    /// <summary>
    /// At the inputs whose results are limits or exact (NaN, ±∞, ±MaxValue, ±0, the smallest
    /// subnormal), every float Fn, Grad and Grad2 — the float kernels of the exponential family
    /// included, which the accuracy suite only meets at finite inputs — is the double result at the
    /// widened input, rounded: NaN for NaN, the same value otherwise (a zero of either sign for a zero).
    /// </summary>
    [Theory]
    [MemberData(nameof(AllActivations.NamesAndOperations), MemberType = typeof(AllActivations))]
    public void FloatSpecialValuesAreTheDoubleResultsRounded(string name, Operation op)
    {
        ActivationFunction f = AllActivations.Get(name);
        float[] x = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.MaxValue, float.MinValue, 0f, -0f, float.Epsilon, -float.Epsilon, 3e38f, -3e38f, 1000f, -1000f];
        float[] span = op switch
        {
            Operation.Fn => f.Fn(x),
            Operation.Grad => f.Grad(x),
            _ => f.Grad2(x),
        };
        for (int i = 0; i < x.Length; i++)
        {
            float expected = (float)f.Scalar(op, x[i]);
            if (float.IsNaN(expected))
            {
                float.IsNaN(span[i]).Should().BeTrue(because: $"{f}.{op}(float {x[i]:R}) is NaN");
            }
            else
            {
                span[i].Should().Be(expected, because: $"{f}.{op}(float {x[i]:R}) is the limit the double overload gives");
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllActivations.Names), MemberType = typeof(AllActivations))]
    public void FloatBackwardIsTheDoubleBackwardRoundedOnce(string name)
    {
        ActivationFunction f = AllActivations.Get(name);
        float[] x = FusedInputs.FloatValues;
        float[] dy = [.. Enumerable.Range(0, x.Length).Select(i => FusedInputs.FloatGradients[i % FusedInputs.FloatGradients.Length])];
        var actual = new float[x.Length];
        f.Backward(x, dy, actual);
        var fromOutput = new float[x.Length];
        if (f.CanBackwardFromOutput)
        {
            f.BackwardFromOutput(x, dy, fromOutput);
        }

        var one = new double[1];
        for (int i = 0; i < x.Length; i++)
        {
            f.Backward([x[i]], [dy[i]], one);
            BitConverter.SingleToInt32Bits(actual[i]).Should().Be(BitConverter.SingleToInt32Bits((float)one[0]),
                because: $"{f}.Backward(float x = {x[i]:R}, dy = {dy[i]:R}) is the double result rounded to float");
            if (f.CanBackwardFromOutput)
            {
                f.BackwardFromOutput([x[i]], [dy[i]], one);
                BitConverter.SingleToInt32Bits(fromOutput[i]).Should().Be(BitConverter.SingleToInt32Bits((float)one[0]),
                    because: $"{f}.BackwardFromOutput(float y = {x[i]:R}, dy = {dy[i]:R}) is the double result rounded to float");
            }
        }
    }

    private static void CheckSpans<T>(ActivationFunction f, Fused op, T[] values, T[] gradients)
        where T : unmanaged
    {
        for (int length = 0; length <= MaxLength; length++)
        {
            // Rotate the pools so that the special values land in a different lane at each length.
            T[] a = [.. Enumerable.Range(0, length).Select(i => values[((length * 7) + i) % values.Length])];
            T[] b = [.. Enumerable.Range(0, length).Select(i => gradients[((length * 5) + i) % gradients.Length])];
            (T[] expected0, T[] expected1) = OneByOne(f, op, a, b);
            foreach ((int offsetA, int offsetD) in new[] { (0, 0), (1, 3) })
            {
                var bufferA = new T[length + offsetA];
                var d0 = new T[length + offsetD];
                var d1 = new T[length + offsetD];
                a.CopyTo(bufferA, offsetA);
                FusedOperations.Run<T>(f, op, bufferA.AsSpan(offsetA), b, d0.AsSpan(offsetD), d1.AsSpan(offsetD));
                Compare(f, op, a, b, expected0, d0.AsSpan(offsetD), "out of place");
                if (op == Fused.FnAndGrad)
                {
                    Compare(f, op, a, b, expected1, d1.AsSpan(offsetD), "out of place, gradient");
                }
            }

            // In place: the destination is the first input, then (for the backward passes) the second.
            T[] inPlace = [.. a];
            var other = new T[length];
            FusedOperations.Run<T>(f, op, inPlace, b, inPlace, other);
            Compare(f, op, a, b, expected0, inPlace, "in place on the first input");
            if (op == Fused.FnAndGrad)
            {
                inPlace = [.. a];
                FusedOperations.Run<T>(f, op, inPlace, b, other, inPlace);
                Compare(f, op, a, b, expected1, inPlace, "gradient in place on x");
            }
            else
            {
                T[] inPlaceB = [.. b];
                FusedOperations.Run<T>(f, op, a, inPlaceB, inPlaceB, other);
                Compare(f, op, a, b, expected0, inPlaceB, "in place on outputGradient");
            }
        }
    }

    /// <summary>Each element computed alone (a one-element call takes the scalar path).</summary>
    private static (T[] First, T[] Second) OneByOne<T>(ActivationFunction f, Fused op, T[] a, T[] b)
        where T : unmanaged
    {
        var first = new T[a.Length];
        var second = new T[a.Length];
        for (int i = 0; i < a.Length; i++)
        {
            FusedOperations.Run<T>(f, op, a.AsSpan(i, 1), b.AsSpan(i, 1), first.AsSpan(i, 1), second.AsSpan(i, 1));
        }

        return (first, second);
    }

    private static void Compare<T>(ActivationFunction f, Fused op, T[] a, T[] b, T[] expected, ReadOnlySpan<T> actual, string mode)
        where T : unmanaged
    {
        for (int i = 0; i < a.Length; i++)
        {
            if (FusedOperations.Bits(actual[i]) != FusedOperations.Bits(expected[i]))
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{f}.{op} over {typeof(T).Name} ({mode}) differs from the element computed alone at {i} of {a.Length}: " +
                    $"inputs {a[i]:R}, {b[i]:R}; alone {expected[i]:R} (0x{FusedOperations.Bits(expected[i]):X}), span {actual[i]:R} (0x{FusedOperations.Bits(actual[i]):X})"));
            }
        }
    }
}

/// <summary>Inputs of the fused-operation suites: values that reach every branch, and gradients dy of every magnitude.</summary>
internal static class FusedInputs
{
    public static double[] Values { get; } =
    [
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, double.Epsilon, -double.Epsilon,
        double.MaxValue, double.MinValue, 2.2250738585072014e-308, 1e-300, -1e-300,
        0.35, -0.35, 0.175, -0.175, 0.5, -0.5, 1, -1, 2.5, -2.5, Math.BitIncrement(2.5), Math.BitDecrement(-2.5),
        19.06, -19.06, 40, -40, 300, -300, 600, -600, 704, -704, 709.79, -745.2, 800, -800, 1000, -1000, 1e300, -1e300,
        .. Enumerable.Range(-12, 25).Select(i => i * 0.613),
    ];

    public static double[] Gradients { get; } =
    [
        1, -1, 0.0, -0.0, 0.5, 3.25, -7.5e-3, 1e300, -1e300, 1e-300, double.Epsilon, -double.Epsilon, double.MaxValue,
        double.PositiveInfinity, double.NegativeInfinity, double.NaN, 2.2250738585072014e-308, 0.1, -2.7,
    ];

    public static float[] FloatValues { get; } =
    [
        .. Values.Select(v => (float)v),
        float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue, 1.17549435e-38f, -1.17549435e-38f,
        88.72f, -88.72f, -103.98f, 15.9f, -9.01f, 1e-30f, -1e-30f,

        // Signalling and payload NaNs, built from their bits at run time (a float constant may pass
        // through a double, which would quiet it): the widening to double quiets them, and the float
        // lanes must give the same bits.
        .. MemoryMarshal.Cast<int, float>(new[] { 0x7F80_0001, unchecked((int)0xFF81_2345), 0x7FC0_0123, 0x7FBF_FFFF }).ToArray(),
    ];

    public static float[] FloatGradients { get; } =
    [
        .. Gradients.Select(v => (float)v),
        float.MaxValue, float.Epsilon, -float.Epsilon, 1e-38f, 3e38f,
    ];
}
