using System.Runtime.CompilerServices;

namespace Activations.Numerics;

/// <summary>
/// The logistic family, all written in t = e^−|y| ∈ [0, 1] so that nothing overflows and no
/// difference of nearly equal numbers is ever formed:
/// σ(y) = 1/(1 + t) for y ≥ 0 and t/(1 + t) below; σ′(y) = t/(1 + t)²; σ″(y) = ±t·m/(1 + t)³
/// with m = t − 1 = e^−|y| − 1 from the expm1 path (exact near y = 0, where 1 − 2σ cancels).
/// tanh (Core.Tanh.cs) is built on the same pieces.
/// σ and σ′ apply 2^k to t at once up to |y| = 600 (every product stays above 2^−914, where
/// product errors are exact on every path) and switch
/// to a rounded-once e^y beyond; σ″ does the same, and is y/8 for |y| below 2^−30.
/// </summary>
internal static partial class Core<T, TMask, TOps>
{
    /// <summary>
    /// |x| up to which σ and σ′ take the direct path: t = e^−|x| ≥ e^−600 &gt; 2^−866, so every
    /// product of the double-double steps (t, c·t, and their quotients, all within a factor 8 of
    /// c·t) stays above 2^−914, where <see cref="MultiplyError"/> is exact with and without a fused
    /// multiply-add, and the low parts stay normal numbers.
    /// </summary>
    private const double DirectLimit = 600.0;

    /// <summary>1 + t = dHi + dLo exactly for t = tHi + tLo with 0 ≤ tHi ≤ 1 (the fast two-sum applies).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T OnePlus(T tHi, T tLo, out T dLo)
    {
        T dHi = FastTwoSum(TOps.Create(1.0), tHi, out T d);
        dLo = TOps.Add(d, tLo);
        return dHi;
    }

    /// <summary>
    /// σ(x) = 1/(1 + e^−x), within about half an ulp for normal results (the accuracy suite's
    /// worst is 0.75 ulp, on a subnormal result); σ(−∞) = 0, σ(∞) = 1. With t = e^−|x| in
    /// double-double, σ is 1/(1 + t) for x ≥ 0 and t/(1 + t) below, one division with an exact
    /// residual correction. Past |x| = 600, t &lt; 2^−865: σ(x) = 1 for x &gt; 0 (exactly, after
    /// rounding), and σ(x) = e^x(1 − e^x + …) rounds as e^x does, so it is <see cref="Exp"/>(x) (a
    /// second rounding only for subnormal results, where the suite's worst is the 0.75 ulp above).
    /// Those lanes are selected per lane (the branch only skips the work when no lane needs it), so
    /// a value never depends on its neighbours; the table pair's values there are meaningless.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sigmoid(T x)
    {
        T a = TOps.Abs(x);
        TMask negative = TOps.LessThan(x, TOps.Create(0.0));
        T tHi = ExpPair(TOps.Negate(a), out T tLo);
        T dHi = OnePlus(tHi, tLo, out T dLo);
        T qHi = DivideDD(TOps.Select(negative, tHi, TOps.Create(1.0)), TOps.Select(negative, tLo, TOps.Create(0.0)), dHi, dLo, out T qLo);
        T v = TOps.Add(qHi, qLo);
        if (TOps.AnyMagnitudeAbove(x, DirectLimit))
        {
            v = WithRareLanes(default(SigmoidFar), x, v);
        }

        return v;
    }

    /// <summary><see cref="Sigmoid"/>'s far range: 1 above 600, e^x below −600.</summary>
    private readonly struct SigmoidFar : IRareLanes
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Apply(T x, T v) =>
            TOps.Select(
                TOps.GreaterThan(TOps.Abs(x), TOps.Create(DirectLimit)),
                TOps.Select(TOps.LessThan(x, TOps.Create(0.0)), Exp(x), TOps.Create(1.0)),
                v);
    }

    /// <summary>
    /// c·σ′(y) = c·t/(1 + t)² with t = e^y for y ≤ 0 (σ′ is even) and c a power of two, in
    /// double-double with one division, as c·(t/(1 + t))·(1/(1 + t)) (<see cref="SigmoidGradFromOnePlus"/>). Below y = −600,
    /// σ′ = t(1 − 2t + …) rounds as t does, so it
    /// is c·e^y from <see cref="ScaledExp"/> (rounded once, plus a second rounding only for
    /// subnormal results); those lanes are selected per lane, as in <see cref="Sigmoid"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SigmoidGradNonPositive(T y, double c)
    {
        T tHi = ExpPair(y, out T tLo);
        T dHi = OnePlus(tHi, tLo, out T dLo);
        T v = SigmoidGradFromOnePlus(tHi, tLo, dHi, dLo, TOps.Divide(TOps.Create(1.0), dHi), c);
        if (TOps.Any(TOps.LessThan(y, TOps.Create(-DirectLimit))))
        {
            v = WithRareLanes(new SigmoidGradFar(c), y, v);
        }

        return v;
    }

    /// <summary><see cref="SigmoidGradNonPositive"/>'s far range: c·e^y below y = −600.</summary>
    [method: MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly struct SigmoidGradFar(double c) : IRareLanes
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Apply(T y, T v) =>
            TOps.Select(TOps.LessThan(y, TOps.Create(-DirectLimit)), ScaledExp(y, TOps.Create(c), TOps.Create(0.0)), v);
    }

    /// <summary>
    /// The direct path of <see cref="SigmoidGradNonPositive"/>, c·u·r with u = t/(1 + t) and
    /// r = 1/(1 + t), both from the rounded inverse = 1/dHi (<see cref="DivideDDGivenInverse"/> and
    /// <see cref="ReciprocalDD"/>), so that a pair kernel whose value divides by the same d (σ, tanh)
    /// shares the one division, and σ's pair, whose value is u (x &lt; 0) or r (x ≥ 0), shares both
    /// (<see cref="SigmoidGradFromQuotients"/>). u and r (2^−104 each) and c·u·r (2^−104) add nothing
    /// visible to t's own 2^−57; the products stay above 2^−914 (t ≥ e^−600, u ≥ t/2, r ≥ 1/2),
    /// where <see cref="MultiplyError"/> is exact on every path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SigmoidGradFromOnePlus(T tHi, T tLo, T dHi, T dLo, T inverse, double c)
    {
        T uHi = DivideDDGivenInverse(tHi, tLo, dHi, dLo, inverse, out T uLo);
        T rHi = ReciprocalDD(dHi, dLo, inverse, out T rLo);
        return SigmoidGradFromQuotients(uHi, uLo, rHi, rLo, c);
    }

    /// <summary>c·u·r rounded once, for u = t/(1 + t) and r = 1/(1 + t) as <see cref="SigmoidGradFromOnePlus"/> forms them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SigmoidGradFromQuotients(T uHi, T uLo, T rHi, T rLo, double c)
    {
        T gHi = MultiplyDD(TOps.Multiply(TOps.Create(c), uHi), TOps.Multiply(TOps.Create(c), uLo), rHi, rLo, out T gLo);
        return TOps.Add(gHi, gLo);
    }

    /// <summary>Below this |y|, σ″(y) = y/8 to 2^−61 relative (the next term is y³/16).</summary>
    private const double Grad2SeriesLimit = 9.313225746154785e-10;  // 2^−30

    /// <summary>
    /// c·σ″(y) for y = −|x|, signed as σ″(x) is (odd, negative for x &gt; 0): c·t·m/(1 + t)³
    /// with t = e^y from <see cref="ExpPair"/> and m = t − 1 from <see cref="ExpM1FromPair"/>
    /// (split exactly from t for y ≤ −0.35, from the expm1 reduction above), each factor to
    /// 2^−55.7 relative or better, in double-double with one division. Below |y| = 2^−30 the
    /// value is c·y/8 (exact but for its one rounding), and below y = −600, where the products
    /// would approach the range in which their errors are no longer exact, it is −c·e^y rounded
    /// once by <see cref="ScaledExp"/> (t·m/(1 + t)³ = −t(1 − 4t + …)); both selected per lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SigmoidGrad2NonPositive(T y, double c, T x)
    {
        T tHi = ExpPair(y, out T tLo);
        T mHi = ExpM1FromPair(y, tHi, tLo, out T mLo);

        T nHi = MultiplyDD(tHi, tLo, mHi, mLo, out T nLo);
        T dHi = OnePlus(tHi, tLo, out T dLo);
        T d2Hi = SquareDD(dHi, dLo, out T d2Lo);
        T d3Hi = MultiplyDD(d2Hi, d2Lo, dHi, dLo, out T d3Lo);
        T qHi = DivideDD(TOps.Multiply(TOps.Create(c), nHi), TOps.Multiply(TOps.Create(c), nLo), d3Hi, d3Lo, out T qLo);
        T r = TOps.Add(qHi, qLo);
        if (TOps.AnyMagnitudeBelowOrAbove(y, Grad2SeriesLimit, DirectLimit))
        {
            r = WithRareLanes(new SigmoidGrad2Rare(c), y, r);
        }

        return TOps.Select(TOps.LessThan(x, TOps.Create(0.0)), TOps.Negate(r), r);
    }

    /// <summary><see cref="SigmoidGrad2NonPositive"/>'s rare lanes: c·y/8 below |y| = 2^−30, −c·e^y below y = −600.</summary>
    [method: MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly struct SigmoidGrad2Rare(double c) : IRareLanes
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Apply(T y, T r)
        {
            TMask series = TOps.LessThan(TOps.Abs(y), TOps.Create(Grad2SeriesLimit));
            TMask far = TOps.LessThan(y, TOps.Create(-DirectLimit));
            r = TOps.Select(series, TOps.Multiply(TOps.Create(c * 0.125), y), r);
            return TOps.Select(far, TOps.Negate(ScaledExp(y, TOps.Create(c), TOps.Create(0.0))), r);
        }
    }

    /// <summary>σ′(x) = σ(x)(1 − σ(x)) = e^−|x|/(1 + e^−|x|)².</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SigmoidGrad(T x) => SigmoidGradNonPositive(TOps.Negate(TOps.Abs(x)), 1.0);

    /// <summary>σ″(x) = σ(1 − σ)(1 − 2σ).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SigmoidGrad2(T x) => SigmoidGrad2NonPositive(TOps.Negate(TOps.Abs(x)), 1.0, x);
}
