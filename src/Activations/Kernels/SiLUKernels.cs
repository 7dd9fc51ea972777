using System.Runtime.CompilerServices;
using Activations.Numerics;

namespace Activations.Kernels;

// Kernels of SiLU, x·σ(x), and its derivatives σ(x)(1 + x·σ(−x)) and σ′(x)(2 − x·tanh(x/2))
// (the math, with its error analysis, is in Numerics/Core.SiLU.cs).

/// <summary>x·σ(x): −0 at −∞ (and wherever x·eˣ underflows), +∞ at +∞.</summary>
internal readonly struct SiLUFn : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, Core<T, TMask, TOps>.SiLU(x));
}

/// <summary>σ(x)(1 + x·σ(−x)): −0 at −∞, 1 at +∞.</summary>
internal readonly struct SiLUGrad : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, Core<T, TMask, TOps>.SiLUGrad(x));
}

/// <summary>σ′(x)(2 − x·tanh(x/2)): −0 at ±∞.</summary>
internal readonly struct SiLUGrad2 : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, Core<T, TMask, TOps>.SiLUGrad2(x));
}

/// <summary>dy·σ(x)(1 + x·σ(−x)), the exact product rounded once: SiLU's backward pass (no from-output form).</summary>
internal readonly struct SiLUBackward : IBinaryKernel
{
    public static bool IsLight => false;

    public static bool IsWindowed => true;

    public double WindowLimit => Core<double, bool, ScalarOps>.BackwardDirectLimit;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T InvokeFast<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.SiLUBackwardFast(x, dy);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.SiLUBackward(x, dy);
}

/// <summary>
/// SiLU and its derivative: <see cref="SiLUFn"/> and <see cref="SiLUGrad"/>, sharing e^−|x| and
/// 1 + e^−|x| (the same operations on the same operands), so the bits of each kernel alone.
/// </summary>
internal readonly struct SiLUFnAndGrad : IPairKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask>
    {
        T v = Core<T, TMask, TOps>.SiLUAndGrad(x, out T grad);
        second = Core<T, TMask, TOps>.PropagateNaN(x, grad);
        return Core<T, TMask, TOps>.PropagateNaN(x, v);
    }
}

/// <summary>x·σ(x) for float inputs: the fast evaluation with the rounding test (Numerics/Core.FloatFast.cs), else the precise kernel (2^−45 relative before the rounding to float; Numerics/Core.SiLUForFloat.cs).</summary>
internal readonly struct SiLUForFloat : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.SiLUForFloatFast(x);
}

/// <summary>σ(x)(1 + x·σ(−x)) for float inputs: fast away from its root, as <see cref="SiLUForFloat"/>.</summary>
internal readonly struct SiLUGradForFloat : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.SiLUGradForFloatFast(x);
}

/// <summary>σ′(x)(2 − x·tanh(x/2)) for float inputs: fast away from its roots, as <see cref="SiLUForFloat"/>.</summary>
internal readonly struct SiLUGrad2ForFloat : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.SiLUGrad2ForFloatFast(x);
}

/// <summary>SiLU and its derivative for float inputs, with the bits of <see cref="SiLUForFloat"/> and <see cref="SiLUGradForFloat"/>.</summary>
internal readonly struct SiLUAndGradForFloat : IPairKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.SiLUAndGradForFloatFast(x, out second);
}
