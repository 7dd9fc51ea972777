using System.Runtime.CompilerServices;
using Activations.Numerics;

namespace Activations.Kernels;

// Kernels of the exact GELU, x·Φ(x), and its derivatives Φ(x) + x·φ(x) and φ(x)(2 − x²)
// (the math, with its error analysis, is in Numerics/Core.Erf.cs).

/// <summary>x·Φ(x): −0 at −∞, +∞ at +∞.</summary>
internal readonly struct GeluExactFn : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, Core<T, TMask, TOps>.GeluExact(x));
}

/// <summary>Φ(x) + x·φ(x): −0 at −∞, 1 at +∞.</summary>
internal readonly struct GeluExactGrad : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, Core<T, TMask, TOps>.GeluExactGrad(x));
}

/// <summary>φ(x)(2 − x²): −0 at ±∞.</summary>
internal readonly struct GeluExactGrad2 : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, Core<T, TMask, TOps>.GeluExactGrad2(x));
}

/// <summary>dy·(Φ(x) + x·φ(x)), the exact product rounded once: the exact GELU's backward pass (no from-output form).</summary>
internal readonly struct GeluExactBackward : IBinaryKernel
{
    public static bool IsLight => false;

    public static bool IsWindowed => true;

    public double WindowLimit => Core<double, bool, ScalarOps>.GeluBackwardDirectLimit;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T InvokeFast<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.GeluExactBackwardFast(x, dy);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.GeluExactBackward(x, dy);
}

/// <summary>
/// The exact GELU and its derivative: φ(|x|), the Mills ratio's polynomial and the root's factor are
/// computed once and shared, and each result is assembled by the operations of <see cref="GeluExactFn"/>
/// and <see cref="GeluExactGrad"/> alone, so it has their bits.
/// </summary>
internal readonly struct GeluExactFnAndGrad : IPairKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask>
    {
        T value = Core<T, TMask, TOps>.GeluExactAndGrad(x, out T grad);
        second = Core<T, TMask, TOps>.PropagateNaN(x, grad);
        return Core<T, TMask, TOps>.PropagateNaN(x, value);
    }
}
