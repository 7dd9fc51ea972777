using System.Runtime.CompilerServices;

namespace Activations.Numerics;

/// <summary>
/// The exponential family for float results: e^x, e^x − 1, σ, tanh and their derivatives at an
/// input that is a float (exactly widened), evaluated in double to within 2^−45 relative, so that
/// the one rounding to float gives the exact value to within 0.5 + 2^−21 ulp (a float's ulp is at
/// least 2^−24 of its value: 2^−45 relative is at most 2^−21 of an ulp). That is 20 bits fewer than
/// the double kernels carry, so these use one table step, a shorter polynomial and plain double
/// operations (no double-double), about half the work.
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
    /// The shared start of σ, σ′ and σ″ at a float x: e = e^−x (to 2^−45.5 relative, as in
    /// <see cref="ExpForFloat"/>) and its reciprocal sum r = 1/(1 + e) = σ(x), which e's error moves
    /// by at most that times 1 − σ (two roundings more). For x &lt; −704, e is taken at 704, where
    /// σ = 10^−306 and its derivatives are already 0 in float; e ≤ e^704 never overflows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T LogisticForFloat(T x, out T e, out T m, out bool wide)
    {
        T y = TOps.Negate(x);
        wide = ClampForFloat(ref y);
        T s = FloatExpParts(y, out T p);
        e = TOps.Add(s, TOps.Multiply(s, p));
        m = FloatExpM1FromParts(s, p);
        return TOps.Divide(TOps.Create(1.0), TOps.Add(TOps.Create(1.0), e));
    }

    /// <summary>σ(x) = r = 1/(1 + e^−x) (see <see cref="LogisticForFloat"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SigmoidForFloat(T x)
    {
        T r = LogisticForFloat(x, out _, out _, out bool wide);
        return wide ? PropagateNaN(x, r) : r;
    }

    /// <summary>
    /// σ′(x) = σ(1 − σ) = (e·r)·r: e·r = 1 − σ carries e's error times σ, r carries it times
    /// 1 − σ, so the product carries it once (2^−45.5), plus two roundings. For x ≪ 0, e·r is
    /// near 1 and r tiny: no intermediate leaves the double range while σ′ is a float.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SigmoidGradForFloat(T x)
    {
        T r = LogisticForFloat(x, out T e, out _, out bool wide);
        T v = TOps.Multiply(TOps.Multiply(e, r), r);
        return wide ? PropagateNaN(x, v) : v;
    }

    /// <summary>σ and σ′ with the bits of <see cref="SigmoidForFloat"/> and <see cref="SigmoidGradForFloat"/>, from one exponential and one division.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SigmoidAndGradForFloat(T x, out T grad)
    {
        T r = LogisticForFloat(x, out T e, out _, out bool wide);
        T v = TOps.Multiply(TOps.Multiply(e, r), r);
        grad = wide ? PropagateNaN(x, v) : v;
        return wide ? PropagateNaN(x, r) : r;
    }

    /// <summary>
    /// σ″(x) = σ(1 − σ)(1 − 2σ) = r·(e·r)·(m·r) with m = e^−x − 1 from the same parts
    /// (<see cref="FloatExpM1FromParts"/>: 1 − 2σ = (e − 1)/(1 + e), without the cancellation near
    /// x = 0). The reduction's error enters e and m alike and moves the value by its size times the
    /// logarithmic derivative of σ″, about 1 where |x| &gt; 1 (2^−46.6) and bounded by (1 + 1/|x|)
    /// times an error below 2^−53·|x| + 2^−54 for |x| ≤ 1; m's other errors (2^−47.5 and 2^−49.8)
    /// and five roundings add below 2^−46.8: under 2^−45.2 in all. For x ≪ 0 each factor stays
    /// within the double range.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SigmoidGrad2ForFloat(T x)
    {
        T r = LogisticForFloat(x, out T e, out T m, out bool wide);
        T v = TOps.Multiply(TOps.Multiply(r, TOps.Multiply(e, r)), TOps.Multiply(m, r));
        return wide ? PropagateNaN(x, v) : v;
    }

    /// <summary>
    /// The shared start of tanh and its derivatives at a float x: with y = −2x (exact), m = e^y − 1
    /// (<see cref="FloatExpM1FromParts"/>, 2^−45.9 relative, no cancellation near 0), e = e^y, and
    /// r = −1/(2 + m), so that tanh x = m·r. The logarithmic derivative of m/(2 + m) in m is
    /// 2/(2 + m) ∈ (0, 2): m's relative error reaches the value doubled at most, and only where m is
    /// near −1 (x ≫ 0), where the reduction's part of m's error, e^y/|m| times e's, is small;
    /// under 2^−45.3 in all. For x &lt; −352, y is taken at 704 (tanh = −1 and its derivatives 0 in
    /// float); for x &gt; 352 at −704 (tanh = 1).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T TanhPartsForFloat(T x, out T e, out T m, out bool wide)
    {
        T y = TOps.Multiply(TOps.Create(-2.0), x);
        wide = ClampForFloat(ref y);
        T s = FloatExpParts(y, out T p);
        e = TOps.Add(s, TOps.Multiply(s, p));
        m = FloatExpM1FromParts(s, p);
        return TOps.Divide(TOps.Create(-1.0), TOps.Add(TOps.Create(2.0), m));
    }

    /// <summary>tanh x = m·r (see <see cref="TanhPartsForFloat"/>); ±0 return themselves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T TanhFromParts(T x, T m, T r) =>
        TOps.Select(TOps.Equal(x, TOps.Create(0.0)), x, TOps.Multiply(m, r));

    /// <summary>g = (e·r)·r = e/(2 + m)², so that tanh′ = 4g (as σ′, the error of e is carried once).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T TanhGradFromParts(T e, T r) =>
        TOps.Multiply(TOps.Create(4.0), TOps.Multiply(TOps.Multiply(e, r), r));

    /// <summary>tanh x for a float x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TanhForFloat(T x)
    {
        T r = TanhPartsForFloat(x, out _, out T m, out bool wide);
        T v = TanhFromParts(x, m, r);
        return wide ? PropagateNaN(x, v) : v;
    }

    /// <summary>tanh′(x) = 1 − tanh²x = 4e^−2x/(1 + e^−2x)² for a float x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TanhGradForFloat(T x)
    {
        T r = TanhPartsForFloat(x, out T e, out _, out bool wide);
        T v = TanhGradFromParts(e, r);
        return wide ? PropagateNaN(x, v) : v;
    }

    /// <summary>tanh and tanh′ with the bits of <see cref="TanhForFloat"/> and <see cref="TanhGradForFloat"/>, from one exponential and one division.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TanhAndGradForFloat(T x, out T grad)
    {
        T r = TanhPartsForFloat(x, out T e, out T m, out bool wide);
        T v = TanhFromParts(x, m, r);
        T g = TanhGradFromParts(e, r);
        grad = wide ? PropagateNaN(x, g) : g;
        return wide ? PropagateNaN(x, v) : v;
    }

    /// <summary>
    /// tanh″(x) = −2 tanh x (1 − tanh²x) = −8·(m·r)·((e·r)·r): the errors of tanh and tanh′ above,
    /// the reduction's counted once (its logarithmic derivative is bounded as for σ″), plus two
    /// roundings: under 2^−45 in all.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TanhGrad2ForFloat(T x)
    {
        T r = TanhPartsForFloat(x, out T e, out T m, out bool wide);
        T v = TOps.Multiply(TOps.Multiply(TOps.Create(-8.0), TOps.Multiply(m, r)), TOps.Multiply(TOps.Multiply(e, r), r));
        return wide ? PropagateNaN(x, v) : v;
    }
}
