using System;
using System.Numerics;

namespace Activations.Tests.Reference;

/// <summary>
/// Correct rounding of an exact <see cref="BigFloat"/> to float (binary32), straight from the exact value.
/// Going through <see cref="BigFloat.ToDouble"/> first would round twice, and a double that lands exactly on a
/// float midpoint would then be resolved by ties-to-even although the exact value lies to one side of it.
/// </summary>
internal static class FloatRounding
{
    /// <summary>Significand bits of a float, the implicit leading one included.</summary>
    private const int Precision = 24;

    /// <summary>Exponent of the smallest normal float, 2^−126.</summary>
    private const int MinNormalExponent = -126;

    /// <summary>Exponent of the smallest subnormal float (the subnormal spacing), 2^−149.</summary>
    private const int SubnormalExponent = MinNormalExponent - Precision + 1;

    /// <summary>
    /// Round-half-even to float: subnormals on the fixed 2^−149 grid, ±∞ once the ROUNDED magnitude reaches
    /// 2^128 (that is, from the midpoint 2^128 − 2^103 on, since float.MaxValue's significand is odd), and a zero
    /// that keeps the sign of the exact value when it rounds below half the smallest subnormal. An exact
    /// <see cref="BigFloat.Zero"/> gives +0 (BigFloat has no signed zero; <see cref="ExactValue"/> carries one).
    /// </summary>
    public static float ToSingle(BigFloat exact)
    {
        if (exact.IsZero)
        {
            return 0f;
        }

        bool negative = exact.Sign < 0;
        BigInteger a = BigInteger.Abs(exact.Mantissa);
        long e = exact.Magnitude - 1;                      // |x| ∈ [2^e, 2^(e+1))
        if (e > 127)
        {
            return negative ? float.NegativeInfinity : float.PositiveInfinity;
        }

        // The float grid at |x|: spacing 2^q with q = max(e, −126) − 23 (= −149 for subnormals), so the result is
        // m·2^q with the integer m ≤ 2^24 obtained by rounding |x|/2^q = a·2^(Exponent − q) half to even.
        long q = Math.Max(e, MinNormalExponent) - (Precision - 1);
        long m;
        if (q <= exact.Exponent)
        {
            m = (long)(a << (int)(exact.Exponent - q));   // exactly representable, no rounding
        }
        else
        {
            long shift = q - exact.Exponent;               // bits below the grid (≥ 1)
            if (shift > (long)a.GetBitLength() + 1)
            {
                m = 0;                                     // |x| < 2^(q−2) < half a spacing
            }
            else
            {
                BigInteger kept = a >> (int)shift;
                BigInteger rest = a - (kept << (int)shift);
                int cmp = rest.CompareTo(BigInteger.One << (int)(shift - 1));
                m = (long)kept;
                if (cmp > 0 || (cmp == 0 && (m & 1) == 1))
                {
                    m++;
                }
            }
        }

        if (m == 1L << Precision)
        {
            m >>= 1;                                       // rounded up into the next binade
            q++;
        }

        int bits;
        if (m >= 1L << (Precision - 1))
        {
            long biased = q + (Precision - 1) + 127;
            if (biased >= 255)
            {
                return negative ? float.NegativeInfinity : float.PositiveInfinity;
            }

            bits = (int)((biased << 23) | (m - (1L << 23)));
        }
        else
        {
            bits = (int)m;                                 // subnormal (q = −149) or zero
        }

        float result = BitConverter.Int32BitsToSingle(bits);
        return negative ? -result : result;
    }

    /// <summary>Exact value of a finite float (via the exact float → double widening); −0 becomes 0.</summary>
    public static BigFloat FromSingle(float x) => BigFloat.FromDouble(x);

    /// <summary>
    /// The float spacing in the binade of a nonzero exact value, as a power of two: 2^(max(floor(log2|y|), −126) − 23);
    /// for 0 (and subnormal magnitudes) the subnormal spacing 2^−149.
    /// </summary>
    public static long UlpExponent(BigFloat exact) =>
        exact.IsZero ? SubnormalExponent : Math.Max(exact.Magnitude - 1, MinNormalExponent) - (Precision - 1);
}

/// <summary>Error of a computed float measured in float ulps of an exact value (the float analogue of <see cref="Ulp"/>).</summary>
internal static class FloatUlp
{
    /// <summary>
    /// 0 when <paramref name="computed"/> == <see cref="FloatRounding.ToSingle"/>(exact) (the correctly rounded float;
    /// this also covers exact values beyond the float range that round to ±∞, and either zero when the exact value
    /// rounds to zero); +∞ when computed is NaN, or when exactly one of computed and the correctly rounded value is
    /// infinite (or both are, with opposite signs); otherwise |computed − exact| / ulp(exact) with
    /// ulp(y) = 2^(max(floor(log2|y|), −126) − 23), ulp(0) = 2^−149, evaluated exactly and rounded to double once
    /// (so a bar like 0.5 + 2^−20 ulp is decided to ~2^−53 relative, far finer than the 2^−20 margin).
    /// </summary>
    public static double Error(float computed, BigFloat exact)
    {
        if (float.IsNaN(computed))
        {
            return double.PositiveInfinity;
        }

        float rounded = FloatRounding.ToSingle(exact);
        if (computed == rounded)
        {
            return 0.0;
        }

        if (float.IsInfinity(computed) || float.IsInfinity(rounded))
        {
            return double.PositiveInfinity;
        }

        return (FloatRounding.FromSingle(computed) - exact).Abs().ScaleB(-FloatRounding.UlpExponent(exact)).ToDouble();
    }
}
