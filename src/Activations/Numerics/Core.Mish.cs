using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Activations.Numerics;

/// <summary>
/// Mish: f(x) = x·tanh(softplus(x)) = x·g(x), and its derivatives, never through tanh of a logarithm.
/// <para>
/// The rational form. With t = e^−|x| ∈ (0, 1] (from <see cref="ExpPair"/>, to 2^−57 relative),
/// g = tanh(ln(1 + e^x)) = num/den, where for x ≤ 0 (u = e^x = t) num = t(t + 2) = 2t + t² and
/// den = num + 2, and for x &gt; 0 (w = e^−x = t) num = 1 + 2t and den = num + 2t². Every term is
/// positive, so num and den are double-double sums without cancellation, and
/// 1 − g² = 4(1 + u)²/den² (x ≤ 0) or 4w²(1 + w)²/den² (x &gt; 0), σ(x) = u/(1 + u) or 1/(1 + w). So
/// f′ = g + x·σ·(1 − g²) = [num·den + 4x(1 + t)·T]/den² with T = t (x ≤ 0) or t² (x &gt; 0), and
/// f″ = σ(1 − g²)[2 + x(1 − σ − 2gσ)] = 4T·[2(1 + t)·den + x·R]/den³ with R = den − 2t·num (x ≤ 0)
/// or t·den − 2num (x &gt; 0). Each is formed in double-double (products by <see cref="MultiplyDD"/>,
/// sums by <see cref="MishSum"/>, one <see cref="DivideDD"/>) and rounded once.
/// </para>
/// <para>
/// Errors. The double-double steps contribute about 2^−100 relative to the largest term; what
/// matters is t's 2^−57. Its effect on a result F is S·2^−57 with S = |t·∂F/∂t|/|F|, worked out
/// in 80-digit arithmetic over [−60, 40]: S ≤ 4/3 for g (so f), and, outside the root
/// neighbourhoods below, S ≤ 2.33 for f′ and 4.52 for f″, both at the edge of a neighbourhood
/// (x = r₁ + 1/8 and r₃ − 1/8; the narrower the neighbourhoods, the fewer vectors take their longer
/// path). So f is within 0.5 + 2^53·2^−56.6 ≈ 0.58 ulp, f′ within 0.65 and f″ within 0.79 ulp on normal results
/// (the worst normal results of 40,000 random inputs, 20,000 each in [−10, 10] and [−840, 560]: 0.525, 0.528, 0.549); a subnormal
/// result of a tail is rounded twice, within 0.76 ulp.
/// </para>
/// <para>
/// Roots. f′ has one real zero, r₁ = −1.19243121451549521…, and f″ two, r₂ = −2.25637639636079312…
/// and r₃ = 1.49057117948542845…; there S grows like 1/(4|x − r|) and the direct form has no correct
/// digit left. The doubles nearest the roots (measured in 80 digits) lie 2^−54.2 (r₁), 2^−53.05 (r₂)
/// and 2^−53.64 (r₃) away, the floats 2^−28.3, 2^−23.1 and 2^−24.6. Within |x − r| &lt; 1/8 the value
/// is t·q(t) with t = x − r: r is stored as a triple of doubles (to 2^−155), x − rHi is exact
/// (Sterbenz), the next two steps are a two-sum and one rounding of a part below 2^−105, so t is
/// exact to 2^−100 of itself even at the nearest double; q(t) = F(r + t)/t is a degree-15 polynomial
/// fitted to it in 80 digits (Chebyshev, relative error 2^−67.7, 2^−73.5, 2^−63.4; with the
/// coefficients rounded as stored, 2^−63.3, 2^−66.6, 2^−60.8), evaluated by Horner's rule in doubles
/// for degrees 15 … 3 and in double-double for the last three steps and the product by t, so the
/// doubles' errors enter only through the terms from t³ on (|c₃/c₀| ≤ 0.29 and |t|³ ≤ 1/512: below
/// 2^−58 relative). At the roots, too, the result is one rounding of a value good to 2^−58: the
/// value at the double nearest r₁ is
/// 1.2942924…e−17, correct to the last bit. On |x − r| ≥ 1/8 the direct form's S ≤ 4.52.
/// </para>
/// <para>
/// Tails. For x &lt; −600, g = u(1 − u/2 + …) with u &lt; 2^−865, so f = x·e^x, f′ = (1 + x)e^x and
/// f″ = (2 + x)e^x to far below 2^−800 relative: each is <see cref="ScaledExp"/> of the exactly formed
/// factor (rounded once; a second rounding only onto the subnormal grid), which underflows where the
/// exact value does (x·e^x below half the smallest subnormal past x ≈ −751.76); the argument is clamped at −800, where all three are −0, as
/// at −∞. For x &gt; 40, f = x(1 − 2w²/den) with 2w² &lt; 2^−114 and f′ = 1 + w²(4x − 2 + …) with
/// w²·4x &lt; 2^−108, so f = x and f′ = 1 to the last bit (from x ≈ 19.06 and 20.56 the direct form
/// already gives them). f″ = 8w²(1 − x)(1 − 4.5w + …) for large x: the direct form serves up to
/// x = 300 (every product above 2^−914, see <see cref="MultiplyError"/>), and beyond it f″ is
/// ScaledExp(−2x) of 8(1 − x) (x clamped at 600), which underflows past x ≈ 376.57. For |x| below
/// 2^−800, x·g is formed on x·2^600 and scaled back, so its product error stays exact on every path.
/// </para>
/// </summary>
internal static partial class Core<T, TMask, TOps>
{
    /// <summary>Below this x, f, f′ and f″ are their e^x tails (see the type's summary).</summary>
    private const double MishNegativeFar = -600.0;

    /// <summary>Above this x, f = x and f′ = 1.</summary>
    private const double MishPositiveFar = 40.0;

    /// <summary>Above this x, f″ is 8(1 − x)e^−2x.</summary>
    private const double MishGrad2PositiveFar = 300.0;

    /// <summary>The negative tails clamp x here: x·e^x, (1 + x)e^x and (2 + x)e^x are all −0 from about −751.8.</summary>
    private const double MishTailClamp = -800.0;

    /// <summary>The positive tail of f″ clamps x here: 8(1 − x)e^−2x is −0 from about 376.6.</summary>
    private const double MishGrad2PositiveClamp = 600.0;

    /// <summary>|x − r| below which a root's polynomial replaces the direct form.</summary>
    private const double MishRootRadius = 0.125;

    private const double MishTiny = 1.499696813895631e-241;        // 2^−800
    private const double MishTinyScale = 4.149515568880993e180;    // 2^600
    private const double MishTinyUnscale = 2.409919865102884e-181; // 2^−600

    /// <summary>
    /// f′ at r₁: r₁ as a triple (hi, mid, lo), then q's coefficients c₀ … c₂ as double-double pairs
    /// and c₃ … c₁₅ as doubles, for f′(r₁ + t) = t·(c₀ + c₁t + … + c₁₅t¹⁵) on |t| ≤ 1/4.
    /// </summary>
    private static ReadOnlySpan<double> MishGradRoot =>
    [
        -1.1924312145154952, -4.8484829848031044e-17, -1.898915114090381e-33,
        0.2669479140495345, 1.53338285453516e-17,
        0.20473126408010586, 3.824182382410353e-18,
        0.04190782104360987, 4.7131309988165525e-19,
        -0.02027182271668425, -0.015821126561732686, -0.0033606849270229745, 0.0010924055408554777,
        0.0009898181020912553, 0.0002541293694614757, -4.196149366216352e-05, -5.582910672031214e-05,
        -1.7299351806908975e-05, 9.463457816142479e-07, 2.9103553886572197e-06, 1.0361951137740529e-06,
        1.1682427375735082e-08,
    ];

    /// <summary>f″ at r₂ &lt; 0, laid out as <see cref="MishGradRoot"/>.</summary>
    private static ReadOnlySpan<double> MishGrad2NegativeRoot =>
    [
        -2.256376396360793, -1.0703174875019247e-16, -5.763967435146616e-33,
        0.1087544107316427, -6.441553867634154e-18,
        0.09898193805255845, -6.332546726058712e-18,
        0.03736189561023729, 2.329863182570426e-18,
        0.0033540526593358656, -0.003860493935188503, -0.0024800681093349068, -0.0007927886724154404,
        -0.00010538381919274541, 3.978333055334366e-05, 3.2238496716960856e-05, 1.1646398038261261e-05,
        2.197231292720071e-06, -1.9164716446426647e-07, -3.289409618677569e-07, -1.3834255281446024e-07,
        -3.108075613652532e-08,
    ];

    /// <summary>f″ at r₃ &gt; 0, laid out as <see cref="MishGradRoot"/>.</summary>
    private static ReadOnlySpan<double> MishGrad2PositiveRoot =>
    [
        1.4905711794854284, 7.126036715834263e-17, -4.836840730499852e-33,
        -0.23069451159746054, 8.643536156448569e-18,
        0.28127277803034306, 1.2302591454177247e-17,
        -0.07970735516542528, 6.4256706440680125e-18,
        -0.06665173991852781, 0.05998888116275334, -0.00893224429208861, -0.011535248882998363,
        0.007002748871037289, -0.0002685219308098748, -0.0014013097132659818, 0.000608273331205307,
        4.585185872889935e-05, -0.00013723717289342604, 4.339927211836162e-05, 1.0120009846951794e-05,
        -1.1346323050082048e-05,
    ];

    /// <summary>
    /// (hi + lo) = (aHi + aLo) + (bHi + bLo) for any two double-double values, to 2^−105 of the larger
    /// magnitude: the high parts by a two-sum, the rest added to its error, and a second two-sum (not
    /// the fast one: after a cancellation the low parts may exceed the rounded sum).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MishSum(T aHi, T aLo, T bHi, T bLo, out T lo)
    {
        T s = TwoSum(aHi, bHi, out T e);
        return TwoSum(s, TOps.Add(e, TOps.Add(aLo, bLo)), out lo);
    }

    /// <summary>
    /// The pieces every Mish result starts from: t = e^−|x| (|x| clamped at 600; lanes beyond take a
    /// tail), t², and g = num/den's num and den (see the type's summary), all double-double.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MishTerms(
        T x, out TMask positive, out T tLo, out T t2Hi, out T t2Lo, out T numHi, out T numLo, out T denHi, out T denLo)
    {
        T a = TOps.Abs(x);
        positive = TOps.GreaterThan(x, TOps.Create(0.0));
        T tHi = ExpPair(TOps.Negate(TOps.Select(TOps.GreaterThan(a, TOps.Create(DirectLimit)), TOps.Create(DirectLimit), a)), out tLo);
        t2Hi = SquareDD(tHi, tLo, out t2Lo);
        T two = TOps.Create(2.0);

        // num = 2t + t² (x ≤ 0) or 2t + 1 (x > 0); den = num + 2 or num + 2t².
        T aHi = TOps.Select(positive, TOps.Create(1.0), t2Hi);
        T aLo = TOps.Select(positive, TOps.Create(0.0), t2Lo);
        numHi = MishSum(TOps.Multiply(two, tHi), TOps.Multiply(two, tLo), aHi, aLo, out numLo);
        T cHi = TOps.Select(positive, TOps.Multiply(two, t2Hi), two);
        T cLo = TOps.Select(positive, TOps.Multiply(two, t2Lo), TOps.Create(0.0));
        denHi = MishSum(numHi, numLo, cHi, cLo, out denLo);
        return tHi;
    }

    /// <summary>
    /// Mish(x) = x·g(x) from the terms, for −600 ≤ x ≤ 40 (other lanes are meaningless): g = num/den
    /// in double-double, x·g rounded once by <see cref="ExactProduct"/> (so ±0 keep their sign), on
    /// x·2^600 below |x| = 2^−800 and scaled back.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MishFromTerms(T x, T numHi, T numLo, T denHi, T denLo)
    {
        T gHi = DivideDD(numHi, numLo, denHi, denLo, out T gLo);
        TMask tiny = TOps.LessThan(TOps.Abs(x), TOps.Create(MishTiny));
        T xs = TOps.Multiply(x, TOps.Select(tiny, TOps.Create(MishTinyScale), TOps.Create(1.0)));
        T v = ExactProduct(xs, gHi, gLo);
        return TOps.Multiply(v, TOps.Select(tiny, TOps.Create(MishTinyUnscale), TOps.Create(1.0)));
    }

    /// <summary>
    /// x·e^x, (1 + x)·e^x or (2 + x)·e^x (offset 0, 1, 2) rounded once by <see cref="ScaledExp"/>, x
    /// clamped at −800: the negative tails of f, f′ and f″.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MishNegativeTail(T x, double offset)
    {
        T xc = TOps.Select(TOps.LessThan(x, TOps.Create(MishTailClamp)), TOps.Create(MishTailClamp), x);
        if (offset == 0)
        {
            return ScaledExp(xc, xc, TOps.Create(0.0));
        }

        T aHi = TwoSum(TOps.Create(offset), xc, out T aLo);
        return ScaledExp(xc, aHi, aLo);
    }

    /// <summary>The negative far range of f (offset 0) or f′ (offset 1): <see cref="MishNegativeTail"/> below −600.</summary>
    [method: MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly struct MishFar(double offset) : IRareLanes
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Apply(T x, T v) => TOps.Select(TOps.LessThan(x, TOps.Create(MishNegativeFar)), MishNegativeTail(x, offset), v);
    }

    /// <summary>The negative far ranges of <see cref="MishAndGrad"/>: both tails below −600.</summary>
    private readonly struct MishAndGradFar : IRareLanesPair
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public (T Value, T Gradient) Apply(T x, T v, T g)
        {
            TMask far = TOps.LessThan(x, TOps.Create(MishNegativeFar));
            return (TOps.Select(far, MishNegativeTail(x, 0), v), TOps.Select(far, MishNegativeTail(x, 1), g));
        }
    }

    /// <summary>
    /// Mish(x) = x·tanh(softplus(x)) within 0.58 ulp (see the type's summary): x for x &gt; 40 and at
    /// +∞, x·e^x rounded once below −600 (−0 at −∞). NaN lanes are the caller's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Mish(T x)
    {
        MishTerms(x, out _, out _, out _, out _, out T numHi, out T numLo, out T denHi, out T denLo);
        T v = MishFromTerms(x, numHi, numLo, denHi, denLo);
        v = TOps.Select(TOps.GreaterThan(x, TOps.Create(MishPositiveFar)), x, v);
        TMask far = TOps.LessThan(x, TOps.Create(MishNegativeFar));
        if (TOps.Any(far))
        {
            v = WithRareLanes(new MishFar(0), x, v);
        }

        return v;
    }

    /// <summary>
    /// One of the root polynomials: t·q(t) = hi + lo with t = x − r, for the root and coefficients of
    /// <paramref name="first"/>, or, with <paramref name="twoRoots"/>, per lane those of
    /// <paramref name="second"/> where <paramref name="useSecond"/> is set. t = ((x − rHi) − rMid) − rLo
    /// as a double-double (the first difference exact, the second a two-sum, the third rounds a part
    /// below 2^−105 of t); degrees 15 … 3 by Horner's rule in tHi, the last three steps and the product
    /// by t in double-double. Meaningful for |x − r| ≤ 1/4.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MishRootPolynomial(T x, ReadOnlySpan<double> first, ReadOnlySpan<double> second, bool twoRoots, TMask useSecond, out T lo)
    {
        T d = TOps.Subtract(x, MishCoefficient(first, second, twoRoots, useSecond, 0));
        T tHi = TwoSum(d, TOps.Negate(MishCoefficient(first, second, twoRoots, useSecond, 1)), out T e);
        T tLo = TOps.Subtract(e, MishCoefficient(first, second, twoRoots, useSecond, 2));

        T h = MishCoefficient(first, second, twoRoots, useSecond, 21);
        for (int i = 20; i >= 9; i--)
        {
            h = MulAdd(tHi, h, MishCoefficient(first, second, twoRoots, useSecond, i));
        }

        T qLo = TOps.Create(0.0);
        T q = h;
        for (int i = 7; i >= 3; i -= 2)
        {
            T pHi = MultiplyDD(tHi, tLo, q, qLo, out T pLo);
            q = MishSum(
                MishCoefficient(first, second, twoRoots, useSecond, i), MishCoefficient(first, second, twoRoots, useSecond, i + 1),
                pHi, pLo, out qLo);
        }

        return MultiplyDD(tHi, tLo, q, qLo, out lo);
    }

    /// <summary>
    /// Entry <paramref name="index"/> of <paramref name="first"/> or, with <paramref name="twoRoots"/>,
    /// per lane of <paramref name="second"/> where <paramref name="useSecond"/> is set. Read without a
    /// bounds check: the callers pass only the root tables (22 entries each) and indices 0 … 21.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MishCoefficient(ReadOnlySpan<double> first, ReadOnlySpan<double> second, bool twoRoots, TMask useSecond, int index)
    {
        T a = TOps.Create(Unsafe.Add(ref MemoryMarshal.GetReference(first), index));
        return twoRoots ? TOps.Select(useSecond, TOps.Create(Unsafe.Add(ref MemoryMarshal.GetReference(second), index)), a) : a;
    }

    /// <summary>
    /// f′(x) = hi + lo from the terms, for −600 ≤ x (lanes below are meaningless): the direct form
    /// [num·den + 4x(1 + t)·T]/den², the root polynomial within 1/8 of r₁, and exactly 1 above 40.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MishGradFromTerms(T x, TMask positive, T tHi, T tLo, T t2Hi, T t2Lo, T numHi, T numLo, T denHi, T denLo, out T lo)
    {
        T opHi = OnePlus(tHi, tLo, out T opLo);
        T p1Hi = MultiplyDD(numHi, numLo, denHi, denLo, out T p1Lo);
        T p2Hi = MultiplyDD(TOps.Select(positive, t2Hi, tHi), TOps.Select(positive, t2Lo, tLo), opHi, opLo, out T p2Lo);
        T p3Hi = MultiplyDD(x, TOps.Create(0.0), p2Hi, p2Lo, out T p3Lo);
        T four = TOps.Create(4.0);
        T mHi = MishSum(p1Hi, p1Lo, TOps.Multiply(four, p3Hi), TOps.Multiply(four, p3Lo), out T mLo);
        T d2Hi = SquareDD(denHi, denLo, out T d2Lo);
        T hi = DivideDD(mHi, mLo, d2Hi, d2Lo, out lo);

        TMask near = TOps.LessThan(TOps.Abs(TOps.Subtract(x, TOps.Create(MishGradRoot[0]))), TOps.Create(MishRootRadius));
        if (TOps.Any(near))
        {
            T rHi = MishRootPolynomial(x, MishGradRoot, MishGradRoot, twoRoots: false, near, out T rLo);
            hi = TOps.Select(near, rHi, hi);
            lo = TOps.Select(near, rLo, lo);
        }

        TMask positiveFar = TOps.GreaterThan(x, TOps.Create(MishPositiveFar));
        lo = TOps.Select(positiveFar, TOps.Create(0.0), lo);
        return TOps.Select(positiveFar, TOps.Create(1.0), hi);
    }

    /// <summary>f′(x) = hi + lo for −600 ≤ x (and NaN lanes meaningless), for the backward pass.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MishGradPair(T x, out T lo)
    {
        T tHi = MishTerms(x, out TMask positive, out T tLo, out T t2Hi, out T t2Lo, out T numHi, out T numLo, out T denHi, out T denLo);
        return MishGradFromTerms(x, positive, tHi, tLo, t2Hi, t2Lo, numHi, numLo, denHi, denLo, out lo);
    }

    /// <summary>
    /// Mish′(x) = g + x·σ(x)·(1 − g²) within 0.6 ulp (see the type's summary): 1 for x &gt; 40 and at
    /// +∞, (1 + x)·e^x rounded once below −600 (−0 at −∞). NaN lanes are the caller's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MishGrad(T x)
    {
        T hi = MishGradPair(x, out T lo);
        T v = TOps.Add(hi, lo);
        TMask far = TOps.LessThan(x, TOps.Create(MishNegativeFar));
        if (TOps.Any(far))
        {
            v = WithRareLanes(new MishFar(1), x, v);
        }

        return v;
    }

    /// <summary>
    /// Mish(x) and, in <paramref name="grad"/>, Mish′(x): one <see cref="MishTerms"/> (e^−|x|, t², num
    /// and den, the same operations on the same argument as each function alone), then each function's
    /// own steps, so the bits of <see cref="Mish"/> and <see cref="MishGrad"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MishAndGrad(T x, out T grad)
    {
        T tHi = MishTerms(x, out TMask positive, out T tLo, out T t2Hi, out T t2Lo, out T numHi, out T numLo, out T denHi, out T denLo);
        T v = MishFromTerms(x, numHi, numLo, denHi, denLo);
        v = TOps.Select(TOps.GreaterThan(x, TOps.Create(MishPositiveFar)), x, v);
        T gHi = MishGradFromTerms(x, positive, tHi, tLo, t2Hi, t2Lo, numHi, numLo, denHi, denLo, out T gLo);
        T g = TOps.Add(gHi, gLo);
        TMask far = TOps.LessThan(x, TOps.Create(MishNegativeFar));
        if (TOps.Any(far))
        {
            (v, g) = WithRareLanes(default(MishAndGradFar), x, v, g);
        }

        grad = g;
        return v;
    }

    /// <summary>
    /// f″(x) = hi + lo on [−600, 300] (other lanes are meaningless): the direct form
    /// 4T·B/den³ with B from <see cref="MishGrad2Bracket"/>, the root polynomials within 1/8 of r₂ and r₃.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MishGrad2Pair(T x, out T lo)
    {
        T tHi = MishTerms(x, out TMask positive, out T tLo, out T t2Hi, out T t2Lo, out T numHi, out T numLo, out T denHi, out T denLo);
        T bHi = MishGrad2Bracket(x, positive, tHi, tLo, numHi, numLo, denHi, denLo, out T bLo);

        T four = TOps.Create(4.0);
        T nHi = MultiplyDD(
            TOps.Multiply(four, TOps.Select(positive, t2Hi, tHi)), TOps.Multiply(four, TOps.Select(positive, t2Lo, tLo)), bHi, bLo, out T nLo);
        T d2Hi = SquareDD(denHi, denLo, out T d2Lo);
        T d3Hi = MultiplyDD(d2Hi, d2Lo, denHi, denLo, out T d3Lo);
        T qHi = DivideDD(nHi, nLo, d3Hi, d3Lo, out lo);

        T root = TOps.Select(positive, TOps.Create(MishGrad2PositiveRoot[0]), TOps.Create(MishGrad2NegativeRoot[0]));
        TMask near = TOps.LessThan(TOps.Abs(TOps.Subtract(x, root)), TOps.Create(MishRootRadius));
        if (TOps.Any(near))
        {
            T pHi = MishRootPolynomial(x, MishGrad2NegativeRoot, MishGrad2PositiveRoot, twoRoots: true, positive, out T pLo);
            qHi = TOps.Select(near, pHi, qHi);
            lo = TOps.Select(near, pLo, lo);
        }

        return qHi;
    }

    /// <summary>B = 2(1 + t)·den + x·R of the direct form of f″ (see the type's summary), from the terms.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MishGrad2Bracket(T x, TMask positive, T tHi, T tLo, T numHi, T numLo, T denHi, T denLo, out T lo)
    {
        T opHi = OnePlus(tHi, tLo, out T opLo);

        // R = den − 2t·num (x ≤ 0) or t·den − 2num (x > 0).
        T tdHi = MultiplyDD(tHi, tLo, denHi, denLo, out T tdLo);
        T tnHi = MultiplyDD(tHi, tLo, numHi, numLo, out T tnLo);
        T minusTwo = TOps.Create(-2.0);
        T yHi = TOps.Multiply(minusTwo, TOps.Select(positive, numHi, tnHi));
        T yLo = TOps.Multiply(minusTwo, TOps.Select(positive, numLo, tnLo));
        T rHi = MishSum(TOps.Select(positive, tdHi, denHi), TOps.Select(positive, tdLo, denLo), yHi, yLo, out T rLo);

        T b1Hi = MultiplyDD(opHi, opLo, denHi, denLo, out T b1Lo);
        T b2Hi = MultiplyDD(x, TOps.Create(0.0), rHi, rLo, out T b2Lo);
        T two = TOps.Create(2.0);
        return MishSum(TOps.Multiply(two, b1Hi), TOps.Multiply(two, b1Lo), b2Hi, b2Lo, out lo);
    }

    /// <summary>
    /// Mish″(x) = σ(1 − g²)[2 + x(1 − σ − 2gσ)] within 0.66 ulp (see the type's summary): the direct
    /// form 4T·[2(1 + t)·den + x·R]/den³ on [−600, 300], the root polynomials within 1/8 of r₂ and r₃,
    /// (2 + x)·e^x below −600 and 8(1 − x)·e^−2x above 300, each rounded once (−0 at ±∞). NaN lanes are
    /// the caller's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MishGrad2(T x)
    {
        T qHi = MishGrad2Pair(x, out T qLo);
        T v = TOps.Add(qHi, qLo);
        TMask far = TOps.Or(TOps.LessThan(x, TOps.Create(MishNegativeFar)), TOps.GreaterThan(x, TOps.Create(MishGrad2PositiveFar)));
        if (TOps.Any(far))
        {
            v = WithRareLanes(default(MishGrad2Far), x, v);
        }

        return v;
    }

    /// <summary>The far ranges of <see cref="MishGrad2"/>, below −600 and above 300.</summary>
    private readonly struct MishGrad2Far : IRareLanes
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Apply(T x, T v)
        {
            TMask negativeFar = TOps.LessThan(x, TOps.Create(MishNegativeFar));
            TMask far = TOps.Or(negativeFar, TOps.GreaterThan(x, TOps.Create(MishGrad2PositiveFar)));

            // One ScaledExp for both tails: (2 + xc)·e^xc below −600 (xc clamped at −800), 8(1 − xc)·e^−2xc
            // above 300 (xc clamped at 600), per lane.
            T xn = TOps.Select(TOps.LessThan(x, TOps.Create(MishTailClamp)), TOps.Create(MishTailClamp), x);
            T xp = TOps.Select(TOps.GreaterThan(x, TOps.Create(MishGrad2PositiveClamp)), TOps.Create(MishGrad2PositiveClamp), x);
            T aHi = TwoSum(
                TOps.Select(negativeFar, TOps.Create(2.0), TOps.Create(1.0)), TOps.Select(negativeFar, xn, TOps.Negate(xp)), out T aLo);
            T scale = TOps.Select(negativeFar, TOps.Create(1.0), TOps.Create(8.0));
            T tail = ScaledExp(
                TOps.Select(negativeFar, xn, TOps.Multiply(TOps.Create(-2.0), xp)), TOps.Multiply(scale, aHi), TOps.Multiply(scale, aLo));
            return TOps.Select(far, tail, v);
        }
    }

    /// <summary>
    /// dy·Mish′(x), the exact product rounded once (0.75 ulp for subnormal results), with the paths of
    /// the other backward kernels (Core.Backward.cs). Fast path (|x| ≤ 400, dy ±0 or within
    /// [2^−330, 2^400]): f′ = c = cHi + cLo from <see cref="MishGradPair"/>, whose magnitude lies in
    /// [2^−569, 1.1] (399·e^−400 at x = −400; near r₁ the smallest at a double is 1.29e−17 ≈ 2^−56), so
    /// <see cref="ExactProduct"/>'s products stay within [2^−899, 2^401]. Wide path, per lane where that
    /// does not hold: for x ≥ −600 the same pair through <see cref="ProductWide"/>; below, c = (1 + x)·m
    /// with e^x = 2^k·m from <see cref="ExpTable"/> (x clamped at −2200, where dy·c·2^k is 0 for every
    /// finite dy, but ±∞·c stays ±∞, since f′ is never 0 at a finite x) and ProductWide with k; at
    /// x = −∞, f′ = −0 exactly (dy·−0 by the IEEE rules). dy = 1e300 at x = −700 gives 1e300·f′(−700),
    /// not 0. NaN x returns x; NaN dy returns dy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MishBackward(T x, T dy)
    {
        // f′ once, on x clamped at −600 (no lane is clamped on the fast path, where |x| ≤ 400).
        TMask far = TOps.LessThan(x, TOps.Create(MishNegativeFar));
        T cHi = MishGradPair(TOps.Select(far, TOps.Create(MishNegativeFar), x), out T cLo);
        T fast = ExactProduct(dy, cHi, cLo);
        if (TOps.AnyMagnitudeAbove(x, BackwardDirectLimit) || TOps.AnyMagnitudeOutside(dy, TwoToMinus330, TwoTo400))
        {
            return MishBackwardWide(x, dy, far, cHi, cLo, fast);
        }

        return fast;
    }

    /// <summary><see cref="MishBackward"/>'s fast path, for vectors inside its window (|x| ≤ 400, dy ±0 or within [2^−330, 2^400]), where no lane is clamped: the same operations.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MishBackwardFast(T x, T dy)
    {
        T cHi = MishGradPair(x, out T cLo);
        return ExactProduct(dy, cHi, cLo);
    }

    /// <summary>
    /// The wide path of <see cref="MishBackward"/> from its f′ pair c (on x clamped at −600) and fast
    /// product: ProductWide of c, or of (1 + x)·e^x below −600, on the lanes outside the fast range.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MishBackwardWide(T x, T dy, TMask far, T cHi, T cLo, T fast)
    {
        T xc = TOps.Select(TOps.LessThan(x, TOps.Create(-WideExpLimit)), TOps.Create(-WideExpLimit), x);
        T mHi = ExpTable(xc, out T k, out T mLo);
        T aHi = TwoSum(TOps.Create(1.0), xc, out T aLo);
        T tHi = MultiplyDD(aHi, aLo, mHi, mLo, out T tLo);
        TMask minusInfinity = TOps.Equal(x, TOps.Create(double.NegativeInfinity));
        tHi = TOps.Select(minusInfinity, TOps.Create(-0.0), tHi);
        tLo = TOps.Select(minusInfinity, TOps.Create(0.0), tLo);

        // One ProductWide: of (1 + x)·e^x = (tHi + tLo)·2^k below −600, of c elsewhere.
        T wide = ProductWide(
            dy, TOps.Select(far, tHi, cHi), TOps.Select(far, tLo, cLo), TOps.Select(far, k, TOps.Create(0.0)));
        TMask outside = TOps.Or(MagnitudeAbove(x, BackwardDirectLimit), MagnitudeOutside(dy, TwoToMinus330, TwoTo400));
        return PropagateNaN(x, TOps.Select(outside, wide, fast));
    }
}
