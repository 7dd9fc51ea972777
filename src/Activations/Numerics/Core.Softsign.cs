using System.Runtime.CompilerServices;

namespace Activations.Numerics;

/// <summary>
/// Softsign: x/(1 + |x|), its derivative 1/(1 + |x|)² and its second derivative
/// −2·sign(x)/(1 + |x|)³, each one rounding of a double-double quotient.
/// <para>
/// The denominator d = 1 + |x| is never rounded: the two-sum gives it exactly as dHi + dLo for every
/// finite x (for |x| ≥ 2^53, where 1 + |x| rounds, dLo keeps the lost 1 or its remainder). The value
/// is the quotient x/d of <see cref="DivideDD"/> (to about 2^−100 relative), and the derivatives are
/// 1/d² and 2/d³ with d² and d³ from <see cref="MultiplyDD"/> (each step to about 2^−104, the dropped
/// dLo² below 2^−106), so each result is the exact value to 2^−98 relative before its one rounding:
/// within 0.5 + 2^−45 ulp, and correctly rounded but within that hair of a midpoint. Nothing
/// cancels: every term is positive, and the sign of x enters only as the quotient's sign.
/// </para>
/// <para>
/// Ranges. The quotient's residual is exact while its product q·dHi ≈ x stays above 2^−914 (see
/// <see cref="MultiplyError"/>): below |x| = 2^−60 the value is x itself, which is x/(1 + |x|)
/// correctly rounded (the two differ by |x|²/(1 + |x|) &lt; 2^−60·|x|, less than half an ulp of x,
/// subnormal x included). Above |x| = 2^60 the value is ±1: x/(1 + |x|) = ±(1 − 1/(1 + |x|)) is
/// within 2^−60 of ±1, closer than the midpoint 1 − 2^−54 (and correct already from |x| ≥ 2^54 − 1).
/// The derivatives' direct formulas hold up to |x| = 2^60 (d³ ≤ 2^181, 2/d³ ≥ 2^−180, every product
/// far inside the range); above, where 1/d² falls to 2^−120 and below and underflows past
/// |x| ≈ 2^537, d is split into m·2^E with m in [2, 4) (<see cref="Normalize"/>, exactly), the
/// same quotients are formed in m, and 2^−2E or 2^−3E is applied once at the end
/// (<see cref="ScaleB"/>): exact while the result is a normal number, a second rounding onto the
/// subnormal grid below (within 0.75 ulp, as for every subnormal result of the library).
/// </para>
/// </summary>
internal static partial class Core<T, TMask, TOps>
{
    /// <summary>2^60: above this |x|, Softsign is ±1 and its derivatives take the scaled path.</summary>
    private const double SoftsignLarge = 1152921504606846976.0;

    /// <summary>2^−60: below this |x|, Softsign(x) is x.</summary>
    private const double SoftsignTiny = 8.673617379884035e-19;

    /// <summary>
    /// 2^600: the derivatives' scaled path clamps |x| here, so that +∞ needs no lane of its own: 1/d²
    /// and 2/d³ are below 2^−1199 there and for every larger |x|, which all round to 0.
    /// </summary>
    private const double SoftsignFarClamp = 4.149515568880993e180;

    /// <summary>d = 1 + a = dHi + dLo exactly, for any finite a ≥ 0 (Knuth's two-sum, whose intermediates stay below 2a + 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SoftsignDenominator(T a, out T dLo) => TwoSum(TOps.Create(1.0), a, out dLo);

    /// <summary>
    /// x/(1 + |x|) within 0.5 + 2^−45 ulp for every finite x (see the type's summary); ±∞ give ±1.
    /// NaN lanes are the caller's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Softsign(T x)
    {
        T a = TOps.Abs(x);
        T dHi = SoftsignDenominator(a, out T dLo);
        T qHi = DivideDD(x, TOps.Create(0.0), dHi, dLo, out T qLo);
        T v = TOps.Add(qHi, qLo);
        T saturated = TOps.Select(TOps.LessThan(x, TOps.Create(0.0)), TOps.Create(-1.0), TOps.Create(1.0));
        v = TOps.Select(TOps.GreaterThan(a, TOps.Create(SoftsignLarge)), saturated, v);
        return TOps.Select(TOps.LessThan(a, TOps.Create(SoftsignTiny)), x, v);
    }

    /// <summary>
    /// 1/(1 + a)² (cube: 1/(1 + a)³) as a double-double, to about 2^−100 relative, for 0 ≤ a ≤ 2^60:
    /// the direct formula of the derivatives.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SoftsignReciprocalPower(T a, bool cube, out T lo)
    {
        T dHi = SoftsignDenominator(a, out T dLo);
        T pHi = SquareDD(dHi, dLo, out T pLo);
        if (cube)
        {
            pHi = MultiplyDD(pHi, pLo, dHi, dLo, out pLo);
        }

        return DivideDD(TOps.Create(1.0), TOps.Create(0.0), pHi, pLo, out lo);
    }

    /// <summary>
    /// 1/(1 + a)² (cube: 1/(1 + a)³) = (hi + lo)·2^exponent for any finite a ≥ 0, with hi + lo in
    /// (1/64, 1/4] to about 2^−100 relative: 1 + a = (mHi + mLo)·2^E exactly, m in [2, 4), and
    /// exponent = −2E (−3E), an integer in [−3069, 3].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SoftsignScaledReciprocalPower(T a, bool cube, out T lo, out T exponent)
    {
        T dHi = SoftsignDenominator(a, out T dLo);
        T mHi = Normalize(dHi, dLo, out T mLo, out T e);
        T pHi = SquareDD(mHi, mLo, out T pLo);
        if (cube)
        {
            pHi = MultiplyDD(pHi, pLo, mHi, mLo, out pLo);
        }

        exponent = TOps.Multiply(e, TOps.Create(cube ? -3.0 : -2.0));
        return DivideDD(TOps.Create(1.0), TOps.Create(0.0), pHi, pLo, out lo);
    }

    /// <summary>
    /// c/(1 + |x|)² (cube: c/(1 + |x|)³) rounded once, c = ±1 or ±2 per lane: the direct formula up to
    /// |x| = 2^60, the scaled one above (with |x| clamped at 2^600, so +∞ gives ±0). The branch only
    /// skips the scaled path when no lane needs it; each lane's value depends on its own |x| alone.
    /// NaN lanes are the caller's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SoftsignDerivative(T x, T c, bool cube)
    {
        T a = TOps.Abs(x);
        T hi = SoftsignReciprocalPower(a, cube, out T lo);
        T v = TOps.Multiply(c, TOps.Add(hi, lo));
        if (TOps.AnyMagnitudeAbove(x, SoftsignLarge))
        {
            T clamped = TOps.Select(TOps.GreaterThan(a, TOps.Create(SoftsignFarClamp)), TOps.Create(SoftsignFarClamp), a);
            T farHi = SoftsignScaledReciprocalPower(clamped, cube, out T farLo, out T exponent);
            T far = ScaleB(TOps.Multiply(c, TOps.Add(farHi, farLo)), exponent);
            v = TOps.Select(TOps.GreaterThan(a, TOps.Create(SoftsignLarge)), far, v);
        }

        return v;
    }

    /// <summary>1/(1 + |x|)² within 0.5 + 2^−45 ulp (0.75 for subnormal results); +0 at ±∞.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SoftsignGrad(T x) => SoftsignDerivative(x, TOps.Create(1.0), cube: false);

    /// <summary>
    /// −2·sign(x)/(1 + |x|)³ with ±0 on the x ≤ 0 side (+2 there), within 0.5 + 2^−45 ulp (0.75 for
    /// subnormal results); −0 at +∞ and +0 at −∞ (the signs of the underflowed values beside them).
    /// The factor ∓2 multiplies the rounded quotient exactly.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SoftsignGrad2(T x)
    {
        T c = TOps.Select(TOps.GreaterThan(x, TOps.Create(0.0)), TOps.Create(-2.0), TOps.Create(2.0));
        return SoftsignDerivative(x, c, cube: true);
    }

    /// <summary>
    /// dy/(1 + |x|)², the exact product rounded once (0.75 ulp for subnormal results), with the paths
    /// of the other backward kernels (Core.Backward.cs). Fast path (|x| ≤ 2^60, dy ±0 or within
    /// [2^−330, 2^400]): f′ = c ∈ [2^−121, 1] from the gradient's pair and <see cref="ExactProduct"/>,
    /// whose products stay within [2^−452, 2^400]. Wide path, per lane where that does not hold: the
    /// scaled pair (hi + lo)·2^exponent of <see cref="SoftsignScaledReciprocalPower"/> through
    /// <see cref="ProductWide"/>, which applies dy's exponent and 2^exponent once, so that
    /// dy = 1e300 at x = 1e200 gives 1e−100, not 0, and dy = ±∞ gives ±∞ wherever |x| is finite
    /// (f′ is never 0 there, even where it underflows). At x = ±∞, f′ = 0 exactly: dy·0 by the IEEE
    /// rules (NaN for dy = ±∞). NaN x returns x; NaN dy returns dy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SoftsignBackward(T x, T dy)
    {
        if (TOps.AnyMagnitudeAbove(x, SoftsignLarge) || TOps.AnyMagnitudeOutside(dy, TwoToMinus330, TwoTo400))
        {
            return SoftsignBackwardWide(x, dy);
        }

        T cHi = SoftsignReciprocalPower(TOps.Abs(x), cube: false, out T cLo);
        return ExactProduct(dy, cHi, cLo);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SoftsignBackwardWide(T x, T dy)
    {
        T a = TOps.Abs(x);
        T cHi = SoftsignReciprocalPower(a, cube: false, out T cLo);
        T fast = ExactProduct(dy, cHi, cLo);

        TMask infinite = TOps.Equal(a, TOps.Create(double.PositiveInfinity));
        T gHi = SoftsignScaledReciprocalPower(TOps.Select(infinite, TOps.Create(1.0), a), cube: false, out T gLo, out T exponent);
        T zero = TOps.Create(0.0);
        gHi = TOps.Select(infinite, zero, gHi);
        gLo = TOps.Select(infinite, zero, gLo);
        exponent = TOps.Select(infinite, zero, exponent);
        T wide = ProductWide(dy, gHi, gLo, exponent);

        TMask outside = TOps.Or(MagnitudeAbove(x, SoftsignLarge), MagnitudeOutside(dy, TwoToMinus330, TwoTo400));
        return PropagateNaN(x, TOps.Select(outside, wide, fast));
    }

    /// <summary>
    /// r = 1/(1 + |x|) at an input that is a float (exactly widened), for the float kernels, which
    /// form the value x·r, the derivative r² and the second derivative c·r³ (c = ∓2 as in
    /// <see cref="SoftsignGrad2"/>) from it, each a few plain roundings in double. 1 + |x| is exact
    /// for floats from 2^−29 up to 2^52 (and rounds relatively by at most 2^−53 elsewhere), r adds
    /// one rounding, each product one more: at most four roundings of 2^−53, so every double is
    /// within 2^−50.9 relative of the exact value and its rounding to float within 0.5 + 2^−27 ulp.
    /// Nothing cancels (every factor is positive), and nothing leaves double's range (r³ ≥ 2^−384
    /// for the largest float). ±∞ gives r = +0: the value is then ±1 (selected), the derivatives ±0
    /// as in double (c·0, −0 at +∞). One division per vector, in double: a float division corrected
    /// in double was tried and measured slower, its dozen more operations costing more than the
    /// narrower division saves. NaN lanes are the caller's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SoftsignReciprocalForFloat(T x) => TOps.Divide(TOps.Create(1.0), TOps.Add(TOps.Create(1.0), TOps.Abs(x)));

    /// <summary>x·r (see <see cref="SoftsignReciprocalForFloat"/>), ±1 at ±∞.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SoftsignForFloat(T x, T r)
    {
        T saturated = TOps.Select(TOps.LessThan(x, TOps.Create(0.0)), TOps.Create(-1.0), TOps.Create(1.0));
        return TOps.Select(TOps.Equal(TOps.Abs(x), TOps.Create(double.PositiveInfinity)), saturated, TOps.Multiply(x, r));
    }

    /// <summary>r² (see <see cref="SoftsignReciprocalForFloat"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SoftsignGradForFloat(T r) => TOps.Multiply(r, r);

    /// <summary>c·r³ with c = −2 for x &gt; 0, else +2 (see <see cref="SoftsignReciprocalForFloat"/>); the factor is exact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SoftsignGrad2ForFloat(T x, T r)
    {
        T c = TOps.Select(TOps.GreaterThan(x, TOps.Create(0.0)), TOps.Create(-2.0), TOps.Create(2.0));
        return TOps.Multiply(c, TOps.Multiply(TOps.Multiply(r, r), r));
    }
}
