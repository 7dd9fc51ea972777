using System.Runtime.CompilerServices;

namespace Activations.Numerics;

/// <summary>
/// A value and its derivative from one evaluation of what the two have in common (the table
/// reduction of e^y, 1 + t, the far-range e^x), for the pair kernels. Each result is built by the
/// same sequence of operations, on the same operands, as the function that computes it alone
/// (Sigmoid, SigmoidGradNonPositive, Tanh, SoftPlus, ScaledExpM1NonPositive): a lane's bits depend
/// only on that sequence, so they are identical. Where the two functions would feed different
/// arguments to the shared step, the comments show that the lanes concerned discard the shared
/// result (or take a constant) in the function they came from. One result takes other steps:
/// ScaledExp's a·e^x in <see cref="ScaledExpM1NonPositiveAndScaledExp"/>, whose summary shows
/// that on the lanes that use them every rounding is the same rounding scaled by a power of two.
/// </summary>
internal static partial class Core<T, TMask, TOps>
{
    /// <summary>
    /// <see cref="ExpPair"/>(−100) = hi + lo (e^−100 to 2⁻⁵⁷ relative): the pair that
    /// <see cref="ExpM1NonPositive"/> uses on every lane it clamps at −100. A kernel that shares its
    /// reduction with e^x at the unclamped argument takes this constant there instead (checked
    /// bit for bit against ExpPair by the tests).
    /// </summary>
    internal const double ExpPairAtClampHi = 3.720075976020836e-44;    // 0x36EA8C1F14E2AF5D

    /// <summary>The low part of <see cref="ExpPairAtClampHi"/>.</summary>
    internal const double ExpPairAtClampLo = -1.5557538194652854e-60;  // 0xB384000000000000

    /// <summary>Where <see cref="ExpM1NonPositive"/> clamps its argument.</summary>
    private const double ExpM1Clamp = -100.0;

    /// <summary>
    /// ExpM1NonPositive's argument for x (x clamped at −100; x &gt; 0 taken at −1) and its e^y pair,
    /// given the pair <paramref name="sharedHi"/> + <paramref name="sharedLo"/> = ExpPair(x) on the
    /// lanes with −100 ≤ x ≤ 0: the clamped lanes take ExpPair(−100), and the lanes x &gt; 0 (whose
    /// value every caller discards) keep the shared pair, which ExpM1FromPair then never reads on
    /// its near path, so they cannot change which paths a vector runs through.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExpM1Argument(T x, T sharedHi, T sharedLo, out T eHi, out T eLo)
    {
        TMask clamped = TOps.LessThan(x, TOps.Create(ExpM1Clamp));
        T y = TOps.Select(clamped, TOps.Create(ExpM1Clamp), x);
        y = TOps.Select(TOps.GreaterThan(x, TOps.Create(0.0)), TOps.Create(-1.0), y);
        eHi = TOps.Select(clamped, TOps.Create(ExpPairAtClampHi), sharedHi);
        eLo = TOps.Select(clamped, TOps.Create(ExpPairAtClampLo), sharedLo);
        return y;
    }

    /// <summary>Below this |aLo| (other than 0) the shortcut of <see cref="ScaledExpM1NonPositiveAndScaledExp"/> is not used.</summary>
    internal const double SmallestShortcutLow = 1.2702926122619002e-262;  // 2^−870

    /// <summary>
    /// <see cref="ScaledExpM1NonPositive"/>(x, aHi, aLo, unscale) and, in <paramref name="scaledExp"/>,
    /// <see cref="ScaledExp"/>(expArgument, bHi, bLo)·bUnscale, both meaningful for x ≤ 0, where
    /// expArgument is x or, on lanes below −700, x + 710 (ExpFactor's far range), and b is a on
    /// every lane with x ≥ −700. |aHi| must be in [2⁻⁵⁶², 2⁹⁹²] (as ExpFactor makes it).
    /// <para>
    /// The shared step: ScaledExp reduces its clamped argument w with the table (z and t), and
    /// ExpM1NonPositive's ExpPair reduces its argument y with the same two steps; for −100 ≤ x ≤ 0
    /// the two arguments agree (no clamp, no shift), so ExpPair = FastTwoSum(s, s·t) comes from
    /// ScaledExp's z and t. Below −100 ExpM1NonPositive has y = −100 and takes the constant
    /// ExpPair(−100) (<see cref="ExpM1Argument"/>); above 0 its value is discarded.
    /// </para>
    /// <para>
    /// The shortcut: ScaledExp rounds (bHi + bLo)(mHi + mLo) once and scales it by 2^k, where
    /// mHi + mLo = FastTwoSum(m, m·t) and ExpPair's pair is FastTwoSum(2^k·m, (2^k·m)·t) with the
    /// same m, t and k. For −100 ≤ x ≤ 0, k ∈ [−145, 0], and a product or sum by 2^k commutes with
    /// rounding as long as no value is subnormal: every nonzero value of FastTwoSum(m, m·t) is a
    /// multiple of at least 2⁻²²⁰ (|x| ≥ 2⁻⁶ when k ≠ 0, so r is on a grid of 2⁻¹¹⁰ or coarser),
    /// so ExpPair's pair is exactly 2^k(mHi + mLo). Then MultiplyRounded of b with ExpPair's pair
    /// is 2^k times MultiplyRounded of b with (mHi, mLo): its products are at least
    /// 2⁻⁵⁶²·2⁻³⁶⁵ for aHi and, for aLo ≥ <see cref="SmallestShortcutLow"/> (or 0), 2⁻⁸⁷⁰·2⁻¹⁴⁵,
    /// all normal; its exact product error is exact on every path (|p| ≥ 2⁻⁷⁰⁸ &gt; 2⁻⁹¹⁴). And
    /// ScaleB's 2^k·v is exact there (v ≥ 2⁻⁵⁶³, one factor 2^k, the other 1). So on those lanes
    /// a·e^x is MultiplyRounded(b, ExpPair)·bUnscale, without k, m or ScaleB; a vector with a lane
    /// beyond ±100 or NaN (or a factor whose low part is tiny) takes ScaledExp's own steps on all
    /// its lanes.
    /// </para>
    /// <para>
    /// With <paramref name="unitB"/> (b = 1 exactly, bUnscale = 1: a constant of the caller's type)
    /// the second result is <see cref="Exp"/>(x) instead, as ExpFactor's a·eˣ is for a = 1, from the
    /// same z and t: Exp's s + s·t is sharedHi's sum for |x| ≤ 704 (w = x there), and beyond it
    /// ExpWide's (m + m·t)·2^k.
    /// </para>
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ScaledExpM1NonPositiveAndScaledExp(T x, T aHi, T aLo, T unscale, T expArgument, T bHi, T bLo, T bUnscale, bool lowIsTiny, bool unitB, out T scaledExp)
    {
        T w = Clamp(expArgument, ExpArgumentLimit);
        T z = ReduceSixteenths(w);
        T t = ExpSixteenthsT(w, z);

        // ExpPair = FastTwoSum(s, s·t) with s from ExpSixteenthsScale: the same z and t at w = x.
        T scale = TOps.AddShiftedBits(TOps.Lookup16(Exp2SixteenthsLessIndex, z), z);
        T sharedHi = FastTwoSum(scale, TOps.Multiply(scale, t), out T sharedLo);

        if (unitB)
        {
            // Exp(x): s + s·t is sharedHi up to |x| = 704, and beyond it ExpWide's (m + m·t)·2^k.
            scaledExp = TOps.AnyMagnitudeAbove(x, ExpFastLimit) ? WithFarExp(x, sharedHi, z, t) : sharedHi;
        }
        else
        {
            scaledExp = TOps.Multiply(MultiplyRounded(bHi, bLo, sharedHi, sharedLo), bUnscale);

            // The unshared steps are right on every lane, so a vector that needs them takes them on all
            // (lanes above 100 and NaN lanes too: the test is the cheap one on magnitudes).
            if (lowIsTiny || TOps.AnyMagnitudeAbove(x, -ExpM1Clamp))
            {
                // ScaledExp = ScaleB(MultiplyRounded(b, ExpTable(w)), k), ExpTable written out on z and t.
                T m = TOps.Lookup16(Exp2Sixteenths, z);
                T mHi = FastTwoSum(m, TOps.Multiply(m, t), out T mLo);
                scaledExp = TOps.Multiply(ScaleB(MultiplyRounded(bHi, bLo, mHi, mLo), SixteenthsExponent(z)), bUnscale);
            }
        }

        T y = ExpM1Argument(x, sharedHi, sharedLo, out T eHi, out T eLo);
        T e1Hi = ExpM1FromPair(y, eHi, eLo, out T e1Lo);
        return ScaleExpM1(e1Hi, e1Lo, aHi, aLo, unscale, unitB);
    }

    /// <summary>
    /// <see cref="Sigmoid"/>(x) and, in <paramref name="grad"/>, <see cref="SigmoidGrad"/>(x): both
    /// start from t = ExpPair(−|x|), d = 1 + t and 1/dHi (the same operations on the same argument,
    /// so one division serves both). The gradient is c·u·r with u = t/d and r = 1/d
    /// (<see cref="SigmoidGradFromOnePlus"/>), and they are Sigmoid's own quotients: for x &lt; 0
    /// Sigmoid divides (tHi, tLo) by d, which is u's <see cref="DivideDDGivenInverse"/>; for x ≥ 0 it
    /// divides (1, 0), whose steps are <see cref="ReciprocalDD"/>'s (the quotient 1·inverse is
    /// inverse, its residual is the same exact 1 − inverse·dHi, and R + (0 − p) = R − p for every R
    /// and p, zeros included, since with n = 1 the exact residual is never −0), so the value is u or r,
    /// selected. The far ranges (|x| &gt; 600, the same lanes for both) are selected under one test.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SigmoidAndGrad(T x, out T grad)
    {
        T a = TOps.Abs(x);
        T y = TOps.Negate(a);
        TMask negative = TOps.LessThan(x, TOps.Create(0.0));
        T tHi = ExpPair(y, out T tLo);
        T dHi = OnePlus(tHi, tLo, out T dLo);
        T inverse = TOps.Divide(TOps.Create(1.0), dHi);
        T uHi = DivideDDGivenInverse(tHi, tLo, dHi, dLo, inverse, out T uLo);
        T rHi = ReciprocalDD(dHi, dLo, inverse, out T rLo);
        T v = TOps.Add(TOps.Select(negative, uHi, rHi), TOps.Select(negative, uLo, rLo));
        T g = SigmoidGradFromQuotients(uHi, uLo, rHi, rLo, 1.0);

        // Sigmoid's far test |x| > 600 and SigmoidGradNonPositive's y < −600 pick the same lanes. The
        // branch only skips work (NaN lanes enter it too, and the selects leave them alone), so it
        // takes the cheaper test on magnitudes.
        if (TOps.AnyMagnitudeAbove(x, DirectLimit))
        {
            (v, g) = WithRareLanes(default(SigmoidAndGradFar), x, v, g);
        }

        grad = g;
        return v;
    }

    /// <summary><see cref="SigmoidAndGrad"/>'s far range (|x| &gt; 600): σ as in <see cref="Sigmoid"/>, σ′ = e^−|x|.</summary>
    private readonly struct SigmoidAndGradFar : IRareLanesPair
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public (T Value, T Gradient) Apply(T x, T v, T g)
        {
            T a = TOps.Abs(x);
            TMask far = TOps.GreaterThan(a, TOps.Create(DirectLimit));
            v = TOps.Select(far, TOps.Select(TOps.LessThan(x, TOps.Create(0.0)), Exp(x), TOps.Create(1.0)), v);
            g = TOps.Select(far, ScaledExp(TOps.Negate(a), TOps.Create(1.0), TOps.Create(0.0)), g);
            return (v, g);
        }
    }

    /// <summary>
    /// <see cref="Tanh"/>(x) and, in <paramref name="grad"/>, <see cref="TanhGrad"/>(x): both take
    /// t = ExpPair(y) at y = −2|x|, d = 1 + t and 1/dHi (one division), then Tanh's −m/d and
    /// SigmoidGradNonPositive(y, 4)'s 4t/d² go on as alone. Their far ranges are the same lanes
    /// (|x| &gt; 300, exactly y &lt; −600 since y = −2|x| is exact), selected under one test.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TanhAndGrad(T x, out T grad)
    {
        T y = TOps.Multiply(TOps.Create(-2.0), TOps.Abs(x));
        T tHi = ExpPair(y, out T tLo);
        T dHi = OnePlus(tHi, tLo, out T dLo);
        T inverse = TOps.Divide(TOps.Create(1.0), dHi);
        T v = TanhFromOnePlus(x, y, tHi, tLo, dHi, dLo, inverse);
        T g = SigmoidGradFromOnePlus(tHi, tLo, dHi, dLo, inverse, 4.0);
        if (TOps.AnyMagnitudeAbove(x, TanhFarLimit))
        {
            (v, g) = WithRareLanes(default(TanhAndGradFar), x, v, g);
        }

        grad = g;
        return v;
    }

    /// <summary><see cref="TanhAndGrad"/>'s far range (|x| &gt; 300): tanh = ±1, tanh′ = 4e^y at y = −2|x|.</summary>
    private readonly struct TanhAndGradFar : IRareLanesPair
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public (T Value, T Gradient) Apply(T x, T v, T g)
        {
            T y = TOps.Multiply(TOps.Create(-2.0), TOps.Abs(x));
            TMask far = TOps.GreaterThan(TOps.Abs(x), TOps.Create(TanhFarLimit));
            v = TOps.Select(far, TOps.CopySign(TOps.Create(1.0), x), v);
            g = TOps.Select(TOps.LessThan(y, TOps.Create(-DirectLimit)), ScaledExp(y, TOps.Create(4.0), TOps.Create(0.0)), g);
            return (v, g);
        }
    }

    /// <summary>
    /// <see cref="SoftPlus"/>(x) and, in <paramref name="sigmoid"/>, <see cref="Sigmoid"/>(x) (its
    /// derivative). Both take t = ExpPair(−|x|); SoftPlus clamps |x| at 40 first, but its lanes
    /// beyond 40 are replaced by its far range, so the unclamped pair gives the same bits. The far
    /// ranges of both use Exp(x) (SoftPlus past 40, Sigmoid past 600, a subset), formed once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SoftPlusAndSigmoid(T x, out T sigmoid)
    {
        T a = TOps.Abs(x);
        TMask positive = TOps.GreaterThan(x, TOps.Create(0.0));
        TMask negative = TOps.LessThan(x, TOps.Create(0.0));
        T tHi = ExpPair(TOps.Negate(a), out T tLo);

        T lHi = Log1PUnit(tHi, tLo, out T lLo);
        T sHi = TwoSum(TOps.Select(positive, x, TOps.Create(0.0)), lHi, out T s);
        T v = TOps.Add(sHi, TOps.Add(s, lLo));

        T dHi = OnePlus(tHi, tLo, out T dLo);
        T qHi = DivideDD(TOps.Select(negative, tHi, TOps.Create(1.0)), TOps.Select(negative, tLo, TOps.Create(0.0)), dHi, dLo, out T qLo);
        T q = TOps.Add(qHi, qLo);

        // A select on no lane is the identity, so Sigmoid's far range may be applied whenever
        // SoftPlus's (which contains it) is.
        // Tested on magnitudes, as in SigmoidAndGrad.
        if (TOps.AnyMagnitudeAbove(x, SoftPlusFarLimit))
        {
            (v, q) = WithRareLanes(default(SoftPlusAndSigmoidFar), x, v, q);
        }

        sigmoid = q;
        return v;
    }

    /// <summary><see cref="SoftPlusAndSigmoid"/>'s far ranges: SoftPlus's past |x| = 40 and Sigmoid's past 600, from one e^x.</summary>
    private readonly struct SoftPlusAndSigmoidFar : IRareLanesPair
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public (T Value, T Gradient) Apply(T x, T v, T q)
        {
            T a = TOps.Abs(x);
            T e = Exp(x);
            v = TOps.Select(TOps.GreaterThan(a, TOps.Create(SoftPlusFarLimit)), TOps.Select(TOps.GreaterThan(x, TOps.Create(0.0)), x, e), v);
            q = TOps.Select(TOps.GreaterThan(a, TOps.Create(DirectLimit)), TOps.Select(TOps.LessThan(x, TOps.Create(0.0)), e, TOps.Create(1.0)), q);
            return (v, q);
        }
    }
}
