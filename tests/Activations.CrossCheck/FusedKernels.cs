using System;

namespace Activations.CrossCheck;

/// <summary>
/// The training-loop operations and the float overloads as maps of x to one result, so that the
/// cross-check writes them like Fn, Grad and Grad2. A backward pass takes dy as a fixed function
/// of x (<see cref="Gradient"/>: every kind of dy, chosen by x's bits), a float overload the input
/// rounded to float, and its result is written widened (exactly) to double.
/// </summary>
internal static class FusedKernels
{
    private static readonly double[] Gradients =
    [
        1, -1, 0.7, -3.1, 1e300, -1e300, 1e-300, -5e-324, double.MaxValue, 2.2250738585072014e-308,
        0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1e-20, 1e20,
    ];

    /// <summary>Every fourth input: the operations share the kernels' paths, which Fn, Grad and Grad2 cover on every input.</summary>
    public const int Stride = 4;

    public static Kernel[] All { get; } =
    [
        new("Backward", (f, x) => One(x, (a, d) => f.Backward(a, Gradient(a), d)), (f, x, d) => f.Backward(x, Gradient(x), d), InputStride: Stride),
        new("BackwardFromOutput", (f, x) => One(x, (a, d) => f.BackwardFromOutput(a, Gradient(a), d)), (f, x, d) => f.BackwardFromOutput(x, Gradient(x), d), f => f.CanBackwardFromOutput, Stride),
        new("FnAndGrad.value", (f, x) => One(x, (a, d) => f.FnAndGrad(a, d, new double[a.Length])), (f, x, d) => f.FnAndGrad(x, d, new double[x.Length]), InputStride: Stride),
        new("FnAndGrad.gradient", (f, x) => One(x, (a, d) => f.FnAndGrad(a, new double[a.Length], d)), (f, x, d) => f.FnAndGrad(x, new double[x.Length], d), InputStride: Stride),
        new("Fn(float)", (f, x) => f.Fn((float)x), (f, x, d) => Float(x, d, (a, b) => f.Fn(a, b)), InputStride: Stride),
        new("Grad(float)", (f, x) => f.Grad((float)x), (f, x, d) => Float(x, d, (a, b) => f.Grad(a, b)), InputStride: Stride),
        new("Grad2(float)", (f, x) => f.Grad2((float)x), (f, x, d) => Float(x, d, (a, b) => f.Grad2(a, b)), InputStride: Stride),
        new("Backward(float)", (f, x) => Float([x], (a, b) => f.Backward(a, FloatGradient(a), b)), (f, x, d) => Float(x, d, (a, b) => f.Backward(a, FloatGradient(a), b)), InputStride: Stride),
    ];

    /// <summary>dy for each x: a fixed choice among the kinds of dy, by x's bits.</summary>
    public static double[] Gradient(ReadOnlySpan<double> x)
    {
        var dy = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            dy[i] = Gradients[(int)(BitConverter.DoubleToUInt64Bits(x[i]) % (ulong)Gradients.Length)];
        }

        return dy;
    }

    private static float[] FloatGradient(ReadOnlySpan<float> x)
    {
        var dy = new float[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            dy[i] = (float)Gradients[(int)(BitConverter.SingleToUInt32Bits(x[i]) % (uint)Gradients.Length)];
        }

        return dy;
    }

    private static double One(double x, SpanAction action)
    {
        var d = new double[1];
        action([x], d);
        return d[0];
    }

    private static double Float(double[] x, FloatAction action)
    {
        var d = new double[1];
        Float(x, d, action);
        return d[0];
    }

    private static void Float(ReadOnlySpan<double> x, Span<double> destination, FloatAction action)
    {
        var a = new float[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            a[i] = (float)x[i];
        }

        var b = new float[x.Length];
        action(a, b);
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = b[i];
        }
    }

    private delegate void SpanAction(ReadOnlySpan<double> x, Span<double> destination);

    private delegate void FloatAction(ReadOnlySpan<float> x, Span<float> destination);
}
