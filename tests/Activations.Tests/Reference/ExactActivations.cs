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
/// </summary>
internal static class ExactActivations
{
    private const int Bits = BigFloat.DefaultPrecision;

    /// <summary>
    /// SELU's λ = 1.0507009873554804934193349852946 and α = 1.6732632423543772848170429916717, the decimal
    /// constants themselves (not their doubles): integers over 10^31, divided out to <see cref="Bits"/> + 64 bits.
    /// </summary>
    public static readonly BigFloat SeluLambda = Decimal("10507009873554804934193349852946", 31);

    public static readonly BigFloat SeluAlpha = Decimal("16732632423543772848170429916717", 31);

    /// <summary>λ·α: the exact product of the two decimals (an integer over 10^62), divided out in one rounding.</summary>
    public static readonly BigFloat SeluLambdaAlpha = BigFloat.Divide(
        BigFloat.FromInteger(BigInteger.Parse("10507009873554804934193349852946", CultureInfo.InvariantCulture)
            * BigInteger.Parse("16732632423543772848170429916717", CultureInfo.InvariantCulture)),
        BigFloat.FromInteger(BigInteger.Pow(10, 62)),
        Bits + BigFloat.GuardBits);

    private static BigFloat Decimal(string digits, int decimals) => BigFloat.Divide(
        BigFloat.FromInteger(BigInteger.Parse(digits, CultureInfo.InvariantCulture)),
        BigFloat.FromInteger(BigInteger.Pow(10, decimals)),
        Bits + BigFloat.GuardBits);

    private static BigFloat D(double x) => BigFloat.FromDouble(x);

    // 1 + t with t ∈ (0, 1], rounded to 64 guard bits beyond the working precision (t may be as small as e^-5000).
    private static BigFloat OnePlus(BigFloat t) => BigFloat.Add(BigFloat.One, t, Bits + BigFloat.GuardBits);

    private static void CheckOrder(int order)
    {
        if (order is < 0 or > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, "order must be 0, 1 or 2");
        }
    }

    /// <summary>s·x + b (exact: product and sum of doubles are exact in BigFloat) ; s ; 0.</summary>
    public static BigFloat Affine(double slope, double intercept, double x, int order)
    {
        CheckOrder(order);
        return order switch
        {
            0 => D(slope) * D(x) + D(intercept),
            1 => D(slope),
            _ => BigFloat.Zero,
        };
    }

    /// <summary>x ; 1 ; 0.</summary>
    public static BigFloat Identity(double x, int order) => Affine(1.0, 0.0, x, order);

    /// <summary>x&gt;0 ? x : 0 ; x&gt;0 ? 1 : 0 ; 0.</summary>
    public static BigFloat ReLU(double x, int order) => LeakyReLU(0.0, x, order);

    /// <summary>x&gt;0 ? x : α·x (exact) ; x&gt;0 ? 1 : α ; 0.</summary>
    public static BigFloat LeakyReLU(double alpha, double x, int order)
    {
        CheckOrder(order);
        bool pos = x > 0;
        return order switch
        {
            0 => pos ? D(x) : D(alpha) * D(x),
            1 => pos ? BigFloat.One : D(alpha),
            _ => BigFloat.Zero,
        };
    }

    /// <summary>x&gt;0 ? x : α·expm1(x) ; x&gt;0 ? 1 : α·e^x ; x&gt;0 ? 0 : α·e^x.</summary>
    public static BigFloat ELU(double alpha, double x, int order) => ScaledElu(BigFloat.One, D(alpha), x, order);

    /// <summary>λ·ELU_α with the decimal constants <see cref="SeluLambda"/>, <see cref="SeluAlpha"/> and their exact product.</summary>
    public static BigFloat SELU(double x, int order) => ScaledElu(SeluLambda, SeluLambdaAlpha, x, order);

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

    /// <summary>e^x for every order.</summary>
    public static BigFloat Exponential(double x, int order)
    {
        CheckOrder(order);
        return BigFloat.Exp(D(x), Bits);
    }

    /// <summary>
    /// x &lt; −2.5 → 0, x &gt; 2.5 → 1, else (2x + 5)/10 (= x/5 + 1/2 with an exact fifth: the numerator is exact,
    /// so a single rounded division, no cancellation near −2.5) ; 1/5 on [−2.5, 2.5] else 0 ; 0.
    /// </summary>
    public static BigFloat HardSigmoid(double x, int order)
    {
        CheckOrder(order);
        bool inside = x >= -2.5 && x <= 2.5;
        return order switch
        {
            0 => x < -2.5 ? BigFloat.Zero
                : x > 2.5 ? BigFloat.One
                : BigFloat.Divide(D(x).ScaleB(1) + BigFloat.FromInteger(5), BigFloat.FromInteger(10), Bits),
            1 => inside ? BigFloat.Divide(BigFloat.One, BigFloat.FromInteger(5), Bits) : BigFloat.Zero,
            _ => BigFloat.Zero,
        };
    }

    /// <summary>
    /// With t = e^−|x| ∈ (0, 1] (so 1 + t ∈ (1, 2], no cancellation):
    /// σ(x) = 1/(1+t) for x ≥ 0, t/(1+t) for x &lt; 0 (the latter is 1 − σ(|x|), computed without subtraction);
    /// σ' = σ(x)σ(−x) = t/(1+t)²;
    /// σ'' = σ'·(1 − 2σ) with 1 − 2σ(x) = −tanh(x/2) = sign(x)·m/(2 + m), m = expm1(−|x|) ∈ (−1, 0]
    /// (m relative-accurate near 0, 2 + m ∈ (1, 2]).
    /// </summary>
    public static BigFloat Sigmoid(double x, int order)
    {
        CheckOrder(order);
        (BigFloat t, BigFloat m) = BigFloat.ExpAndExpM1(-D(Math.Abs(x)), Bits);
        BigFloat onePlusT = OnePlus(t);
        switch (order)
        {
            case 0:
                return BigFloat.Divide(x >= 0 ? BigFloat.One : t, onePlusT, Bits);
            case 1:
                return BigFloat.Divide(t, onePlusT * onePlusT, Bits);
            default:
                if (x == 0)
                {
                    return BigFloat.Zero;
                }

                BigFloat oneMinus2Sigma = BigFloat.Divide(x > 0 ? m : -m, m + BigFloat.Two, Bits);
                return BigFloat.Divide(t * oneMinus2Sigma, onePlusT * onePlusT, Bits);
        }
    }

    /// <summary>
    /// ln(1 + e^x) = max(x, 0) + log1p(e^−|x|) (two non-negative terms; log1p is accurate for tiny arguments,
    /// so softplus(x) ≈ e^x for very negative x keeps full precision) ; σ(x) ; σ'(x) = e^x/(1+e^x)².
    /// </summary>
    public static BigFloat SoftPlus(double x, int order)
    {
        CheckOrder(order);
        if (order > 0)
        {
            return Sigmoid(x, order - 1);
        }

        BigFloat t = BigFloat.Exp(-D(Math.Abs(x)), Bits);
        BigFloat log1p = BigFloat.Log1P(t, Bits);
        return x > 0 ? BigFloat.Add(D(x), log1p, Bits) : log1p;
    }

    /// <summary>
    /// tanh|x| = −m/(2 + m) with m = expm1(−2|x|) ∈ (−1, 0] (relative-accurate for tiny x, no cancellation),
    /// sign restored afterwards ;
    /// 1 − tanh² x = 4t/(1+t)² with t = e^−2|x| (no cancellation for large |x|) ;
    /// −2 tanh x · (1 − tanh² x).
    /// </summary>
    public static BigFloat Tanh(double x, int order)
    {
        CheckOrder(order);
        (BigFloat t, BigFloat m) = BigFloat.ExpAndExpM1(-D(Math.Abs(x)).ScaleB(1), Bits);
        BigFloat tanh = x == 0 || order == 1 ? BigFloat.Zero : BigFloat.Divide(x > 0 ? -m : m, m + BigFloat.Two, Bits);
        if (order == 0)
        {
            return tanh;
        }

        BigFloat onePlusT = OnePlus(t);
        BigFloat sech2 = BigFloat.Divide(t.ScaleB(2), onePlusT * onePlusT, Bits);
        return order == 1 ? sech2 : (-(tanh * sech2).ScaleB(1)).Round(Bits);
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
