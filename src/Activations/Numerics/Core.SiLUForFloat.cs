using System.Runtime.CompilerServices;

namespace Activations.Numerics;

/// <summary>
/// SiLU and its derivatives for float results, at an input that is a float (exactly widened),
/// evaluated in double to within 2^−45 relative like the other float kernels (Core.Float.cs), so
/// that the one rounding to float is within 0.5 + 2^−21 ulp: the precise kernels, which the fast ones of
/// Core.FloatFast.cs fall back on (near the derivatives' roots, near midpoints, at the ranges' ends). With a = |x| and t = e^−a, d = 1 + t
/// and r = 1/d (one division), as in <see cref="SiLU"/>'s summary: f = x·σ(x), f′ = r(1 + a·t·r)
/// for x ≥ 0 and t·B·r² with B = 1 + t − a below, f″ = t·K·r³ with K = (2 − a) + t(2 + a).
/// <para>
/// Since a is a float (24 significant bits), 1 − a, 2 − a and 2 + a are exact in double (for a
/// below 2^28) or carry no cancellation (above). f needs no neighbourhood: σ from the float
/// exponential (<see cref="LogisticForFloat"/>, 2^−45.4) times x rounds once more. f′ and f″ take
/// t from <see cref="ExpPair"/> (2^−57 relative), whose absolute error 2^−57·t is what the
/// brackets B and K pass on; their other errors are one or two roundings relative to themselves
/// (B = ((1 − a) + tHi) + tLo, no product; K's product tHi(2 + a) rounds by 2^−53·0.41 at most,
/// absolutely, near the root b₀). Farther than R = 1/128 from the roots, |B| ≥ 1.27·R and |K| ≥
/// 1.31·R (their slopes there), so B is good to 2^−51.9 and K to 2^−47.6; the divisions and
/// products round six times more (2^−50.4) and r carries t's and d's errors (2^−52): f′ within
/// 2^−49.5 and f″ within 2^−47.3.
/// </para>
/// <para>
/// Within R of a root ρ (a₀ for f′ at x &lt; 0, b₀ for f″), u = ρ − a = (ρ₁ − a) + ρ₂ (ρ₁ − a exact
/// by Sterbenz's lemma, the sum rounded to 2^−53 of u; ρ's third part, 2^−106 absolutely, is
/// 2^−80 of u, which is at least 2^−26.2 at a float), E = e^u − 1 from its Taylor polynomial to the
/// sixth power (|u| ≤ 1/128: the first omitted term is 2^−54.3 of u; the evaluation rounds to about
/// 2^−52), and, from e^−a = e^−ρ(1 + E) and the roots' equations: B = c·E + u with c = e^−a₀ =
/// a₀ − 1, K = c′(2 + a)·E + (1 − c′)·u with c′ = e^−b₀, and t = c + c·E (or c′ + c′·E). E has
/// u's sign, so each bracket is a sum of two terms of one sign: within 2^−51 of itself, and the
/// results within 2^−49 again.
/// </para>
/// <para>
/// Beyond |x| = 704 the exponentials are taken at −704 (<see cref="ClampForFloat"/>): there f is x
/// for x &gt; 0 (r = 1) and every other float result is 1 (f′ at x &gt; 704) or a value far below the
/// smallest float, rounded to −0 (the exact values there are negative: x·eˣ, (1 + x)eˣ and
/// (2 − a)e^−a), which those lanes take outright, also at ±∞; NaN lanes are given back their NaN.
/// </para>
/// </summary>
internal static partial class Core<T, TMask, TOps>
{
    /// <summary>Half-width R of the neighbourhoods of a₀ and b₀ in which the float kernels expand in u = root − |x|.</summary>
    private const double SiLUFloatRootRadius = 0.0078125;

    /// <summary>
    /// The root expansion of f′ or f″ within R of a root ρ = ρ₁ + ρ₂ (see the type's summary):
    /// u = (ρ₁ − a) + ρ₂, and the returned c·E = c(e^u − 1) with c = e^−ρ, so that t = c + c·E.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SiLUFloatRootExpansion(T a, double root1, double root2, double c, out T u)
    {
        u = TOps.Add(TOps.Subtract(TOps.Create(root1), a), TOps.Create(root2));
        return TOps.Multiply(TOps.Create(c), ExpM1NearZeroForFloat(u));
    }

    /// <summary>x·σ(x) for a float x (see the type's summary).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SiLUForFloat(T x)
    {
        T r = LogisticForFloat(x, out T u, out _, out bool wide);
        T v = TOps.Multiply(x, SigmoidFromParts(x, u, r));
        return wide ? BeyondFloatClamp(x, v, v) : v;
    }

    /// <summary>f′(x) = σ(x)(1 + x·σ(−x)) for a float x (see the type's summary).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SiLUGradForFloat(T x)
    {
        T t = ExpPairNegativeAbsForFloat(x, out T a, out T tLo, out bool wide);
        T b = TOps.Add(TOps.Add(TOps.Subtract(TOps.Create(1.0), a), t), tLo);
        TMask near = TOps.LessThanOrEqual(TOps.Abs(TOps.Add(x, TOps.Create(SiLURootA1))), TOps.Create(SiLUFloatRootRadius));
        if (TOps.Any(near))
        {
            T ce = SiLUFloatRootExpansion(a, SiLURootA1, SiLURootA2, SiLURootAExpHi, out T u);
            b = TOps.Select(near, TOps.Add(ce, u), b);
            t = TOps.Select(near, TOps.Add(TOps.Create(SiLURootAExpHi), ce), t);
        }

        T r = TOps.Divide(TOps.Create(1.0), TOps.Add(TOps.Create(1.0), t));
        T positive = TOps.Multiply(r, TOps.Add(TOps.Create(1.0), TOps.Multiply(a, TOps.Multiply(t, r))));
        T negative = TOps.Multiply(TOps.Multiply(TOps.Multiply(t, b), r), r);
        T v = TOps.Select(TOps.LessThan(x, TOps.Create(0.0)), negative, positive);
        return wide ? BeyondFloatClamp(x, v, TOps.Create(1.0)) : v;
    }

    /// <summary>f″(x) = σ′(x)(2 − x·tanh(x/2)) for a float x (see the type's summary).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SiLUGrad2ForFloat(T x)
    {
        T t = ExpPairNegativeAbsForFloat(x, out T a, out T tLo, out bool wide);
        T g = TOps.Add(TOps.Create(2.0), a);
        T k = TOps.Add(TOps.Add(TOps.Subtract(TOps.Create(2.0), a), TOps.Multiply(t, g)), TOps.Multiply(tLo, g));
        TMask near = TOps.LessThanOrEqual(TOps.Abs(TOps.Subtract(a, TOps.Create(SiLURootB1))), TOps.Create(SiLUFloatRootRadius));
        if (TOps.Any(near))
        {
            T ce = SiLUFloatRootExpansion(a, SiLURootB1, SiLURootB2, SiLURootBExpHi, out T u);
            k = TOps.Select(near, TOps.Add(TOps.Multiply(ce, g), TOps.Multiply(TOps.Create(SiLURootBExpComplementHi), u)), k);
            t = TOps.Select(near, TOps.Add(TOps.Create(SiLURootBExpHi), ce), t);
        }

        T r = TOps.Divide(TOps.Create(1.0), TOps.Add(TOps.Create(1.0), t));
        T v = TOps.Multiply(TOps.Multiply(TOps.Multiply(t, k), r), TOps.Multiply(r, r));
        return wide ? BeyondFloatClamp(x, v, TOps.Create(-0.0)) : v;
    }
}
