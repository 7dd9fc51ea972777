using System.Runtime.CompilerServices;

namespace Activations.Numerics;

/// <summary>The exponential family: e^x, e^x − 1 and the power-of-two scaling they share.</summary>
internal static partial class Core<T, TMask, TOps>
{
    private const double InvLn2 = 1.4426950408889634;           // 1/ln 2 rounded; only picks k
    private const double RoundingShifter = 6755399441055744.0;  // 1.5·2^52: x + it rounds x to an integer

    // ln 2 = Ln2Hi + Ln2Lo + O(2^−84). Ln2Hi has 32 significant bits, so k·Ln2Hi is exact for
    // |k| < 2^21 and x − k·Ln2Hi is exact by Sterbenz's lemma (x and k·ln 2 are within a factor 2).
    private const double Ln2Hi = 6.93147180369123816490e-01;  // 0x3FE62E42FEE00000
    private const double Ln2Lo = 1.90821492927058770002e-10;  // 0x3DEA39EF35793C76

    // 0x1.8p52 + 1023: adding an integer k in [−1022, 1023] leaves the biased exponent k + 1023
    // in the low bits of the significand, ready to be shifted into the exponent field.
    private const double Pow2Shifter = 6755399441055744.0 + 1023.0;

    // Taylor coefficients 1/3! … 1/14! of (e^r − 1 − r − r²/2)/r³. For |r| ≤ ln2/2 + 2^−40 the
    // first omitted term r^15/15! is below 2^−62.5, far under the 2^−57 budget.
    private const double C3 = 1.0 / 6;
    private const double C4 = 1.0 / 24;
    private const double C5 = 1.0 / 120;
    private const double C6 = 1.0 / 720;
    private const double C7 = 1.0 / 5040;
    private const double C8 = 1.0 / 40320;
    private const double C9 = 1.0 / 362880;
    private const double C10 = 1.0 / 3628800;
    private const double C11 = 1.0 / 39916800;
    private const double C12 = 1.0 / 479001600;
    private const double C13 = 1.0 / 6227020800;
    private const double C14 = 1.0 / 87178291200;

    /// <summary>Clamp bound for exponent arguments: e^±1000 is far outside the double range, and
    /// keeps k within [−1443, 1443] so that the split scaling below never leaves normal numbers.</summary>
    private const double ExpArgumentLimit = 1000.0;

    /// <summary>
    /// Splits e^x = 2^k (1 + pHi + pLo) with k an integer and |pLo| ≤ ulp(pHi), for x in
    /// [−1000, 1000]. The reduced argument r = x − k ln 2 is carried as h + rLo: x − k·Ln2Hi is
    /// exact (Sterbenz), h rounds the second step, and its rounding error rLo is recovered by a
    /// fused multiply-add (r1 − h is exact: Sterbenz again, or both are below 2^−31 where their
    /// difference fits in 53 bits). Then e^r − 1 = h + h²/2 + h³q(h) + rLo(1 + h) keeps h and h²/2
    /// exact, so the only rounding errors sit in the terms below 0.008: about 2^−58 relative to
    /// the result, also when k = 0 and x is tiny (then p = e^x − 1 to the same relative accuracy).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ReduceExp(T x, out T k, out T pLo)
    {
        k = Sub(Fma(x, C(InvLn2), C(RoundingShifter)), C(RoundingShifter));
        T r1 = Fma(Neg(k), C(Ln2Hi), x);
        T h = Fma(Neg(k), C(Ln2Lo), r1);
        T rLo = Fma(Neg(k), C(Ln2Lo), Sub(r1, h));

        T sHi = Mul(h, h);
        T sLo = Fma(h, h, Neg(sHi));
        T aHi = FastTwoSum(h, Mul(C(0.5), sHi), out T aLo);

        // Estrin's scheme: the same polynomial as Horner's rule, but a dependency chain of four
        // steps instead of eleven, so several vectors' evaluations overlap in the pipeline.
        T h4 = Mul(sHi, sHi);
        T q34 = Fma(h, C(C4), C(C3));
        T q56 = Fma(h, C(C6), C(C5));
        T q78 = Fma(h, C(C8), C(C7));
        T q910 = Fma(h, C(C10), C(C9));
        T q1112 = Fma(h, C(C12), C(C11));
        T q1314 = Fma(h, C(C14), C(C13));
        T q36 = Fma(sHi, q56, q34);
        T q710 = Fma(sHi, q910, q78);
        T q1114 = Fma(sHi, q1314, q1112);
        T q = Fma(h4, Fma(h4, q1114, q710), q36);
        T cubic = Mul(Mul(sHi, h), q);

        // e^(h + rLo) − 1 ≈ (e^h − 1) + rLo(1 + h): the rLo·h term matters at 2^−53·h².
        T lo = Add(aLo, Add(Mul(C(0.5), sLo), Add(Fma(h, rLo, rLo), cubic)));
        return FastTwoSum(aHi, lo, out pLo);
    }

    /// <summary>2^k for an integer-valued k in [−1022, 1023], built in the exponent field.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Pow2(T k) => TOps.ShiftIntoExponent(Add(k, C(Pow2Shifter)));

    /// <summary>
    /// Two factors with 2^k = first·second, each a normal number for |k| ≤ 2044, so v·first·second
    /// rounds once, also into the subnormal range or to ∞. While 2^k itself is normal (the common
    /// case) they are 2^k and 1; otherwise 2^⌊k/2⌋ and 2^(k−⌊k/2⌋). Both give the correctly
    /// rounded v·2^k, so the branch only saves time and never changes a result.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ScaleFactors(T k, out T second)
    {
        if (TOps.Any(TOps.Or(TOps.LessThan(k, C(-1022.0)), TOps.GreaterThan(k, C(1023.0)))))
        {
            T k1 = TOps.Floor(Mul(k, C(0.5)));
            second = Pow2(Sub(k, k1));
            return Pow2(k1);
        }

        second = C(1.0);
        return Pow2(k);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Scale(T v, T first, T second) => Mul(Mul(v, first), second);

    /// <summary>v·2^k rounded once, for |k| ≤ 2044.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ScaleB(T v, T k)
    {
        T first = ScaleFactors(k, out T second);
        return Scale(v, first, second);
    }

    /// <summary>Clamps to [−limit, limit]; NaN passes through unchanged.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Clamp(T x, double limit)
    {
        x = Select(TOps.GreaterThan(x, C(limit)), C(limit), x);
        return Select(TOps.LessThan(x, C(-limit)), C(-limit), x);
    }

    /// <summary>
    /// (aHi + aLo)·e^x rounded once: the product with the mantissa 1 + p is formed in double-double
    /// and rounded, then scaled by 2^k (exact, or a second rounding only in the subnormal range).
    /// Overflows to ∞ past ln(MaxValue/|a|), underflows to 0; for x in [−∞, ∞] (NaN is the caller's).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ScaledExp(T x, T aHi, T aLo)
    {
        T pHi = ReduceExp(Clamp(x, ExpArgumentLimit), out T k, out T pLo);
        T mHi = FastTwoSum(C(1.0), pHi, out T e);
        T mLo = Add(e, pLo);
        return ScaleB(Fma(aHi, mHi, Fma(aHi, mLo, Mul(aLo, mHi))), k);
    }

    /// <summary>
    /// e^x within 0.9 ulp, in plain double arithmetic (no double-double: nothing is multiplied
    /// into it afterwards). r = x − k ln 2 loses at most 2^−55 absolute in its second step, which
    /// moves the result by 2^−55 relative (≤ 0.25 ulp); e^r − 1 = r + r²(1/2 + r/6 + …) has its
    /// rounding errors confined to the r² term (≤ 0.06 relative), and 1 + (e^r − 1) rounds once
    /// (0.5 ulp). e^x overflows to ∞ above 709.78 = ln(MaxValue) and reaches the subnormals below
    /// −708.4, both through the split scaling.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Exp(T x)
    {
        T xc = Clamp(x, ExpArgumentLimit);
        T k = Sub(Fma(xc, C(InvLn2), C(RoundingShifter)), C(RoundingShifter));
        T r = Fma(Neg(k), C(Ln2Lo), Fma(Neg(k), C(Ln2Hi), xc));
        T r2 = Mul(r, r);
        T r4 = Mul(r2, r2);
        T q23 = Fma(r, C(C3), C(0.5));
        T q45 = Fma(r, C(C5), C(C4));
        T q67 = Fma(r, C(C7), C(C6));
        T q89 = Fma(r, C(C9), C(C8));
        T q1011 = Fma(r, C(C11), C(C10));
        T q1213 = Fma(r, C(C13), C(C12));
        T q25 = Fma(r2, q45, q23);
        T q69 = Fma(r2, q89, q67);
        T q1013 = Fma(r2, q1213, q1011);
        T q = Fma(r4, Fma(r4, q1013, q69), q25);
        return ScaleB(Add(C(1.0), Fma(r2, q, r)), k);
    }

    /// <summary>
    /// e^x − 1 = hi + lo for x ≤ 0 to about 2^−57 relative. Below −100 it is −1 + e^−100 ≈ −1 to
    /// 2^−144, so x is clamped there, which keeps k in [−145, 0] and 2^k exact.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExpM1NonPositive(T x, out T lo)
    {
        T pHi = ReduceExp(Select(TOps.LessThan(x, C(-100.0)), C(-100.0), x), out T k, out T pLo);
        return ExpM1FromReduction(Pow2(k), pHi, pLo, out lo);
    }

    /// <summary>
    /// e^x − 1 = (2^k − 1) + 2^k·p from a reduction with k ≤ 0: 2^k − 1 is split exactly and
    /// dominates 2^k·p for k ≤ −1; for k = 0 the sum is p itself, which carries full relative
    /// accuracy for tiny x. When 2^k is below 2^−145 it may be inexact, but then the result is
    /// −1 to within 2^−144 anyway.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExpM1FromReduction(T twoK, T pHi, T pLo, out T lo)
    {
        T cHi = FastTwoSum(C(-1.0), twoK, out T cLo);
        T sHi = FastTwoSum(cHi, Mul(twoK, pHi), out T sLo);
        return FastTwoSum(sHi, Add(sLo, Fma(twoK, pLo, cLo)), out lo);
    }

    /// <summary>(aHi + aLo)(e^x − 1) rounded once, for x ≤ 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ScaledExpM1NonPositive(T x, T aHi, T aLo)
    {
        T mHi = ExpM1NonPositive(x, out T mLo);
        return Fma(aHi, mHi, Fma(aHi, mLo, Mul(aLo, mHi)));
    }
}
