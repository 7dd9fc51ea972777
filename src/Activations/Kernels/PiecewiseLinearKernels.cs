using System.Runtime.CompilerServices;
using Activations.Numerics;

namespace Activations.Kernels;

// Kernels of the piecewise-linear activations (Affine, Identity, ReLU, LeakyReLU, HardSigmoid)
// and the constants their derivatives reduce to. Each is exact or rounds once.

/// <summary>
/// s·x + b with one rounding (fused), for s ≠ 0 (Affine with a zero slope runs
/// <see cref="ConstantKernel"/>(b), which gives b even for x = ±∞, where 0·x would give NaN).
/// </summary>
internal readonly struct AffineFn(double slope, double intercept) : IUnaryKernel
{
    public static bool IsLight => true;

    private readonly double _slope = slope;
    private readonly double _intercept = intercept;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, TOps.FusedMultiplyAdd(TOps.Create(_slope), x, TOps.Create(_intercept)));
}

/// <summary>A constant (a derivative of a linear piece); NaN still gives NaN.</summary>
internal readonly struct ConstantKernel(double value) : IUnaryKernel
{
    public static bool IsLight => true;

    public static bool ExactInFloat => true;

    private readonly double _value = value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, TOps.Create(_value));
}

/// <summary>x itself.</summary>
internal readonly struct IdentityFn : IUnaryKernel
{
    public static bool IsLight => true;

    public static bool ExactInFloat => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> => x;
}

/// <summary>
/// x if x &gt; 0 or NaN (which keeps its bits) else a·x, for a ≠ 0 (LeakyReLU with α = 0 runs
/// <see cref="ReluFn"/>, which gives +0 for every x ≤ 0, −∞ included, where 0·x would give −0 and NaN).
/// </summary>
internal readonly struct LeakyReluFn(double alpha) : IUnaryKernel
{
    public static bool IsLight => true;

    private readonly double _alpha = alpha;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        TOps.Select(TOps.GreaterThanOrUnordered(x, TOps.Create(0.0)), x, TOps.Multiply(TOps.Create(_alpha), x));
}

/// <summary>
/// x if x &gt; 0 else +0 (also for x = −0 and −∞): ReLU, exact in float too. One comparison that is
/// also true for NaN selects x there (a NaN keeps its bits).
/// </summary>
internal readonly struct ReluFn : IUnaryKernel
{
    public static bool IsLight => true;

    public static bool ExactInFloat => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        TOps.Select(TOps.GreaterThanOrUnordered(x, TOps.Create(0.0)), x, TOps.Create(0.0));
}

/// <summary>positive if x &gt; 0 else otherwise: the derivative of ReLU and LeakyReLU.</summary>
internal readonly struct StepKernel(double positive, double otherwise) : IUnaryKernel
{
    public static bool IsLight => true;

    public static bool ExactInFloat => true;

    private readonly double _positive = positive;
    private readonly double _otherwise = otherwise;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask>
    {
        T v = TOps.Select(TOps.GreaterThan(x, TOps.Create(0.0)), TOps.Create(_positive), TOps.Create(_otherwise));
        return Core<T, TMask, TOps>.PropagateNaN(x, v);
    }
}

/// <summary>
/// 0 below −2.5, 1 above 2.5, else x/5 + 1/2 rounded once, without a division: q = x·0.2 is
/// within about an ulp of x/5, the remainder x − 5q is exact (5q split exactly into its rounded
/// value and error; x − 5q is a small multiple of ulp(q)), so x/5 = q + remainder/5 up to 2^−52
/// of the tiny remainder; q + 1/2 is summed exactly, so near −2.5 (where the result is tiny)
/// nothing cancels.
/// </summary>
internal readonly struct HardSigmoidFn : IUnaryKernel
{
    public static bool IsLight => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask>
    {
        T fifth = TOps.Create(0.2);
        T q = TOps.Multiply(x, fifth);
        T fiveQ = TOps.Multiply(q, TOps.Create(5.0));
        T remainder = TOps.Subtract(TOps.Subtract(x, fiveQ), Core<T, TMask, TOps>.MultiplyError(q, TOps.Create(5.0), fiveQ));
        T s = TOps.Add(q, TOps.Create(0.5));
        T bb = TOps.Subtract(s, q);
        T error = TOps.Add(TOps.Subtract(q, TOps.Subtract(s, bb)), TOps.Subtract(TOps.Create(0.5), bb));
        T v = TOps.Add(s, TOps.Add(TOps.Multiply(remainder, fifth), error));
        v = TOps.Select(TOps.GreaterThan(x, TOps.Create(2.5)), TOps.Create(1.0), v);
        v = TOps.Select(TOps.LessThan(x, TOps.Create(-2.5)), TOps.Create(0.0), v);
        return Core<T, TMask, TOps>.PropagateNaN(x, v);
    }
}

/// <summary>
/// 0 below −2.5, 1 above 2.5, else x/5 + 1/2 at an input that is a float (exactly widened), for
/// float results: (x + 2.5)·0.2 in double. The sum is exact for floats of magnitude 2^−28 and more
/// (x is then a multiple of 2^−51, and of 2^−23 from 1 up, where the sum passes 4; smaller x round
/// it by at most 2^−53 relative), the double
/// 0.2 is (1/5)(1 + 2^−54) and the product adds one rounding: within 2^−51.7 relative of the exact
/// value, nothing cancelling (the sum is exact where it is small), so within 0.5 + 2^−27 ulp once
/// rounded to float.
/// </summary>
internal readonly struct HardSigmoidForFloat : IUnaryKernel
{
    public static bool IsLight => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask>
    {
        T v = TOps.Multiply(TOps.Add(x, TOps.Create(2.5)), TOps.Create(0.2));
        v = TOps.Select(TOps.GreaterThan(x, TOps.Create(2.5)), TOps.Create(1.0), v);
        v = TOps.Select(TOps.LessThan(x, TOps.Create(-2.5)), TOps.Create(0.0), v);
        return Core<T, TMask, TOps>.PropagateNaN(x, v);
    }
}

/// <summary>1/5 on [−2.5, 2.5], 0 outside: the derivative of HardSigmoid.</summary>
internal readonly struct HardSigmoidGrad : IUnaryKernel
{
    public static bool IsLight => true;

    public static bool ExactInFloat => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask>
    {
        T inside = TOps.Select(TOps.LessThanOrEqual(TOps.Abs(x), TOps.Create(2.5)), TOps.Create(0.2), TOps.Create(0.0));
        return Core<T, TMask, TOps>.PropagateNaN(x, inside);
    }
}
