using System;
using System.Globalization;
using System.Numerics;

namespace Activations.Tests.Reference;

/// <summary>
/// Reference values ("exact" to ~2^-250 relative) of the activation functions and their first and second
/// derivatives at a finite double x. Order 0 = value, 1 = first derivative, 2 = second derivative.
/// <para>
/// Error argument: every formula below is a product/quotient of terms that are each known to ~2^-254 relative
/// (<see cref="BigFloat.Exp"/>, <see cref="BigFloat.ExpM1"/>, <see cref="BigFloat.Log1P"/>, exact +,−,× of
/// doubles, divisions rounded to 256 bits), plus sums of terms of the SAME sign. Such expressions lose no
/// significant bits, so the results are accurate to ≲ 2^-245 relative, far below the 2^-80 needed to round
/// to double and to measure ulp errors. The textbook formulas (1 − σ, 1 − tanh², e^x − 1, ln(1+e^x),
/// 1 − 2σ, x/5 + 1/2, s·x + b) would cancel; they are replaced by the identities noted at each function, or
/// (for affine and hard-sigmoid pieces) computed exactly before a single rounding.
/// </para>
/// Branch convention: "x &gt; 0" versus "otherwise", so x = ±0 takes the "otherwise" branch.
/// <para>
/// This part holds the shared pieces; each activation's formulas are in <c>Reference/Exact/&lt;Name&gt;.cs</c>, with
/// its <see cref="ActivationReference{T}"/>.
/// </para>
/// </summary>
internal static partial class ExactActivations
{
    private const int Bits = BigFloat.DefaultPrecision;

    private static BigFloat Decimal(string digits, int decimals) => BigFloat.Divide(
        BigFloat.FromInteger(BigInteger.Parse(digits, CultureInfo.InvariantCulture)),
        BigFloat.FromInteger(BigInteger.Pow(10, decimals)),
        Bits + BigFloat.GuardBits);

    private static BigFloat D(double x) => BigFloat.FromDouble(x);

    private static BigFloat FromInt(int value) => BigFloat.FromInteger(value);

    // 1 + t with t ∈ (0, 1], rounded to 64 guard bits beyond the working precision (t may be as small as e^-5000).
    private static BigFloat OnePlus(BigFloat t) => BigFloat.Add(BigFloat.One, t, Bits + BigFloat.GuardBits);

    private static void CheckOrder(int order)
    {
        if (order is < 0 or > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, "order must be 0, 1 or 2");
        }
    }

    // scale·x for x > 0, scaledAlpha·expm1(x) otherwise (expm1 avoids the cancellation of e^x − 1 near 0).
    private static BigFloat ScaledElu(BigFloat scale, BigFloat scaledAlpha, double x, int order)
    {
        CheckOrder(order);
        if (x > 0)
        {
            return order switch
            {
                0 => scale * D(x),
                1 => scale,
                _ => BigFloat.Zero,
            };
        }

        return order == 0
            ? scaledAlpha * BigFloat.ExpM1(D(x), Bits)
            : scaledAlpha * BigFloat.Exp(D(x), Bits);
    }
}

/// <summary>Error of a computed double measured in units in the last place of an exact value.</summary>
internal static class Ulp
{
    /// <summary>
    /// 0 when <paramref name="computed"/> == exact.ToDouble() (the correctly rounded value; this also covers exact
    /// values beyond the double range that round to ±∞); +∞ when computed is NaN, or when exactly one of computed and
    /// the correctly rounded exact value is infinite (or both are, with opposite signs); otherwise
    /// |computed − exact| / ulp(exact) with ulp(y) = 2^(max(floor(log2|y|), −1022) − 52), ulp(0) = 2^−1074.
    /// Huge errors (beyond double.MaxValue ulps) saturate to +∞.
    /// </summary>
    public static double Error(double computed, BigFloat exact)
    {
        if (double.IsNaN(computed))
        {
            return double.PositiveInfinity;
        }

        double rounded = exact.ToDouble();
        if (computed == rounded)
        {
            return 0.0;
        }

        if (double.IsInfinity(computed) || double.IsInfinity(rounded))
        {
            return double.PositiveInfinity;
        }

        long ulpExponent = exact.IsZero ? -1074 : Math.Max(exact.Magnitude - 1, -1022) - 52;
        return (BigFloat.FromDouble(computed) - exact).Abs().ScaleB(-ulpExponent).ToDouble();
    }
}
