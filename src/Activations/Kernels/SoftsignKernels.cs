using System.Runtime.CompilerServices;
using Activations.Numerics;

namespace Activations.Kernels;

// Kernels of Softsign, x/(1 + |x|), and its derivatives 1/(1 + |x|)² and −2·sign(x)/(1 + |x|)³
// (the math, with its error analysis, is in Numerics/Core.Softsign.cs).

/// <summary>x/(1 + |x|): ±1 for |x| &gt; 2⁶⁰ and at ±∞.</summary>
internal readonly struct SoftsignFn : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, Core<T, TMask, TOps>.Softsign(x));
}

/// <summary>1/(1 + |x|)²: +0 at ±∞.</summary>
internal readonly struct SoftsignGrad : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, Core<T, TMask, TOps>.SoftsignGrad(x));
}

/// <summary>−2·sign(x)/(1 + |x|)³, +2 at ±0 (the x ≤ 0 side).</summary>
internal readonly struct SoftsignGrad2 : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, Core<T, TMask, TOps>.SoftsignGrad2(x));
}

/// <summary>dy/(1 + |x|)², the exact product rounded once: Softsign's backward pass (no from-output form).</summary>
internal readonly struct SoftsignBackward : IBinaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.SoftsignBackward(x, dy);
}

/// <summary>
/// Softsign and its derivative: <see cref="SoftsignFn"/> and <see cref="SoftsignGrad"/>, the same
/// operations on the same operands (the exact 1 + |x| they both start from is one two-sum, which the
/// JIT may share), so the bits of each kernel alone.
/// </summary>
internal readonly struct SoftsignFnAndGrad : IPairKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask>
    {
        second = default(SoftsignGrad).Invoke<T, TMask, TOps>(x);
        return default(SoftsignFn).Invoke<T, TMask, TOps>(x);
    }
}

/// <summary>x/(1 + |x|) for float results: x·r with r = 1/(1 + |x|) (Core.Softsign.cs, <see cref="Core{T, TMask, TOps}.SoftsignForFloat"/>).</summary>
internal readonly struct SoftsignForFloat : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, Core<T, TMask, TOps>.SoftsignForFloat(x, Core<T, TMask, TOps>.SoftsignReciprocalForFloat(x)));
}

/// <summary>1/(1 + |x|)² for float results: r².</summary>
internal readonly struct SoftsignGradForFloat : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, Core<T, TMask, TOps>.SoftsignGradForFloat(Core<T, TMask, TOps>.SoftsignReciprocalForFloat(x)));
}

/// <summary>−2·sign(x)/(1 + |x|)³ for float results: ∓2·r³, +2 at ±0.</summary>
internal readonly struct SoftsignGrad2ForFloat : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, Core<T, TMask, TOps>.SoftsignGrad2ForFloat(x, Core<T, TMask, TOps>.SoftsignReciprocalForFloat(x)));
}

/// <summary>
/// Softsign and its derivative for float results from one reciprocal: the operations of
/// <see cref="SoftsignForFloat"/> and <see cref="SoftsignGradForFloat"/> on the same r, so their bits.
/// </summary>
internal readonly struct SoftsignAndGradForFloat : IPairKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask>
    {
        T r = Core<T, TMask, TOps>.SoftsignReciprocalForFloat(x);
        second = Core<T, TMask, TOps>.PropagateNaN(x, Core<T, TMask, TOps>.SoftsignGradForFloat(r));
        return Core<T, TMask, TOps>.PropagateNaN(x, Core<T, TMask, TOps>.SoftsignForFloat(x, r));
    }
}
