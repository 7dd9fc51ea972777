using System.Runtime.CompilerServices;

namespace Activations.Numerics;

/// <summary>
/// SoftPlus: ln(1 + e^x) = max(x, 0) + ln(1 + t) with t = e^−|x| ∈ [0, 1], so e^x never
/// overflows and the logarithm's argument is never rounded to 1 before it is taken.
/// </summary>
internal static partial class Core<T, TMask, TOps>
{
    private const double Sqrt2Minus1 = 0.41421356237309503;
    private const double Ln2Hi53 = 0.6931471805599453;       // ln 2 rounded to a double
    private const double Ln2Lo53 = 2.3190468138462996e-17;   // ln 2 − Ln2Hi53

    // 1/3 … 1/23: atanh(f)/f − 1 = f²(1/3 + f²/5 + …). For |f| ≤ 3 − 2√2 ≈ 0.1716 (f² ≤ 0.0295)
    // the first omitted term f^22/25 is below 2^−60 relative.
    private const double L3 = 1.0 / 3;
    private const double L5 = 1.0 / 5;
    private const double L7 = 1.0 / 7;
    private const double L9 = 1.0 / 9;
    private const double L11 = 1.0 / 11;
    private const double L13 = 1.0 / 13;
    private const double L15 = 1.0 / 15;
    private const double L17 = 1.0 / 17;
    private const double L19 = 1.0 / 19;
    private const double L21 = 1.0 / 21;
    private const double L23 = 1.0 / 23;

    /// <summary>
    /// ln(1 + t) = hi + lo for t = tHi + tLo ∈ [0, 1], to about 2^−57 relative.
    /// Above √2 − 1 it uses ln(1 + t) = ln 2 + ln(1 + g) with g = (t − 1)/2, so g ∈ (−0.293, 0.414]
    /// and f = g/(2 + g) ∈ (−0.172, 0.172]; then ln(1 + g) = 2 atanh f = 2f + 2f³(1/3 + f²/5 + …),
    /// with 2f kept in double-double and the rounding errors confined to the small odd tail.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Log1PUnit(T tHi, T tLo, out T lo)
    {
        TMask big = TOps.GreaterThan(tHi, TOps.Create(Sqrt2Minus1));
        T hHi = TwoSum(tHi, TOps.Create(-1.0), out T h);
        T gHi = TOps.Select(big, TOps.Multiply(TOps.Create(0.5), hHi), tHi);
        T gLo = TOps.Select(big, TOps.Multiply(TOps.Create(0.5), TOps.Add(h, tLo)), tLo);
        T dHi = FastTwoSum(TOps.Create(2.0), gHi, out T d);
        T fHi = DivideDD(gHi, gLo, dHi, TOps.Add(d, gLo), out T fLo);

        // q = 1/3 + z/5 + … + z¹⁰/23 in z = f² by Estrin's scheme (pairs in z, then the powers z², z⁴
        // and z⁸), so that its chain of dependent operations is about half as long as Horner's:
        // every term is positive, so each rounding is relative to q and the sum stays within 2^−50 of it.
        T f2 = TOps.Multiply(fHi, fHi);
        T z2 = TOps.Multiply(f2, f2);
        T z4 = TOps.Multiply(z2, z2);
        T z8 = TOps.Multiply(z4, z4);
        T q03 = MulAdd(z2, MulAdd(f2, L9, L7), MulAdd(f2, L5, L3));
        T q47 = MulAdd(z2, MulAdd(f2, L17, L15), MulAdd(f2, L13, L11));
        T q810 = MulAdd(z2, TOps.Create(L23), MulAdd(f2, L21, L19));
        T q = MulAdd(z8, q810, MulAdd(z4, q47, q03));
        T twoF = TOps.Add(fHi, fHi);
        T lHi = FastTwoSum(twoF, MulAdd(TOps.Multiply(twoF, f2), q, TOps.Add(fLo, fLo)), out T lLo);

        T sHi = TwoSum(TOps.Select(big, TOps.Create(Ln2Hi53), TOps.Create(0.0)), lHi, out T s);
        return FastTwoSum(sHi, TOps.Add(s, TOps.Add(lLo, TOps.Select(big, TOps.Create(Ln2Lo53), TOps.Create(0.0)))), out lo);
    }

    /// <summary>|x| beyond which ln(1 + e^−|x|) = e^−|x| to 2^−58 relative (t &lt; 2^−57).</summary>
    private const double SoftPlusFarLimit = 40.0;

    /// <summary>
    /// ln(1 + e^x) within about half an ulp (0.75 ulp worst measured, on a subnormal result). Up to
    /// |x| = 40, t = e^−|x| is a pair from <see cref="ExpPair"/> (2^−57) and the result is
    /// max(x, 0) + ln(1 + t). Past |x| = 40, t &lt; 2^−57 and ln(1 + t) = t to 2^−58 relative, so
    /// the result is x (for x &gt; 0) or e^x rounded once by <see cref="Exp"/> (for x &lt; 0, where
    /// it reaches the subnormals near x = −708), selected per lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SoftPlus(T x)
    {
        T a = TOps.Abs(x);
        TMask positive = TOps.GreaterThan(x, TOps.Create(0.0));
        TMask far = TOps.GreaterThan(a, TOps.Create(SoftPlusFarLimit));
        T tHi = ExpPair(TOps.Negate(TOps.Select(far, TOps.Create(SoftPlusFarLimit), a)), out T tLo);
        T lHi = Log1PUnit(tHi, tLo, out T lLo);
        T sHi = TwoSum(TOps.Select(positive, x, TOps.Create(0.0)), lHi, out T s);
        T v = TOps.Add(sHi, TOps.Add(s, lLo));
        if (TOps.AnyMagnitudeAbove(x, SoftPlusFarLimit))
        {
            v = WithRareLanes(default(SoftPlusFar), x, v);
        }

        return v;
    }

    /// <summary><see cref="SoftPlus"/>'s far range (|x| &gt; 40): x above, e^x below.</summary>
    private readonly struct SoftPlusFar : IRareLanes
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Apply(T x, T v) =>
            TOps.Select(
                TOps.GreaterThan(TOps.Abs(x), TOps.Create(SoftPlusFarLimit)),
                TOps.Select(TOps.GreaterThan(x, TOps.Create(0.0)), x, Exp(x)),
                v);
    }
}
