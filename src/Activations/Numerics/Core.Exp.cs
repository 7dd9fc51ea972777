using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

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
    /// exact (Sterbenz), h = r1 − k·Ln2Lo rounds the second step, and its rounding error rLo =
    /// (r1 − h) − k·Ln2Lo is recovered to 2^−74 absolute (r1 − h is exact: Sterbenz again, or both
    /// are below 2^−31 where their difference fits in 53 bits; k·Ln2Lo, below 2^−21, rounds by at
    /// most 2^−75). Then e^r − 1 = h + h²/2 + h³q(h) + rLo(1 + h) keeps h and h²/2 exact (h² split
    /// exactly), so the only rounding errors sit in the terms below 0.008, each a multiply and an
    /// add: about 2^−58 relative to the result, also when k = 0 and x is tiny (then p = e^x − 1 to
    /// the same relative accuracy). No step needs a fused multiply-add.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ReduceExp(T x, out T k, out T pLo)
    {
        k = RoundToInteger(TOps.Multiply(x, TOps.Create(InvLn2)));
        T r1 = SubtractExactProduct(x, k, Ln2Hi);
        T kLo = TOps.Multiply(k, TOps.Create(Ln2Lo));
        T h = TOps.Subtract(r1, kLo);
        T rLo = TOps.Subtract(TOps.Subtract(r1, h), kLo);

        T sHi = TOps.Multiply(h, h);
        T sLo = MultiplyError(h, h, sHi);
        T aHi = FastTwoSum(h, TOps.Multiply(TOps.Create(0.5), sHi), out T aLo);

        // Estrin's scheme: the same polynomial as Horner's rule, but a dependency chain of four
        // steps instead of eleven, so several vectors' evaluations overlap in the pipeline.
        T h4 = TOps.Multiply(sHi, sHi);
        T q34 = MulAdd(h, C4, C3);
        T q56 = MulAdd(h, C6, C5);
        T q78 = MulAdd(h, C8, C7);
        T q910 = MulAdd(h, C10, C9);
        T q1112 = MulAdd(h, C12, C11);
        T q1314 = MulAdd(h, C14, C13);
        T q36 = MulAdd(sHi, q56, q34);
        T q710 = MulAdd(sHi, q910, q78);
        T q1114 = MulAdd(sHi, q1314, q1112);
        T q = MulAdd(h4, MulAdd(h4, q1114, q710), q36);
        T cubic = TOps.Multiply(TOps.Multiply(sHi, h), q);

        // e^(h + rLo) − 1 ≈ (e^h − 1) + rLo(1 + h): the rLo·h term matters at 2^−53·h².
        T lo = TOps.Add(aLo, TOps.Add(TOps.Multiply(TOps.Create(0.5), sLo), TOps.Add(MulAdd(h, rLo, rLo), cubic)));
        return FastTwoSum(aHi, lo, out pLo);
    }

    // The table-driven reduction: y = (16k + j)·ln 2/16 + r with |r| ≤ ln 2/32 + 2^−40.
    private const double SixteenOverLn2 = 23.083120654223414;  // 16/ln 2 rounded; only picks n = 16k + j

    // ln 2/16 = Ln2Over16Hi + Ln2Over16Lo + O(2^−102). Ln2Over16Hi has 37 significant bits, so
    // n·Ln2Over16Hi is exact for |n| < 2^16 (|y| ≤ 1000 gives |n| ≤ 23,084).
    private const double Ln2Over16Hi = 0.04332169878489367;
    private const double Ln2Over16Lo = 1.0291218489310676e-13;

    // Chebyshev fit (near-minimax) of q(r) = (e^r − 1 − r − r²/2)/r³ on |r| ≤ ln 2/32·(1 + 2^−20),
    // fitted in 300-bit arithmetic and rounded to doubles: |r³(q − fit)| < 2^−63.5.
    private const double E3 = 0.16666666666666666;
    private const double E4 = 0.041666666664960446;
    private const double E5 = 0.008333333333143754;
    private const double E6 = 0.0013889034348876907;
    private const double E7 = 0.00019841431463325554;

    /// <summary>2^(j/16) rounded to a double, j = 0 … 15.</summary>
    private static ReadOnlySpan<double> Exp2Sixteenths =>
    [
        1.0, 1.0442737824274138, 1.0905077326652577, 1.1387886347566916,
        1.189207115002721, 1.241857812073484, 1.2968395546510096, 1.3542555469368927,
        1.4142135623730951, 1.4768261459394993, 1.5422108254079407, 1.6104903319492543,
        1.681792830507429, 1.7562521603732995, 1.8340080864093424, 1.9152065613971474,
    ];

    /// <summary>The relative tail (2^(j/16) − <see cref="Exp2Sixteenths"/>[j])/<see cref="Exp2Sixteenths"/>[j], rounded (below 2^−53.4).</summary>
    private static ReadOnlySpan<double> Exp2SixteenthsTail =>
    [
        0.0, 8.189317638195515e-17, -2.7939114859515733e-17, 7.826573258636076e-17,
        3.3484623336251524e-17, 3.750854201303127e-17, 1.9572585293112036e-17, 5.68648095791174e-17,
        -6.835808657661922e-17, -2.3591094770850053e-17, 5.1548301170786783e-17, 1.5341410053603723e-17,
        4.875160526227062e-17, 1.685487290628973e-17, 1.790126907604513e-17, -5.545065618639427e-17,
    ];

    /// <summary>
    /// e^y = 2^k (eHi + eLo) for y in [−1000, 1000], with eHi ∈ [0.97, 1.96] and the pair accurate
    /// to about 2^−57 relative: n = round(16y/ln 2) = 16k + j picks m = 2^(j/16) from a table, and
    /// eHi + eLo = m + m·t exactly, with t = r + (p(r) + tail) as in <see cref="Exp"/> (whose errors
    /// before its last rounding the pair carries: 2^−59 each from r, the sum t, the omitted tail·r,
    /// and 2^−58.5 from m·t). k = ⌊n/16⌋ is kept apart, for callers that multiply the mantissa by
    /// a factor before they scale. Only multiplies and adds, so every path agrees.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExpTable(T y, out T k, out T eLo)
    {
        T z = ReduceSixteenths(y);
        k = SixteenthsExponent(z);
        T m = TOps.Lookup16(Exp2Sixteenths, z);
        return FastTwoSum(m, TOps.Multiply(m, ExpSixteenthsT(y, z)), out eLo);
    }

    /// <summary>
    /// e^(h + l) = 2^k(hi + lo) for |h| ≤ 2200 and |l| ≤ 2^−40 (a double-double argument), as
    /// e^h·(1 + l): the table reduction of h (<see cref="ExpTable"/>, hi in [0.97, 1.96], to about
    /// 2^−57 relative) and lo = mLo + mHi·l. The dropped terms e^h(l²/2 + mLo·l) are below 2^−80
    /// relative; |lo| ≤ 2^−39·hi.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExpOfSum(T h, T l, out T k, out T lo)
    {
        T mHi = ExpTable(h, out k, out T mLo);
        lo = TOps.Add(mLo, TOps.Multiply(mHi, l));
        return mHi;
    }

    /// <summary>
    /// e^(h + l) − 1 = hi + lo for |h| &lt; 0.34 and |l| ≤ 2^−50·|h| (k = 0 in <see cref="ReduceExp"/>):
    /// (e^h − 1) + l·e^h with e^h = 1 + pHi + pLo, to about 2^−57 relative, also for tiny h.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExpM1OfSumNear(T h, T l, out T lo)
    {
        T pHi = ReduceExp(h, out _, out T pLo);
        lo = TOps.Add(pLo, MulAdd(l, pHi, l));
        return pHi;
    }

    /// <summary>
    /// x·y + z as a multiply and an add, each rounded: on every processor the same two roundings
    /// (a fused multiply-add would round once where it exists and be emulated where it does not),
    /// used only where the error analysis allows the second rounding.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MulAdd(T x, T y, T z) => TOps.Add(TOps.Multiply(x, y), z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MulAdd(T x, double y, double z) => TOps.Add(TOps.Multiply(x, TOps.Create(y)), TOps.Create(z));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MulAdd(T x, T y, double z) => TOps.Add(TOps.Multiply(x, y), TOps.Create(z));

    /// <summary>The integer nearest to x (ties to even), for |x| &lt; 2^51.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T RoundToInteger(T x) => TOps.Subtract(TOps.Add(x, TOps.Create(RoundingShifter)), TOps.Create(RoundingShifter));

    /// <summary>
    /// (aHi + aLo)(mHi + mLo) rounded once (to within 2^−100 relative before that rounding):
    /// aHi·mHi is split exactly into its rounded value and error, so the only rounding that
    /// matters is the last one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MultiplyRounded(T aHi, T aLo, T mHi, T mLo)
    {
        T p = TOps.Multiply(aHi, mHi);
        T small = TOps.Add(MultiplyError(aHi, mHi, p), TOps.Add(TOps.Multiply(aHi, mLo), TOps.Multiply(aLo, mHi)));
        return TOps.Add(p, small);
    }

    /// <summary>2^k for an integer-valued k in [−1022, 1023], built in the exponent field.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Pow2(T k) => TOps.ShiftIntoExponent(TOps.Add(k, TOps.Create(Pow2Shifter)));

    /// <summary>
    /// Two factors with 2^k = first·second, each a normal number for |k| ≤ 2044, so v·first·second
    /// rounds once, also into the subnormal range or to ∞. While 2^k itself is normal (the common
    /// case) they are 2^k and 1; otherwise 2^⌊k/2⌋ and 2^(k−⌊k/2⌋). Both give the correctly
    /// rounded v·2^k, so the branch only saves time and never changes a result.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ScaleFactors(T k, out T second)
    {
        if (TOps.Any(TOps.Or(TOps.LessThan(k, TOps.Create(-1022.0)), TOps.GreaterThan(k, TOps.Create(1023.0)))))
        {
            T k1 = RoundToInteger(TOps.Subtract(TOps.Multiply(k, TOps.Create(0.5)), TOps.Create(0.25)));  // ⌊k/2⌋ for an integer k
            second = Pow2(TOps.Subtract(k, k1));
            return Pow2(k1);
        }

        second = TOps.Create(1.0);
        return Pow2(k);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Scale(T v, T first, T second) => TOps.Multiply(TOps.Multiply(v, first), second);

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
        x = TOps.Select(TOps.GreaterThan(x, TOps.Create(limit)), TOps.Create(limit), x);
        return TOps.Select(TOps.LessThan(x, TOps.Create(-limit)), TOps.Create(-limit), x);
    }

    /// <summary>
    /// (aHi + aLo)·e^x rounded once: the product with the mantissa 1 + p is formed in double-double
    /// and rounded, then scaled by 2^k (exact, or a second rounding only in the subnormal range).
    /// Overflows to ∞ past ln(MaxValue/|a|), underflows to 0; for x in [−∞, ∞] (NaN is the caller's).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ScaledExp(T x, T aHi, T aLo)
    {
        T mHi = ExpTable(Clamp(x, ExpArgumentLimit), out T k, out T mLo);
        return ScaleB(MultiplyRounded(aHi, aLo, mHi, mLo), k);
    }

    /// <summary>
    /// The lanes of a kernel that almost no vector holds (its far ranges, and for some kernels a
    /// tiny-argument series): <see cref="Apply"/> replaces them in v, the kernel's main-range value,
    /// computing everything it needs (masks, constants, e^x) from x and from what the struct
    /// carries. A kernel passes it to <see cref="WithRareLanes{TLanes}(TLanes, T, T)"/> in a branch taken only by a
    /// vector holding such a lane.
    /// </summary>
    internal interface IRareLanes
    {
        /// <summary>v with the rare lanes of x replaced; every other lane of v unchanged.</summary>
        T Apply(T x, T v);
    }

    /// <summary><see cref="IRareLanes"/> for a kernel with two results (a value and its gradient).</summary>
    internal interface IRareLanesPair
    {
        /// <summary>v and g with the rare lanes of x replaced; every other lane unchanged.</summary>
        (T Value, T Gradient) Apply(T x, T v, T g);
    }

    /// <summary>
    /// <paramref name="lanes"/>.Apply(x, v). With 16 vector registers (x64 without AVX-512, at every
    /// width and on the scalar path) it is a call. Inlined, the branch's constants (most of them those
    /// of the main path's e^x, which the JIT materialises once per iteration) would stay live from the
    /// main path to the branch, and with 16 registers the JIT spills them to the stack in every
    /// iteration. The call takes x and v (and what the struct carries) and returns the new v, so that
    /// nothing else of the main path is live across it: the x64 calling convention keeps no vector
    /// register across a call, and the JIT stores every vector that is live across one to the stack
    /// where it is computed, in the main path, in every iteration. (Calling only the branch's e^x
    /// left its masks, a constant and v live across the call: the 256-bit listing of σ's loop had six
    /// stack accesses per iteration, one now.) With 32 registers (AVX-512, Arm64) it is inlined. The
    /// same operations either way, so the same bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T WithRareLanes<TLanes>(TLanes lanes, T x, T v)
        where TLanes : struct, IRareLanes
    {
        if (Avx512F.IsSupported || AdvSimd.IsSupported)
        {
            return lanes.Apply(x, v);
        }

        return RareLanesOutOfLine(lanes, x, v);
    }

    /// <summary><see cref="WithRareLanes{TLanes}(TLanes, T, T)"/> for a kernel with two results.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (T Value, T Gradient) WithRareLanes<TLanes>(TLanes lanes, T x, T v, T g)
        where TLanes : struct, IRareLanesPair
    {
        if (Avx512F.IsSupported || AdvSimd.IsSupported)
        {
            return lanes.Apply(x, v, g);
        }

        return RareLanesPairOutOfLine(lanes, x, v, g);
    }

    /// <summary><see cref="IRareLanes.Apply"/>, never inlined (see <see cref="WithRareLanes{TLanes}(TLanes, T, T)"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T RareLanesOutOfLine<TLanes>(TLanes lanes, T x, T v)
        where TLanes : struct, IRareLanes =>
        lanes.Apply(x, v);

    /// <summary><see cref="IRareLanesPair.Apply"/>, never inlined (see <see cref="WithRareLanes{TLanes}(TLanes, T, T)"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (T Value, T Gradient) RareLanesPairOutOfLine<TLanes>(TLanes lanes, T x, T v, T g)
        where TLanes : struct, IRareLanesPair =>
        lanes.Apply(x, v, g);

    /// <summary>
    /// The bits of 2^(j/16) rounded (<see cref="Exp2Sixteenths"/>) minus j·2^48, as doubles: adding
    /// the bits of <c>0x1.8p52 + n</c> shifted 48 places left gives the bits of 2^(j/16)·2^⌊n/16⌋
    /// (see <see cref="ISimdOps{T, TMask}.AddShiftedBits"/>).
    /// </summary>
    private static ReadOnlySpan<double> Exp2SixteenthsLessIndex =>
    [
        1.0, 0.9908868912137069, 0.9827538663326288, 0.9756443173783458,
        0.9696035575013605, 0.964678906036742, 0.9609197773255048, 0.9583777734684463,
        0.9571067811865476, 0.9571630729697497, 0.9586054127039704, 0.9614951659746271,
        0.9658964152537145, 0.9718760801866497, 0.9795040432046712, 0.9888532806985737,
    ];

    /// <summary>Up to this |x| the fast path's s = 2^k·m is a normal number and s + s·t neither overflows nor underflows.</summary>
    private const double ExpFastLimit = 704.0;

    /// <summary>
    /// e^x within 0.56 ulp, in plain double arithmetic (nothing is multiplied into it afterwards).
    /// n = round(16x/ln 2) = 16k + j; r = x − n ln 2/16 is x − n·Hi (exact) minus n·Lo, rounded once
    /// (|r| ≤ 0.0217, so at most 2^−59 absolute, plus 2^−80 from n·Lo). Then
    /// e^x = 2^k·m·(1 + tail)·e^r ≈ s + s·t with s = 2^k·m, m = 2^(j/16) rounded, tail its relative
    /// rounding error, t = r + (p(r) + tail) and p = e^r − 1 − r the degree-7 fit of
    /// <see cref="ExpTable"/> (error below 2^−63.5); the product tail·r (below 2^−59) is left out.
    /// The sum t rounds by at most 2^−59 relative to the result, s·t by 2^−58.5, and s + s·t once
    /// more by half an ulp: under 0.56 ulp in all.
    /// While |x| ≤ 704, k ∈ [−1016, 1016] and s is built exactly from the table's bits and n's; a
    /// vector with any lane beyond that, or NaN, takes <see cref="ExpWide"/>, which gives the same
    /// bits on every lane that the fast path could have computed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Exp(T x)
    {
        if (TOps.AnyMagnitudeAbove(x, ExpFastLimit))
        {
            return ExpWide(x);
        }

        T scale = ExpSixteenthsScale(x, out T t);
        return TOps.Add(scale, TOps.Multiply(scale, t));
    }

    /// <summary>
    /// <see cref="Exp"/> for any x: within ±704, the fast path's formula lane by lane; beyond it x
    /// is clamped to ±1000 (e^±1000 is far outside the double range) and (m + m·t)·2^k is formed by
    /// <see cref="ScaleB"/>, which rounds once into the subnormals or to ∞; NaN passes through.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExpWide(T x)
    {
        T xc = Clamp(x, ExpArgumentLimit);
        T z = ReduceSixteenths(xc);
        T t = ExpSixteenthsT(xc, z);
        T scale = TOps.AddShiftedBits(TOps.Lookup16(Exp2SixteenthsLessIndex, z), z);
        T near = TOps.Add(scale, TOps.Multiply(scale, t));
        return PropagateNaN(x, WithFarExp(x, near, z, t));
    }

    /// <summary>
    /// <paramref name="near"/> (the fast path's s + s·t) on the lanes with |x| ≤ 704, and on the others
    /// (m + m·t)·2^k from the same z and t (x clamped to ±1000), rounded once by <see cref="ScaleB"/>
    /// into the subnormals or to ∞: <see cref="ExpWide"/>'s selection, shared with the pair kernels
    /// that have z and t already.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T WithFarExp(T x, T near, T z, T t)
    {
        T m = TOps.Lookup16(Exp2Sixteenths, z);
        T far = ScaleB(TOps.Add(m, TOps.Multiply(m, t)), SixteenthsExponent(z));
        return TOps.Select(TOps.LessThanOrEqual(TOps.Abs(x), TOps.Create(ExpFastLimit)), near, far);
    }

    /// <summary>
    /// e^y = hi + lo for |y| ≤ 704: the s + s·t of <see cref="Exp"/> with s·t kept apart, so that
    /// the pair carries every error of Exp but its last rounding: r (2^−59), the sum t (2^−59), the
    /// omitted tail·r (2^−59) and the rounding of s·t (2^−58.5), under 2^−57 relative in all.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExpPair(T y, out T lo)
    {
        T scale = ExpSixteenthsScale(y, out T t);
        return FastTwoSum(scale, TOps.Multiply(scale, t), out lo);
    }

    /// <summary>
    /// s = 2^k·m with m = 2^(j/16) rounded, and t (see <see cref="ExpSixteenthsT"/>), so that
    /// e^x ≈ s(1 + t): s is built from the table's bits and n's, exact for |x| ≤ 704 (other lanes get
    /// meaningless values, without any exception, for callers that replace them).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExpSixteenthsScale(T x, out T t)
    {
        T z = ReduceSixteenths(x);
        t = ExpSixteenthsT(x, z);
        return TOps.AddShiftedBits(TOps.Lookup16(Exp2SixteenthsLessIndex, z), z);
    }

    /// <summary>z = x·16/ln 2 + <see cref="RoundingShifter"/>: its value less the shifter is n = round(16x/ln 2) = 16k + j, and its low four bits are j.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ReduceSixteenths(T x) => TOps.Add(TOps.Multiply(x, TOps.Create(SixteenOverLn2)), TOps.Create(RoundingShifter));

    /// <summary>k = ⌊n/16⌋ for z from <see cref="ReduceSixteenths"/>: n/16 − 15/32 lies within 15/32 of k, and every step is exact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SixteenthsExponent(T z)
    {
        T n = TOps.Subtract(z, TOps.Create(RoundingShifter));
        return RoundToInteger(TOps.Subtract(TOps.Multiply(n, TOps.Create(0.0625)), TOps.Create(0.46875)));
    }

    /// <summary>t = r + (p(r) + tail) for z = x·16/ln 2 + <see cref="RoundingShifter"/>, so that e^x ≈ 2^k·m·(1 + t) (see <see cref="Exp"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExpSixteenthsT(T x, T z)
    {
        T n = TOps.Subtract(z, TOps.Create(RoundingShifter));
        T r = TOps.Subtract(SubtractExactProduct(x, n, Ln2Over16Hi), TOps.Multiply(n, TOps.Create(Ln2Over16Lo)));
        return ExpSixteenthsTFromR(r, z);
    }

    /// <summary>
    /// e^(yHi + yLo) = 2^k (eHi + eLo) for an argument given as a double-double, with
    /// |yHi| ≤ 2200 and |yLo| ≤ 2^−40 (eHi ∈ [0.97, 1.96], the pair to about 2^−57 relative, as
    /// for <see cref="ExpTable"/>): the reduction of <see cref="ExpTable"/> with the low part added
    /// to r. n = round(16·yHi/ln 2) has |n| ≤ 50,800 &lt; 2^16, so yHi − n·Ln2Over16Hi is exact; the
    /// small terms yLo − n·Ln2Over16Lo (each below 2^−40 and 2^−23·2^−13) round to 2^−93, and their
    /// sum with it rounds once, to 2^−59 relative of e^r as in <see cref="Exp"/>. The rest is
    /// <see cref="ExpTable"/>'s: t = r + (p(r) + tail), eHi + eLo = m + m·t. k = ⌊n/16⌋ is kept
    /// apart, in [−3175, 3175], for the caller to apply (<see cref="ScaleB"/>, or an exponent
    /// added to another one).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T ExpTableSum(T yHi, T yLo, out T k, out T eLo)
    {
        T z = ReduceSixteenths(yHi);
        k = SixteenthsExponent(z);
        T m = TOps.Lookup16(Exp2Sixteenths, z);
        T n = TOps.Subtract(z, TOps.Create(RoundingShifter));
        T r = TOps.Add(
            SubtractExactProduct(yHi, n, Ln2Over16Hi),
            TOps.Subtract(yLo, TOps.Multiply(n, TOps.Create(Ln2Over16Lo))));
        return FastTwoSum(m, TOps.Multiply(m, ExpSixteenthsTFromR(r, z)), out eLo);
    }

    /// <summary>t = r + (p(r) + tail) for the reduced argument r and z from <see cref="ReduceSixteenths"/> (see <see cref="Exp"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExpSixteenthsTFromR(T r, T z)
    {
        T r2 = TOps.Multiply(r, r);
        T q = TOps.Add(MulAdd(r, E4, E3), TOps.Multiply(r2, TOps.Add(MulAdd(r, E6, E5), TOps.Multiply(r2, TOps.Create(E7)))));
        T p = TOps.Multiply(r2, MulAdd(r, q, 0.5));
        return TOps.Add(r, TOps.Add(p, TOps.Lookup16(Exp2SixteenthsTail, z)));
    }

    /// <summary>Below −this, e^x − 1 comes from the table's e^x (see <see cref="ExpM1NonPositive"/>).</summary>
    private const double ExpM1TableLimit = 0.35;

    /// <summary>
    /// e^x − 1 = hi + lo for x ≤ 0 (for x &gt; 0, that of −1). Above −0.35 (e^x − 1 within a factor 2.4 of e^x or closer to
    /// 0), from the reduction of <see cref="ReduceExp"/>, to about 2^−57 relative also for tiny x.
    /// From −0.35 down, e^x = eHi + eLo from <see cref="ExpPair"/> (2^−57 of e^x) and eHi − 1 is
    /// split exactly: relative to e^x − 1 the error grows by e^x/|e^x − 1| ≤ 2.39, to 2^−55.7 at
    /// most. Each lane takes its own range (a vector runs both only if it holds both), so a value
    /// never depends on its neighbours. Below −100, e^x − 1 = −1 + e^−100 ≈ −1 to 2^−144, so x is
    /// clamped there, which keeps k in [−145, 0] and 2^k exact.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExpM1NonPositive(T x, out T lo)
    {
        // Lanes with x > 0 (ELU's positive branch, whose value the caller discards) are computed
        // at −1, on the table path, so that they never send a vector through both paths.
        T y = TOps.Select(TOps.LessThan(x, TOps.Create(-100.0)), TOps.Create(-100.0), x);
        y = TOps.Select(TOps.GreaterThan(x, TOps.Create(0.0)), TOps.Create(-1.0), y);
        T eHi = TOps.Create(0.0);
        T eLo = eHi;
        if (TOps.Any(TOps.LessThanOrEqual(y, TOps.Create(-ExpM1TableLimit))))
        {
            eHi = ExpPair(y, out eLo);
        }

        return ExpM1FromPair(y, eHi, eLo, out lo);
    }

    /// <summary>
    /// e^y − 1 = hi + lo for y ≤ 0 given e^y = eHi + eLo from <see cref="ExpPair"/> (needed only on
    /// the lanes with y ≤ −0.35): there eHi − 1 is split exactly and eLo added; the lanes above −0.35
    /// take the reduction of <see cref="ReduceExp"/> instead, computed only if the vector has one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExpM1FromPair(T y, T eHi, T eLo, out T lo)
    {
        T hi = FastTwoSum(TOps.Create(-1.0), eHi, out T m);
        lo = TOps.Add(m, eLo);
        TMask near = TOps.GreaterThan(y, TOps.Create(-ExpM1TableLimit));
        if (TOps.Any(near))
        {
            T pHi = ReduceExp(y, out T k, out T pLo);
            T nearHi = ExpM1FromReduction(Pow2(k), pHi, pLo, out T nearLo);
            hi = TOps.Select(near, nearHi, hi);
            lo = TOps.Select(near, nearLo, lo);
        }

        return hi;
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
        T cHi = FastTwoSum(TOps.Create(-1.0), twoK, out T cLo);
        T sHi = FastTwoSum(cHi, TOps.Multiply(twoK, pHi), out T sLo);
        return FastTwoSum(sHi, TOps.Add(sLo, MulAdd(twoK, pLo, cLo)), out lo);
    }

    /// <summary>Below this |aHi·(e^x − 1)| the product is formed on e^x − 1 scaled by 2^512.</summary>
    private const double TinyProduct = 1.1830521861667747e-271;  // 2^−900

    private const double TwoTo512 = 1.3407807929942597e154;
    private const double TwoToMinus512 = 7.458340731200207e-155;

    /// <summary>
    /// (aHi + aLo)(e^x − 1)·unscale for x ≤ 0, unscale a power of two: the product rounded once,
    /// then scaled. Where |aHi·(e^x − 1)| &lt; 2^−900 (tiny x, or a tiny factor), e^x − 1 is scaled
    /// by 2^512 first (exactly) and unscale by 2^−512, so that every partial product stays above
    /// 2^−914, where <see cref="MultiplyError"/> is exact with and without a fused multiply-add;
    /// the last multiply then rounds once more only into the subnormal range. The scaled product
    /// is below 2^−388, so it cannot overflow. <paramref name="unit"/> (a = 1 and unscale = 1, a
    /// constant of the caller's type) leaves the product out: see <see cref="ScaleExpM1"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ScaledExpM1NonPositive(T x, T aHi, T aLo, T unscale, bool unit)
    {
        T mHi = ExpM1NonPositive(x, out T mLo);
        return ScaleExpM1(mHi, mLo, aHi, aLo, unscale, unit);
    }

    /// <summary>
    /// The product step of <see cref="ScaledExpM1NonPositive"/>, (aHi + aLo)(mHi + mLo)·unscale for
    /// e^x − 1 = mHi + mLo, apart so that a kernel that has e^x − 1 from a shared reduction applies
    /// the same operations. For a = 1 (<paramref name="unit"/>) it is mHi + mLo rounded once, the
    /// same bits: MultiplyRounded(1, 0, mHi, mLo) adds mHi and mLo (and zeros), and the scaling of
    /// tiny values is exact then but for a subnormal sum, which only a subnormal x gives, with mLo = 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ScaleExpM1(T mHi, T mLo, T aHi, T aLo, T unscale, bool unit)
    {
        if (unit)
        {
            return TOps.Add(mHi, mLo);
        }

        TMask tiny = TOps.LessThan(TOps.Abs(TOps.Multiply(aHi, mHi)), TOps.Create(TinyProduct));
        if (TOps.Any(tiny))
        {
            mHi = TOps.Select(tiny, TOps.Multiply(mHi, TOps.Create(TwoTo512)), mHi);
            mLo = TOps.Select(tiny, TOps.Multiply(mLo, TOps.Create(TwoTo512)), mLo);
            unscale = TOps.Select(tiny, TOps.Multiply(unscale, TOps.Create(TwoToMinus512)), unscale);
        }

        return TOps.Multiply(MultiplyRounded(aHi, aLo, mHi, mLo), unscale);
    }
}
