using System.Runtime.CompilerServices;

namespace Activations.Numerics;

/// <summary>
/// Mish and its first derivative for float results, at an input that is a float (exactly
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
/// least 2^−28.3 at a float), E = e^h − 1 (<see cref="SiLUFloatExpM1"/>, about 2^−52) and
/// Δ = e₀E with e₀ = e^r₁, so that t = e^x = e₀ + Δ: M is a polynomial in x and t that vanishes at
/// (r₁, e₀), so M = Δ(A + Δ(B + Δ)) + h(C + 4Δ) exactly, with A = 3e₀² + 8e₀ + 6 + 4r₁ ≈ 3.93,
/// B = 3e₀ + 4 and C = 4(1 + e₀). Δ has h's sign and A, C &gt; 0, so the two terms share it (the
/// second-order parts are 2^−9 of the first at most): M is within 2^−51 of itself, and f′ too.
/// </para>
/// <para>
/// Beyond |x| = 704 the exponentials are taken at −704 (<see cref="ClampForFloat"/>): there f is x
/// for x &gt; 0 and f′ is 1; below −704 both are negative and far below the smallest float, rounded
/// to −0, which those lanes take outright, also at −∞; NaN lanes are given back their NaN.
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

    /// <summary>x·tanh(softplus x) for a float x (see the type's summary).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MishForFloat(T x)
    {
        T t = ExpNegativeAbsForFloat(x, out bool wide);
        TMask nonPositive = TOps.LessThanOrEqual(x, TOps.Create(0.0));
        T two = TOps.Create(2.0);
        T num = TOps.Select(nonPositive, TOps.Multiply(t, TOps.Add(t, two)), TOps.Add(TOps.Create(1.0), TOps.Add(t, t)));
        T den = TOps.Add(num, TOps.Select(nonPositive, two, TOps.Multiply(TOps.Multiply(t, t), two)));
        T v = TOps.Multiply(x, TOps.Divide(num, den));
        if (wide)
        {
            v = TOps.Select(TOps.LessThan(x, TOps.Create(-FloatExpLimit)), TOps.Create(-0.0), v);
            v = PropagateNaN(x, v);
        }

        return v;
    }

    /// <summary>f′(x) = g + x·σ(x)(1 − g²) for a float x (see the type's summary).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MishGradForFloat(T x)
    {
        T t = SiLUFloatExp(x, out _, out _, out bool wide);
        T four = TOps.Create(4.0);
        T fourX = TOps.Multiply(four, x);
        T m = TOps.Add(TOps.Add(four, fourX), TOps.Multiply(t, TOps.Add(TOps.Add(TOps.Create(6.0), fourX), TOps.Multiply(t, TOps.Add(four, t)))));
        TMask near = TOps.LessThanOrEqual(TOps.Abs(TOps.Subtract(x, TOps.Create(MishFloatRootHi))), TOps.Create(MishFloatRootRadius));
        if (TOps.Any(near))
        {
            T h = TOps.Subtract(TOps.Subtract(x, TOps.Create(MishFloatRootHi)), TOps.Create(MishFloatRootLo));
            T delta = TOps.Multiply(TOps.Create(MishFloatRootExp), SiLUFloatExpM1(h));
            T inT = TOps.Multiply(delta, MulAdd(delta, TOps.Add(TOps.Create(MishFloatCurvatureInT), delta), MishFloatSlopeInT));
            T inX = TOps.Multiply(h, MulAdd(delta, 4.0, MishFloatSlopeInX));
            m = TOps.Select(near, TOps.Add(inT, inX), m);
            t = TOps.Select(near, TOps.Add(TOps.Create(MishFloatRootExp), delta), t);
        }

        TMask nonPositive = TOps.LessThanOrEqual(x, TOps.Create(0.0));
        T two = TOps.Create(2.0);
        T tt = TOps.Multiply(t, t);
        T num = TOps.Select(nonPositive, TOps.Multiply(t, TOps.Add(t, two)), TOps.Add(TOps.Create(1.0), TOps.Add(t, t)));
        T den = TOps.Add(num, TOps.Select(nonPositive, two, TOps.Multiply(tt, two)));
        T positive = TOps.Add(TOps.Multiply(num, den), TOps.Multiply(TOps.Multiply(fourX, TOps.Add(TOps.Create(1.0), t)), tt));
        T numerator = TOps.Select(nonPositive, TOps.Multiply(t, m), positive);
        T v = TOps.Divide(numerator, TOps.Multiply(den, den));
        if (wide)
        {
            v = TOps.Select(TOps.GreaterThan(x, TOps.Create(FloatExpLimit)), TOps.Create(1.0), v);
            v = TOps.Select(TOps.LessThan(x, TOps.Create(-FloatExpLimit)), TOps.Create(-0.0), v);
            v = PropagateNaN(x, v);
        }

        return v;
    }

    /// <summary>f and f′ for a float x, with the bits of <see cref="MishForFloat"/> and <see cref="MishGradForFloat"/> (each computed as alone).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MishAndGradForFloat(T x, out T grad)
    {
        grad = MishGradForFloat(x);
        return MishForFloat(x);
    }
}
