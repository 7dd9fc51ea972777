using System.Runtime.CompilerServices;

namespace Activations.Numerics;

/// <summary>
/// tanh and its derivatives from the logistic pieces (Core.Logistic.cs), at y = −2|x|:
/// tanh|x| = −m/(1 + t) with t = e^y and m = t − 1 from the expm1 path (no cancellation near 0,
/// where 1 − 2σ would lose every digit), and tanh′(x) = 4σ′(2x) = 4t/(1 + t)², tanh″(x) = 8σ″(2x),
/// whose t form never subtracts nearly equal numbers (1 − tanh²x would for |x| &gt; 1). tanh and
/// tanh′ divide by the same 1 + t, so their pair divides once.
/// </summary>
internal static partial class Core<T, TMask, TOps>
{
    /// <summary>Beyond this |x| (y = −2|x| below −600, the far range of σ′), tanh x is ±1 to within 2^−865.</summary>
    private const double TanhFarLimit = DirectLimit / 2;

    /// <summary>
    /// tanh x = −m/(1 + t) with t = e^−2|x| from <see cref="ExpPair"/> and m = t − 1 from
    /// <see cref="ExpM1FromPair"/> (its argument clamped at −100, where m = −1 to within 2^−144),
    /// signed like x; ±0 return themselves. m is good to 2^−55.7 relative and 1 + t to 2^−57 (t ≤ 1),
    /// the quotient is formed in double-double with one division and rounded once.
    /// Past |x| = 300 (where ExpPair would leave its range) the value is ±1, selected per lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Tanh(T x)
    {
        T y = TOps.Multiply(TOps.Create(-2.0), TOps.Abs(x));
        T tHi = ExpPair(y, out T tLo);
        T dHi = OnePlus(tHi, tLo, out T dLo);
        T v = TanhFromOnePlus(x, y, tHi, tLo, dHi, dLo, TOps.Divide(TOps.Create(1.0), dHi));
        return TanhFar(x, v);
    }

    /// <summary>
    /// The direct path of <see cref="Tanh"/> from t = e^y, d = 1 + t and inverse = 1/dHi that a
    /// caller already has: −m/d with m = e^y − 1, signed like x, ±0 kept.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T TanhFromOnePlus(T x, T y, T tHi, T tLo, T dHi, T dLo, T inverse)
    {
        T yc = ExpM1Argument(y, tHi, tLo, out T eHi, out T eLo);
        T mHi = ExpM1FromPair(yc, eHi, eLo, out T mLo);
        T qHi = DivideDDGivenInverse(TOps.Negate(mHi), TOps.Negate(mLo), dHi, dLo, inverse, out T qLo);
        T v = TOps.Add(qHi, qLo);
        v = TOps.Select(TOps.LessThan(x, TOps.Create(0.0)), TOps.Negate(v), v);
        return TOps.Select(TOps.Equal(x, TOps.Create(0.0)), x, v);
    }

    /// <summary>±1 on the lanes with |x| &gt; <see cref="TanhFarLimit"/> (tested on magnitudes, so NaN lanes may enter and are left alone).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T TanhFar(T x, T v)
    {
        if (TOps.AnyMagnitudeAbove(x, TanhFarLimit))
        {
            v = TOps.Select(TOps.GreaterThan(TOps.Abs(x), TOps.Create(TanhFarLimit)), TOps.CopySign(TOps.Create(1.0), x), v);
        }

        return v;
    }

    /// <summary>tanh′(x) = 1 − tanh²x = 4σ′(2x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TanhGrad(T x) => SigmoidGradNonPositive(TOps.Multiply(TOps.Create(-2.0), TOps.Abs(x)), 4.0);

    /// <summary>tanh″(x) = −2 tanh x (1 − tanh²x) = 8σ″(2x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TanhGrad2(T x) => SigmoidGrad2NonPositive(TOps.Multiply(TOps.Create(-2.0), TOps.Abs(x)), 8.0, x);
}
