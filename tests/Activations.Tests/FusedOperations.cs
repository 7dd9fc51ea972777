using System;
using System.Runtime.InteropServices;

namespace Activations.Tests;

/// <summary>The training-loop operations, each over two spans in and one or two out.</summary>
public enum Fused
{
    /// <summary>dy·f′(x): a = x, b = dy, d0 = destination.</summary>
    Backward,

    /// <summary>dy·g(y): a = y, b = dy, d0 = destination.</summary>
    BackwardFromOutput,

    /// <summary>f(x) and f′(x): a = x, d0 = value, d1 = gradient (b unused).</summary>
    FnAndGrad,
}

/// <summary>Calls of the fused operations and the float overloads, generic over the element type, for the shared suites.</summary>
public static class FusedOperations
{
    /// <summary>Every activation with every fused operation it has, for double and float, for <c>[MemberData]</c>.</summary>
    /// <returns>Rows of (activation name, operation, element type name).</returns>
    public static TheoryData<string, Fused, string> Cases()
    {
        var data = new TheoryData<string, Fused, string>();
        foreach (ActivationFunction f in AllActivations.Instances)
        {
            foreach (Fused op in Enum.GetValues<Fused>())
            {
                if (op != Fused.BackwardFromOutput || f.CanBackwardFromOutput)
                {
                    data.Add(f.ToString(), op, "double");
                    data.Add(f.ToString(), op, "float");
                }
            }
        }

        return data;
    }

    /// <summary>Runs <paramref name="op"/> of <paramref name="f"/> over spans of double or float.</summary>
    /// <typeparam name="T">double or float.</typeparam>
    /// <param name="f">The activation.</param>
    /// <param name="op">The operation.</param>
    /// <param name="a">x, or y for <see cref="Fused.BackwardFromOutput"/>.</param>
    /// <param name="b">dy (unused by <see cref="Fused.FnAndGrad"/>).</param>
    /// <param name="d0">The destination, or the values of <see cref="Fused.FnAndGrad"/>.</param>
    /// <param name="d1">The gradients of <see cref="Fused.FnAndGrad"/> (unused otherwise).</param>
    public static void Run<T>(ActivationFunction f, Fused op, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> d0, Span<T> d1)
        where T : unmanaged
    {
        if (typeof(T) == typeof(double))
        {
            Run(f, op, Cast<T, double>(a), Cast<T, double>(b), Cast<T, double>(d0), Cast<T, double>(d1));
        }
        else
        {
            Run(f, op, Cast<T, float>(a), Cast<T, float>(b), Cast<T, float>(d0), Cast<T, float>(d1));
        }
    }

    /// <summary>The bits of a double or a float, for exact comparisons and messages.</summary>
    /// <typeparam name="T">double or float.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>Its bits, widened to a long.</returns>
    public static long Bits<T>(T value)
        where T : unmanaged =>
        value is double d ? BitConverter.DoubleToInt64Bits(d) : BitConverter.SingleToInt32Bits((float)(object)value);

    private static void Run(ActivationFunction f, Fused op, ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> d0, Span<double> d1)
    {
        switch (op)
        {
            case Fused.Backward:
                f.Backward(a, b, d0);
                break;
            case Fused.BackwardFromOutput:
                f.BackwardFromOutput(a, b, d0);
                break;
            default:
                f.FnAndGrad(a, d0, d1);
                break;
        }
    }

    private static void Run(ActivationFunction f, Fused op, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> d0, Span<float> d1)
    {
        switch (op)
        {
            case Fused.Backward:
                f.Backward(a, b, d0);
                break;
            case Fused.BackwardFromOutput:
                f.BackwardFromOutput(a, b, d0);
                break;
            default:
                f.FnAndGrad(a, d0, d1);
                break;
        }
    }

    private static ReadOnlySpan<TTo> Cast<TFrom, TTo>(ReadOnlySpan<TFrom> span)
        where TFrom : unmanaged
        where TTo : unmanaged =>
        MemoryMarshal.Cast<TFrom, TTo>(span);

    private static Span<TTo> Cast<TFrom, TTo>(Span<TFrom> span)
        where TFrom : unmanaged
        where TTo : unmanaged =>
        MemoryMarshal.Cast<TFrom, TTo>(span);
}
