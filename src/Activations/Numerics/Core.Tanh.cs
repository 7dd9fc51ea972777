using System.Runtime.CompilerServices;

namespace Activations.Numerics;

/// <summary>
/// tanh and its derivatives from the logistic pieces (Core.Logistic.cs), at 2x: tanh x = −m/(2 + m)
/// with m = e^−2|x| − 1 from the expm1 path (no cancellation near 0, where 1 − 2σ would lose
/// every digit), and tanh′(x) = 4σ′(2x), tanh″(x) = 8σ″(2x), whose t = e^−2|x| form never
/// subtracts nearly equal numbers (1 − tanh²x would for |x| &gt; 1).
/// </summary>
internal static partial class Core<T, TMask, TOps>
{
    /// <summary>
    /// tanh x = −m/(2 + m) with m = e^−2|x| − 1, signed like x; ±0 return themselves. Past
    /// |x| = 50 the value is 1 to within 2^−144 (m is clamped there).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Tanh(T x)
    {
        T a = TOps.Abs(x);
        T mHi = ExpM1NonPositive(TOps.Multiply(TOps.Create(-2.0), a), out T mLo);
        T dHi = FastTwoSum(TOps.Create(2.0), mHi, out T d);
        T qHi = DivideDD(TOps.Negate(mHi), TOps.Negate(mLo), dHi, TOps.Add(d, mLo), out T qLo);
        T v = TOps.Add(qHi, qLo);
        v = TOps.Select(TOps.LessThan(x, TOps.Create(0.0)), TOps.Negate(v), v);
        return TOps.Select(TOps.Equal(x, TOps.Create(0.0)), x, v);
    }

    /// <summary>tanh′(x) = 1 − tanh²x = 4σ′(2x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TanhGrad(T x) => SigmoidGradNonPositive(TOps.Multiply(TOps.Create(-2.0), TOps.Abs(x)), 4.0);

    /// <summary>tanh″(x) = −2 tanh x (1 − tanh²x) = 8σ″(2x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TanhGrad2(T x) => SigmoidGrad2NonPositive(TOps.Multiply(TOps.Create(-2.0), TOps.Abs(x)), 8.0, x);
}
