using System;
using System.Runtime.CompilerServices;

namespace Activations.Numerics;

/// <summary>
/// The exponential family for float results: e^x, e^x − 1, σ, tanh and their derivatives at an
/// input that is a float (exactly widened), evaluated in double to within 2^−45 relative, so that
/// the one rounding to float gives the exact value to within 0.5 + 2^−21 ulp (a float's ulp is at
/// least 2^−24 of its value: 2^−45 relative is at most 2^−21 of an ulp). That is 20 bits fewer than
/// the double kernels carry, so these use one table step, a shorter polynomial and plain double
/// operations (no double-double).
/// <para>
/// The shared step: n = round(16y/ln 2) = 16k + j picks s = 2^k·m, m = 2^(j/16) rounded, built from
/// the table's bits and n's (exact while |y| ≤ 704, as in <see cref="Exp"/>); r = y − n·L with L =
/// ln 2/16 rounded to a double, and p ≈ e^r − 1, so that e^y ≈ s(1 + p). Errors for |y| ≤ 104 (beyond
/// it every float result here is 0, ±1 or ∞ by a wide margin): n·L rounds by at most 2^−47
/// absolute (|n·L| &lt; 128) and L differs from ln 2/16 by 2^−59.3, times |n| ≤ 2401: 2^−48; so r is
/// within 2^−46.6 of the exact reduced argument, which is 2^−46.6 relative in e^y. (For |y| ≤ 1,
/// |n| ≤ 24 and the error is below 2^−53 relative to |r| + 2^−54.) y − n·L itself is exact
/// (Sterbenz: both within a factor 2, or n = 0). p = r + r²/2 + r³(F2 + r(F3 + r(F4 + rF5))), a
/// fit whose relative error is below 2^−49.8 as an approximation of e^r − 1 and below 2^−55.5 as
/// one of e^r (|r| ≤ ln 2/32·(1 + 2^−38)); its roundings add under 2^−52 to either. m is rounded
/// by 2^−53 relative.
/// </para>
/// <para>
/// Lanes with |y| &gt; 704 or NaN send their vector through the same formulas at y clamped to
/// ±704 (whose float results are the limits) and then give NaN lanes back their NaN, so a value
/// never depends on its neighbours; the test is a branch only.
/// </para>
/// </summary>
internal static partial class Core<T, TMask, TOps>
{
    /// <summary>ln 2/16 rounded to the nearest double (within 2^−59.3 of it).</summary>
    private const double Ln2Over16 = 0.04332169878499658;

    // The fit of (e^r − 1 − r − r²/2)/r³ on |r| ≤ ln 2/32·(1 + 2^−20), weighted by the relative
    // error of e^r − 1, fitted in 200-bit arithmetic and rounded to doubles.
    private const double F2 = 0.16666666664482693;
    private const double F3 = 0.0416666666639367;
    private const double F4 = 0.008333472975255492;
    private const double F5 = 0.0013889063441026176;

    /// <summary>Up to this |y|, s = 2^k·m is built exactly (see <see cref="Exp"/>'s fast path).</summary>
    private const double FloatExpLimit = 704.0;

    /// <summary>s and p with e^y ≈ s(1 + p), for |y| ≤ <see cref="FloatExpLimit"/> (see the type's remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T FloatExpParts(T y, out T p)
    {
        T z = ReduceSixteenths(y);
        T n = TOps.Subtract(z, TOps.Create(RoundingShifter));
        T r = TOps.Subtract(y, TOps.Multiply(n, TOps.Create(Ln2Over16)));
        T q = MulAdd(r, MulAdd(r, MulAdd(r, MulAdd(r, F5, F4), F3), F2), 0.5);
        p = TOps.Add(r, TOps.Multiply(TOps.Multiply(r, r), q));
        return TOps.AddShiftedBits(TOps.Lookup16(Exp2SixteenthsLessIndex, z), z);
    }

    /// <summary>
    /// Whether the vector holds a lane with |y| &gt; <see cref="FloatExpLimit"/> or NaN; if so, y is
    /// clamped (NaN stays NaN, and the caller puts the NaN input back with <see cref="PropagateNaN"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ClampForFloat(ref T y)
    {
        if (!TOps.AnyMagnitudeAbove(y, FloatExpLimit))
        {
            return false;
        }

        y = Clamp(y, FloatExpLimit);
        return true;
    }

    /// <summary>
    /// e^u − 1 for |u| ≤ 1/128 (the root expansions of SiLU's and Mish's float kernels), to about 2^−52 relative: u + u²(1/2 + u(1/6 + u(1/24 + u(1/120 +
    /// u/720)))), the first omitted term u⁷/5040 below 2^−54.3|u|.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExpM1NearZeroForFloat(T u)
    {
        T q = MulAdd(u, MulAdd(u, MulAdd(u, MulAdd(u, 1.0 / 720, 1.0 / 120), 1.0 / 24), 1.0 / 6), 0.5);
        return TOps.Add(u, TOps.Multiply(TOps.Multiply(u, u), q));
    }

    /// <summary>
    /// t = e^−|x| = tHi + tLo (<see cref="ExpPair"/>, 2^−57) and a = |x|, the exponential taken at
    /// −704 in vectors with a lane beyond it or NaN (<paramref name="wide"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExpPairNegativeAbsForFloat(T x, out T a, out T tLo, out bool wide)
    {
        a = TOps.Abs(x);
        T y = TOps.Negate(a);
        wide = ClampForFloat(ref y);
        return ExpPair(y, out tLo);
    }

    /// <summary>
    /// The lanes beyond the clamp of <see cref="ClampForFloat"/>, for a vector that needed it: x
    /// &gt; 704 takes <paramref name="above"/>, x &lt; −704 takes −0 (a negative value far below the
    /// smallest float), NaN lanes their NaN (SiLU's and Mish's float kernels).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T BeyondFloatClamp(T x, T v, T above)
    {
        v = TOps.Select(TOps.GreaterThan(x, TOps.Create(FloatExpLimit)), above, v);
        v = TOps.Select(TOps.LessThan(x, TOps.Create(-FloatExpLimit)), TOps.Create(-0.0), v);
        return PropagateNaN(x, v);
    }

    /// <summary>
    /// e^x for a float x, to 2^−45.5 relative: s + s·p, whose errors are r's 2^−46.6, the fit's
    /// 2^−55.5, m's 2^−53 and three roundings below 2^−52 together.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ExpForFloat(T x)
    {
        T y = x;
        bool wide = ClampForFloat(ref y);
        T s = FloatExpParts(y, out T p);
        T v = TOps.Add(s, TOps.Multiply(s, p));
        return wide ? PropagateNaN(x, v) : v;
    }

    /// <summary>
    /// e^y − 1 = (s − 1) + s·p from the parts of e^y, y ≤ 0. For n = 0 (|y| ≤ ln 2/32) s = 1 and the
    /// value is p: 2^−49.8 relative, plus r's error, which is below 2^−52 relative there. Otherwise
    /// |e^y − 1| ≥ 0.0214 and s − 1 is exact (Sterbenz) or rounds once (s &lt; 1/2, where |e^y − 1| &gt;
    /// 1/2): m's rounding 2^−53·s is at most 2^−47.5 of the result, p's 2^−49.8·|s·p| at most 2^−49.8
    /// of it, and r's error, relative 2^−46.6 in e^y, is at most 2^−46.6·e^y/|e^y − 1| of it — 2^−46.6
    /// where |y| &gt; 1, and below 2^−51 for |y| ≤ 1, where r's error is below 2^−53·|y| + 2^−54.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T FloatExpM1FromParts(T s, T p) =>
        TOps.Add(TOps.Subtract(s, TOps.Create(1.0)), TOps.Multiply(s, p));

    /// <summary>
    /// e^y and m = e^y − 1 (<see cref="FloatExpM1FromParts"/>, 2^−45.9) at y = x for x ≤ 0 and at
    /// y = 0 for x &gt; 0 (lanes the caller replaces): ELU's and SELU's lower branch and its
    /// derivative from one reduction. <paramref name="wide"/> tells the caller to put NaN inputs
    /// back (<see cref="PropagateNaN"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ExpAndExpM1NonPositiveForFloat(T x, out T m, out bool wide)
    {
        T y = TOps.Select(TOps.GreaterThan(x, TOps.Create(0.0)), TOps.Create(0.0), x);
        wide = ClampForFloat(ref y);
        T s = FloatExpParts(y, out T p);
        m = FloatExpM1FromParts(s, p);
        return TOps.Add(s, TOps.Multiply(s, p));
    }

    /// <summary>
    /// 1/d for d in [1, 2], correctly rounded (one division).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ReciprocalOneToTwo(T d) => TOps.Divide(TOps.Create(1.0), d);

    /// <summary>
    /// The shared start of σ, σ′ and σ″ at a float x, from y = −|x| (σ′ is even, σ″ odd): u = e^y
    /// ∈ (0, 1] (2^−45.5 relative, as in <see cref="ExpForFloat"/>), m = u − 1
    /// (<see cref="FloatExpM1FromParts"/>), and r = 1/(1 + u) = σ(|x|) (<see cref="ReciprocalOneToTwo"/>:
    /// 1 + u ∈ (1, 2], its rounding and the division's add 2^−52 to u's error times
    /// u/(1 + u) ≤ 1/2). For |x| &gt; 704, u is taken at −704, where σ's float value is 0 or 1 and
    /// its derivatives' are 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T LogisticForFloat(T x, out T u, out T m, out bool wide)
    {
        T y = TOps.Negate(TOps.Abs(x));
        wide = ClampForFloat(ref y);
        T s = FloatExpParts(y, out T p);
        u = TOps.Add(s, TOps.Multiply(s, p));
        m = FloatExpM1FromParts(s, p);
        return ReciprocalOneToTwo(TOps.Add(TOps.Create(1.0), u));
    }

    /// <summary>σ(x) = r for x ≥ 0 and u·r = 1 − σ(|x|) for x &lt; 0 (see <see cref="LogisticForFloat"/>): u's error reaches σ at most once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SigmoidFromParts(T x, T u, T r) =>
        TOps.Select(TOps.LessThan(x, TOps.Create(0.0)), TOps.Multiply(u, r), r);

    /// <summary>σ′(x) = σ(1 − σ) = (u·r)·r: u·r carries u's error times σ(|x|), r times 1 − σ(|x|), so the product carries it once (2^−45.5), plus two roundings.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SigmoidGradFromParts(T u, T r) => TOps.Multiply(TOps.Multiply(u, r), r);

    /// <summary>σ(x) for a float x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SigmoidForFloat(T x)
    {
        T r = LogisticForFloat(x, out T u, out _, out bool wide);
        T v = SigmoidFromParts(x, u, r);
        return wide ? PropagateNaN(x, v) : v;
    }

    /// <summary>σ′(x) = e^−|x|/(1 + e^−|x|)² for a float x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SigmoidGradForFloat(T x)
    {
        T r = LogisticForFloat(x, out T u, out _, out bool wide);
        T v = SigmoidGradFromParts(u, r);
        return wide ? PropagateNaN(x, v) : v;
    }

    /// <summary>σ and σ′ with the bits of <see cref="SigmoidForFloat"/> and <see cref="SigmoidGradForFloat"/>, from one exponential and one reciprocal.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SigmoidAndGradForFloat(T x, out T grad)
    {
        T r = LogisticForFloat(x, out T u, out _, out bool wide);
        T v = SigmoidFromParts(x, u, r);
        T g = SigmoidGradFromParts(u, r);
        grad = wide ? PropagateNaN(x, g) : g;
        return wide ? PropagateNaN(x, v) : v;
    }

    /// <summary>
    /// σ″(x) = σ′(1 − 2σ), with 1 − 2σ(|x|) = (u − 1)/(1 + u) = m·r (no cancellation near x = 0):
    /// (u·r)·r·(m·r) with the sign of −x (σ″ is odd and negative for x &gt; 0). The reduction's
    /// error enters u and m alike and moves the value by its size times the logarithmic derivative
    /// of σ″, about 1 where |x| &gt; 1 (2^−46.6) and bounded by (1 + 1/|x|) times an error below
    /// 2^−53·|x| + 2^−54 for |x| ≤ 1; m's other errors (2^−47.5 and 2^−49.8), r's (three times
    /// 2^−52) and four roundings add below 2^−46.6: under 2^−45.5 in all.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SigmoidGrad2ForFloat(T x)
    {
        T r = LogisticForFloat(x, out T u, out T m, out bool wide);
        T v = TOps.CopySign(TOps.Multiply(SigmoidGradFromParts(u, r), TOps.Multiply(m, r)), TOps.Negate(x));
        return wide ? PropagateNaN(x, v) : v;
    }

    /// <summary>
    /// The shared start of tanh and its derivatives at a float x, from y = −2|x| (exact): u = e^y,
    /// m = u − 1 (<see cref="FloatExpM1FromParts"/>, 2^−45.9 relative, no cancellation near 0) and
    /// r = 1/(2 + m) (<see cref="ReciprocalOneToTwo"/>; 2 + m ∈ (1, 2]), so that tanh|x| = −m·r. The
    /// logarithmic derivative of m/(2 + m) in m is 2/(2 + m) ∈ (1, 2): m's relative error reaches
    /// the value doubled at most, and only where m is near −1 (|x| large), where the reduction's
    /// part of m's error, u/|m| times u's, is small: under 2^−45.3 in all. For |x| &gt; 352, y is
    /// taken at −704 (tanh = ±1 and its derivatives 0 in float).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T TanhPartsForFloat(T x, out T u, out T m, out bool wide)
    {
        T y = TOps.Multiply(TOps.Create(-2.0), TOps.Abs(x));
        wide = ClampForFloat(ref y);
        T s = FloatExpParts(y, out T p);
        u = TOps.Add(s, TOps.Multiply(s, p));
        m = FloatExpM1FromParts(s, p);
        return ReciprocalOneToTwo(TOps.Add(TOps.Create(2.0), m));
    }

    /// <summary>tanh x = |m·r| signed like x (see <see cref="TanhPartsForFloat"/>); ±0 give themselves (m = 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T TanhFromParts(T x, T m, T r) => TOps.CopySign(TOps.Multiply(m, r), x);

    /// <summary>tanh′ = 4(u·r)·r = 4e^−2|x|/(1 + e^−2|x|)² (as σ′, u's error is carried once).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T TanhGradFromParts(T u, T r) =>
        TOps.Multiply(TOps.Create(4.0), TOps.Multiply(TOps.Multiply(u, r), r));

    /// <summary>tanh x for a float x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TanhForFloat(T x)
    {
        T r = TanhPartsForFloat(x, out _, out T m, out bool wide);
        T v = TanhFromParts(x, m, r);
        return wide ? PropagateNaN(x, v) : v;
    }

    /// <summary>tanh′(x) = 1 − tanh²x for a float x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TanhGradForFloat(T x)
    {
        T r = TanhPartsForFloat(x, out T u, out _, out bool wide);
        T v = TanhGradFromParts(u, r);
        return wide ? PropagateNaN(x, v) : v;
    }

    /// <summary>tanh and tanh′ with the bits of <see cref="TanhForFloat"/> and <see cref="TanhGradForFloat"/>, from one exponential and one reciprocal.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TanhAndGradForFloat(T x, out T grad)
    {
        T r = TanhPartsForFloat(x, out T u, out T m, out bool wide);
        T v = TanhFromParts(x, m, r);
        T g = TanhGradFromParts(u, r);
        grad = wide ? PropagateNaN(x, g) : g;
        return wide ? PropagateNaN(x, v) : v;
    }

    /// <summary>
    /// tanh″(x) = −2 tanh x (1 − tanh²x) = 8(m·r)·((u·r)·r) at |x|, with the sign of −x: the errors
    /// of tanh and tanh′ above, the reduction's counted once (its logarithmic derivative is bounded
    /// as for σ″), plus two roundings: under 2^−45 in all.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TanhGrad2ForFloat(T x)
    {
        T r = TanhPartsForFloat(x, out T u, out T m, out bool wide);
        T v = TOps.CopySign(TOps.Multiply(TOps.Multiply(TOps.Create(8.0), TOps.Multiply(m, r)), TOps.Multiply(TOps.Multiply(u, r), r)), TOps.Negate(x));
        return wide ? PropagateNaN(x, v) : v;
    }

    // ln(1 + u) for u ∈ [0, 1] (SoftPlus): w = 1 + u ∈ [1, 2] is split by j = round(15(w − 1)) into
    // w_j = 1 + j/15 (the double, exactly as the table holds it) and t = (1 + u − w_j)/w_j, |t| ≤ 1/30,
    // so that ln(1 + u) = ln w_j + ln(1 + t).
    private static ReadOnlySpan<double> LogArguments =>
    [
        1.0, 1.0666666666666667, 1.1333333333333333, 1.2, 1.2666666666666666, 1.3333333333333333, 1.4, 1.4666666666666668,
        1.5333333333333332, 1.6, 1.6666666666666665, 1.7333333333333334, 1.8, 1.8666666666666667, 1.9333333333333333, 2.0,
    ];

    /// <summary>1/w_j rounded to a double (<see cref="LogArguments"/>).</summary>
    private static ReadOnlySpan<double> LogArgumentReciprocals =>
    [
        1.0, 0.9375, 0.8823529411764706, 0.8333333333333334, 0.7894736842105263, 0.75, 0.7142857142857143, 0.6818181818181818,
        0.6521739130434783, 0.625, 0.6000000000000001, 0.5769230769230769, 0.5555555555555556, 0.5357142857142857, 0.5172413793103449, 0.5,
    ];

    /// <summary>ln w_j rounded to a double (<see cref="LogArguments"/>; computed in 200-bit arithmetic).</summary>
    private static ReadOnlySpan<double> LogArgumentLogarithms =>
    [
        0.0, 0.06453852113757116, 0.125163142954006, 0.1823215567939546, 0.23638877806423034, 0.28768207245178085, 0.3364722366212129, 0.3829922522561059,
        0.42744401482693956, 0.47000362924573563, 0.5108256237659906, 0.550046336919272, 0.5877866649021191, 0.6241543090729939, 0.659245628884264, 0.6931471805599453,
    ];

    // The fit of (ln(1 + t) − t + t²/2)/t³ on |t| ≤ (1/30)(1 + 2^−20), weighted by the relative error
    // of ln(1 + t), fitted in 200-bit arithmetic and rounded to doubles: below 2^−49.1 relative.
    private const double G0 = 0.3333333333619612;
    private const double G1 = -0.25000000002469275;
    private const double G2 = 0.1999998454321494;
    private const double G3 = -0.1666665303110381;
    private const double G4 = 0.1430955292700477;
    private const double G5 = -0.12521289690051457;

    /// <summary>
    /// ln(1 + u) for u ∈ [0, 1] to 2^−47.6 relative. w = 1 + u rounds, but its error c = u − (w − 1)
    /// is exact (w − 1 is, by Sterbenz), and so is w − w_j (Sterbenz again); t = ((w − w_j) + c)·(1/w_j)
    /// is then t's exact value times (1 ± 2^−52) (for j = 0, w_0 = 1 and t = u exactly), an error of
    /// at most 2^−52·|t| ≤ 2^−56.9 in ln(1 + t). The fit's 2^−49.1 is relative to |ln(1 + t)|, which is
    /// at most 1.03 times the result; ln w_j's rounding, 2^−53·ln w_j, is at most 2^−48.6 of the result
    /// (ln w_j ≤ ln 2 and the result is at least ln(1 + 1/30) once j ≥ 1); the evaluation and the
    /// final sum round by under 2^−52 more.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Log1PZeroToOne(T u)
    {
        T w = TOps.Add(TOps.Create(1.0), u);
        T wm1 = TOps.Subtract(w, TOps.Create(1.0));
        T c = TOps.Subtract(u, wm1);
        T z = TOps.Add(TOps.Multiply(wm1, TOps.Create(15.0)), TOps.Create(RoundingShifter));
        T f = TOps.Subtract(w, TOps.Lookup16(LogArguments, z));
        T t = TOps.Multiply(TOps.Add(f, c), TOps.Lookup16(LogArgumentReciprocals, z));
        T q = MulAdd(t, MulAdd(t, MulAdd(t, MulAdd(t, MulAdd(t, G5, G4), G3), G2), G1), G0);
        T t2 = TOps.Multiply(t, t);
        T l = TOps.Add(t, TOps.Multiply(t2, MulAdd(t, q, -0.5)));
        return TOps.Add(TOps.Lookup16(LogArgumentLogarithms, z), l);
    }

    /// <summary>
    /// u = e^−|x| ∈ (0, 1] for a float x (2^−45.5 relative, as in <see cref="ExpForFloat"/>), and
    /// whether the vector needed the clamp (|x| &gt; 704, where u is taken at e^−704) or holds NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExpNegativeAbsForFloat(T x, out bool wide)
    {
        T y = TOps.Negate(TOps.Abs(x));
        wide = ClampForFloat(ref y);
        T s = FloatExpParts(y, out T p);
        return TOps.Add(s, TOps.Multiply(s, p));
    }

    /// <summary>
    /// softplus x = max(x, 0) + ln(1 + e^−|x|): u's 2^−45.5 moves ln(1 + u) by at most that times
    /// u/((1 + u) ln(1 + u)) ≤ 1, the logarithm adds 2^−47.6 (<see cref="Log1PZeroToOne"/>), and for
    /// x &gt; 0 the sum of the two positive terms rounds once more: under 2^−45.2 in all.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SoftPlusFromExp(T x, T u)
    {
        T l = Log1PZeroToOne(u);
        return TOps.Select(TOps.GreaterThan(x, TOps.Create(0.0)), TOps.Add(x, l), l);
    }

    /// <summary>softplus x = ln(1 + eˣ) for a float x (see <see cref="SoftPlusFromExp"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SoftPlusForFloat(T x)
    {
        T u = ExpNegativeAbsForFloat(x, out bool wide);
        T v = SoftPlusFromExp(x, u);
        return wide ? PropagateNaN(x, v) : v;
    }

    /// <summary>softplus and σ (its derivative) with the bits of <see cref="SoftPlusForFloat"/> and <see cref="SigmoidForFloat"/>, from one exponential.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SoftPlusAndGradForFloat(T x, out T grad)
    {
        T u = ExpNegativeAbsForFloat(x, out bool wide);
        T v = SoftPlusFromExp(x, u);
        T g = SigmoidFromParts(x, u, ReciprocalOneToTwo(TOps.Add(TOps.Create(1.0), u)));
        grad = wide ? PropagateNaN(x, g) : g;
        return wide ? PropagateNaN(x, v) : v;
    }
}
