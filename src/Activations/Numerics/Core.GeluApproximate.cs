using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Activations.Numerics;

/// <summary>
/// GELU's tanh approximation, f(x) = (x/2)(1 + tanh(√(2/π)(x + 0.044715x³))), with √(2/π) and 0.044715
/// the exact real numbers. Since (1 + tanh y)/2 = σ(2y), f = x·σ(b) with
/// b(x) = k1·x + k3·x³, k1 = 2√(2/π), k3 = 0.044715·k1 (both as double-doubles), and, with a = |x|,
/// t = e^−b(a) ∈ (0, 1], b′ = k1 + 3k3·a², w = a·b′:
/// f = x/(1 + t) for x ≥ 0 and x·t/(1 + t) below;
/// f′ = σ(b) + x·σ′(b)·b′ = (1 + t + t·w)/(1 + t)² for x ≥ 0 and t(1 + t − w)/(1 + t)² below;
/// f″ = σ′(b)(2b′ + x·b″) + x·σ″(b)·b′² = t·E/(1 + t)³, E = (1 + t)·G − H·(1 − t), G = 2k1 + 12k3·a²,
/// H = a·b′² (f″ is even: f − x/2 is).
/// <para>
/// b = a(k1 + k3a²) is carried as a double-double (a² split exactly, every product with its exact error, to
/// about 2^−100 relative): σ(b) ≈ e^b for b ≪ 0, so an error δ in b is a relative error δ in the result, and
/// b reaches 745. Its low part bl enters t as t(1 − bl) (the next term, bl²/2, is below 2^−86), so t is
/// e^−(bh + bl) to the exponential's accuracy. f uses <see cref="ExpPair"/> (2^−57): nothing cancels in it,
/// so it is the exact value to 2^−56.5 before its one rounding. The derivatives use
/// <see cref="ExpPairPrecise"/> (2^−63) and double-double sums and products throughout.
/// </para>
/// <para>
/// Roots. f′ has one zero, r1 ≈ −0.75246, where 1 + t − w cancels: t's error (2^−63·t, t ≈ 0.29) is then
/// an absolute error in 1 + t − w, whose slope is 2.47, so the direct formula is within 2^−57.6 relative
/// once |x − r1| ≥ 2^−8. f″ has its zeros at ±r2, r2 ≈ 1.41850, where E cancels: the error there is
/// 2^−63·t·(G + H) ≈ 2^−63.1 absolute against a slope of 6.17, within 2^−58.3 once |a − r2| ≥ 2^−7. Inside
/// those windows the value is the Taylor polynomial at the root, τ·(c1 + c2τ + …), with τ = x − r formed
/// from r as a triple-double (x − rHi is exact by Sterbenz's lemma, the two low parts are added by a
/// two-sum), c1 as a double-double and the rest as doubles (degree 7 for f′ and 8 for f″: the truncation is
/// below 2^−63 relative), and the product τ·Q rounded once: within 2^−59 relative. The nearest doubles
/// come within 0.327 ulp of r1 and 0.364 ulp of ±r2 (f′ = −1.6e−17 and f″ = 3.3e−17 there); the nearest
/// floats within 0.19 and 0.076 float ulps.
/// </para>
/// <para>
/// Ranges. Below |x| = 2^−60, f = x/2 (the next term, k1x²/4, is below 2^−61 of it), f′ = 1/2 and
/// f″ = k1/2 (k1/2 is 0.45 ulp from the nearest midpoint, and the next terms are below 2^−58 ulp). Above,
/// a is clamped to 30. Where b &gt; 600 (|x| &gt; 19.968) t &lt; 2^−865: f = x for x &gt; 0 (already
/// from x = 7.19 after rounding), and for x &lt; 0, f = x·e^−b, f′ = (1 − w)·e^−b and f″ = E·e^−b, each
/// rounded once by <see cref="ScaledExp"/>, so they underflow where the exact values do (f below
/// x = −21.547, f′ below −21.593, f″ beyond ±21.638; a second rounding only onto the subnormal grid);
/// f′ = 1 for x &gt; 0 there (from x = 7.446 after rounding). At ±∞ the clamped a gives the limits:
/// f(−∞) = −0, f(∞) = ∞, f′(−∞) = −0, f′(∞) = 1, f″(±∞) = −0 (the signs of the underflowed values beside them).
/// </para>
/// </summary>
internal static partial class Core<T, TMask, TOps>
{
    private const double GeluK1Hi = 1.5957691216057308;       // 2√(2/π)
    private const double GeluK1Lo = -9.96930880911092e-17;
    private const double GeluK3Hi = 0.07135481627260025;      // 0.044715·2√(2/π)
    private const double GeluK3Lo = -6.175149918155315e-19;
    private const double GeluK33Hi = 0.21406444881780073;     // 3·0.044715·2√(2/π)
    private const double GeluK33Lo = 1.2025242832367862e-17;

    /// <summary>2^−60: below this |x|, f = x/2, f′ = 1/2, f″ = k1/2.</summary>
    private const double GeluApproximateTiny = 8.673617379884035e-19;

    /// <summary>|x| is clamped here: every result is settled beyond it (f = x or 0, f′ = 1 or 0, f″ = 0 after rounding).</summary>
    private const double GeluApproximateClamp = 30.0;

    /// <summary>b up to which t = e^−b takes the direct formulas (as <see cref="DirectLimit"/> for σ).</summary>
    private const double GeluDirectLimit = 600.0;

    // f′'s root r1 as a triple-double, and f′'s Taylor coefficients there (c1 as a double-double).
    internal const double GeluRoot1Hi = -0.7524614220710163;
    private const double GeluRoot1Lo = 3.635560509207687e-17;
    private const double GeluRoot1Lo2 = -2.5415595389660457e-33;
    private const double GeluRoot1Window = 0.00390625;         // 2^−8
    private const double GeluGradC1Hi = 0.4304000910248585;
    private const double GeluGradC1Lo = 2.028254970529195e-17;
    private const double GeluGradC2 = 0.38751844613578895;
    private const double GeluGradC3 = -0.01578285352184803;
    private const double GeluGradC4 = -0.11394448308095899;
    private const double GeluGradC5 = -0.01661932834305256;
    private const double GeluGradC6 = 0.019682309459833118;
    private const double GeluGradC7 = 0.005261059254921912;

    // f″'s positive root r2 as a triple-double, and f″'s Taylor coefficients there.
    internal const double GeluRoot2Hi = 1.4185040087908283;
    private const double GeluRoot2Lo = 8.089265124388305e-17;
    private const double GeluRoot2Lo2 = -3.628949309242204e-33;
    private const double GeluRoot2Window = 0.0078125;          // 2^−7
    private const double GeluGrad2C1Hi = -0.4095488174124191;
    private const double GeluGrad2C1Lo = 1.2109294543123343e-17;
    private const double GeluGrad2C2 = 0.432081111593848;
    private const double GeluGrad2C3 = -0.008168951883944803;
    private const double GeluGrad2C4 = -0.16109481693213482;
    private const double GeluGrad2C5 = 0.056750540975161724;
    private const double GeluGrad2C6 = 0.020035361162701274;
    private const double GeluGrad2C7 = -0.01671150756085392;
    private const double GeluGrad2C8 = 0.0007632001136916162;

    /// <summary>|x| clamped to [2^−60, 30] (NaN stays NaN): the argument of every formula below.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T GeluApproximateMagnitude(T x)
    {
        T a = TOps.Abs(x);
        a = TOps.Select(TOps.GreaterThan(a, TOps.Create(GeluApproximateClamp)), TOps.Create(GeluApproximateClamp), a);
        return TOps.Select(TOps.LessThan(a, TOps.Create(GeluApproximateTiny)), TOps.Create(GeluApproximateTiny), a);
    }

    /// <summary>(hi + lo) = c·a² + d as a double-double for a in [2^−60, 30], a² = a2 + a2l exactly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T GeluQuadratic(T a2, T a2l, double cHi, double cLo, double dHi, double dLo, out T lo)
    {
        T c = TOps.Create(cHi);
        T p = TOps.Multiply(c, a2);
        T pl = TOps.Add(MultiplyError(c, a2, p), TOps.Add(TOps.Multiply(c, a2l), TOps.Multiply(TOps.Create(cLo), a2)));
        T s = TwoSum(TOps.Create(dHi), p, out T sl);
        lo = TOps.Add(sl, TOps.Add(TOps.Create(dLo), pl));
        return s;
    }

    /// <summary>a·(hi + lo) as a double-double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T GeluTimesA(T a, T hi, T lo, out T productLo)
    {
        T p = TOps.Multiply(a, hi);
        productLo = TOps.Add(MultiplyError(a, hi, p), TOps.Multiply(a, lo));
        return p;
    }

    /// <summary>b = a(k1 + k3a²) = bh + bl, and a² = a2 + a2l exactly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T GeluB(T a, out T bl, out T a2, out T a2l)
    {
        a2 = TOps.Multiply(a, a);
        a2l = MultiplyError(a, a, a2);
        T sh = GeluQuadratic(a2, a2l, GeluK3Hi, GeluK3Lo, GeluK1Hi, GeluK1Lo, out T sl);
        return GeluTimesA(a, sh, sl, out bl);
    }

    /// <summary>
    /// t = e^−b to 2^−57 (<see cref="ExpPair"/>; precise: 2^−63, <see cref="ExpPairPrecise"/>) for b = bh + bl
    /// ≤ 600 (larger b is clamped there; those lanes take the tails).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T GeluT(T bh, T bl, bool precise, out T tLo)
    {
        T y = TOps.Negate(TOps.Select(TOps.GreaterThan(bh, TOps.Create(GeluDirectLimit)), TOps.Create(GeluDirectLimit), bh));
        T tHi = precise ? ExpPairPrecise(y, out tLo) : ExpPair(y, out tLo);
        tLo = TOps.Subtract(tLo, TOps.Multiply(tHi, bl));
        return tHi;
    }

    /// <summary>(aHi + aLo) + (bHi + bLo) as a double-double (to 2^−104 of the larger part).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T GeluAddDD(T aHi, T aLo, T bHi, T bLo, out T lo)
    {
        T s = TwoSum(aHi, bHi, out T e);
        lo = TOps.Add(e, TOps.Add(aLo, bLo));
        return s;
    }

    /// <summary>
    /// τ = x − r = τh + τl for r = rHi + rLo + rLo2, x within a factor 2 of rHi: x − rHi is exact (Sterbenz),
    /// the two-sum with −rLo exact, and −rLo2 added to its error (to 2^−53 of a part below ulp(τh)).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T GeluOffset(T x, double rHi, double rLo, double rLo2, out T lo)
    {
        T d = TOps.Subtract(x, TOps.Create(rHi));
        T s = TwoSum(d, TOps.Create(-rLo), out T e);
        lo = TOps.Subtract(e, TOps.Create(rLo2));
        return s;
    }

    /// <summary>τ·(c1 + τ·s) as a double-double, with c1 = c1Hi + c1Lo and s = Horner's sum of the higher coefficients at τ rounded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T GeluRootProduct(T tauHi, T tauLo, T s, T tau, double c1Hi, double c1Lo, out T lo)
    {
        T qh = FastTwoSum(TOps.Create(c1Hi), TOps.Multiply(tau, s), out T ql);
        ql = TOps.Add(ql, TOps.Create(c1Lo));
        return MultiplyDD(tauHi, tauLo, qh, ql, out lo);
    }

    /// <summary>
    /// f(x) = x·σ(b(x)) within 0.59 ulp for normal results (see the type's summary); f(−∞) = −0, f(∞) = ∞.
    /// NaN lanes are the caller's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GeluApproximate(T x)
    {
        T a = GeluApproximateMagnitude(x);
        T bh = GeluB(a, out T bl, out _, out _);
        return GeluApproximateFrom(x, a, bh, bl);
    }

    /// <summary>f(x) from a = |x| clamped and b(a) = bh + bl.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T GeluApproximateFrom(T x, T a, T bh, T bl)
    {
        T v = GeluApproximateDirect(x, a, bh, bl, out T xs, out TMask negative);
        TMask far = TOps.GreaterThan(bh, TOps.Create(GeluDirectLimit));
        if (TOps.Any(far))
        {
            v = WithRareLanes(new GeluApproximateFar(bh, bl, xs), x, v);
        }

        return GeluApproximateNearZero(x, v);
    }

    /// <summary>The far range of <see cref="GeluApproximateFrom"/> (b &gt; 600): x·e^−b rounded once for x &lt; 0, x above.</summary>
    [method: MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly struct GeluApproximateFar(T bh, T bl, T xs) : IRareLanes
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Apply(T x, T v)
        {
            T tail = ScaledExp(TOps.Negate(bh), xs, TOps.Negate(TOps.Multiply(xs, bl)));
            T far = TOps.Select(TOps.LessThan(x, TOps.Create(0.0)), tail, x);
            return TOps.Select(TOps.GreaterThan(bh, TOps.Create(GeluDirectLimit)), far, v);
        }
    }

    /// <summary>
    /// f(x) by the direct formula x·S/(1 + t), S = 1 (x ≥ 0) or t (x &lt; 0), rounded, from a = |x| clamped and
    /// b(a) = bh + bl; xs = a with x's sign and the mask of x &lt; 0, for the tail.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T GeluApproximateDirect(T x, T a, T bh, T bl, out T xs, out TMask negative)
    {
        T tHi = GeluT(bh, bl, precise: false, out T tLo);
        T dHi = OnePlus(tHi, tLo, out T dLo);
        xs = TOps.CopySign(a, x);
        negative = TOps.LessThan(x, TOps.Create(0.0));
        T one = TOps.Create(1.0);
        T sHi = TOps.Select(negative, tHi, one);
        T sLo = TOps.Select(negative, tLo, TOps.Create(0.0));
        T nHi = TOps.Multiply(xs, sHi);
        T nLo = TOps.Add(MultiplyError(xs, sHi, nHi), TOps.Multiply(xs, sLo));
        T qHi = DivideDD(nHi, nLo, dHi, dLo, out T qLo);
        return TOps.Add(qHi, qLo);
    }

    /// <summary>f = x/2 below |x| = 2^−60, v elsewhere.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T GeluApproximateNearZero(T x, T v) =>
        TOps.Select(TOps.LessThan(TOps.Abs(x), TOps.Create(GeluApproximateTiny)), TOps.Multiply(x, TOps.Create(0.5)), v);

    /// <summary>
    /// f′ as a double-double for |x| ≤ 19.968 (b ≤ 600; 1/2 below 2^−60, the root's polynomial near r1), and
    /// the pieces of the tail: bh, bl and u = 1 − w (for x &lt; 0 and b &gt; 600, f′ = u·e^−b to 2^−860).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T GeluApproximateGradPair(T x, out T lo, out T bh, out T bl, out T uHi, out T uLo)
    {
        T a = GeluApproximateMagnitude(x);
        bh = GeluB(a, out bl, out T a2, out T a2l);
        T bpHi = GeluQuadratic(a2, a2l, GeluK33Hi, GeluK33Lo, GeluK1Hi, GeluK1Lo, out T bpLo);
        T wHi = GeluTimesA(a, bpHi, bpLo, out T wLo);
        T tHi = GeluT(bh, bl, precise: true, out T tLo);
        T dHi = OnePlus(tHi, tLo, out T dLo);
        TMask negative = TOps.LessThan(x, TOps.Create(0.0));

        // N = S·(1 + t) ± t·w with S = 1 (x ≥ 0) or t (x < 0): 1 + t + t·w, or t(1 + t − w).
        T one = TOps.Create(1.0);
        T zero = TOps.Create(0.0);
        T p1Hi = MultiplyDD(TOps.Select(negative, tHi, one), TOps.Select(negative, tLo, zero), dHi, dLo, out T p1Lo);
        T wsHi = TOps.Select(negative, TOps.Negate(wHi), wHi);
        T wsLo = TOps.Select(negative, TOps.Negate(wLo), wLo);
        T p2Hi = MultiplyDD(tHi, tLo, wsHi, wsLo, out T p2Lo);
        T nHi = GeluAddDD(p1Hi, p1Lo, p2Hi, p2Lo, out T nLo);
        T d2Hi = SquareDD(dHi, dLo, out T d2Lo);
        T hi = DivideDD(nHi, nLo, d2Hi, d2Lo, out lo);

        T tauHi = GeluOffset(x, GeluRoot1Hi, GeluRoot1Lo, GeluRoot1Lo2, out T tauLo);
        TMask near = TOps.LessThan(TOps.Abs(TOps.Subtract(x, TOps.Create(GeluRoot1Hi))), TOps.Create(GeluRoot1Window));
        if (TOps.Any(near))
        {
            T tau = TOps.Add(tauHi, tauLo);
            T s = MulAdd(tau, GeluGradC7, GeluGradC6);
            s = MulAdd(tau, s, GeluGradC5);
            s = MulAdd(tau, s, GeluGradC4);
            s = MulAdd(tau, s, GeluGradC3);
            s = MulAdd(tau, s, GeluGradC2);
            T rHi = GeluRootProduct(tauHi, tauLo, s, tau, GeluGradC1Hi, GeluGradC1Lo, out T rLo);
            hi = TOps.Select(near, rHi, hi);
            lo = TOps.Select(near, rLo, lo);
        }

        TMask tiny = TOps.LessThan(TOps.Abs(x), TOps.Create(GeluApproximateTiny));
        hi = TOps.Select(tiny, TOps.Create(0.5), hi);
        lo = TOps.Select(tiny, zero, lo);
        uHi = TwoSum(one, TOps.Negate(wHi), out T e);
        uLo = TOps.Subtract(e, wLo);
        return hi;
    }

    /// <summary>
    /// f′(x) within 0.55 ulp for normal results (see the type's summary); f′(−∞) = −0, f′(∞) = 1.
    /// NaN lanes are the caller's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GeluApproximateGrad(T x)
    {
        T hi = GeluApproximateGradPair(x, out T lo, out T bh, out T bl, out T uHi, out T uLo);
        T v = TOps.Add(hi, lo);
        TMask far = TOps.GreaterThan(bh, TOps.Create(GeluDirectLimit));
        if (TOps.Any(far))
        {
            v = WithRareLanes(new GeluApproximateGradFar(bh, bl, uHi, uLo), x, v);
        }

        return v;
    }

    /// <summary>The far range of <see cref="GeluApproximateGrad"/> (b &gt; 600): u·e^−b rounded once for x &lt; 0, 1 above.</summary>
    [method: MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly struct GeluApproximateGradFar(T bh, T bl, T uHi, T uLo) : IRareLanes
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Apply(T x, T v)
        {
            T tail = ScaledExp(TOps.Negate(bh), uHi, TOps.Subtract(uLo, TOps.Multiply(uHi, bl)));
            T far = TOps.Select(TOps.LessThan(x, TOps.Create(0.0)), tail, TOps.Create(1.0));
            return TOps.Select(TOps.GreaterThan(bh, TOps.Create(GeluDirectLimit)), far, v);
        }
    }

    /// <summary>
    /// The two tails of GeluApproximateFrom and GeluApproximateGrad (x·e^−b and u·e^−b, each rounded
    /// once), ScaledExp's steps with the exponential of −b and its scale factors formed once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T GeluApproximateTails(T bh, T bl, T xs, T uHi, T uLo, out T gTail)
    {
        T mHi = ExpTable(Clamp(TOps.Negate(bh), ExpArgumentLimit), out T k, out T mLo);
        T first = ScaleFactors(k, out T second);
        gTail = Scale(MultiplyRounded(uHi, TOps.Subtract(uLo, TOps.Multiply(uHi, bl)), mHi, mLo), first, second);
        return Scale(MultiplyRounded(xs, TOps.Negate(TOps.Multiply(xs, bl)), mHi, mLo), first, second);
    }

    /// <summary>
    /// <see cref="GeluApproximateTails"/>, never inlined, for <see cref="GeluApproximateAndGrad"/> with
    /// 16 vector registers (as <see cref="WithRareLanes{TLanes}(TLanes, T, T)"/> is for the other
    /// kernels): a call that returns the two tails measured faster here than one that takes the
    /// pair's five inputs and selects both results (13.9 against 14.7 ns per element).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T GeluApproximateTailsOutOfLine(T bh, T bl, T xs, T uHi, T uLo, out T gTail) =>
        GeluApproximateTails(bh, bl, xs, uHi, uLo, out gTail);

    /// <summary>
    /// f(x) and f′(x) from one evaluation of a = |x| clamped and b(a) (the pair's), each with the bits of
    /// its kernel alone. NaN lanes are the caller's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GeluApproximateAndGrad(T x, out T grad)
    {
        T hi = GeluApproximateGradPair(x, out T lo, out T bh, out T bl, out T uHi, out T uLo);
        T v = GeluApproximateDirect(x, GeluApproximateMagnitude(x), bh, bl, out T xs, out TMask negative);
        T g = TOps.Add(hi, lo);
        TMask far = TOps.GreaterThan(bh, TOps.Create(GeluDirectLimit));
        if (TOps.Any(far))
        {
            T gTail;
            T fTail = Avx512F.IsSupported || AdvSimd.IsSupported
                ? GeluApproximateTails(bh, bl, xs, uHi, uLo, out gTail)
                : GeluApproximateTailsOutOfLine(bh, bl, xs, uHi, uLo, out gTail);
            v = TOps.Select(far, TOps.Select(negative, fTail, x), v);
            g = TOps.Select(far, TOps.Select(negative, gTail, TOps.Create(1.0)), g);
        }

        grad = g;
        return GeluApproximateNearZero(x, v);
    }

    /// <summary>
    /// f″ = t·E/(1 + t)³ as a double-double by the direct formula, for a = |x| clamped, b = bh + bl and
    /// a² = a2 + a2l; E = eHi + eLo too (the tail's factor beyond b = 600).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T GeluApproximateGrad2Direct(T a, T bh, T bl, T a2, T a2l, out T lo, out T eHi, out T eLo)
    {
        T vHi = GeluQuadratic(a2, a2l, GeluK33Hi, GeluK33Lo, 0.0, 0.0, out T vLo);       // 3k3a²
        T bpHi = TwoSum(TOps.Create(GeluK1Hi), vHi, out T e1);                           // b′ = k1 + 3k3a²
        T bpLo = TOps.Add(e1, TOps.Add(TOps.Create(GeluK1Lo), vLo));
        T four = TOps.Create(4.0);
        T gHi = TwoSum(TOps.Create(2.0 * GeluK1Hi), TOps.Multiply(four, vHi), out T e2);   // G = 2k1 + 12k3a²
        T gLo = TOps.Add(e2, TOps.Add(TOps.Create(2.0 * GeluK1Lo), TOps.Multiply(four, vLo)));
        T sqHi = SquareDD(bpHi, bpLo, out T sqLo);
        T hHi = GeluTimesA(a, sqHi, sqLo, out T hLo);                                     // H = a·b′²

        T tHi = GeluT(bh, bl, precise: true, out T tLo);
        T dHi = OnePlus(tHi, tLo, out T dLo);
        T mHi = FastTwoSum(TOps.Create(1.0), TOps.Negate(tHi), out T mLo);                // 1 − t
        mLo = TOps.Subtract(mLo, tLo);
        T p1Hi = MultiplyDD(dHi, dLo, gHi, gLo, out T p1Lo);
        T p2Hi = MultiplyDD(hHi, hLo, mHi, mLo, out T p2Lo);
        eHi = GeluAddDD(p1Hi, p1Lo, TOps.Negate(p2Hi), TOps.Negate(p2Lo), out eLo);  // E
        T nHi = MultiplyDD(tHi, tLo, eHi, eLo, out T nLo);
        T d2Hi = SquareDD(dHi, dLo, out T d2Lo);
        T d3Hi = MultiplyDD(d2Hi, d2Lo, dHi, dLo, out T d3Lo);
        return DivideDD(nHi, nLo, d3Hi, d3Lo, out lo);
    }

    /// <summary>
    /// f″(x) within 0.55 ulp for normal results (see the type's summary); even, k1/2 at 0, −0 at ±∞.
    /// NaN lanes are the caller's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GeluApproximateGrad2(T x)
    {
        T a = GeluApproximateMagnitude(x);
        T bh = GeluB(a, out T bl, out T a2, out T a2l);
        T qHi = GeluApproximateGrad2Direct(a, bh, bl, a2, a2l, out T qLo, out T eHi, out T eLo);

        TMask near = TOps.LessThan(TOps.Abs(TOps.Subtract(a, TOps.Create(GeluRoot2Hi))), TOps.Create(GeluRoot2Window));
        if (TOps.Any(near))
        {
            T tauHi = GeluOffset(a, GeluRoot2Hi, GeluRoot2Lo, GeluRoot2Lo2, out T tauLo);
            T tau = TOps.Add(tauHi, tauLo);
            T s = MulAdd(tau, GeluGrad2C8, GeluGrad2C7);
            s = MulAdd(tau, s, GeluGrad2C6);
            s = MulAdd(tau, s, GeluGrad2C5);
            s = MulAdd(tau, s, GeluGrad2C4);
            s = MulAdd(tau, s, GeluGrad2C3);
            s = MulAdd(tau, s, GeluGrad2C2);
            T rHi = GeluRootProduct(tauHi, tauLo, s, tau, GeluGrad2C1Hi, GeluGrad2C1Lo, out T rLo);
            qHi = TOps.Select(near, rHi, qHi);
            qLo = TOps.Select(near, rLo, qLo);
        }

        T v = TOps.Add(qHi, qLo);
        TMask far = TOps.GreaterThan(bh, TOps.Create(GeluDirectLimit));
        if (TOps.Any(far))
        {
            v = WithRareLanes(new GeluApproximateGrad2Far(bh, bl, eHi, eLo), x, v);
        }

        return TOps.Select(TOps.LessThan(TOps.Abs(x), TOps.Create(GeluApproximateTiny)), TOps.Create(0.5 * GeluK1Hi), v);
    }

    /// <summary>The far range of the approximate GELU″ (b &gt; 600): E·e^−b rounded once; at the clamped t ≤ e^−600, E = G − H to 2^−860.</summary>
    [method: MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly struct GeluApproximateGrad2Far(T bh, T bl, T eHi, T eLo) : IRareLanes
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Apply(T x, T v)
        {
            T tail = ScaledExp(TOps.Negate(bh), eHi, TOps.Subtract(eLo, TOps.Multiply(eHi, bl)));
            return TOps.Select(TOps.GreaterThan(bh, TOps.Create(GeluDirectLimit)), tail, v);
        }
    }

    /// <summary>|x| up to which the backward pass takes its fast path: b(17) = 377.7, so |f′| ≥ e^−378 outside r1's neighbourhood.</summary>
    internal const double GeluBackwardLimit = 17.0;

    /// <summary>
    /// dy·f′(x), the exact product rounded once (0.75 ulp for subnormal results), with the paths of the
    /// other backward kernels (Core.Backward.cs). Fast path (|x| ≤ 17, dy ±0 or within [2^−330, 2^400]):
    /// f′'s pair (|f′| within [2^−580, 1.13], and at least 2^−57 beside r1, the nearest double's |f′| being
    /// 1.6e−17) through <see cref="ExactProduct"/>, whose products stay within [2^−910, 2^401]. Wide path,
    /// per lane where that does not hold: the pair through <see cref="ProductWide"/> while b ≤ 600; beyond,
    /// dy itself for x &gt; 0 (f′ = 1 + (w − 1)t with t &lt; 2^−865) and dy·u·e^−b from the table's
    /// mantissa and exponent for x &lt; 0, so that it underflows only where the exact product does and
    /// dy = ±∞ gives ∓∞ at every finite x (f′ is never 0 there). At x = −∞, f′ = −0 exactly (dy·(−0) by
    /// the IEEE rules, NaN for dy = ±∞); at +∞ it is 1. NaN x returns x; NaN dy returns dy. f′'s pair is
    /// computed once for both paths, and the wide path's one general product takes, per lane, the factor
    /// that lane needs.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GeluApproximateBackward(T x, T dy)
    {
        T cHi = GeluApproximateGradPair(x, out T cLo, out T bh, out T bl, out T uHi, out T uLo);
        T fast = ExactProduct(dy, cHi, cLo);
        if (TOps.AnyMagnitudeAbove(x, GeluBackwardLimit) || TOps.AnyMagnitudeOutside(dy, TwoToMinus330, TwoTo400))
        {
            fast = WithRareLanes(new GeluApproximateBackwardWide(dy, cHi, cLo, bh, bl, uHi, uLo), x, fast);
        }

        return fast;
    }

    /// <summary><see cref="GeluApproximateBackward"/>'s fast path, for vectors inside its window (|x| ≤ 17, dy ±0 or within [2^−330, 2^400]).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GeluApproximateBackwardFast(T x, T dy)
    {
        T cHi = GeluApproximateGradPair(x, out T cLo, out _, out _, out _, out _);
        return ExactProduct(dy, cHi, cLo);
    }

    /// <summary>
    /// The wide path's lanes of <see cref="GeluApproximateBackward"/>, from f′'s pair, the tail's pieces and the
    /// fast formula's value: one general product, of f′'s pair (b ≤ 600) or of u·e^−b with the table's
    /// exponent (b &gt; 600), and dy itself for x &gt; 0 beyond b = 600. A call with 16 vector registers
    /// (<see cref="WithRareLanes{TLanes}(TLanes, T, T)"/>): inlined, the backward loop's method held
    /// 860 inlined methods without AVX2 (588 with the call), next to the 893 at which HardSwish's
    /// pair left calls.
    /// </summary>
    [method: MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly struct GeluApproximateBackwardWide(T dy, T cHi, T cLo, T bh, T bl, T uHi, T uLo) : IRareLanes
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Apply(T x, T fast)
        {
            T mHi = ExpTable(TOps.Negate(bh), out T k, out T mLo);
            T tailLo = TOps.Subtract(uLo, TOps.Multiply(uHi, bl));
            T fHi = TOps.Multiply(uHi, mHi);
            T fLo = TOps.Add(MultiplyError(uHi, mHi, fHi), TOps.Add(TOps.Multiply(uHi, mLo), TOps.Multiply(tailLo, mHi)));
            fHi = TOps.Select(TOps.Equal(x, TOps.Create(double.NegativeInfinity)), TOps.Create(-0.0), fHi);
            TMask far = TOps.GreaterThan(bh, TOps.Create(GeluDirectLimit));
            T zero = TOps.Create(0.0);
            T wide = ProductWide(dy, TOps.Select(far, fHi, cHi), TOps.Select(far, fLo, cLo), TOps.Select(far, k, zero));
            wide = TOps.Select(far, TOps.Select(TOps.GreaterThan(x, zero), dy, wide), wide);

            TMask outside = TOps.Or(MagnitudeAbove(x, GeluBackwardLimit), MagnitudeOutside(dy, TwoToMinus330, TwoTo400));
            return PropagateNaN(x, TOps.Select(outside, wide, fast));
        }
    }
}
