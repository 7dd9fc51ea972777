using System.Runtime.CompilerServices;

namespace Activations.Numerics;

/// <summary>
/// CELU, x if x &gt; 0 else α(e^(x/α) − 1), its derivatives e^(x/α) and e^(x/α)/α, and the backward
/// pass, for any finite α ≠ 0 written as α = a·2^E with a in [1, 2) (or its negative).
/// <para>
/// The quotient. y = x/α is carried as a double-double q + l: x′ = x·2^−E (two exact power-of-two
/// factors, exact wherever x′ is a normal number), q = x′/a rounded once, p = q·a rounded and its
/// exact error e (<see cref="MultiplyError"/>), so that the remainder ρ = x′ − q·a = (x′ − p) − e is
/// exact: x′ − p by Sterbenz's lemma (p is within an ulp of x′), and the remainder of a correctly
/// rounded quotient is a double, so the last subtraction is exact too. Then l = ρ·(1/a) with 1/a
/// rounded, within 2^−52 of ρ/a, and q + l is y to about 2^−105 relative. All of this holds while
/// 2^−30 ≤ |q| ≤ 2200: x′ and p are then at least 2^−31 and at most 2^13, far inside the range where
/// the product error is exact with and without a fused multiply-add, and ρ, a multiple of
/// ulp(q)·ulp(a) ≥ 2^−134, is normal. Other lanes get l = 0 and q clamped to ±2200 (e^±2200 times any
/// finite factor of this family is 0 or ∞, as the exact value rounds); lanes with x &gt; 0 are taken
/// at x′ = −|a| (q = ∓1, an ordinary value), as their results are discarded.
/// </para>
/// <para>
/// The exponential. e^(q + l) = e^q·e^l = 2^k(mHi + mLo)(1 + l + l²/2 + …) from the table reduction of
/// q (<see cref="ExpOfSum"/>): |l| ≤ 2^−41.9 for |q| ≤ 2200, so dropping l² and mLo·l costs under
/// 2^−83, and the pair is e^y to about 2^−57 relative, as <see cref="ExpTable"/> is e^q. f′ is that
/// pair rounded and scaled by 2^k, f″ the pair times 1/α (a double-double 1/a and the exponent −E)
/// rounded once and scaled by 2^(k − E): within 0.56 ulp, and 0.75 where the result is subnormal
/// (the scaling rounds a second time, after a first rounding of at most a quarter of the subnormal
/// spacing). The total exponent is clamped to ±2044, where a mantissa in [0.48, 3.92] gives 0 or ∞
/// either way.
/// </para>
/// <para>
/// The value, α(e^y − 1) = a·(e^y − 1)·2^E, by |q|:
/// <list type="bullet">
/// <item>|q| &lt; 2^−30: α·expm1(y) = x(1 + y/2 + y²/6 + …), formed as x + x·c with c = q/2 + q²/6 and x
/// itself exact (αy = x exactly, so the quotient never has to be multiplied back, and a q that
/// underflows only drops a term below 2^−1022·|x|). The omitted y³/24 is below 2^−94 relative, c is
/// within 2^−52 of its value, and x·c is at most 2^−31·|x|, so the sum rounds once, within
/// 0.5 + 2^−30 ulp. Where |x| &lt; 2^−900 the sum is formed on x·2^600 and scaled back (a second
/// rounding only into the subnormals, as above), so that x·c never rounds on the subnormal grid.</item>
/// <item>2^−30 ≤ |q| &lt; 0.34: the reduction of <see cref="ReduceExp"/> at q has k = 0 there, so it gives
/// e^q − 1 = pHi + pLo to about 2^−58 relative (also for small q), and
/// e^(q + l) − 1 = (e^q − 1) + l·e^q ≈ pHi + (pLo + l(1 + pHi)) (the dropped l·pLo and l²/2 are below
/// 2^−100 of the result).</item>
/// <item>|q| ≥ 0.34: e^y − 1 = 2^k(m − 2^−k) with m = mHi + mLo from <see cref="ExpOfSum"/>, the
/// difference mHi − 2^−k split exactly by a two-sum (2^−k clamped at 2^−1000, far below m's
/// precision, for k &gt; 1000). |e^y − 1| ≥ e^y/3.4 for y ≥ 0.34 and ≥ e^y/2.47 for y ≤ −0.34, so the
/// pair is e^y − 1 to 2^−55.2 relative. Below y = −100, e^y − 1 = −1 to 2^−144, and the lanes take
/// −1 exactly (so α(e^y − 1) rounds to −α).</item>
/// </list>
/// The pair times a is rounded once (<see cref="MultiplyRounded"/>: every partial product is at least
/// 2^−31, so exact on every path) and scaled by 2^(k + E), exactly or into the subnormals with the
/// second rounding above: within 0.5 + 2^53·2^−55.2 ≤ 0.72 ulp for normal results (0.86 for
/// subnormal ones).
/// </para>
/// </summary>
internal static partial class Core<T, TMask, TOps>
{
    /// <summary>Below this |q| the value takes the series x + x(q/2 + q²/6).</summary>
    private const double CeluSeriesLimit = 9.313225746154785e-10;  // 2^−30

    /// <summary>Below this |q| the value takes the reduction of <see cref="ReduceExp"/> (whose k is 0 up to 0.3466).</summary>
    private const double CeluNearLimit = 0.34;

    /// <summary>The quotient is clamped to ±this: the table reduction holds up to 2200 (see <see cref="WideExpLimit"/>).</summary>
    private const double CeluQuotientLimit = 2200.0;

    /// <summary>Below this q, e^q − 1 is −1 to within 2^−144.</summary>
    private const double CeluSaturation = -100.0;

    /// <summary>Up to this |q| (k within ±93) and for dy within 2^±900 the backward pass scales by a normal 2^k exactly.</summary>
    private const double CeluBackwardLimit = 64.0;

    private const double TwoTo600 = 4.149515568880993e180;
    private const double TwoToMinus600 = 2.409919865102884e-181;

    /// <summary>
    /// q + l = x/α (see the type's summary), with α = mantissa·2^E, downFirst·downSecond = 2^−E (each a
    /// normal power of two) and inverse = 1/mantissa rounded. Lanes with x &gt; 0 are taken at
    /// x′ = −|mantissa|; l is 0 where |q| is outside [2^−30, 2200], and q is clamped to ±2200 (NaN
    /// passes through).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T CeluQuotient(T x, TMask positive, double mantissa, double downFirst, double downSecond, double inverse, out T lo)
    {
        T a = TOps.Create(mantissa);
        T scaled = TOps.Multiply(TOps.Multiply(x, TOps.Create(downFirst)), TOps.Create(downSecond));
        scaled = TOps.Select(positive, TOps.Create(-System.Math.Abs(mantissa)), scaled);
        T q = TOps.Divide(scaled, a);
        T remainder = ExactResidual(scaled, q, a);
        T l = TOps.Multiply(remainder, TOps.Create(inverse));
        T magnitude = TOps.Abs(q);
        TMask outside = TOps.Or(TOps.LessThan(magnitude, TOps.Create(CeluSeriesLimit)), TOps.GreaterThan(magnitude, TOps.Create(CeluQuotientLimit)));
        lo = TOps.Select(outside, TOps.Create(0.0), l);
        return Clamp(q, CeluQuotientLimit);
    }

    /// <summary>
    /// e^y − 1 = 2^k(hi + lo) from e^y = 2^k(eHi + eLo) (<see cref="ExpOfSum"/>), for k ≥ −145:
    /// eHi − 2^−k split exactly (2^−k clamped at 2^−1000 for k &gt; 1000, where it is far below eLo).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExpM1FromScaledPair(T eHi, T eLo, T k, out T lo)
    {
        T power = Pow2(Clamp(TOps.Negate(k), 1000.0));
        T hi = TwoSum(eHi, TOps.Negate(power), out T dLo);
        lo = TOps.Add(dLo, eLo);
        return hi;
    }

    /// <summary>x + x(q/2 + q²/6), for |q| &lt; 2^−30 (see the type's summary); ±0 gives x (c is +0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T CeluSeries(T x, T q)
    {
        T c = TOps.Add(TOps.Multiply(q, TOps.Create(0.5)), TOps.Multiply(TOps.Multiply(q, q), TOps.Create(1.0 / 6)));
        TMask small = TOps.LessThan(TOps.Abs(x), TOps.Create(TwoToMinus900));
        T up = TOps.Multiply(x, TOps.Select(small, TOps.Create(TwoTo600), TOps.Create(1.0)));
        T sum = TOps.Add(up, TOps.Multiply(up, c));
        return TOps.Multiply(sum, TOps.Select(small, TOps.Create(TwoToMinus600), TOps.Create(1.0)));
    }

    /// <summary>
    /// CELU(x) = x if x &gt; 0 else α(e^(x/α) − 1), for α = mantissa·2^exponent (see the type's
    /// summary); NaN in gives NaN out.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Celu(T x, double mantissa, double exponent, double downFirst, double downSecond, double inverse)
    {
        TMask positive = TOps.GreaterThan(x, TOps.Create(0.0));
        T q = CeluQuotient(x, positive, mantissa, downFirst, downSecond, inverse, out T l);
        T eHi = TOps.Create(0.0);
        T eLo = eHi;
        T k = eHi;
        if (TOps.Any(TOps.GreaterThanOrEqual(TOps.Abs(q), TOps.Create(CeluNearLimit))))
        {
            eHi = ExpOfSum(q, l, out k, out eLo);
        }

        return CeluFromExp(x, positive, q, l, eHi, eLo, k, mantissa, exponent);
    }

    /// <summary>
    /// The value of <see cref="Celu"/> given its quotient and, on the lanes with |q| ≥ 0.34, e^(q + l) =
    /// 2^k(eHi + eLo) from <see cref="ExpOfSum"/>: apart so that the pair kernel, which has the
    /// exponential for every lane, applies the same operations.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T CeluFromExp(T x, TMask positive, T q, T l, T eHi, T eLo, T k, double mantissa, double exponent)
    {
        T magnitude = TOps.Abs(q);
        T hi = ExpM1FromScaledPair(eHi, eLo, k, out T lo);
        TMask saturated = TOps.LessThan(q, TOps.Create(CeluSaturation));
        hi = TOps.Select(saturated, TOps.Create(-1.0), hi);
        lo = TOps.Select(saturated, TOps.Create(0.0), lo);
        k = TOps.Select(saturated, TOps.Create(0.0), k);
        TMask near = TOps.LessThan(magnitude, TOps.Create(CeluNearLimit));
        if (TOps.Any(near))
        {
            T nearHi = ExpM1OfSumNear(q, l, out T nearLo);
            hi = TOps.Select(near, nearHi, hi);
            lo = TOps.Select(near, nearLo, lo);
            k = TOps.Select(near, TOps.Create(0.0), k);
        }

        T total = Clamp(TOps.Add(k, TOps.Create(exponent)), WideExponentLimit);
        T v = ScaleB(MultiplyRounded(TOps.Create(mantissa), TOps.Create(0.0), hi, lo), total);
        TMask tiny = TOps.LessThan(magnitude, TOps.Create(CeluSeriesLimit));
        if (TOps.Any(tiny))
        {
            v = TOps.Select(tiny, CeluSeries(x, q), v);
        }

        return PropagateNaN(x, TOps.Select(positive, x, v));
    }

    /// <summary>
    /// CELU′(x) = 1 if x &gt; 0 else e^(x/α) (<paramref name="second"/> false), or CELU″(x) = 0 if x &gt; 0
    /// else e^(x/α)/α (true), with 1/α = (inverseHi + inverseLo)·2^−exponent; NaN in gives NaN out.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T CeluGrad(
        T x, bool second, double mantissa, double exponent, double downFirst, double downSecond, double inverseHi, double inverseLo)
    {
        TMask positive = TOps.GreaterThan(x, TOps.Create(0.0));
        T q = CeluQuotient(x, positive, mantissa, downFirst, downSecond, inverseHi, out T l);
        T eHi = ExpOfSum(q, l, out T k, out T eLo);
        return second
            ? CeluGrad2FromExp(x, positive, eHi, eLo, k, exponent, inverseHi, inverseLo)
            : CeluGradFromExp(x, positive, eHi, eLo, k);
    }

    /// <summary>e^(q + l) = 2^k(eHi + eLo) rounded and scaled (1 where x &gt; 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T CeluGradFromExp(T x, TMask positive, T eHi, T eLo, T k)
    {
        T v = ScaleB(TOps.Add(eHi, eLo), Clamp(k, WideExponentLimit));
        return PropagateNaN(x, TOps.Select(positive, TOps.Create(1.0), v));
    }

    /// <summary>e^(q + l)/α = 2^(k − E)(eHi + eLo)(inverseHi + inverseLo) rounded once and scaled (0 where x &gt; 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T CeluGrad2FromExp(T x, TMask positive, T eHi, T eLo, T k, double exponent, double inverseHi, double inverseLo)
    {
        T product = MultiplyRounded(TOps.Create(inverseHi), TOps.Create(inverseLo), eHi, eLo);
        T v = ScaleB(product, Clamp(TOps.Subtract(k, TOps.Create(exponent)), WideExponentLimit));
        return PropagateNaN(x, TOps.Select(positive, TOps.Create(0.0), v));
    }

    /// <summary>
    /// <see cref="Celu"/>(x) and, in <paramref name="grad"/>, CELU′(x) from one quotient and one table
    /// reduction: the derivative uses e^(q + l) on every lane and the value on the lanes with
    /// |q| ≥ 0.34, where Celu forms the same pair from the same operands (on the other lanes Celu's
    /// value does not read it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T CeluAndGrad(T x, double mantissa, double exponent, double downFirst, double downSecond, double inverse, out T grad)
    {
        TMask positive = TOps.GreaterThan(x, TOps.Create(0.0));
        T q = CeluQuotient(x, positive, mantissa, downFirst, downSecond, inverse, out T l);
        T eHi = ExpOfSum(q, l, out T k, out T eLo);
        grad = CeluGradFromExp(x, positive, eHi, eLo, k);
        return CeluFromExp(x, positive, q, l, eHi, eLo, k, mantissa, exponent);
    }

    /// <summary>
    /// dy·CELU′(x) = dy if x &gt; 0 else dy·e^(x/α), the exact product rounded once (twice, within 0.75
    /// ulp, into the subnormals). Fast path (|q| ≤ 64 and dy ±0 or within 2^±900): dy·(eHi + eLo)
    /// rounded by <see cref="ExactProduct"/> (|dy·eHi| within [2^−901, 2^902]) and scaled exactly by
    /// 2^k, |k| ≤ 93. Otherwise the general product (<see cref="ProductWide"/>) with exponent k
    /// (|k| ≤ 3174), and e^(x/α) exactly 0 or ∞ at x = −∞ (by α's sign), so that ∞·0 is NaN there but
    /// ∞ times the nonzero e^(x/α) of a finite x is ∞.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T CeluBackward(T x, T dy, double mantissa, double downFirst, double downSecond, double inverse)
    {
        TMask positive = TOps.GreaterThan(x, TOps.Create(0.0));
        T q = CeluQuotient(x, positive, mantissa, downFirst, downSecond, inverse, out T l);
        T eHi = ExpOfSum(q, l, out T k, out T eLo);
        if (TOps.AnyMagnitudeAbove(q, CeluBackwardLimit) || TOps.AnyMagnitudeOutside(dy, TwoToMinus900, TwoTo900))
        {
            T fast = TOps.Multiply(ExactProduct(dy, eHi, eLo), Pow2(Clamp(k, 1000.0)));
            TMask minusInfinity = TOps.Equal(x, TOps.Create(double.NegativeInfinity));
            T cHi = TOps.Select(minusInfinity, TOps.Create(mantissa > 0 ? 0.0 : double.PositiveInfinity), eHi);
            T cLo = TOps.Select(minusInfinity, TOps.Create(0.0), eLo);
            T wide = ProductWide(dy, cHi, cLo, k);
            TMask outside = TOps.Or(MagnitudeAbove(q, CeluBackwardLimit), MagnitudeOutside(dy, TwoToMinus900, TwoTo900));
            T r = TOps.Select(outside, wide, fast);
            return PropagateNaN(x, TOps.Select(positive, dy, r));
        }

        T v = TOps.Multiply(ExactProduct(dy, eHi, eLo), Pow2(k));
        return TOps.Select(positive, dy, v);
    }
}
