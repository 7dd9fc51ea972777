using System.Runtime.CompilerServices;
using Activations.Numerics;

namespace Activations.Kernels;

// Kernels of GELU's tanh approximation, (x/2)(1 + tanh(√(2/π)(x + 0.044715x³))) = x·σ(b(x)), and its
// derivatives (the math, with its error analysis, is in Numerics/Core.GeluApproximate.cs).

/// <summary>x·σ(b(x)): x itself for x &gt; 19.968 and at +∞, −0 where it underflows (x &lt; −21.547) and at −∞.</summary>
internal readonly struct GeluApproximateFn : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, Core<T, TMask, TOps>.GeluApproximate(x));
}

/// <summary>
/// x·σ(b(x)) for float inputs: the fast evaluation with the rounding test (Numerics/Core.FloatFast.cs), else
/// <see cref="GeluApproximateFn"/>, whose double is within 1 ulp of the exact value and so rounds to the float the
/// test guarantees: the bits of <see cref="GeluApproximateFn"/> rounded to float on every path.
/// </summary>
internal readonly struct GeluApproximateForFloat : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.GeluApproximateForFloatFast(x);
}

/// <summary>f′ = σ(b) + x·σ′(b)·b′(x): 1 at +∞, −0 at −∞, with the root near −0.7525 to the last bit.</summary>
internal readonly struct GeluApproximateGrad : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, Core<T, TMask, TOps>.GeluApproximateGrad(x));
}

/// <summary>f′ for float inputs: the fast evaluation with the rounding test away from the root, else <see cref="GeluApproximateGrad"/> (the bits of <see cref="GeluApproximateGrad"/> rounded to float, as for <see cref="GeluApproximateForFloat"/>).</summary>
internal readonly struct GeluApproximateGradForFloat : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.GeluApproximateGradForFloatFast(x);
}

/// <summary>f″ = σ′(b)(2b′ + x·b″) + x·σ″(b)·b′²: even, −0 at ±∞, with the roots near ±1.4185 to the last bit.</summary>
internal readonly struct GeluApproximateGrad2 : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, Core<T, TMask, TOps>.GeluApproximateGrad2(x));
}

/// <summary>f″ for float inputs: the fast evaluation with the rounding test away from the roots, else <see cref="GeluApproximateGrad2"/> (the bits of <see cref="GeluApproximateGrad2"/> rounded to float, as for <see cref="GeluApproximateForFloat"/>).</summary>
internal readonly struct GeluApproximateGrad2ForFloat : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.GeluApproximateGrad2ForFloatFast(x);
}

/// <summary>dy·f′(x), the exact product rounded once: the approximate GELU's backward pass (no from-output form).</summary>
internal readonly struct GeluApproximateBackward : IBinaryKernel
{
    public static bool IsLight => false;

    public static bool IsWindowed => true;

    public double WindowLimit => Core<double, bool, ScalarOps>.GeluBackwardLimit;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T InvokeFast<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.GeluApproximateBackwardFast(x, dy);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.GeluApproximateBackward(x, dy);
}

/// <summary>
/// The approximate GELU and its derivative: <see cref="GeluApproximateFn"/> and
/// <see cref="GeluApproximateGrad"/>, the same operations on the same operands, so the bits of each
/// kernel alone; the cubic b(x) they both start from is computed once, and so are the exponential of −b
/// and its scale factors in the tails beyond b = 600 (f′ needs the more precise exponential for t, so
/// the two exponentials of the direct formulas stay apart).
/// </summary>
internal readonly struct GeluApproximateFnAndGrad : IPairKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask>
    {
        T value = Core<T, TMask, TOps>.GeluApproximateAndGrad(x, out T grad);
        second = Core<T, TMask, TOps>.PropagateNaN(x, grad);
        return Core<T, TMask, TOps>.PropagateNaN(x, value);
    }
}
