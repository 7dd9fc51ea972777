using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Activations.Sample;

/// <summary>
/// The library's span methods for a generic element type. <see cref="ActivationFunction"/> has a
/// <see cref="float"/> and a <see cref="double"/> overload of each; these pick the one for
/// <typeparamref name="T"/> (the JIT compiles each instantiation to a direct call, without the
/// branch) so that <see cref="DenseLayer{T}"/> is written once. Code for one type calls the
/// library directly and needs none of this.
/// </summary>
internal static class GenericActivation
{
    /// <summary>f(x) into destination (<see cref="ActivationFunction.Fn(ReadOnlySpan{float}, Span{float})"/>).</summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="activation">The activation.</param>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives f(x); may be the same memory as x.</param>
    public static void Fn<T>(this ActivationFunction activation, ReadOnlySpan<T> x, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            activation.Fn(AsFloat(x), AsFloat(destination));
        }
        else
        {
            activation.Fn(AsDouble(x), AsDouble(destination));
        }
    }

    /// <summary>dy·f′(x) into destination (<see cref="ActivationFunction.Backward(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/>).</summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="activation">The activation.</param>
    /// <param name="x">The inputs of the activation.</param>
    /// <param name="outputGradient">dy, the gradient with respect to f(x).</param>
    /// <param name="destination">Receives the gradient with respect to x; may be the same memory as either input.</param>
    public static void Backward<T>(this ActivationFunction activation, ReadOnlySpan<T> x, ReadOnlySpan<T> outputGradient, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            activation.Backward(AsFloat(x), AsFloat(outputGradient), AsFloat(destination));
        }
        else
        {
            activation.Backward(AsDouble(x), AsDouble(outputGradient), AsDouble(destination));
        }
    }

    /// <summary>dy·f′ from the outputs y = f(x) into destination (<see cref="ActivationFunction.BackwardFromOutput(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/>).</summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="activation">The activation; its <see cref="ActivationFunction.CanBackwardFromOutput"/> must be true.</param>
    /// <param name="y">The outputs of the activation.</param>
    /// <param name="outputGradient">dy, the gradient with respect to y.</param>
    /// <param name="destination">Receives the gradient with respect to x; may be the same memory as either input.</param>
    public static void BackwardFromOutput<T>(this ActivationFunction activation, ReadOnlySpan<T> y, ReadOnlySpan<T> outputGradient, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            activation.BackwardFromOutput(AsFloat(y), AsFloat(outputGradient), AsFloat(destination));
        }
        else
        {
            activation.BackwardFromOutput(AsDouble(y), AsDouble(outputGradient), AsDouble(destination));
        }
    }

    // Reinterpreting a span keeps its address and length, so in-place calls stay in place.
    private static ReadOnlySpan<float> AsFloat<T>(ReadOnlySpan<T> span)
        where T : unmanaged => MemoryMarshal.Cast<T, float>(span);

    private static Span<float> AsFloat<T>(Span<T> span)
        where T : unmanaged => MemoryMarshal.Cast<T, float>(span);

    // IFloatingPointIeee754 also admits Half and NFloat, which the library does not compute in.
    private static ReadOnlySpan<double> AsDouble<T>(ReadOnlySpan<T> span)
        where T : unmanaged => typeof(T) == typeof(double) ? MemoryMarshal.Cast<T, double>(span) : throw Unsupported<T>();

    private static Span<double> AsDouble<T>(Span<T> span)
        where T : unmanaged => typeof(T) == typeof(double) ? MemoryMarshal.Cast<T, double>(span) : throw Unsupported<T>();

    private static NotSupportedException Unsupported<T>() =>
        new($"The library computes in float and double, not {typeof(T).Name}.");
}
