using System.Runtime.CompilerServices;
using Activations.Numerics;

namespace Activations.Kernels;

// Kernels of LogSigmoid, ln σ(x) = −softplus(−x), and its derivatives σ(−x) and −σ′(x): the
// SoftPlus and logistic cores at −x, with exact negations, so every accuracy bound of those
// carries over unchanged (a negation neither rounds nor moves a value relative to its ulp). Each
// kernel returns its own NaN input (the cores would return the negated NaN, with the sign bit flipped).

/// <summary>ln σ(x) = −softplus(−x): x to the last bit for x &lt; −40, −e^−x for x &gt; 40 (−0 once that underflows, and at +∞).</summary>
internal readonly struct LogSigmoidFn : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, TOps.Negate(Core<T, TMask, TOps>.SoftPlus(TOps.Negate(x))));
}

/// <summary>σ(−x) = 1 − σ(x), without the subtraction.</summary>
internal readonly struct LogSigmoidGrad : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, Core<T, TMask, TOps>.Sigmoid(TOps.Negate(x)));
}

/// <summary>−σ(x)(1 − σ(x)) = −σ′(x) (σ′ is even).</summary>
internal readonly struct LogSigmoidGrad2 : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, TOps.Negate(Core<T, TMask, TOps>.SigmoidGrad(x)));
}

/// <summary>dy·σ(−x): SoftPlus's backward pass at −x (no from-output form).</summary>
internal readonly struct LogSigmoidBackward : IBinaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, Core<T, TMask, TOps>.SigmoidBackward(TOps.Negate(x), dy));
}

/// <summary>
/// −softplus(−x) and σ(−x): <see cref="LogSigmoidFn"/> and <see cref="LogSigmoidGrad"/>, from
/// SoftPlus's pair at −x (<see cref="SoftPlusFnAndGrad"/>, bit-identical to SoftPlus and σ alone).
/// </summary>
internal readonly struct LogSigmoidFnAndGrad : IPairKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask>
    {
        T v = Core<T, TMask, TOps>.SoftPlusAndSigmoid(TOps.Negate(x), out T sigmoid);
        second = Core<T, TMask, TOps>.PropagateNaN(x, sigmoid);
        return Core<T, TMask, TOps>.PropagateNaN(x, TOps.Negate(v));
    }
}

/// <summary>ln σ(x) = −softplus(−x) for float inputs: <see cref="SoftPlusForFloat"/> at −x, negated.</summary>
internal readonly struct LogSigmoidForFloat : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, TOps.Negate(Core<T, TMask, TOps>.SoftPlusForFloat(TOps.Negate(x))));
}

/// <summary>σ(−x) for float inputs: <see cref="SigmoidForFloat"/> at −x.</summary>
internal readonly struct LogSigmoidGradForFloat : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, Core<T, TMask, TOps>.SigmoidForFloat(TOps.Negate(x)));
}

/// <summary>−σ′(x) for float inputs: <see cref="SigmoidGradForFloat"/>, negated.</summary>
internal readonly struct LogSigmoidGrad2ForFloat : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, TOps.Negate(Core<T, TMask, TOps>.SigmoidGradForFloat(x)));
}

/// <summary>
/// (−softplus(−x), σ(−x)) for float inputs: <see cref="SoftPlusAndGradForFloat"/> at −x, with the
/// bits of <see cref="LogSigmoidForFloat"/> and <see cref="LogSigmoidGradForFloat"/>.
/// </summary>
internal readonly struct LogSigmoidAndGradForFloat : IPairKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask>
    {
        T v = Core<T, TMask, TOps>.SoftPlusAndGradForFloat(TOps.Negate(x), out T sigmoid);
        second = Core<T, TMask, TOps>.PropagateNaN(x, sigmoid);
        return Core<T, TMask, TOps>.PropagateNaN(x, TOps.Negate(v));
    }
}
