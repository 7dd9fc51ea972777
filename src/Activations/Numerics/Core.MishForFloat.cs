using System.Runtime.CompilerServices;

namespace Activations.Numerics;

/// <summary>
/// Mish and its derivatives for float results, at an input that is a float (exactly
/// widened), evaluated in double to within 2^−45 relative like the other float kernels
/// (Core.Float.cs), so that the one rounding to float is within 0.5 + 2^−21 ulp. The rational form
/// of <see cref="Mish"/>'s summary, with t = e^−|x|: g = tanh(softplus x) = num/den, num = t(t + 2)
/// and den = num + 2 for x ≤ 0, num = 1 + 2t and den = num + 2t² above; f = x·g;
/// f′ = [num·den + 4x(1 + t)t²]/den² for x &gt; 0 and t·M/den² for x ≤ 0, where
/// M = (t + 2)(t² + 2t + 2) + 4x(1 + t) = (4 + 4x) + t((6 + 4x) + t(4 + t)).
/// <para>
/// f: t from the float exponential (<see cref="ExpNegativeAbsForFloat"/>, 2^−45.5), whose relative
/// error reaches g multiplied by |t·∂g/∂t|/g ≤ 1 (at most 8/15 for x &gt; 0, and 2/(num + 2) times
/// (2t + 2)/(t + 2) ≤ 1 for x ≤ 0); five roundings add 2^−50.7. f′ for x &gt; 0: every term is
/// positive and t's error is damped the same way; t is <see cref="ExpPair"/>'s, rounded (2^−52.9).
/// f′ for x ≤ 0: M vanishes at the root r₁ = −1.19243121451549521… of f′. Since x is a float,
/// 4 + 4x and 6 + 4x are exact; the rest of M has an absolute error below 2^−51 there (t's rounding
/// times ∂M/∂t ≈ 3.93·t, and the roundings of t(4 + t), of the sum and of its product by t), while
/// |M| ≥ 6.4·|x − r₁| (its slope at r₁): farther than R = 1/128 from r₁, M is good to 2^−46.7, and
/// the rest of f′ rounds five times more: within 2^−46.6.
/// </para>
/// <para>
/// Within R of r₁, with h = x − r₁ = (x − r₁hi) − r₁lo (the first difference exact by Sterbenz's
/// lemma, the second rounded to 2^−53 of h; r₁'s third part, 2^−105.7, is 2^−77 of h, which is at
/// least 2^−28.3 at a float), E = e^h − 1 (<see cref="ExpM1NearZeroForFloat"/>, about 2^−52) and
/// Δ = e₀E with e₀ = e^r₁, so that t = e^x = e₀ + Δ: M is a polynomial in x and t that vanishes at
/// (r₁, e₀), so M = Δ(A + Δ(B + Δ)) + h(C + 4Δ) exactly, with A = 3e₀² + 8e₀ + 6 + 4r₁ ≈ 3.93,
/// B = 3e₀ + 4 and C = 4(1 + e₀). Δ has h's sign and A, C &gt; 0, so the two terms share it (the
/// second-order parts are below 2^−8 of the first): M is within 2^−51 of itself, and f′ too.
/// </para>
/// <para>
/// f″ = 4T·Q/den³ (T = t for x ≤ 0, t² above) with the bracket Q = A(t) + x·P(t) of
/// <see cref="MishGrad2ForFloat"/>, which vanishes at r₂ = −2.2563763963… and r₃ = 1.4905711794….
/// There A and x·P are about 4.9 (r₂) and 3.8 (r₃) and cancel; their roundings (three in each
/// Horner evaluation, the product and the sum) and t's rounding leave an absolute error below
/// 2^−48.6, while |Q| ≥ 2.84·|x − r₂| and 4.25·|x − r₃| (the slopes): farther than R′ = 1/16, Q is
/// good to 2^−46.1 and f″, after five more roundings, to 2^−46. Within R′, Q = Q(r + h, t₀ + Δ) − Q(r,
/// t₀) is written exactly as the cubic Δ(Q_t + Δ(Q_tt/2 + Δ·Q_ttt/6)) + h(P + Δ(P_t + Δ(P_tt/2 +
/// Δ·P_ttt/6))) with t₀ = e^−|r| and Δ = t₀(e^±h − 1) (e^h − 1 from <see cref="MishFloatExpM1"/>;
/// + at r₂, where t = eˣ, − at r₃, where t = e^−x). At r₂, Q_t ≈ 6.38 and P ≈ 2.17 are positive and
/// Δ has h's sign; at r₃, Q_t ≈ 7.54 is positive, P ≈ −2.55 negative and Δ has the sign of −h: the
/// two first-order terms share their sign, the others are below 2^−5 of them, so Q is within
/// about 2^−51 of itself.
/// </para>
/// <para>
/// Beyond |x| = 704 the exponentials are taken at −704 (<see cref="ClampForFloat"/>): there f is x
/// for x &gt; 0 and f′ is 1; every other value there (f and f′ below −704, f″ on both sides) is
/// negative and far below the smallest float, rounded to −0, which those lanes take outright, also
/// at ±∞; NaN lanes are given back their NaN.
/// </para>
/// </summary>
internal static partial class Core<T, TMask, TOps>
{
    /// <summary>Half-width R of the neighbourhood of r₁ in which the float f′ expands in h = x − r₁.</summary>
    private const double MishFloatRootRadius = 0.0078125;

    // r₁ = −1.19243121451549521213758834…, the root of f′, as a pair; e₀ = e^r₁ and the coefficients of
    // M's expansion about (r₁, e₀), computed in 60 digits and rounded.
    private const double MishFloatRootHi = -1.1924312145154952;
    private const double MishFloatRootLo = -4.8484829848031044e-17;
    private const double MishFloatRootExp = 0.3034825352815289;
    private const double MishFloatSlopeInT = 3.934440371852964;       // A = 3e₀² + 8e₀ + 6 + 4r₁
    private const double MishFloatCurvatureInT = 4.9104476058445865;  // B = 3e₀ + 4
    private const double MishFloatSlopeInX = 5.213930141126116;       // C = 4(1 + e₀)

    /// <summary>Half-width of the neighbourhoods of f″'s roots r₂ and r₃ in which the float f″ expands in h = x − r.</summary>
    private const double MishFloatGrad2RootRadius = 0.0625;

    // r₂ = −2.25637639636079312000…, r₃ = 1.49057117948542845929…, the roots of f″, as pairs; t₀ = e^−|r| and
    // the coefficients of Q's expansion about (r, t₀): Q_t, Q_tt/2, Q_ttt/6 and P, P_t, P_tt/2, P_ttt/6 (see
    // MishGrad2ForFloat), computed in 50 digits and rounded.
    private const double MishFloatR2Hi = -2.256376396360793;
    private const double MishFloatR2Lo = -1.0703174875019247e-16;
    private const double MishFloatR2Exp = 0.10472929546651437;
    private const double MishFloatR3Hi = 1.4905711794854284;
    private const double MishFloatR3Lo = 7.126036715834263e-17;
    private const double MishFloatR3Exp = 0.22524396405848376;

    /// <summary>
    /// e^h − 1 for |h| ≤ 1/16, to about 2^−52 relative: h + h²(1/2 + h(1/6 + … + h/9!)), the first
    /// omitted term h¹⁰/10! below 2^−57.8|h|.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MishFloatExpM1(T h)
    {
        T q = MulAdd(h, 1.0 / 362880, 1.0 / 40320);
        q = MulAdd(h, q, 1.0 / 5040);
        q = MulAdd(h, q, 1.0 / 720);
        q = MulAdd(h, q, 1.0 / 120);
        q = MulAdd(h, q, 1.0 / 24);
        q = MulAdd(h, q, 1.0 / 6);
        q = MulAdd(h, q, 0.5);
        return TOps.Add(h, TOps.Multiply(TOps.Multiply(h, h), q));
    }

    /// <summary>
    /// c₃d³ + c₂d² + c₁d + c₀ by Horner's rule, with the coefficients a₃ … a₀ on the lanes of
    /// <paramref name="mask"/> and b₃ … b₀ on the others.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MishFloatCubic(TMask mask, T d, double a3, double a2, double a1, double a0, double b3, double b2, double b1, double b0)
    {
        T q = MulAdd(d, TOps.Select(mask, TOps.Create(a3), TOps.Create(b3)), TOps.Select(mask, TOps.Create(a2), TOps.Create(b2)));
        q = TOps.Add(TOps.Multiply(d, q), TOps.Select(mask, TOps.Create(a1), TOps.Create(b1)));
        return TOps.Add(TOps.Multiply(d, q), TOps.Select(mask, TOps.Create(a0), TOps.Create(b0)));
    }

    /// <summary>
    /// The bracket Q of f″ near its roots, on the lanes of <paramref name="near"/> (the others keep
    /// theirs), and t there: h = x − r, Δ = t − t₀ = t₀(e^±h − 1) (+ for r₂, where t = eˣ; − for r₃,
    /// where t = e^−x), Q = Δ(Q_t + Δ(Q_tt/2 + Δ·Q_ttt/6)) + h(P + Δ(P_t + Δ(P_tt/2 + Δ·P_ttt/6))).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MishFloatGrad2Root(T x, TMask near, TMask second, ref T q, ref T t)
    {
        T h = TOps.Subtract(
            TOps.Subtract(x, TOps.Select(second, TOps.Create(MishFloatR2Hi), TOps.Create(MishFloatR3Hi))),
            TOps.Select(second, TOps.Create(MishFloatR2Lo), TOps.Create(MishFloatR3Lo)));
        T t0 = TOps.Select(second, TOps.Create(MishFloatR2Exp), TOps.Create(MishFloatR3Exp));
        T delta = TOps.Multiply(t0, MishFloatExpM1(TOps.Select(second, h, TOps.Negate(h))));
        T inT = TOps.Multiply(delta, MishFloatCubic(second, delta, 0, 6.512752792721586, 14.815357223670295, 6.37615103509164, 0, 6.981142358970857, 15.698522894744427, 7.537720023043938));
        T inX = TOps.Multiply(h, MishFloatCubic(second, delta, -2.0, -3.628375772799086, 1.305814875227439, 2.1742565259238615, 2.0, 3.3514637843509028, -1.7946150836973878, -2.5514067710241637));
        q = TOps.Select(near, TOps.Add(inT, inX), q);
        t = TOps.Select(near, TOps.Add(t0, delta), t);
    }

    /// <summary>g = num/den's terms from t = e^−|x| (see the type's summary): num is returned, and den.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MishFloatTerms(T t, TMask nonPositive, out T den)
    {
        T two = TOps.Create(2.0);
        T num = TOps.Select(nonPositive, TOps.Multiply(t, TOps.Add(t, two)), TOps.Add(TOps.Create(1.0), TOps.Add(t, t)));
        den = TOps.Add(num, TOps.Select(nonPositive, two, TOps.Multiply(TOps.Multiply(t, t), two)));
        return num;
    }

    /// <summary>x·tanh(softplus x) for a float x (see the type's summary).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MishForFloat(T x)
    {
        T t = ExpNegativeAbsForFloat(x, out bool wide);
        T num = MishFloatTerms(t, TOps.LessThanOrEqual(x, TOps.Create(0.0)), out T den);
        T v = TOps.Multiply(x, TOps.Divide(num, den));
        return wide ? BeyondFloatClamp(x, v, v) : v;
    }

    /// <summary>f′(x) = g + x·σ(x)(1 − g²) for a float x (see the type's summary).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MishGradForFloat(T x)
    {
        T t = ExpPairNegativeAbsForFloat(x, out _, out _, out bool wide);
        T four = TOps.Create(4.0);
        T fourX = TOps.Multiply(four, x);
        T m = TOps.Add(TOps.Add(four, fourX), TOps.Multiply(t, TOps.Add(TOps.Add(TOps.Create(6.0), fourX), TOps.Multiply(t, TOps.Add(four, t)))));
        TMask near = TOps.LessThanOrEqual(TOps.Abs(TOps.Subtract(x, TOps.Create(MishFloatRootHi))), TOps.Create(MishFloatRootRadius));
        if (TOps.Any(near))
        {
            T h = TOps.Subtract(TOps.Subtract(x, TOps.Create(MishFloatRootHi)), TOps.Create(MishFloatRootLo));
            T delta = TOps.Multiply(TOps.Create(MishFloatRootExp), ExpM1NearZeroForFloat(h));
            T inT = TOps.Multiply(delta, MulAdd(delta, TOps.Add(TOps.Create(MishFloatCurvatureInT), delta), MishFloatSlopeInT));
            T inX = TOps.Multiply(h, MulAdd(delta, 4.0, MishFloatSlopeInX));
            m = TOps.Select(near, TOps.Add(inT, inX), m);
            t = TOps.Select(near, TOps.Add(TOps.Create(MishFloatRootExp), delta), t);
        }

        TMask nonPositive = TOps.LessThanOrEqual(x, TOps.Create(0.0));
        T num = MishFloatTerms(t, nonPositive, out T den);
        T positive = TOps.Add(TOps.Multiply(num, den), TOps.Multiply(TOps.Multiply(fourX, TOps.Add(TOps.Create(1.0), t)), TOps.Multiply(t, t)));
        T numerator = TOps.Select(nonPositive, TOps.Multiply(t, m), positive);
        T v = TOps.Divide(numerator, TOps.Multiply(den, den));
        return wide ? BeyondFloatClamp(x, v, TOps.Create(1.0)) : v;
    }

    /// <summary>
    /// f″(x) = σ(1 − g²)[2 + x(1 − σ − 2gσ)] = 4T·Q/den³ for a float x, with T = t (x ≤ 0) or t²
    /// (x &gt; 0) and Q = 2(1 + t)den + x·R (see <see cref="Mish"/>'s summary), a cubic in t plus x
    /// times one: A + x·P with A = 2t³ + 6t² + 8t + 4 and P = −2t³ − 3t² + 2t + 2 for x ≤ 0,
    /// A = 4t³ + 8t² + 6t + 2 and P = 2t³ + 2t² − 3t − 2 above (see the type's summary for the rest).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MishGrad2ForFloat(T x)
    {
        T t = ExpPairNegativeAbsForFloat(x, out _, out _, out bool wide);
        TMask nonPositive = TOps.LessThanOrEqual(x, TOps.Create(0.0));
        T a = MishFloatCubic(nonPositive, t, 2.0, 6.0, 8.0, 4.0, 4.0, 8.0, 6.0, 2.0);
        T p = MishFloatCubic(nonPositive, t, -2.0, -3.0, 2.0, 2.0, 2.0, 2.0, -3.0, -2.0);
        T q = TOps.Add(a, TOps.Multiply(x, p));
        TMask second = TOps.LessThanOrEqual(TOps.Abs(TOps.Subtract(x, TOps.Create(MishFloatR2Hi))), TOps.Create(MishFloatGrad2RootRadius));
        TMask near = TOps.Or(second, TOps.LessThanOrEqual(TOps.Abs(TOps.Subtract(x, TOps.Create(MishFloatR3Hi))), TOps.Create(MishFloatGrad2RootRadius)));
        if (TOps.Any(near))
        {
            MishFloatGrad2Root(x, near, second, ref q, ref t);
        }

        MishFloatTerms(t, nonPositive, out T den);
        T scale = TOps.Multiply(TOps.Create(4.0), TOps.Select(nonPositive, t, TOps.Multiply(t, t)));
        T v = TOps.Divide(TOps.Multiply(scale, q), TOps.Multiply(TOps.Multiply(den, den), den));
        return wide ? BeyondFloatClamp(x, v, TOps.Create(-0.0)) : v;
    }

    /// <summary>f and f′ for a float x, with the bits of <see cref="MishForFloat"/> and <see cref="MishGradForFloat"/> (each computed as alone).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MishAndGradForFloat(T x, out T grad)
    {
        grad = MishGradForFloat(x);
        return MishForFloat(x);
    }
}
