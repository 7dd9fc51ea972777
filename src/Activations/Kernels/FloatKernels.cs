using System;
using System.Runtime.CompilerServices;
using Activations.Numerics;

namespace Activations.Kernels;

/// <summary>
/// The kernels the float overloads of Fn, Grad, Grad2 and FnAndGrad run (on inputs widened to
/// double, each result rounded once to float): the double kernels themselves, or kernels that only
/// need 2^−45 relative accuracy: for the exponential family (Numerics/Core.Float.cs and beside it),
/// and for Softsign, HardSigmoid and HardSwish, whose few plain roundings in double are within
/// 2^−49 at a float input, so that the exact steps of their double kernels are not needed there.
/// </summary>
internal readonly struct FloatKernels<TFn, TGrad, TGrad2, TPair>(TFn fn, TGrad grad, TGrad2 grad2, TPair pair)
    where TFn : struct, IUnaryKernel
    where TGrad : struct, IUnaryKernel
    where TGrad2 : struct, IUnaryKernel
    where TPair : struct, IPairKernel
{
    public TFn Fn { get; } = fn;

    public TGrad Grad { get; } = grad;

    public TGrad2 Grad2 { get; } = grad2;

    public TPair Pair { get; } = pair;
}

/// <summary>Builds <see cref="FloatKernels{TFn, TGrad, TGrad2, TPair}"/>.</summary>
internal static class FloatKernels
{
    /// <summary>Float kernels of their own, with a pair kernel that shares their work and has their bits.</summary>
    public static FloatKernels<TFn, TGrad, TGrad2, TPair> Lean<TFn, TGrad, TGrad2, TPair>(TFn fn, TGrad grad, TGrad2 grad2, TPair pair)
        where TFn : struct, IUnaryKernel
        where TGrad : struct, IUnaryKernel
        where TGrad2 : struct, IUnaryKernel
        where TPair : struct, IPairKernel =>
        new(fn, grad, grad2, pair);
}

/// <summary>e^x for float inputs (Exponential's Fn, Grad and Grad2).</summary>
internal readonly struct ExpForFloat : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.ExpForFloatFast(x);
}

/// <summary>(e^x, e^x) for float inputs: <see cref="ExpForFloat"/> once, stored twice.</summary>
internal readonly struct ExpAndGradForFloat : IPairKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask>
    {
        second = Core<T, TMask, TOps>.ExpForFloatFast(x);
        return second;
    }
}

/// <summary>softplus x = ln(1 + eˣ) for float inputs.</summary>
internal readonly struct SoftPlusForFloat : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.SoftPlusForFloatFast(x);
}

/// <summary>(softplus, σ) for float inputs, with the bits of <see cref="SoftPlusForFloat"/> and <see cref="SigmoidForFloat"/>.</summary>
internal readonly struct SoftPlusAndGradForFloat : IPairKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.SoftPlusAndGradForFloatFast(x, out second);
}

/// <summary>σ(x) for float inputs (Sigmoid's Fn, SoftPlus′).</summary>
internal readonly struct SigmoidForFloat : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.SigmoidForFloatFast(x);
}

/// <summary>σ′(x) for float inputs (Sigmoid's Grad, SoftPlus″).</summary>
internal readonly struct SigmoidGradForFloat : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.SigmoidGradForFloatFast(x);
}

/// <summary>σ″(x) for float inputs.</summary>
internal readonly struct SigmoidGrad2ForFloat : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.SigmoidGrad2ForFloatFast(x);
}

/// <summary>(σ, σ′) for float inputs, with the bits of <see cref="SigmoidForFloat"/> and <see cref="SigmoidGradForFloat"/>.</summary>
internal readonly struct SigmoidAndGradForFloat : IPairKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.SigmoidAndGradForFloatFast(x, out second);
}

/// <summary>tanh x for float inputs.</summary>
internal readonly struct TanhForFloat : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.TanhForFloatFast(x);
}

/// <summary>1 − tanh²x for float inputs.</summary>
internal readonly struct TanhGradForFloat : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.TanhGradForFloatFast(x);
}

/// <summary>−2 tanh x (1 − tanh²x) for float inputs.</summary>
internal readonly struct TanhGrad2ForFloat : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.TanhGrad2ForFloatFast(x);
}

/// <summary>(tanh, tanh′) for float inputs, with the bits of <see cref="TanhForFloat"/> and <see cref="TanhGradForFloat"/>.</summary>
internal readonly struct TanhAndGradForFloat : IPairKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.TanhAndGradForFloatFast(x, out second);
}

/// <summary>
/// ELU and SELU for float inputs: s·x if x &gt; 0 else a(eˣ − 1), with s = 1 (ELU) or λ (SELU) and
/// a = α or λα as doubles: s·x and a·(eˣ − 1) are formed in double (2^−52 and 2^−45.8 relative)
/// and rounded once to float. For |a| ≤ 2^100 (a·e^−704, the clamp, is then far below the float range).
/// </summary>
internal readonly struct EluForFloat(double scale, double alpha) : IUnaryKernel
{
    private readonly double _scale = scale;
    private readonly double _alpha = alpha;
    private readonly bool _fast = EluFast.Allows(alpha);

    public static bool IsLight => false;

    /// <summary>
    /// The fast evaluation (<see cref="Core{T, TMask, TOps}.FastExpAndExpM1NonPositive"/>, then
    /// <see cref="Value"/>: 2^−40.8) where it passes the rounding test, else the precise one below
    /// (see <see cref="EluFast"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask>
    {
        if (_fast && !TOps.AnyMagnitudeBelowOrAbove(x, EluFast.Smallest, EluFast.Limit))
        {
            T v = FastValue<T, TMask, TOps>(x);
            if (!TOps.AnyNearFloatMidpoint(v))
            {
                return v;
            }
        }

        return Precise<T, TMask, TOps>(x);
    }

    /// <summary>The fast evaluation, for 2^−100 ≤ |x| ≤ 64 or ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal T FastValue<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask>
    {
        _ = Core<T, TMask, TOps>.FastExpAndExpM1NonPositive(x, out T m);
        return Value<T, TMask, TOps>(x, m);
    }

    /// <summary>The precise evaluation: e^x − 1 to 2^−45.9 (<see cref="Core{T, TMask, TOps}.ExpAndExpM1NonPositiveForFloat"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal T Precise<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask>
    {
        _ = Core<T, TMask, TOps>.ExpAndExpM1NonPositiveForFloat(x, out T m, out bool wide);
        T v = Value<T, TMask, TOps>(x, m);
        return wide ? Core<T, TMask, TOps>.PropagateNaN(x, v) : v;
    }

    /// <summary>The value given m = eˣ − 1 (for x ≤ 0), shared with <see cref="EluAndGradForFloat"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal T Value<T, TMask, TOps>(T x, T m)
        where TOps : ISimdOps<T, TMask> =>
        TOps.Select(TOps.GreaterThan(x, TOps.Create(0.0)), TOps.Multiply(TOps.Create(_scale), x), TOps.Multiply(TOps.Create(_alpha), m));
}

/// <summary>
/// The derivatives of <see cref="EluForFloat"/>: positive (1 or λ, or 0 for the second) if x &gt; 0
/// else a·eˣ, formed in double (2^−45.4 relative) and rounded once to float.
/// </summary>
internal readonly struct EluGradForFloat(double positive, double alpha) : IUnaryKernel
{
    private readonly double _positive = positive;
    private readonly double _alpha = alpha;
    private readonly bool _fast = EluFast.Allows(alpha);

    public static bool IsLight => false;

    /// <summary>The fast evaluation (a·eˣ from the fast parts: 2^−44.8) where it passes the rounding test, else the precise one below.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask>
    {
        if (_fast && !TOps.AnyMagnitudeBelowOrAbove(x, EluFast.Smallest, EluFast.Limit))
        {
            T v = FastValue<T, TMask, TOps>(x);
            if (!TOps.AnyNearFloatMidpoint(v))
            {
                return v;
            }
        }

        return Precise<T, TMask, TOps>(x);
    }

    /// <summary>The fast evaluation, for 2^−100 ≤ |x| ≤ 64 or ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal T FastValue<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Value<T, TMask, TOps>(x, Core<T, TMask, TOps>.FastExpAndExpM1NonPositive(x, out _));

    /// <summary>The precise evaluation: eˣ to 2^−45.5 (<see cref="Core{T, TMask, TOps}.ExpAndExpM1NonPositiveForFloat"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal T Precise<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask>
    {
        T e = Core<T, TMask, TOps>.ExpAndExpM1NonPositiveForFloat(x, out _, out bool wide);
        T v = Value<T, TMask, TOps>(x, e);
        return wide ? Core<T, TMask, TOps>.PropagateNaN(x, v) : v;
    }

    /// <summary>The value given e = eˣ (for x ≤ 0), shared with <see cref="EluAndGradForFloat"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal T Value<T, TMask, TOps>(T x, T e)
        where TOps : ISimdOps<T, TMask> =>
        TOps.Select(TOps.GreaterThan(x, TOps.Create(0.0)), TOps.Create(_positive), TOps.Multiply(TOps.Create(_alpha), e));
}

/// <summary>
/// (f, f′) of ELU or SELU for float inputs from one reduction, with the bits of
/// <see cref="EluForFloat"/>(s, a) and <see cref="EluGradForFloat"/>(s, a) (f′ = s for x &gt; 0).
/// </summary>
internal readonly struct EluAndGradForFloat(double scale, double alpha) : IPairKernel
{
    private readonly EluForFloat _fn = new(scale, alpha);
    private readonly EluGradForFloat _grad = new(scale, alpha);
    private readonly bool _fast = EluFast.Allows(alpha);

    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask>
    {
        if (_fast && !TOps.AnyMagnitudeBelowOrAbove(x, EluFast.Smallest, EluFast.Limit))
        {
            T fe = Core<T, TMask, TOps>.FastExpAndExpM1NonPositive(x, out T fm);
            T fv = _fn.Value<T, TMask, TOps>(x, fm);
            second = _grad.Value<T, TMask, TOps>(x, fe);
            if (!TOps.AnyNearFloatMidpoint(fv) && !TOps.AnyNearFloatMidpoint(second))
            {
                return fv;
            }
        }

        return Precise<T, TMask, TOps>(x, out second);
    }

    /// <summary>The precise evaluation of both, as in <see cref="EluForFloat"/> and <see cref="EluGradForFloat"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private T Precise<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask>
    {
        T e = Core<T, TMask, TOps>.ExpAndExpM1NonPositiveForFloat(x, out T m, out bool wide);
        T v = _fn.Value<T, TMask, TOps>(x, m);
        T g = _grad.Value<T, TMask, TOps>(x, e);
        second = wide ? Core<T, TMask, TOps>.PropagateNaN(x, g) : g;
        return wide ? Core<T, TMask, TOps>.PropagateNaN(x, v) : v;
    }
}

/// <summary>
/// Where the fast float kernels of ELU and SELU apply: a = α or λα of magnitude 2^−20 to 2^20 (a
/// constructor's decision), and every lane 2^−100 ≤ |x| ≤ 64 (one vector test; the evaluation also
/// holds at ±0, which the test leaves to the precise kernels): there a·(eˣ − 1), a·eˣ and s·x are
/// normal floats, as the rounding test needs (see Numerics/Core.FloatFast.cs); every other vector,
/// and every other a, takes the precise kernels.
/// </summary>
internal static class EluFast
{
    /// <summary>The smallest |x| of the fast path (2^−100).</summary>
    public const double Smallest = 7.888609052210118E-31;

    /// <summary>The largest |x| of the fast path.</summary>
    public const double Limit = 64.0;

    /// <summary>Whether the fast path serves a = <paramref name="alpha"/>: 2^−20 ≤ |a| ≤ 2^20.</summary>
    public static bool Allows(double alpha) => Math.Abs(alpha) is >= 9.5367431640625E-07 and <= 1048576.0;
}
