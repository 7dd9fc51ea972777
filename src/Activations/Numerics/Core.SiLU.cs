using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Activations.Numerics;

/// <summary>
/// SiLU (Swish): f(x) = x·σ(x), f′(x) = σ(x)(1 + x·σ(−x)), f″(x) = σ′(x)(2 − x·tanh(x/2)), all
/// written in a = |x| and t = e^−a ∈ (0, 1] (<see cref="ExpPair"/>, to 2^−57 relative), with
/// d = 1 + t exact (<see cref="OnePlus"/>), so that nothing overflows:
/// <list type="bullet">
/// <item>f = x/d for x ≥ 0 and x·t/d below, that is x·σ(x) with σ as <see cref="Sigmoid"/> forms it;</item>
/// <item>f′ = (d + a·t)/d² for x ≥ 0 and t·(d − a)/d² below (d − a = 1 + e^−a − a);</item>
/// <item>f″ = t·(2d + a·(t − 1))/d³ for every x (f″ is even; 2d + a(t − 1) = (1 + t)(2 − a·tanh(a/2))).</item>
/// </list>
/// <para>
/// Errors of the direct formulas. Every product and sum is carried in double-double (exact
/// products and two-sums; each step to about 2^−104 of its magnitude) and rounded once at the end,
/// so the only error of note is t's, 2^−57 relative. A sum of terms of one sign passes it on
/// unchanged: f is within 0.5 + 2^53·2^−56 ≈ 0.63 ulp, and so are f′ for x ≥ 0 and f″ away from
/// its roots. Where a bracket cancels, t's absolute error 2^−57·t is divided by the bracket:
/// d − a (f′, x &lt; 0) vanishes at a = a₀ ≈ 1.27846 and 2d + a(t − 1) (f″) at a = b₀ ≈ 2.39936,
/// both with slope about −1.3. Farther than R = 1/8 from a root the brackets are at least 0.157
/// (d − a) and 0.162 (2d + a(t − 1)), and the ratio of the bracket's t-term (t, and t·(2 + a)) to
/// the bracket is at most 1.94 and 2.65 (the maxima over a, computed with mpmath, sit at the edges
/// of the neighbourhoods), so t's error reaches them as at most 2^−56.0 and 2^−55.6 relative, and
/// with t's own factor and the denominator's share the results stay within about
/// 0.5 + 2^53·(2^−56.0 + 2^−57 + 2^−58.7) ≈ 0.70 ulp (f′) and 0.5 + 2^53·(2^−55.6 + 2^−57 + 2^−58.7)
/// ≈ 0.75 ulp (f″) (the worst case of the bound; the errors of t in numerator and denominator
/// partly cancel). The narrower the neighbourhoods, the fewer vectors take their longer path.
/// </para>
/// <para>
/// Near the roots (|a − root| ≤ 1/8) the brackets are written without cancellation. With the root
/// r stored as a triple r₁ + r₂ + r₃ (to 2^−160), u = r − a = (r₁ − a) + r₂ + r₃ is a
/// double-double (r₁ − a exact by Sterbenz's lemma, the rest two-sums; its error is r₃'s rounding,
/// below 2^−160) and E = e^u − 1 (<see cref="ExpM1NonPositive"/> at −|u|, and −m/(1 + m) for
/// u &gt; 0) to 2^−56 relative. Since e^−a = e^−r·e^u = e^−r(1 + E), and the roots satisfy
/// e^−a₀ = a₀ − 1 and e^−b₀ = (b₀ − 2)/(b₀ + 2):
/// <list type="bullet">
/// <item>d − a = 1 + e^−a − a = (a₀ − 1)·E + u,</item>
/// <item>2d + a(t − 1) = 2 − a + t(2 + a) = e^−b₀(2 + a)·E + (1 − e^−b₀)·u,</item>
/// <item>t = e^−r(1 + E),</item>
/// </list>
/// where E has u's sign (e^u − 1 is increasing and 0 at 0) and every factor beside it is
/// positive, so each bracket is a sum of two terms of one sign and keeps E's 2^−56 relative error:
/// the results are within about 0.5 + 2^53·2^−54.5 ≈ 0.85 ulp by the bound, and the bound holds
/// at the doubles nearest the roots as well, which lie 2^−53.02 (a₀) and 2^−52.27 (b₀) from them
/// (floats: 2^−26.2 and 2^−24.6), where f′ ≈ 2^−55.2 and f″ ≈ 2^−55.7. The constants e^−r,
/// a₀ − 1 and 1 − e^−b₀ are double-doubles (their 2^−107 relative error is a relative error of a
/// term, not of a difference), and only r itself needs the third part: its error is an absolute
/// error of u, against a bracket of about 1.3·|u|, at least 2^−52.7 at a double.
/// </para>
/// <para>
/// Ranges. Below |x| = 2^−30 the series are used: f = x/2 + x²/4 (next term x⁴/48, 2^−94 relative),
/// f′ = 1/2 + x/2 (next x³/12), f″ = 1/2 (x²/4 &lt; 2^−62 rounds away): plain multiplies and adds, the
/// same on every path, where the double-double products would fall below 2^−914 (where
/// <see cref="MultiplyError"/> is no longer exact). Up to a = 600 (t &gt; 2^−866) every product stays
/// above 2^−914. Beyond, the t-terms are below 2^−865 relative: f = x for x &gt; 600 (x·σ(x) rounds
/// to x from x ≈ 37 on), f′ = 1, and for x &lt; −600 f = x·e^x and f′ = (1 + x)·e^x, and f″ =
/// (2 − a)·e^−a for a &gt; 600, each a double-double factor times e^y rounded once by
/// <see cref="ScaledExp"/> (a second rounding only onto the subnormal grid), with the argument
/// clamped at −1000, where they are −0, so that −∞ gives −0 without a lane of its own
/// (f(+∞) = +∞, f′(+∞) = 1). Every range is selected per lane; branches only skip work that no
/// lane needs.
/// </para>
/// </summary>
internal static partial class Core<T, TMask, TOps>
{
    /// <summary>Below this |x| SiLU and its derivatives take their series (2^−30).</summary>
    private const double SiLUSeriesLimit = 9.313225746154785e-10;

    /// <summary>Half-width of the neighbourhoods of the roots a₀ and b₀ in which the brackets are written in u = root − |x|.</summary>
    private const double SiLURootRadius = 0.125;

    /// <summary>Where the far ranges clamp their argument: every value there is below 2^−1430, so ±0.</summary>
    private const double SiLUFarClamp = -1000.0;

    // a₀ = 1.27846454276107379510935873902298…, the root of 1 + e^−a − a (f′(−a₀) = 0), as a triple.
    internal const double SiLURootA1 = 1.2784645427610737;          // 0x3FF474973C84120B
    private const double SiLURootA2 = 1.0946994183093437e-16;      // 0x3C9F8D74BC9AC154
    private const double SiLURootA3 = 3.907766676128665e-33;       // 0x39344A50180BA780

    // e^−a₀ = a₀ − 1 as a double-double.
    private const double SiLURootAExpHi = 0.2784645427610738;
    private const double SiLURootAExpLo = -1.5523606315812798e-18;

    // b₀ = 2.39935728051546766783273969728228…, the root of 2 − a·tanh(a/2) (f″(±b₀) = 0), as a triple.
    internal const double SiLURootB1 = 2.3993572805154675;          // 0x400331E23AD9DE11
    private const double SiLURootB2 = 1.8464872855353363e-16;      // 0x3CAA9C55EF03C74A
    private const double SiLURootB3 = 1.0808311685947344e-33;      // 0x391672AF2735D856

    // e^−b₀ = (b₀ − 2)/(b₀ + 2) and 1 − e^−b₀ as double-doubles.
    private const double SiLURootBExpHi = 0.0907762782268676;
    private const double SiLURootBExpLo = -4.307281675237286e-18;
    private const double SiLURootBExpComplementHi = 0.9092237217731324;
    private const double SiLURootBExpComplementLo = 3.20628572908662e-17;

    /// <summary>u = r − a = uHi + uLo for a root r = r₁ + r₂ + r₃ and a within a factor 2 of r₁ (r₁ − a is exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SiLURootOffset(T a, double r1, double r2, double r3, out T uLo)
    {
        T uHi = TwoSum(TOps.Subtract(TOps.Create(r1), a), TOps.Create(r2), out T e);
        uLo = TOps.Add(e, TOps.Create(r3));
        return uHi;
    }

    /// <summary>
    /// e^u − 1 = hi + lo for u = uHi + uLo with |uHi| ≤ 1/4 (and |uLo| ≤ 2^−52|uHi| or uHi = 0), to
    /// 2^−56 relative: m = e^−|uHi| − 1 from the reduction path of <see cref="ExpM1NonPositive"/>
    /// (<see cref="ReduceExp"/> and <see cref="ExpM1FromReduction"/>, 2^−57; the path it takes for
    /// arguments above −0.35, so the same bits), itself for uHi ≤ 0 and −m/(1 + m) above
    /// (1 + m ≥ e^−1/4, so the quotient adds 2^−57·0.4); then e^uLo = 1 + uLo + O(2^−104 u²) adds
    /// (1 + E)·uLo. Lanes with larger |uHi| get meaningless values, for callers that replace them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SiLUExpM1(T uHi, T uLo, out T lo)
    {
        T rHi = ReduceExp(TOps.Negate(TOps.Abs(uHi)), out T k, out T rLo);
        T mHi = ExpM1FromReduction(Pow2(k), rHi, rLo, out T mLo);
        T pHi = FastTwoSum(TOps.Create(1.0), mHi, out T p);
        T qHi = DivideDD(TOps.Negate(mHi), TOps.Negate(mLo), pHi, TOps.Add(p, mLo), out T qLo);
        TMask positive = TOps.GreaterThan(uHi, TOps.Create(0.0));
        T eHi = TOps.Select(positive, qHi, mHi);
        T eLo = TOps.Select(positive, qLo, mLo);
        T correction = TOps.Multiply(TOps.Add(TOps.Create(1.0), eHi), uLo);
        return FastTwoSum(eHi, TOps.Add(eLo, correction), out lo);
    }

    /// <summary>t = c·(1 + E) in double-double for a constant c = cHi + cLo and |E| &lt; 1/2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SiLUScaledOnePlus(double cHi, double cLo, T eHi, T eLo, out T lo)
    {
        T sHi = FastTwoSum(TOps.Create(1.0), eHi, out T s);
        return MultiplyDD(TOps.Create(cHi), TOps.Create(cLo), sHi, TOps.Add(s, eLo), out lo);
    }

    /// <summary>x·(sHi + sLo) rounded once (the products stay above 2^−914 for 2^−30 ≤ |x| ≤ 600).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SiLUTimes(T x, T sHi, T sLo)
    {
        T p = TOps.Multiply(x, sHi);
        return TOps.Add(p, TOps.Add(MultiplyError(x, sHi, p), TOps.Multiply(x, sLo)));
    }

    /// <summary>
    /// x·σ(x) from σ(x) = sHi + sLo (as <see cref="Sigmoid"/> forms it): the direct product, the series
    /// x/2 + x²/4 below 2^−30, x above 600 and x·e^x rounded once below −600 (see the type's summary).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SiLUFromSigmoid(T x, T sHi, T sLo)
    {
        T v = SiLUTimes(x, sHi, sLo);
        if (TOps.AnyMagnitudeBelowOrAbove(x, SiLUSeriesLimit, DirectLimit))
        {
            v = WithRareLanes(default(SiLURare), x, v);
        }

        return v;
    }

    /// <summary><see cref="SiLUFromSigmoid"/>'s rare lanes: the series below |x| = 2^−30, x above 600, x·e^x below −600.</summary>
    private readonly struct SiLURare : IRareLanes
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Apply(T x, T v)
        {
            T a = TOps.Abs(x);
            TMask series = TOps.LessThan(a, TOps.Create(SiLUSeriesLimit));
            TMask far = TOps.GreaterThan(a, TOps.Create(DirectLimit));
            // x/2 is exact but for a subnormal x with an odd last bit, where it is a tie: x/2 + x²/4 lies
            // above it, so it rounds up, to (x + 2^−1074)/2 (exact). The sign is x's (also for ±0 and for
            // x = −2^−1074, whose value rounds to −0).
            T half = TOps.Multiply(x, TOps.Create(0.5));
            half = TOps.Select(TOps.Equal(TOps.Multiply(half, TOps.Create(2.0)), x), half, TOps.Multiply(TOps.Add(x, TOps.Create(double.Epsilon)), TOps.Create(0.5)));
            T small = TOps.CopySign(TOps.Add(half, TOps.Multiply(TOps.Multiply(x, x), TOps.Create(0.25))), x);
            v = TOps.Select(series, small, v);
            T xc = TOps.Select(TOps.LessThan(x, TOps.Create(SiLUFarClamp)), TOps.Create(SiLUFarClamp), x);
            T farValue = TOps.Select(TOps.GreaterThan(x, TOps.Create(0.0)), x, ScaledExp(xc, xc, TOps.Create(0.0)));
            return TOps.Select(far, farValue, v);
        }
    }

    /// <summary>x·σ(x) within 0.63 ulp (0.75 for subnormal results); −0 at −∞, +∞ at +∞. NaN lanes are the caller's.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SiLU(T x)
    {
        TMask negative = TOps.LessThan(x, TOps.Create(0.0));
        T tHi = ExpPair(TOps.Negate(TOps.Abs(x)), out T tLo);
        T dHi = OnePlus(tHi, tLo, out T dLo);
        T sHi = DivideDD(TOps.Select(negative, tHi, TOps.Create(1.0)), TOps.Select(negative, tLo, TOps.Create(0.0)), dHi, dLo, out T sLo);
        return SiLUFromSigmoid(x, sHi, sLo);
    }

    /// <summary>
    /// The factors of f′ = t(d − a)/d² near −a₀, on the lanes of <paramref name="near"/> (the others
    /// keep theirs): t = e^−a₀(1 + E), d = 1 + t and d − a = (a₀ − 1)E + u, with u = a₀ − a and E = e^u − 1.
    /// A method of its own because the JIT inlines no method with more than 32 IL locals, which
    /// <see cref="SiLUGradPair"/> would have with these in it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SiLUGradRootFactors(T a, TMask near, ref T tHi, ref T tLo, ref T wHi, ref T wLo, ref T dHi, ref T dLo)
    {
        T uHi = SiLURootOffset(a, SiLURootA1, SiLURootA2, SiLURootA3, out T uLo);
        T eHi = SiLUExpM1(uHi, uLo, out T eLo);
        T ceHi = MultiplyDD(TOps.Create(SiLURootAExpHi), TOps.Create(SiLURootAExpLo), eHi, eLo, out T ceLo);
        T hHi = TwoSum(ceHi, uHi, out T h);
        T hLo = TOps.Add(h, TOps.Add(ceLo, uLo));
        T rtHi = SiLUScaledOnePlus(SiLURootAExpHi, SiLURootAExpLo, eHi, eLo, out T rtLo);
        T rdHi = OnePlus(rtHi, rtLo, out T rdLo);
        tHi = TOps.Select(near, rtHi, tHi);
        tLo = TOps.Select(near, rtLo, tLo);
        wHi = TOps.Select(near, hHi, wHi);
        wLo = TOps.Select(near, hLo, wLo);
        dHi = TOps.Select(near, rdHi, dHi);
        dLo = TOps.Select(near, rdLo, dLo);
    }

    /// <summary>
    /// <see cref="SiLUGradRootFactors"/>, never inlined: with 16 vector registers (x64 without
    /// AVX-512) <see cref="SiLUGradPair"/> calls it with its factors by value and takes them back
    /// as the result (so that the caller's factors are never address-taken and stay in
    /// registers), because inlined its
    /// code raised the register pressure, and the spills, of the whole loop, also on the vectors
    /// that do not take it; with 32 it is inlined. The same operations, so the same bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (T THigh, T TLow, T WHigh, T WLow, T DHigh, T DLow) SiLUGradRootFactorsOutOfLine(
        T a, TMask near, T tHi, T tLo, T wHi, T wLo, T dHi, T dLo)
    {
        SiLUGradRootFactors(a, near, ref tHi, ref tLo, ref wHi, ref wLo, ref dHi, ref dLo);
        return (tHi, tLo, wHi, wLo, dHi, dLo);
    }

    /// <summary>
    /// The factors of f″ = t·K/d³ near ±b₀, on the lanes of <paramref name="near"/> (the others keep
    /// theirs): t = e^−b₀(1 + E), d = 1 + t and K = 2d + a(t − 1) = e^−b₀(2 + a)E + (1 − e^−b₀)u, with
    /// u = b₀ − a and E = e^u − 1. A method of its own for the same reason as
    /// <see cref="SiLUGradRootFactors"/>, for <see cref="SiLUGrad2"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SiLUGrad2RootFactors(T a, TMask near, ref T tHi, ref T tLo, ref T kHi, ref T kLo, ref T dHi, ref T dLo)
    {
        T uHi = SiLURootOffset(a, SiLURootB1, SiLURootB2, SiLURootB3, out T uLo);
        T eHi = SiLUExpM1(uHi, uLo, out T eLo);
        T gHi = TwoSum(TOps.Create(2.0), a, out T gLo);
        T cgHi = MultiplyDD(TOps.Create(SiLURootBExpHi), TOps.Create(SiLURootBExpLo), gHi, gLo, out T cgLo);
        T p1Hi = MultiplyDD(cgHi, cgLo, eHi, eLo, out T p1Lo);
        T p2Hi = MultiplyDD(TOps.Create(SiLURootBExpComplementHi), TOps.Create(SiLURootBExpComplementLo), uHi, uLo, out T p2Lo);
        T rkHi = TwoSum(p1Hi, p2Hi, out T rk);
        T rkLo = TOps.Add(rk, TOps.Add(p1Lo, p2Lo));
        T rtHi = SiLUScaledOnePlus(SiLURootBExpHi, SiLURootBExpLo, eHi, eLo, out T rtLo);
        T rdHi = OnePlus(rtHi, rtLo, out T rdLo);
        tHi = TOps.Select(near, rtHi, tHi);
        tLo = TOps.Select(near, rtLo, tLo);
        kHi = TOps.Select(near, rkHi, kHi);
        kLo = TOps.Select(near, rkLo, kLo);
        dHi = TOps.Select(near, rdHi, dHi);
        dLo = TOps.Select(near, rdLo, dLo);
    }

    /// <summary><see cref="SiLUGrad2RootFactors"/>, never inlined, for <see cref="SiLUGrad2"/> as <see cref="SiLUGradRootFactorsOutOfLine"/> is for f′.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (T THigh, T TLow, T KHigh, T KLow, T DHigh, T DLow) SiLUGrad2RootFactorsOutOfLine(
        T a, TMask near, T tHi, T tLo, T kHi, T kLo, T dHi, T dLo)
    {
        SiLUGrad2RootFactors(a, near, ref tHi, ref tLo, ref kHi, ref kLo, ref dHi, ref dLo);
        return (tHi, tLo, kHi, kLo, dHi, dLo);
    }

    /// <summary>
    /// f′(x) as a double-double for |x| ≤ 600 (to 2^−55.3 relative, see the type's summary), from
    /// t = e^−|x| and d = 1 + t: (d + a·t)/d² for x ≥ 0, t(d − a)/d² below, the root neighbourhood
    /// |a − a₀| ≤ 1/8 (x &lt; 0) in u = a₀ − a, and 1/2 + x/2 below |x| = 2^−30.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SiLUGradPair(T x, T tHi, T tLo, T dHi, T dLo, out T lo)
    {
        T a = TOps.Abs(x);
        TMask negative = TOps.LessThan(x, TOps.Create(0.0));
        T one = TOps.Create(1.0);
        T zero = TOps.Create(0.0);

        // N = P·(d + a·S): P = t, S = −1 for x < 0; P = 1, S = t for x ≥ 0.
        T pHi = TOps.Select(negative, tHi, one);
        T pLo = TOps.Select(negative, tLo, zero);
        T sHi = TOps.Select(negative, TOps.Create(-1.0), tHi);
        T sLo = TOps.Select(negative, zero, tLo);
        T asHi = TOps.Multiply(a, sHi);
        T asLo = TOps.Add(MultiplyError(a, sHi, asHi), TOps.Multiply(a, sLo));
        T wHi = TwoSum(dHi, asHi, out T w);
        T wLo = TOps.Add(w, TOps.Add(dLo, asLo));

        // Near the root the factors of q = P·W/d² come from the expansion in u instead (x < 0 there, so P = t).
        TMask near = TOps.LessThanOrEqual(TOps.Abs(TOps.Add(x, TOps.Create(SiLURootA1))), TOps.Create(SiLURootRadius));
        if (TOps.Any(near))
        {
            if (Avx512F.IsSupported || AdvSimd.IsSupported)
            {
                SiLUGradRootFactors(a, near, ref pHi, ref pLo, ref wHi, ref wLo, ref dHi, ref dLo);
            }
            else
            {
                (pHi, pLo, wHi, wLo, dHi, dLo) = SiLUGradRootFactorsOutOfLine(a, near, pHi, pLo, wHi, wLo, dHi, dLo);
            }
        }

        T nHi = MultiplyDD(pHi, pLo, wHi, wLo, out T nLo);
        T d2Hi = SquareDD(dHi, dLo, out T d2Lo);
        T qHi = DivideDD(nHi, nLo, d2Hi, d2Lo, out T qLo);

        TMask series = TOps.LessThan(a, TOps.Create(SiLUSeriesLimit));
        if (TOps.Any(series))
        {
            T seriesHi = FastTwoSum(TOps.Create(0.5), TOps.Multiply(x, TOps.Create(0.5)), out T seriesLo);
            qHi = TOps.Select(series, seriesHi, qHi);
            qLo = TOps.Select(series, seriesLo, qLo);
        }

        lo = qLo;
        return qHi;
    }

    /// <summary>f′ from t and d (see <see cref="SiLUGradPair"/>) rounded once, with the far ranges: 1 above 600, (1 + x)·e^x below −600.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SiLUGradFromOnePlus(T x, T tHi, T tLo, T dHi, T dLo)
    {
        T qHi = SiLUGradPair(x, tHi, tLo, dHi, dLo, out T qLo);
        T v = TOps.Add(qHi, qLo);
        if (TOps.AnyMagnitudeAbove(x, DirectLimit))
        {
            v = WithRareLanes(default(SiLUGradFar), x, v);
        }

        return v;
    }

    /// <summary><see cref="SiLUGradFromOnePlus"/>'s far ranges: 1 above 600, (1 + x)·e^x below −600.</summary>
    private readonly struct SiLUGradFar : IRareLanes
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Apply(T x, T v)
        {
            T xc = TOps.Select(TOps.LessThan(x, TOps.Create(SiLUFarClamp)), TOps.Create(SiLUFarClamp), x);
            T fHi = TwoSum(TOps.Create(1.0), xc, out T fLo);
            T farValue = TOps.Select(TOps.GreaterThan(x, TOps.Create(0.0)), TOps.Create(1.0), ScaledExp(xc, fHi, fLo));
            return TOps.Select(TOps.GreaterThan(TOps.Abs(x), TOps.Create(DirectLimit)), farValue, v);
        }
    }

    /// <summary>
    /// f′(x) = σ(x)(1 + x·σ(−x)) within 0.85 ulp (0.75 for subnormal results), right to the last bit
    /// beside its root −a₀; −0 at −∞, 1 at +∞. NaN lanes are the caller's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SiLUGrad(T x)
    {
        T tHi = ExpPair(TOps.Negate(TOps.Abs(x)), out T tLo);
        T dHi = OnePlus(tHi, tLo, out T dLo);
        return SiLUGradFromOnePlus(x, tHi, tLo, dHi, dLo);
    }

    /// <summary>
    /// f″(x) = σ′(x)(2 − x·tanh(x/2)) = t(2d + a(t − 1))/d³ within 0.85 ulp (0.75 for subnormal
    /// results), right to the last bit beside its roots ±b₀; 1/2 below 2^−30, (2 − a)·e^−a beyond
    /// a = 600 and −0 at ±∞ (the sign of the values that underflow beside them). NaN lanes are the caller's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SiLUGrad2(T x)
    {
        T a = TOps.Abs(x);
        T tHi = ExpPair(TOps.Negate(a), out T tLo);
        T dHi = OnePlus(tHi, tLo, out T dLo);

        // K = 2d + a·m with m = t − 1 (exact split: |−1| ≥ t).
        T mHi = FastTwoSum(TOps.Create(-1.0), tHi, out T m);
        T mLo = TOps.Add(m, tLo);
        T amHi = TOps.Multiply(a, mHi);
        T amLo = TOps.Add(MultiplyError(a, mHi, amHi), TOps.Multiply(a, mLo));
        T kHi = TwoSum(TOps.Multiply(TOps.Create(2.0), dHi), amHi, out T k);
        T kLo = TOps.Add(k, TOps.Add(TOps.Multiply(TOps.Create(2.0), dLo), amLo));

        // Near the roots the factors of q = t·K/d³ come from the expansion in u instead.
        TMask near = TOps.LessThanOrEqual(TOps.Abs(TOps.Subtract(a, TOps.Create(SiLURootB1))), TOps.Create(SiLURootRadius));
        if (TOps.Any(near))
        {
            if (Avx512F.IsSupported || AdvSimd.IsSupported)
            {
                SiLUGrad2RootFactors(a, near, ref tHi, ref tLo, ref kHi, ref kLo, ref dHi, ref dLo);
            }
            else
            {
                (tHi, tLo, kHi, kLo, dHi, dLo) = SiLUGrad2RootFactorsOutOfLine(a, near, tHi, tLo, kHi, kLo, dHi, dLo);
            }
        }

        T nHi = MultiplyDD(tHi, tLo, kHi, kLo, out T nLo);
        T d2Hi = SquareDD(dHi, dLo, out T d2Lo);
        T d3Hi = MultiplyDD(d2Hi, d2Lo, dHi, dLo, out T d3Lo);
        T qHi = DivideDD(nHi, nLo, d3Hi, d3Lo, out T qLo);
        T v = TOps.Add(qHi, qLo);

        if (TOps.AnyMagnitudeBelowOrAbove(x, SiLUSeriesLimit, DirectLimit))
        {
            v = WithRareLanes(default(SiLUGrad2Rare), x, v);
        }

        return v;
    }

    /// <summary><see cref="SiLUGrad2"/>'s rare lanes: 1/2 below |x| = 2^−30, (2 − |x|)·e^−|x| above |x| = 600.</summary>
    private readonly struct SiLUGrad2Rare : IRareLanes
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Apply(T x, T v)
        {
            T a = TOps.Abs(x);
            TMask series = TOps.LessThan(a, TOps.Create(SiLUSeriesLimit));
            TMask far = TOps.GreaterThan(a, TOps.Create(DirectLimit));
            v = TOps.Select(series, TOps.Create(0.5), v);
            T ac = TOps.Select(TOps.GreaterThan(a, TOps.Create(-SiLUFarClamp)), TOps.Create(-SiLUFarClamp), a);
            T fHi = TwoSum(TOps.Create(2.0), TOps.Negate(ac), out T fLo);
            return TOps.Select(far, ScaledExp(TOps.Negate(ac), fHi, fLo), v);
        }
    }

    /// <summary>
    /// <see cref="SiLU"/>(x) and, in <paramref name="grad"/>, <see cref="SiLUGrad"/>(x): both start
    /// from t = ExpPair(−|x|) and d = 1 + t (the same operations on the same operands), then each
    /// continues as alone, so the bits are those of each alone.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SiLUAndGrad(T x, out T grad)
    {
        TMask negative = TOps.LessThan(x, TOps.Create(0.0));
        T tHi = ExpPair(TOps.Negate(TOps.Abs(x)), out T tLo);
        T dHi = OnePlus(tHi, tLo, out T dLo);
        T sHi = DivideDD(TOps.Select(negative, tHi, TOps.Create(1.0)), TOps.Select(negative, tLo, TOps.Create(0.0)), dHi, dLo, out T sLo);
        grad = SiLUGradFromOnePlus(x, tHi, tLo, dHi, dLo);
        return SiLUFromSigmoid(x, sHi, sLo);
    }

    /// <summary>
    /// dy·f′(x), the exact product rounded once (0.75 ulp for subnormal results), with the paths of
    /// the logistic backward kernels (Core.Backward.cs). Fast path (|x| ≤ 400, dy ±0 or within
    /// [2^−330, 2^400]): f′ as the gradient's double-double, whose magnitude lies within
    /// [2^−569, 1.1] (its smallest beside the root is 2^−55.2), through <see cref="ExactProduct"/>,
    /// every product within [2^−899, 2^401]. Wide path, per lane where that does not hold: the same
    /// pair through <see cref="ProductWide"/> for |x| ≤ 600; dy itself above 600 (f′ = 1 − 2^−855 at
    /// most); and below −600 dy·(1 + x)·e^x with (1 + x) split into mantissa and exponent, its
    /// product with e^x's table mantissa in double-double and every exponent applied once by
    /// ProductWide, so that no factor underflows before the result does (dy = 2^1000 at x = −700
    /// gives the exact product, and dy = ±∞ gives ∓∞ wherever x is finite). At x = −∞, f′ = −0
    /// exactly: dy·(−0) by the IEEE rules. NaN x returns x; NaN dy returns dy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SiLUBackward(T x, T dy)
    {
        // The pair on x clamped to ±600, which is x itself on the fast path (and for NaN).
        T xd = Clamp(x, DirectLimit);
        T tHi = ExpPair(TOps.Negate(TOps.Abs(xd)), out T tLo);
        T dHi = OnePlus(tHi, tLo, out T dLo);
        T cHi = SiLUGradPair(xd, tHi, tLo, dHi, dLo, out T cLo);
        T fast = ExactProduct(dy, cHi, cLo);
        if (TOps.AnyMagnitudeAbove(x, BackwardDirectLimit) || TOps.AnyMagnitudeOutside(dy, TwoToMinus330, TwoTo400))
        {
            return SiLUBackwardWide(x, dy, cHi, cLo, fast);
        }

        return fast;
    }

    /// <summary>
    /// <see cref="SiLUBackward"/>'s fast path, for vectors inside its window (|x| ≤ 400, dy ±0 or
    /// within [2^−330, 2^400]), where the clamp at ±600 leaves x as it is: the same operations.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SiLUBackwardFast(T x, T dy)
    {
        T tHi = ExpPair(TOps.Negate(TOps.Abs(x)), out T tLo);
        T dHi = OnePlus(tHi, tLo, out T dLo);
        T cHi = SiLUGradPair(x, tHi, tLo, dHi, dLo, out T cLo);
        return ExactProduct(dy, cHi, cLo);
    }

    /// <summary>The wide path of <see cref="SiLUBackward"/>, from f′ = cHi + cLo at x clamped to ±600 and the fast path's product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SiLUBackwardWide(T x, T dy, T cHi, T cLo, T fast)
    {
        // Below −600: c = (1 + x)·e^x = (sm + smLo)·2^E·(m + mLo)·2^k, x clamped at −2200 (where any
        // product with a finite dy is 0, see WideExpLimit); x = −∞ takes c = −0. Those lanes give
        // ProductWide this c and exponent, the others f′ = cHi + cLo and 0.
        T xc = TOps.Select(TOps.LessThan(x, TOps.Create(-WideExpLimit)), TOps.Create(-WideExpLimit), x);
        xc = TOps.Select(TOps.GreaterThan(xc, TOps.Create(-DirectLimit)), TOps.Create(-DirectLimit), xc);
        T sHi = TwoSum(TOps.Create(1.0), xc, out T sLo);
        T sm = Normalize(sHi, sLo, out T smLo, out T sExponent);
        T mHi = ExpTable(xc, out T k, out T mLo);
        T gHi = MultiplyDD(sm, smLo, mHi, mLo, out T gLo);
        TMask minusInfinity = TOps.Equal(x, TOps.Create(double.NegativeInfinity));
        T zero = TOps.Create(0.0);
        gHi = TOps.Select(minusInfinity, TOps.Create(-0.0), gHi);
        gLo = TOps.Select(minusInfinity, zero, gLo);
        T exponent = TOps.Select(minusInfinity, zero, TOps.Add(k, sExponent));
        TMask farNegative = TOps.LessThan(x, TOps.Create(-DirectLimit));
        T wide = ProductWide(dy, TOps.Select(farNegative, gHi, cHi), TOps.Select(farNegative, gLo, cLo), TOps.Select(farNegative, exponent, zero));
        wide = TOps.Select(TOps.GreaterThan(x, TOps.Create(DirectLimit)), dy, wide);
        TMask outside = TOps.Or(MagnitudeAbove(x, BackwardDirectLimit), MagnitudeOutside(dy, TwoToMinus330, TwoTo400));
        return PropagateNaN(x, TOps.Select(outside, wide, fast));
    }
}
