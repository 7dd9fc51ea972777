using System.Runtime.CompilerServices;

namespace Activations.Numerics;

/// <summary>
/// The shared numerics, written once against <see cref="ISimdOps{T, TMask}"/> so that the scalar
/// overload and every vector width run the same sequence of correctly rounded operations.
/// Values that must be more accurate than a double are carried as unevaluated sums hi + lo
/// ("double-double"); each public result is rounded once at the end, so the error budget is
/// half an ulp for that rounding plus a few 2^−57 relative for everything before it.
/// </summary>
internal static partial class Core<T, TMask, TOps>
    where TOps : ISimdOps<T, TMask>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T C(double value) => TOps.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Add(T x, T y) => TOps.Add(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Sub(T x, T y) => TOps.Subtract(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Mul(T x, T y) => TOps.Multiply(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Fma(T x, T y, T addend) => TOps.FusedMultiplyAdd(x, y, addend);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Neg(T x) => TOps.Negate(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Select(TMask mask, T whenTrue, T whenFalse) => TOps.Select(mask, whenTrue, whenFalse);

    /// <summary>NaN in gives the same NaN out, on every path and in every kernel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T PropagateNaN(T x, T result) => Select(TOps.IsNaN(x), x, result);

    /// <summary>s + err = a + b exactly, provided |a| ≥ |b| or a = 0 (Dekker).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T FastTwoSum(T a, T b, out T err)
    {
        T s = Add(a, b);
        err = Sub(b, Sub(s, a));
        return s;
    }

    /// <summary>s + err = a + b exactly, for any a and b (Knuth).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T TwoSum(T a, T b, out T err)
    {
        T s = Add(a, b);
        T bb = Sub(s, a);
        err = Add(Sub(a, Sub(s, bb)), Sub(b, bb));
        return s;
    }

    /// <summary>(hi + lo) = (aHi + aLo)(bHi + bLo) to about 2^−104 relative.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MultiplyDD(T aHi, T aLo, T bHi, T bLo, out T lo)
    {
        T hi = Mul(aHi, bHi);
        lo = Add(Fma(aHi, bHi, Neg(hi)), Fma(aHi, bLo, Mul(aLo, bHi)));
        return hi;
    }

    /// <summary>
    /// q + lo = (nHi + nLo)/(dHi + dLo) with one division: q = nHi·(1/dHi) may be an ulp off,
    /// but the residual nHi − q·dHi is exact under a fused multiply-add, and dividing it (with
    /// the low parts) by dHi gives the correction to 2^−52 of itself, far below an ulp of q.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T DivideDD(T nHi, T nLo, T dHi, T dLo, out T lo)
    {
        T inverse = TOps.Divide(C(1.0), dHi);
        T q = Mul(nHi, inverse);
        T residual = Add(Fma(Neg(q), dHi, nHi), Fma(Neg(q), dLo, nLo));
        lo = Mul(residual, inverse);
        return q;
    }
}
