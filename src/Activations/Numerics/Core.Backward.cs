using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Activations.Numerics;

/// <summary>
/// The fused backward passes dy·f′(x), rounded once, with no intermediate overflow or underflow.
/// <para>
/// Every kernel has the same two paths. The fast path forms f′ as the gradient does, as a
/// double-double c = cHi + cLo of moderate size (the logistic family, the from-output forms), or
/// as c·(1 + t) with t small (e^x = s(1 + t) with s = 2^k·m built exactly from the table's bits;
/// ELU's and SELU's α·e^x with α·s as a double-double, for α within [2^−32, 2^64): any other α
/// takes the general path). It multiplies by dy with <see cref="ExactProduct"/> or
/// <see cref="ExactProductOnePlus"/>: p = dy·cHi rounded, its exact error, and the tail dy·cLo
/// (and p·t), summed into one rounding. That product is within 2^−100 relative of dy·c before its rounding (its own
/// errors; 2^−57.5 when cLo is as large as the table's s·t, up to 2^−5.4·cHi) and c is within
/// 2^−55.7 of f′ or better (the core's errors, the same as the gradient's), so the result is
/// within 0.5 + 2^53·2^−55.5 ≤ 0.68 ulp; a multiplication by 2^k afterwards is exact while the
/// result is a normal number, and rounds a second time only into the subnormals, where the first
/// rounding is at most a quarter of the subnormal spacing (an ulp of a 53-bit value below 2^−1022
/// is at most 2^−1075), so 0.75 ulp there. The tests' worst cases: 0.54 ulp on normal results,
/// 0.745 on subnormal ones.
/// </para>
/// <para>
/// The fast path is valid while every product it forms stays within 2^−914 … 2^996 (where the exact
/// error of a product, <see cref="MultiplyError"/>, is exact with and without a fused multiply-add,
/// so both give the same bits) and 2^k is a normal number. Each kernel checks this with one or two
/// whole-vector tests (<see cref="ISimdOps{T, TMask}.AnyMagnitudeAbove"/> on x,
/// <see cref="ISimdOps{T, TMask}.AnyMagnitudeOutside"/> on dy, ±0 counting as inside) chosen so
/// that c's range times dy's window keeps every product within bounds: for the logistic family and
/// e^x, |x| ≤ 400 and dy within [2^−330, 2^400] (<see cref="BackwardDirectLimit"/>); for ELU and
/// SELU, the same window on dy and |x| within the factor's limit (380 to 400); for the from-output forms, windows
/// on y (or y + α) and dy. A vector that fails any test takes the wide path, which computes the fast formula and the general one
/// (<see cref="ProductWide"/>) and selects per lane with the same tests written lane by lane, so a
/// lane's value never depends on its neighbours. The wide path is inlined like the rest: a call
/// in the loop, even on a branch never taken, is one the register allocator must plan the whole
/// loop around (on Linux x64 every vector register is caller-saved), and with an out-of-line wide path
/// Exponential's backward pass measured 2.65 ns per element, against 1.44 and 1.97 in two runs
/// inlined (BenchmarkDotNet, N = 16,384, Xeon with AVX-512; the machine's noise is that wide).
/// </para>
/// <para>
/// The kernels whose window is |x| ≤ L and dy ±0 or within [2^−330, 2^400] (Exponential, ELU and
/// SELU, σ′, tanh′, σ for SoftPlus and LogSigmoid, and SiLU's, Mish's and both GELUs' in their
/// files) are also windowed for the span driver
/// (<see cref="Kernels.IBinaryKernel.IsWindowed"/>): on the vector paths it tests whole runs of 64
/// vectors before computing them, and runs those inside the window through the fast path alone
/// (…Fast, the same operations, so the same bits), leaving the test, the branch and the inlined wide
/// path out of that loop. Ad hoc on a Zen 4 EPYC (AVX-512) at N = 16,384 that took Exponential's
/// backward pass from 1.14–1.22 to 0.93–1.02 ns per element, ELU's from 1.26–1.34 to 1.09–1.16,
/// σ′'s from 2.13 to 1.89, tanh′'s from 2.17 to 1.78, SiLU's from 3.69 to 3.19–3.21, Mish's from 5.69 to
/// 5.14 and the approximate GELU's from 5.32 to 4.83 (the exact GELU's, 6.6, did not change); with
/// AVX-512 off, Exponential's 1.91 → 1.71, SiLU's 5.95 → 4.33, Mish's 9.79 → 8.06, but σ′'s
/// 3.26 → 3.43 (the test of a run costs more in 256-bit integer operations, which have no 64-bit
/// minimum or maximum).
/// </para>
/// <para>
/// The general product splits dy and c into a mantissa in [2, 4) and a power of two (exactly, via
/// the exponent field), multiplies the mantissas (a product in [4, 16], far from both ends of the
/// range) and applies the sum of all exponents once, in two steps if needed (<see cref="ScaleFactors"/>).
/// IEEE rules on the exact operands come last: a zero, infinite or NaN operand gives dy·c as the
/// hardware computes it on the exact operands (±0 with the product's sign, ±∞, NaN for 0·∞, as double.NaN on every processor), with
/// c = 0 exactly where f′ is 0 (f′(±∞) = 0 in the logistic family, e^−∞) and ∞ where it is ∞ (e^∞).
/// </para>
/// </summary>
internal static partial class Core<T, TMask, TOps>
{
    private const double TwoTo64 = 1.8446744073709552e19;
    private const double MinNormal = 2.2250738585072014e-308;          // 2^−1022
    private const double TwoToMinus900 = 1.1830521861667747e-271;
    private const double TwoTo900 = 8.452712498170644e270;
    private const double TwoToMinus300 = 4.909093465297727e-91;
    private const double TwoTo300 = 2.037035976334486e90;
    private const double TwoToMinus330 = 4.5719495651291e-100;
    private const double TwoTo400 = 2.5822498780869086e120;
    private const double TwoToMinus960 = 1.0261342003245941e-289;
    private const double TwoTo990 = 1.0463951242053392e298;

    /// <summary>
    /// Beyond ±this the general path's e^y is clamped: for |y| &gt; 2200, |dy·a|·e^y with
    /// |dy·a| ≤ 2^2049 is below 2^−1125 (so 0) for y &lt; 0, and with |dy·a| ≥ 2^−2149 above 2^1024
    /// (so ∞) for y &gt; 0, and the clamped value rounds the same way. The table reduction holds
    /// there: |n| = |round(16y/ln 2)| ≤ 50,800 &lt; 2^16, so n·Ln2Over16Hi is still exact.
    /// </summary>
    private const double WideExpLimit = 2200.0;

    /// <summary>The total exponent is clamped to ±this: a mantissa product in [4, 16] times 2^±2044 is 0 or ∞, as the unclamped value is.</summary>
    private const double WideExponentLimit = 2044.0;

    /// <summary>
    /// product − x·y exactly (the negated <see cref="MultiplyError"/>), under the same conditions.
    /// Written this way so that ±0 products give +0 on both paths: the fused form adds −x·y to
    /// product, zeros of opposite signs, and Dekker's form, given −x and −product, does the same.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T NegatedMultiplyError(T x, T y, T product)
    {
        if (Fma.IsSupported || AdvSimd.IsSupported)
        {
            return TOps.FusedMultiplyAddNegated(x, y, product);
        }

        return MultiplyError(TOps.Negate(x), y, TOps.Negate(product));
    }

    /// <summary>
    /// dy·(cHi + cLo) rounded once, for |cLo| ≤ 2^−5·|cHi|, while |dy|, |cHi| ≤ 2^996 and
    /// p = dy·cHi is 0 or above 2^−914 (then every error term is exact or far below an ulp). The
    /// value is p − ((p − dy·cHi) − dy·cLo): the inner difference is exact, the tail dy·cLo and the
    /// bracket round to 2^−53 of themselves (2^−104 of the result when |cLo| ≤ 2^−50|cHi|, under
    /// 2^−57.5 for the table's |s·t| ≤ 2^−5.4·s), and the outer subtraction rounds once. When p is ±0 the bracket is +0, so
    /// the result is p, with the sign of the exact product.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExactProduct(T dy, T cHi, T cLo)
    {
        T p = TOps.Multiply(dy, cHi);
        T e = NegatedMultiplyError(dy, cHi, p);
        return TOps.Subtract(p, TOps.Subtract(e, TOps.Multiply(dy, cLo)));
    }

    /// <summary>
    /// dy·(cHi + cLo)·(1 + t) rounded once, for |cLo| ≤ 2^−51·|cHi| (ELU's a·s has |cLo| just above 2^−52·|cHi| at most), |t| ≤ 2^−5.4 and p = dy·cHi
    /// 0 or within [2^−914, 2^996]: p − ((p − dy·cHi) − (dy·cLo + p·t)), the inner difference exact.
    /// p·t is within 2^−53 of dy·cHi·t (p's rounding) and rounds to 2^−53 of itself, the dropped
    /// dy·cLo·t is below 2^−56.4·|p|, and the sum and the bracket round to 2^−53 of themselves (each
    /// below 2^−58.4·|p|): below 2^−55.4 of the result before the last rounding (2^−56.8 when cLo = 0,
    /// with no sum and no dropped term). With cLo = 0 the
    /// term dy·cLo may be left out (<paramref name="hasLow"/> false), with the same bits: it is ±0,
    /// and adding a zero to p·t changes at most the sign of a zero bracket, which the subtraction
    /// from p, where p − (p − dy·cHi) is exact, does not see. When p is ±0 the bracket is +0 and the
    /// result is p, with the sign of the exact product.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExactProductOnePlus(T dy, T cHi, T cLo, T t, bool hasLow)
    {
        T p = TOps.Multiply(dy, cHi);
        T e = NegatedMultiplyError(dy, cHi, p);
        T tail = TOps.Multiply(p, t);
        if (hasLow)
        {
            tail = TOps.Add(TOps.Multiply(dy, cLo), tail);
        }

        return TOps.Subtract(p, TOps.Subtract(e, tail));
    }

    /// <summary>
    /// m = hi·2^−E in [2, 4) and mLo = lo·2^−E, with E an integer, for finite nonzero hi (other lanes
    /// get meaningless values). Subnormal hi is first multiplied by 2^64. The exponent field gives e
    /// with hi ∈ [2^e, 2^(e+1)), and 2^(1−e) is a normal number for every e in [−1022, 1023], so
    /// both products are exact (mLo up to an underflow far below 2^−1000 of m).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Normalize(T hi, T lo, out T mLo, out T exponent)
    {
        TMask subnormal = TOps.LessThan(TOps.Abs(hi), TOps.Create(MinNormal));
        T pre = TOps.Select(subnormal, TOps.Create(TwoTo64), TOps.Create(1.0));
        T h = TOps.Multiply(hi, pre);
        T e = TOps.Subtract(TOps.ExponentField(h), TOps.Create(1023.0));
        T up = Pow2(TOps.Subtract(TOps.Create(1.0), e));
        mLo = TOps.Multiply(TOps.Multiply(lo, pre), up);
        exponent = TOps.Subtract(TOps.Subtract(e, TOps.Create(1.0)), TOps.Select(subnormal, TOps.Create(64.0), TOps.Create(0.0)));
        return TOps.Multiply(h, up);
    }

    /// <summary>Lanes where a or b is ±0, ±∞ or NaN: a·0·b is NaN exactly when one is infinite or NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TMask IsSpecialPair(T a, T b)
    {
        T zero = TOps.Create(0.0);
        return TOps.Or(TOps.Or(TOps.Equal(a, zero), TOps.Equal(b, zero)), TOps.IsNaN(TOps.Multiply(TOps.Multiply(a, zero), b)));
    }

    /// <summary>Lanes with |x| &gt; limit or NaN: <see cref="ISimdOps{T, TMask}.AnyMagnitudeAbove"/> lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TMask MagnitudeAbove(T x, double limit) =>
        TOps.Or(TOps.GreaterThan(TOps.Abs(x), TOps.Create(limit)), TOps.IsNaN(x));

    /// <summary>Lanes outside the window of <see cref="ISimdOps{T, TMask}.AnyMagnitudeOutside"/> (±0 inside), lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TMask MagnitudeOutside(T x, double low, double high)
    {
        T a = TOps.Select(TOps.Equal(x, TOps.Create(0.0)), TOps.Create(low), TOps.Abs(x));
        return TOps.Or(TOps.Or(TOps.GreaterThan(a, TOps.Create(high)), TOps.IsNaN(x)), TOps.LessThan(a, TOps.Create(low)));
    }

    /// <summary>
    /// dy·(cHi + cLo)·2^k rounded once (twice, within 0.75 ulp, for subnormal results), for any dy,
    /// any cHi (finite nonzero with |cLo| ≤ 2^−50|cHi|, or ±0, ±∞, NaN meaning exactly that) and
    /// integer-valued k with |k| ≤ 4000. See the type's summary.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ProductWide(T dy, T cHi, T cLo, T k)
    {
        T dm = Normalize(dy, TOps.Create(0.0), out _, out T dyExponent);
        T cm = Normalize(cHi, cLo, out T cmLo, out T cExponent);
        T v = ExactProduct(dm, cm, cmLo);
        T total = Clamp(TOps.Add(TOps.Add(k, dyExponent), cExponent), WideExponentLimit);
        T first = ScaleFactors(total, out T second);
        T r = Scale(v, first, second);
        r = TOps.Select(IsSpecialPair(dy, cHi), TOps.Multiply(dy, cHi), r);

        // ∞·0 is an invalid operation whose NaN differs between processors (x64 gives
        // 0xFFF8000000000000, Arm 0x7FF8000000000000): such lanes get double.NaN, as in
        // TimesConstant, so that every processor returns the same bits; a NaN dy propagates.
        r = TOps.Select(TOps.IsNaN(r), TOps.Create(double.NaN), r);
        return TOps.Select(TOps.IsNaN(dy), dy, r);
    }

    /// <summary>
    /// dy·(aHi + aLo)·2^aK·e^y for y in [−∞, ∞] (NaN is the caller's) and a = aHi + aLo with aHi in
    /// [1, 2) or 0: e^y = 2^k(mHi + mLo) from <see cref="ExpTable"/> (y clamped to ±2200), c = a·m
    /// in double-double (to 2^−104, in [0.97, 3.92]), then <see cref="ProductWide"/> with exponent
    /// k + aK. e^−∞ = 0 and e^∞ = ∞ are exact.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExpProductWide(T dy, T y, double aHi, double aLo, double aK)
    {
        T mHi = ExpTable(Clamp(y, WideExpLimit), out T k, out T mLo);
        T a = TOps.Create(aHi);
        T cHi = TOps.Multiply(a, mHi);
        T cLo = TOps.Add(MultiplyError(a, mHi, cHi), TOps.Add(TOps.Multiply(a, mLo), TOps.Multiply(TOps.Create(aLo), mHi)));
        TMask minusInfinity = TOps.Equal(y, TOps.Create(double.NegativeInfinity));
        // a·e^−∞ = a·0: a zero with a's sign (α·eˣ → −0 for α < 0), as the finite x that underflow give.
        cHi = TOps.Select(minusInfinity, TOps.Multiply(a, TOps.Create(0.0)), cHi);
        cLo = TOps.Select(minusInfinity, TOps.Create(0.0), cLo);
        cHi = TOps.Select(TOps.Equal(y, TOps.Create(double.PositiveInfinity)), TOps.Multiply(a, TOps.Create(double.PositiveInfinity)), cHi);
        return ProductWide(dy, cHi, cLo, TOps.Add(k, TOps.Create(aK)));
    }

    // ---- Exponential: dy·e^x ----

    /// <summary>The window on dy of the exponential family's fast paths (see <see cref="BackwardDirectLimit"/>).</summary>
    internal const double FastGradientLow = TwoToMinus330;

    /// <summary>The upper end of that window.</summary>
    internal const double FastGradientHigh = TwoTo400;

    /// <summary>Up to this |x| the table's k is within [−1016, 1016], so 2^k is a normal number.</summary>
    private const double ExpBackwardLimit = 704.0;

    /// <summary>
    /// Up to this |x| (and for dy ±0 or within [2^−330, 2^400]) the fast paths of the exponential and
    /// logistic kernels need no test of their result: a factor of e^±400 = 2^±577.1 (or σ′, σ at
    /// least e^−400/4 &gt; 2^−580) times such a dy stays within [2^−910, 2^978], where every product
    /// error is exact on both paths and the result is a normal number.
    /// </summary>
    internal const double BackwardDirectLimit = 400.0;

    /// <summary>
    /// dy·e^x within 0.6 ulp (0.75 for subnormal results). Fast path (|x| ≤ 400, dy ±0 or within
    /// [2^−330, 2^400]): e^x ≈ s + s·t with s = 2^k·m built exactly from the table's bits (as in
    /// <see cref="Exp"/>, to 2^−57 before its last rounding), and dy·s(1 + t) rounded once by
    /// <see cref="ExactProductOnePlus"/> (|t| ≤ 2^−5.4, its errors below 2^−56.8 of the result):
    /// dy·s lies within [2^−908, 2^978], so the result is normal and nothing else can go wrong.
    /// Otherwise the wide path, which keeps this formula on the lanes it holds for and gives the
    /// others dy·e^x by <see cref="ExpProductWide"/>; NaN x returns x.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ExpBackward(T x, T dy)
    {
        if (TOps.AnyMagnitudeAbove(x, BackwardDirectLimit) || TOps.AnyMagnitudeOutside(dy, TwoToMinus330, TwoTo400))
        {
            return ExpBackwardWide(x, dy);
        }

        return ExpBackwardFast(x, dy);
    }

    /// <summary><see cref="ExpBackward"/>'s fast path, for vectors inside its window (|x| ≤ 400, dy ±0 or within [2^−330, 2^400]).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ExpBackwardFast(T x, T dy)
    {
        T scale = ExpSixteenthsScale(x, out T t);
        return ExactProductOnePlus(dy, scale, TOps.Create(0.0), t, hasLow: false);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExpBackwardWide(T x, T dy)
    {
        T fast = ExpBackwardFast(Clamp(x, BackwardDirectLimit), dy);
        T wide = ExpProductWide(dy, x, 1.0, 0.0, 0.0);
        TMask outside = TOps.Or(MagnitudeAbove(x, BackwardDirectLimit), MagnitudeOutside(dy, TwoToMinus330, TwoTo400));
        return PropagateNaN(x, TOps.Select(outside, wide, fast));
    }

    // ---- ELU and SELU: dy·P for x > 0, dy·α·e^x otherwise ----

    /// <summary>
    /// dy·f′(x) for f′ = P (= posHi + posLo, in [1, 2); exactly dy when unitPositive) for x &gt; 0 and
    /// a·e^x otherwise, a = aHi + aLo = (gHi + gLo)·2^gK (see <see cref="Kernels.BackwardFactor"/>).
    /// Fast path: u = x where x ≤ 0 and 0 where x &gt; 0, every |u| within the factor's direct limit
    /// (380 to 400, or −1 when a is outside [2^−32, 2^64)) and dy ±0 or within [2^−330, 2^400]:
    /// e^u = s(1 + t) as in <see cref="ExpBackward"/>, a·s = cHi + cLo in double-double (the
    /// product's error exact, and aLo·s; just s when a = 1, unitAlpha, with the same bits), and
    /// dy·(cHi + cLo)(1 + t) rounded once by <see cref="ExactProductOnePlus"/>: the limit keeps
    /// |dy·cHi| within [2^−914, 2^465], so the result is normal and every error term exact. The positive branch is dy·P rounded once by
    /// the same product, or dy itself. Otherwise the wide path, which keeps this formula on the lanes
    /// it holds for and gives the others the general product (<see cref="ExpProductWide"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T EluBackward(
        T x, T dy, double posHi, double posLo, bool unitPositive,
        double aHi, double aLo, bool unitAlpha, double directLimit, double gHi, double gLo, double gK)
    {
        TMask positive = TOps.GreaterThan(x, TOps.Create(0.0));
        T u = TOps.Select(positive, TOps.Create(0.0), x);
        if (TOps.AnyMagnitudeAbove(u, directLimit) || TOps.AnyMagnitudeOutside(dy, TwoToMinus330, TwoTo400))
        {
            return EluBackwardWide(x, dy, posHi, posLo, unitPositive, aHi, aLo, unitAlpha, directLimit, gHi, gLo, gK);
        }

        return EluBackwardFast(positive, u, dy, posHi, posLo, unitPositive, aHi, aLo, unitAlpha);
    }

    /// <summary>
    /// <see cref="EluBackward"/>'s fast path, for vectors inside its window (every |x| within the
    /// factor's direct limit, which bounds |u| as well, and dy ±0 or within [2^−330, 2^400]).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T EluBackwardInside(T x, T dy, double posHi, double posLo, bool unitPositive, double aHi, double aLo, bool unitAlpha)
    {
        TMask positive = TOps.GreaterThan(x, TOps.Create(0.0));
        T u = TOps.Select(positive, TOps.Create(0.0), x);
        return EluBackwardFast(positive, u, dy, posHi, posLo, unitPositive, aHi, aLo, unitAlpha);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T EluBackwardFast(
        TMask positive, T u, T dy, double posHi, double posLo, bool unitPositive, double aHi, double aLo, bool unitAlpha)
    {
        T cHi = ExpSixteenthsScale(u, out T t);
        T cLo = TOps.Create(0.0);
        if (!unitAlpha)
        {
            T a = TOps.Create(aHi);
            T s = cHi;
            cHi = TOps.Multiply(a, s);
            cLo = TOps.Add(MultiplyError(a, s, cHi), TOps.Multiply(TOps.Create(aLo), s));
        }

        // The positive branch is the same product with the factor P and t = 0, selected before it
        // (one product instead of two), or dy itself when P = 1.
        if (!unitPositive)
        {
            cHi = TOps.Select(positive, TOps.Create(posHi), cHi);
            cLo = TOps.Select(positive, TOps.Create(posLo), cLo);
            t = TOps.Select(positive, TOps.Create(0.0), t);
        }

        T v = ExactProductOnePlus(dy, cHi, cLo, t, hasLow: !unitAlpha || !unitPositive);
        return unitPositive ? TOps.Select(positive, dy, v) : v;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T EluBackwardWide(
        T x, T dy, double posHi, double posLo, bool unitPositive,
        double aHi, double aLo, bool unitAlpha, double directLimit, double gHi, double gLo, double gK)
    {
        TMask positive = TOps.GreaterThan(x, TOps.Create(0.0));
        T u = TOps.Select(positive, TOps.Create(0.0), x);
        T fast = EluBackwardFast(positive, Clamp(u, BackwardDirectLimit), dy, posHi, posLo, unitPositive, aHi, aLo, unitAlpha);
        T negative = ExpProductWide(dy, u, gHi, gLo, gK);
        T positiveValue = unitPositive ? dy : ProductWide(dy, TOps.Create(posHi), TOps.Create(posLo), TOps.Create(0.0));
        T wide = TOps.Select(positive, positiveValue, negative);
        TMask outside = TOps.Or(MagnitudeAbove(u, directLimit), MagnitudeOutside(dy, TwoToMinus330, TwoTo400));
        return PropagateNaN(x, TOps.Select(outside, wide, fast));
    }

    // ---- The logistic family: dy·σ′(x), dy·tanh′(x), dy·σ(x) ----

    /// <summary>
    /// c·σ′ at y = −|scale·x| ≤ 0 as a double-double, c·t/(1 + t)² with t = e^y, the gradient's
    /// direct formula (valid for y ≥ −600, to about 2^−56 relative).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SigmoidGradPair(T y, double c, out T lo)
    {
        T tHi = ExpPair(y, out T tLo);
        T dHi = OnePlus(tHi, tLo, out T dLo);
        T d2Hi = SquareDD(dHi, dLo, out T d2Lo);
        return DivideDD(TOps.Multiply(TOps.Create(c), tHi), TOps.Multiply(TOps.Create(c), tLo), d2Hi, d2Lo, out lo);
    }

    /// <summary>
    /// dy·c·σ′(scale·x) within 0.75 ulp: σ′ for (scale, c) = (1, 1), tanh′ = 4σ′(2x) for (2, 4).
    /// Fast path (|scale·x| ≤ 400, dy ±0 or within [2^−330, 2^400]): q = c·σ′ from the gradient's
    /// pair (e^−400/4 &lt; q ≤ 1), then dy·q rounded once: dy·qHi lies within [2^−910, 2^400]
    /// (see <see cref="BackwardDirectLimit"/>), so the result is normal. Wide path: the same pair
    /// through <see cref="ProductWide"/> for |scale·x| ≤ 600 (where the pair is valid), and
    /// dy·c·e^y (y = −|scale·x|) beyond, where σ′(y) = e^y(1 − 2e^y + …) is e^y to 2^−864.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SigmoidGradBackward(T x, T dy, double scale, double c, double cExponent)
    {
        if (TOps.AnyMagnitudeAbove(x, BackwardDirectLimit / scale) || TOps.AnyMagnitudeOutside(dy, TwoToMinus330, TwoTo400))
        {
            return SigmoidGradBackwardWide(x, dy, scale, c, cExponent);
        }

        return SigmoidGradBackwardFast(x, dy, scale, c);
    }

    /// <summary><see cref="SigmoidGradBackward"/>'s fast path, for vectors inside its window (|scale·x| ≤ 400, dy ±0 or within [2^−330, 2^400]).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SigmoidGradBackwardFast(T x, T dy, double scale, double c)
    {
        T qHi = SigmoidGradPair(TOps.Multiply(TOps.Create(-scale), TOps.Abs(x)), c, out T qLo);
        return ExactProduct(dy, qHi, qLo);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SigmoidGradBackwardWide(T x, T dy, double scale, double c, double cExponent)
    {
        T y = TOps.Multiply(TOps.Create(-scale), TOps.Abs(x));
        TMask far = TOps.LessThan(y, TOps.Create(-DirectLimit));
        T qHi = SigmoidGradPair(TOps.Select(far, TOps.Create(-DirectLimit), y), c, out T qLo);
        T fast = ExactProduct(dy, qHi, qLo);
        T direct = ProductWide(dy, qHi, qLo, TOps.Create(0.0));
        T wide = TOps.Select(far, ExpProductWide(dy, y, 1.0, 0.0, cExponent), direct);
        TMask outside = TOps.Or(MagnitudeAbove(x, BackwardDirectLimit / scale), MagnitudeOutside(dy, TwoToMinus330, TwoTo400));
        return PropagateNaN(x, TOps.Select(outside, wide, fast));
    }

    /// <summary>σ(x) as a double-double for |x| ≤ 600: 1/(1 + t) or t/(1 + t), t = e^−|x| (as in <see cref="Sigmoid"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SigmoidPair(T x, out T lo)
    {
        TMask negative = TOps.LessThan(x, TOps.Create(0.0));
        T tHi = ExpPair(TOps.Negate(TOps.Abs(x)), out T tLo);
        T dHi = OnePlus(tHi, tLo, out T dLo);
        return DivideDD(TOps.Select(negative, tHi, TOps.Create(1.0)), TOps.Select(negative, tLo, TOps.Create(0.0)), dHi, dLo, out lo);
    }

    /// <summary>
    /// dy·σ(x) (SoftPlus′) within 0.75 ulp, with the paths of <see cref="SigmoidGradBackward"/>
    /// (σ &gt; e^−400/2 on the fast range, e^−600/2 on the direct one). Beyond |x| = 600: for x &gt; 0,
    /// σ = 1 − e^−x with e^−x &lt; 2^−865, so dy·σ rounds to dy itself (also for dy = ±∞, NaN, ±0);
    /// for x &lt; 0, σ = e^x(1 − e^x + …) and dy·e^x is rounded once by the general path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SigmoidBackward(T x, T dy)
    {
        if (TOps.AnyMagnitudeAbove(x, BackwardDirectLimit) || TOps.AnyMagnitudeOutside(dy, TwoToMinus330, TwoTo400))
        {
            return SigmoidBackwardWide(x, dy);
        }

        return SigmoidBackwardFast(x, dy);
    }

    /// <summary><see cref="SigmoidBackward"/>'s fast path, for vectors inside its window (|x| ≤ 400, dy ±0 or within [2^−330, 2^400]).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SigmoidBackwardFast(T x, T dy)
    {
        T qHi = SigmoidPair(x, out T qLo);
        return ExactProduct(dy, qHi, qLo);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SigmoidBackwardWide(T x, T dy)
    {
        TMask far = MagnitudeAbove(x, DirectLimit);
        T qHi = SigmoidPair(Clamp(x, DirectLimit), out T qLo);
        T fast = ExactProduct(dy, qHi, qLo);
        T direct = ProductWide(dy, qHi, qLo, TOps.Create(0.0));
        T farValue = TOps.Select(TOps.GreaterThan(x, TOps.Create(0.0)), dy, ExpProductWide(dy, x, 1.0, 0.0, 0.0));
        T wide = TOps.Select(far, farValue, direct);
        TMask outside = TOps.Or(MagnitudeAbove(x, BackwardDirectLimit), MagnitudeOutside(dy, TwoToMinus330, TwoTo400));
        return PropagateNaN(x, TOps.Select(outside, wide, fast));
    }

    // ---- From the saved output y ----

    /// <summary>
    /// dy·y(1 − y) for any double y, within 0.75 ulp: 1 − y = sHi + sLo exactly (two-sum), y·s in
    /// double-double, then dy times it rounded once. Fast path: y and dy ±0 or within 2^±300, where
    /// y(1 − y) is 0 or within [2^−302, 2^601] (1 − y is 0 or at least 2^−53 in magnitude) and every
    /// product stays within 2^±902. Wide path: y and s split into mantissa and exponent, their
    /// product formed in [4, 16] and passed to <see cref="ProductWide"/>; if y or s is 0 or ±∞ the
    /// factor is their IEEE product (0, or −∞ for y = ±∞).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SigmoidOutputBackward(T y, T dy)
    {
        if (TOps.AnyMagnitudeOutside(y, TwoToMinus300, TwoTo300) || TOps.AnyMagnitudeOutside(dy, TwoToMinus300, TwoTo300))
        {
            return SigmoidOutputBackwardWide(y, dy);
        }

        return SigmoidOutputBackwardFast(y, dy);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SigmoidOutputBackwardFast(T y, T dy)
    {
        T sHi = TwoSum(TOps.Create(1.0), TOps.Negate(y), out T sLo);
        T aHi = TOps.Multiply(y, sHi);
        T aLo = TOps.Add(MultiplyError(y, sHi, aHi), TOps.Multiply(y, sLo));
        return ExactProduct(dy, aHi, aLo);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SigmoidOutputBackwardWide(T y, T dy)
    {
        T fast = SigmoidOutputBackwardFast(y, dy);
        T sHi = TwoSum(TOps.Create(1.0), TOps.Negate(y), out T sLo);
        T ym = Normalize(y, TOps.Create(0.0), out _, out T yExponent);
        T sm = Normalize(sHi, sLo, out T smLo, out T sExponent);
        T aHi = TOps.Multiply(ym, sm);
        T aLo = TOps.Add(MultiplyError(ym, sm, aHi), TOps.Multiply(ym, smLo));
        TMask special = IsSpecialPair(y, sHi);
        aHi = TOps.Select(special, TOps.Multiply(y, sHi), aHi);
        aLo = TOps.Select(special, TOps.Create(0.0), aLo);
        T wide = ProductWide(dy, aHi, aLo, TOps.Add(yExponent, sExponent));
        TMask outside = TOps.Or(MagnitudeOutside(y, TwoToMinus300, TwoTo300), MagnitudeOutside(dy, TwoToMinus300, TwoTo300));
        return PropagateNaN(y, TOps.Select(outside, wide, fast));
    }

    /// <summary>
    /// dy·(1 − y²) for any double y, within 0.75 ulp: 1 − y² = (1 − y)(1 + y), each factor an exact
    /// two-sum, their product in double-double (the dropped product of the low parts is below 2^−106
    /// relative), then dy times it rounded once. Fast path: y and dy ±0 or within 2^±300, where
    /// 1 − y² is 0 or within [2^−53, 2^601]. Wide path as in <see cref="SigmoidOutputBackward"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TanhOutputBackward(T y, T dy)
    {
        if (TOps.AnyMagnitudeOutside(y, TwoToMinus300, TwoTo300) || TOps.AnyMagnitudeOutside(dy, TwoToMinus300, TwoTo300))
        {
            return TanhOutputBackwardWide(y, dy);
        }

        return TanhOutputBackwardFast(y, dy);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T TanhOutputBackwardFast(T y, T dy)
    {
        T s1Hi = TwoSum(TOps.Create(1.0), TOps.Negate(y), out T s1Lo);
        T s2Hi = TwoSum(TOps.Create(1.0), y, out T s2Lo);
        T aHi = MultiplyDD(s1Hi, s1Lo, s2Hi, s2Lo, out T aLo);
        return ExactProduct(dy, aHi, aLo);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T TanhOutputBackwardWide(T y, T dy)
    {
        T fast = TanhOutputBackwardFast(y, dy);
        T s1Hi = TwoSum(TOps.Create(1.0), TOps.Negate(y), out T s1Lo);
        T s2Hi = TwoSum(TOps.Create(1.0), y, out T s2Lo);
        T m1 = Normalize(s1Hi, s1Lo, out T m1Lo, out T e1);
        T m2 = Normalize(s2Hi, s2Lo, out T m2Lo, out T e2);
        T aHi = MultiplyDD(m1, m1Lo, m2, m2Lo, out T aLo);
        TMask special = IsSpecialPair(s1Hi, s2Hi);
        aHi = TOps.Select(special, TOps.Multiply(s1Hi, s2Hi), aHi);
        aLo = TOps.Select(special, TOps.Create(0.0), aLo);
        T wide = ProductWide(dy, aHi, aLo, TOps.Add(e1, e2));
        TMask outside = TOps.Or(MagnitudeOutside(y, TwoToMinus300, TwoTo300), MagnitudeOutside(dy, TwoToMinus300, TwoTo300));
        return PropagateNaN(y, TOps.Select(outside, wide, fast));
    }

    /// <summary>
    /// dy·P for y &gt; 0 (exactly dy when unitPositive) and dy·(y + a) otherwise, a = aHi + aLo + aLo2
    /// (a triple, so that y + a keeps its relative accuracy even at y = −aHi, where it is aLo + aLo2;
    /// aLo = aLo2 = 0 for ELU's α, a double): y + aHi = sHi + sLo exactly, then sHi + aLo exactly,
    /// the small parts summed (to 2^−104 relative of the sum: both sums are exact, and when
    /// sHi ≠ 0 it is at least 2^−53 of aHi, far above aLo2). Fast path: y + a's high part and dy
    /// ±0 or within 2^±450 (every product within 2^±900); otherwise <see cref="ProductWide"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T EluOutputBackward(T y, T dy, double posHi, double posLo, bool unitPositive, double aHi, double aLo, double aLo2, bool hasLow)
    {
        TMask positive = TOps.GreaterThan(y, TOps.Create(0.0));

        // TwoSum's intermediate s − y can round up to ∞ when both y and α are near MaxValue (for
        // ELU(MaxValue) at y = −3.2586633357070016e307 it is MaxValue + ulp/2, a tie that rounds
        // to 2^1024). For such an α (a constant of the kernel) the fast two-sum with the larger
        // magnitude first forms only differences smaller than both, which stay finite.
        T gHi;
        T gLo;
        if (Math.Abs(aHi) > TwoTo1000)
        {
            T a = TOps.Create(aHi);
            TMask yLarger = TOps.GreaterThan(TOps.Abs(y), TOps.Abs(a));
            gHi = FastTwoSum(TOps.Select(yLarger, y, a), TOps.Select(yLarger, a, y), out gLo);
        }
        else
        {
            gHi = TwoSum(y, TOps.Create(aHi), out gLo);
        }

        if (hasLow)
        {
            gHi = TwoSum(gHi, TOps.Create(aLo), out T bLo);
            gLo = TOps.Add(bLo, TOps.Add(gLo, TOps.Create(aLo2)));
        }

        // Lanes with y > 0 take P; their y + a is replaced by 1 so that a large y never sends the
        // vector to the wide path.
        gHi = TOps.Select(positive, TOps.Create(1.0), gHi);
        if (TOps.AnyMagnitudeOutside(gHi, TwoToMinus450, TwoTo450) || TOps.AnyMagnitudeOutside(dy, TwoToMinus450, TwoTo450))
        {
            return EluOutputBackwardWide(y, dy, positive, gHi, gLo, posHi, posLo, unitPositive);
        }

        T negative = ExactProduct(dy, gHi, gLo);
        T positiveValue = unitPositive ? dy : ExactProduct(dy, TOps.Create(posHi), TOps.Create(posLo));
        return TOps.Select(positive, positiveValue, negative);
    }

    private const double TwoToMinus450 = 3.4395525670743494e-136;
    private const double TwoTo1000 = 1.0715086071862673e301;
    private const double TwoTo450 = 2.9073548971824276e135;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T EluOutputBackwardWide(T y, T dy, TMask positive, T gHi, T gLo, double posHi, double posLo, bool unitPositive)
    {
        T negativeFast = ExactProduct(dy, gHi, gLo);
        T positiveFast = unitPositive ? dy : ExactProduct(dy, TOps.Create(posHi), TOps.Create(posLo));
        T fast = TOps.Select(positive, positiveFast, negativeFast);
        T negative = ProductWide(dy, gHi, gLo, TOps.Create(0.0));
        T positiveValue = unitPositive ? dy : ProductWide(dy, TOps.Create(posHi), TOps.Create(posLo), TOps.Create(0.0));
        T wide = TOps.Select(positive, positiveValue, negative);
        TMask outside = TOps.Or(MagnitudeOutside(gHi, TwoToMinus450, TwoTo450), MagnitudeOutside(dy, TwoToMinus450, TwoTo450));
        return PropagateNaN(y, TOps.Select(outside, wide, fast));
    }

    /// <summary>
    /// dy·c rounded once for a constant c. For c = ±0 the product of dy = ±∞ is an invalid
    /// operation, whose NaN differs between processors (x64 gives 0xFFF8000000000000, Arm
    /// 0x7FF8000000000000); those lanes get <see cref="double.NaN"/> (the x64 bits) so that every
    /// processor returns the same bits: on x64 (where <see cref="X86Base"/> is supported, a constant
    /// of the compiled code) the product already has them, elsewhere a select sets them. A NaN dy
    /// propagates through the product on both.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TimesConstant(T dy, double c)
    {
        T product = TOps.Multiply(dy, TOps.Create(c));
        return X86Base.IsSupported || c != 0
            ? product
            : TOps.Select(TOps.Equal(TOps.Abs(dy), TOps.Create(double.PositiveInfinity)), TOps.Create(double.NaN), product);
    }

    // ---- HardSigmoid: dy/5 ----

    /// <summary>0.2 − 1/5 = 2^−54/5 exactly, rounded: 0.2·2^−54, the same significand as 0.2.</summary>
    private const double FifthError = 1.1102230246251566e-17;

    /// <summary>
    /// dy/5 correctly rounded, without a division on the fast path. dy/5 is never within ulp/10 of a
    /// rounding midpoint (a midpoint times 5 has an odd significand of at least 54 bits, so it is not
    /// a double), so any approximation within 2^−52 ulp rounds as dy/5 does: each path below gives the
    /// division's bits on its lanes, and the division itself serves the others.
    /// With a fused multiply-add (|dy| within [2^−960, MaxValue]; a vector with a ±0 lane divides, since
    /// the sum below would give −0 the wrong sign): dy/5 = dy·0.2 − dy·δ
    /// with δ = 0.2 − 1/5 = 2^−54/5, and fma(dy, 0.2, −dy·δ) rounds once; dy·δ is a normal number
    /// there, rounded to 2^−52 of itself, about 2^−106 of the result.
    /// Without one (dy ±0 or within [2^−900, 2^990], so that Dekker's splitting of q cannot overflow
    /// and its partial products are exact): q = dy·0.2 rounded, r = dy − 5q exactly (5q split exactly
    /// into its rounded value and error; dy − 5q rounded is exact by Sterbenz's lemma, and r, a
    /// multiple of ulp(q) below 5 ulp(q), is representable), and q − (−r)·0.2 rounded once, within
    /// 2^−52 ulp(q) of dy/5. (The negated remainder makes dy = −0 give q − (+0) = −0.)
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T FifthOf(T dy)
    {
        T fifth = TOps.Create(0.2);
        if (Fma.IsSupported || AdvSimd.IsSupported)
        {
            // A ±0 dy would give +0 (a sum of zeros of opposite signs), so it takes the division too.
            if (TOps.AnyMagnitudeBelowOrAbove(dy, TwoToMinus960, double.MaxValue))
            {
                return TOps.Divide(dy, TOps.Create(5.0));
            }

            return TOps.FusedMultiplyAdd(dy, fifth, TOps.Negate(TOps.Multiply(dy, TOps.Create(FifthError))));
        }

        if (TOps.AnyMagnitudeOutside(dy, TwoToMinus900, TwoTo990))
        {
            return TOps.Divide(dy, TOps.Create(5.0));
        }

        T five = TOps.Create(5.0);
        T q = TOps.Multiply(dy, fifth);
        T fiveQ = TOps.Multiply(q, five);
        T negatedRemainder = TOps.Add(TOps.Subtract(fiveQ, dy), MultiplyError(q, five, fiveQ));
        return TOps.Subtract(q, TOps.Multiply(negatedRemainder, fifth));
    }
}
