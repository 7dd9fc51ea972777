using System.Runtime.CompilerServices;
using Activations.Numerics;

namespace Activations.Kernels;

// Kernels of Mish, x·tanh(softplus(x)), and its derivatives (the math, with its error analysis and
// the root neighbourhoods, is in Numerics/Core.Mish.cs).

/// <summary>x·tanh(ln(1 + eˣ)): x for x &gt; 40, x·eˣ rounded once below −600, −0 at −∞.</summary>
internal readonly struct MishFn : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, Core<T, TMask, TOps>.Mish(x));
}

/// <summary>g + x·σ(x)·(1 − g²) with g = tanh(softplus(x)): 1 for x &gt; 40, (1 + x)eˣ below −600, −0 at −∞.</summary>
internal readonly struct MishGrad : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, Core<T, TMask, TOps>.MishGrad(x));
}

/// <summary>σ(x)(1 − g²)[2 + x(1 − σ(x) − 2g·σ(x))]: (2 + x)eˣ below −600, 8(1 − x)e⁻²ˣ above 300, −0 at ±∞.</summary>
internal readonly struct MishGrad2 : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, Core<T, TMask, TOps>.MishGrad2(x));
}

/// <summary>dy·Mish′(x), the exact product rounded once: Mish's backward pass (no from-output form).</summary>
internal readonly struct MishBackward : IBinaryKernel
{
    public static bool IsLight => false;

    public static bool IsWindowed => true;

    public double WindowLimit => Core<double, bool, ScalarOps>.BackwardDirectLimit;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T InvokeFast<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.MishBackwardFast(x, dy);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.MishBackward(x, dy);
}

/// <summary>
/// Mish and its derivative from one e^−|x| and one g = num/den's terms (Core.Mish.cs), with the bits
/// of <see cref="MishFn"/> and <see cref="MishGrad"/> alone.
/// </summary>
internal readonly struct MishFnAndGrad : IPairKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask>
    {
        T v = Core<T, TMask, TOps>.MishAndGrad(x, out T grad);
        second = Core<T, TMask, TOps>.PropagateNaN(x, grad);
        return Core<T, TMask, TOps>.PropagateNaN(x, v);
    }
}

/// <summary>x·tanh(softplus(x)) for float inputs (2^−45 relative before the rounding to float; Numerics/Core.MishForFloat.cs).</summary>
internal readonly struct MishForFloat : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.MishForFloat(x);
}

/// <summary>Mish′ for float inputs.</summary>
internal readonly struct MishGradForFloat : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.MishGradForFloat(x);
}

/// <summary>Mish″ for float inputs.</summary>
internal readonly struct MishGrad2ForFloat : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.MishGrad2ForFloat(x);
}

/// <summary>Mish and Mish′ for float inputs, with the bits of <see cref="MishForFloat"/> and <see cref="MishGradForFloat"/>.</summary>
internal readonly struct MishAndGradForFloat : IPairKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.MishAndGradForFloat(x, out second);
}
