using System.Runtime.CompilerServices;
using Activations.Numerics;

namespace Activations.Kernels;

// Kernels of LogSigmoid, ln σ(x) = −softplus(−x), and its derivatives σ(−x) and −σ′(x): the
// SoftPlus and logistic kernels (the double ones or the float ones) at −x, with exact negations,
// so every accuracy bound of those carries over unchanged (a negation neither rounds nor moves a
// value relative to its ulp). Each kernel returns its own NaN input (the inner kernels would
// return the negated NaN, with the sign bit flipped).

/// <summary>
/// ln σ(x) = −softplus(−x): the SoftPlus kernel at −x, negated — for doubles x to the last bit for
/// x &lt; −40, −e^−x for x &gt; 40 (−0 once that underflows, and at +∞); for floats the float kernel.
/// </summary>
internal readonly struct LogSigmoidFn<TSoftPlus> : IUnaryKernel
    where TSoftPlus : struct, IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, TOps.Negate(default(TSoftPlus).Invoke<T, TMask, TOps>(TOps.Negate(x))));
}

/// <summary>σ(−x) = 1 − σ(x), without the subtraction: the σ kernel at −x.</summary>
internal readonly struct LogSigmoidGrad<TSigmoid> : IUnaryKernel
    where TSigmoid : struct, IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, default(TSigmoid).Invoke<T, TMask, TOps>(TOps.Negate(x)));
}

/// <summary>−σ(x)(1 − σ(x)) = −σ′(x) (σ′ is even): the σ′ kernel, negated.</summary>
internal readonly struct LogSigmoidGrad2<TSigmoidGrad> : IUnaryKernel
    where TSigmoidGrad : struct, IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, TOps.Negate(default(TSigmoidGrad).Invoke<T, TMask, TOps>(x)));
}

/// <summary>dy·σ(−x): SoftPlus's backward pass at −x (no from-output form).</summary>
internal readonly struct LogSigmoidBackward : IBinaryKernel
{
    public static bool IsLight => false;

    public static bool IsWindowed => true;

    public double WindowLimit => Core<double, bool, ScalarOps>.BackwardDirectLimit;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T InvokeFast<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.SigmoidBackwardFast(TOps.Negate(x), dy);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, Core<T, TMask, TOps>.SigmoidBackward(TOps.Negate(x), dy));
}

/// <summary>
/// −softplus(−x) and σ(−x): SoftPlus's pair at −x (which has the bits of SoftPlus and σ alone), so
/// the results have the bits of <see cref="LogSigmoidFn{TSoftPlus}"/> and <see cref="LogSigmoidGrad{TSigmoid}"/>.
/// </summary>
internal readonly struct LogSigmoidFnAndGrad<TSoftPlusPair> : IPairKernel
    where TSoftPlusPair : struct, IPairKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask>
    {
        T v = default(TSoftPlusPair).Invoke<T, TMask, TOps>(TOps.Negate(x), out T sigmoid);
        second = Core<T, TMask, TOps>.PropagateNaN(x, sigmoid);
        return Core<T, TMask, TOps>.PropagateNaN(x, TOps.Negate(v));
    }
}
