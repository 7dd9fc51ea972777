using System;
using System.Numerics;

namespace Activations.Tests.Reference;

/// <summary>
/// The normal distribution and the error function in arbitrary precision, beside <see cref="BigFloat"/>
/// (written from scratch from the textbook series and continued fraction; no external code).
/// <para>
/// The core is the upper tail Q(a) = Φ(−a) = erfc(a/√2)/2 for a ≥ 0, with φ(a) = e^(−a²/2)/√(2π):
/// for a &lt; 6, Q = 1/2 − φ(a)·S(a) with S(a) = Σ a^(2n+1)/(1·3·…·(2n+1)) (all terms positive, so S keeps
/// its relative accuracy; the subtraction from 1/2 cancels log₂(1/(2Q)) &lt; 31 bits, which the working
/// precision carries as extra guard bits); for a ≥ 6, Q = φ(a)/(a + 1/(a + 2/(a + 3/(a + …)))) (Laplace's
/// continued fraction, every partial value positive), evaluated from the bottom up with
/// N = 2·((bits + 64)·ln 2/(2a))² + 80 levels, which leaves its truncation error below 2^−(bits + 40)
/// (a 160-digit comparison at 320 bits: 503 levels are needed at a = 6, against N = 1064, and 58 at
/// a = 40, against 143; the self-tests check it against N doubled and against the series at the
/// switch). π comes from Machin's formula and
/// √(2π) from an integer square root, both in fixed point.
/// </para>
/// </summary>
internal static class BigFloatErf
{
    /// <summary>Below this a the series is used, from it the continued fraction.</summary>
    public const double SeriesLimit = 6.0;

    private sealed record Cached(int Bits, BigFloat Value);

    private static Cached _pi = new(1200, ComputePi(1200));

    private static Cached _rootTwoPi = new(0, BigFloat.Zero);

    /// <summary>π to <paramref name="bits"/> bits (cached; recomputed at higher precision on demand).</summary>
    public static BigFloat Pi(int bits)
    {
        Cached cache = _pi;
        if (cache.Bits < bits)
        {
            cache = new Cached(bits + 64, ComputePi(bits + 64));
            _pi = cache;   // benign race: any cached value is correct to its own precision
        }

        return cache.Value.Round(bits);
    }

    /// <summary>√(2π) to <paramref name="bits"/> bits (cached).</summary>
    private static BigFloat RootTwoPi(int bits)
    {
        Cached cache = _rootTwoPi;
        if (cache.Bits < bits)
        {
            cache = new Cached(bits + 64, Sqrt(Pi(bits + 72).ScaleB(1), bits + 64));
            _rootTwoPi = cache;
        }

        return cache.Value.Round(bits);
    }

    /// <summary>π = 16·atan(1/5) − 4·atan(1/239) in fixed point with 64 guard bits (each term truncated by at most one unit).</summary>
    private static BigFloat ComputePi(int bits)
    {
        int fb = bits + 64;
        BigInteger value = (16 * AtanInverse(5, fb)) - (4 * AtanInverse(239, fb));
        return new BigFloat(value, -fb).Round(bits);
    }

    /// <summary>atan(1/m)·2^fb = Σ (−1)^k/((2k + 1)·m^(2k+1)), truncated.</summary>
    private static BigInteger AtanInverse(int m, int fb)
    {
        BigInteger power = (BigInteger.One << fb) / m;
        BigInteger m2 = m * m;
        BigInteger sum = 0;
        for (int k = 0; !power.IsZero; k++)
        {
            BigInteger term = power / ((2 * k) + 1);
            sum += (k & 1) == 0 ? term : -term;
            power /= m2;
        }

        return sum;
    }

    /// <summary>√x for x &gt; 0 to <paramref name="bits"/> bits (integer square root of the mantissa scaled to an even exponent).</summary>
    public static BigFloat Sqrt(BigFloat x, int bits)
    {
        if (x.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(x), "Sqrt needs x > 0.");
        }

        // x = m·2^e with m shifted so that it has at least 2·(bits + 8) bits and e even.
        long shift = Math.Max(0, (2 * (bits + 8)) - x.BitLength);
        long e = x.Exponent - shift;
        if ((e & 1) != 0)
        {
            shift++;
            e--;
        }

        BigInteger m = x.Mantissa << (int)shift;
        return new BigFloat(IntegerSqrt(m), e / 2).Round(bits);
    }

    /// <summary>⌊√n⌋ by Newton's iteration from above.</summary>
    private static BigInteger IntegerSqrt(BigInteger n)
    {
        BigInteger x = BigInteger.One << (int)((n.GetBitLength() / 2) + 1);
        while (true)
        {
            BigInteger y = (x + (n / x)) >> 1;
            if (y >= x)
            {
                return x;
            }

            x = y;
        }
    }

    /// <summary>φ(a) = e^(−a²/2)/√(2π), relative error below 2^−(bits − 4).</summary>
    public static BigFloat Density(BigFloat a, int bits)
    {
        int wb = bits + 16;
        BigFloat e = BigFloat.Exp(-(a * a).ScaleB(-1), wb);
        return BigFloat.Divide(e, RootTwoPi(wb), bits);
    }

    /// <summary>The number of continued-fraction levels for a ≥ 6 at <paramref name="bits"/> bits (see the type's summary).</summary>
    public static int ContinuedFractionLevels(double a, int bits)
    {
        double r = (bits + 64) * Math.Log(2) / (2 * a);
        return (int)Math.Ceiling(2 * r * r) + 80;
    }

    /// <summary>
    /// Q(a) = Φ(−a) = erfc(a/√2)/2 for a ≥ 0, relative error below 2^−(bits − 8), by the series or the
    /// continued fraction (<paramref name="levels"/> overrides the number of levels, for the self-tests;
    /// <paramref name="forceSeries"/> takes the series at any a).
    /// </summary>
    public static BigFloat NormalTail(BigFloat a, int bits, int levels = 0, bool forceSeries = false)
    {
        if (a.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(a), "NormalTail needs a ≥ 0.");
        }

        double approx = a.ToDouble();
        if (forceSeries || approx < SeriesLimit)
        {
            // 1/2 − φ·S cancels about a²/2·log₂e + log₂(a) + 2 bits.
            int extra = (int)Math.Ceiling((approx * approx * 0.7213475204444817) + Math.Log2(approx + 1) + 8);
            int wb = bits + extra + 16;
            BigFloat a2 = a * a;
            BigFloat term = a;
            BigFloat sum = a;
            for (int n = 1; n < 100_000; n++)
            {
                term = BigFloat.Divide(term * a2, BigFloat.FromInteger((2 * n) + 1), wb);
                sum += term;
                if (term.IsZero || term.Magnitude < sum.Magnitude - wb - 8)
                {
                    break;
                }
            }

            BigFloat phiS = Density(a, wb) * sum.Round(wb);
            return BigFloat.Add(new BigFloat(1, -1), -phiS, wb).Round(bits);
        }

        int cb = bits + 24;
        int count = levels > 0 ? levels : ContinuedFractionLevels(approx, bits);
        BigFloat v = a;
        for (int k = count; k >= 1; k--)
        {
            v = BigFloat.Add(a, BigFloat.Divide(BigFloat.FromInteger(k), v, cb), cb);
        }

        return BigFloat.Divide(Density(a, cb), v, bits);
    }

    /// <summary>Φ(x) for a finite x: Q(−x) for x ≤ 0, 1 − Q(x) above (Q ≤ 1/2 there, no cancellation).</summary>
    public static BigFloat NormalCdf(BigFloat x, int bits) =>
        x.Sign <= 0 ? NormalTail(-x, bits) : BigFloat.Add(BigFloat.One, -NormalTail(x, bits + 2), bits);

    /// <summary>erfc(z) = 2·Q(z√2) for z ≥ 0 and 2 − erfc(−z) below, relative error below 2^−(bits − 10).</summary>
    public static BigFloat Erfc(BigFloat z, int bits)
    {
        int wb = bits + 16;
        BigFloat a = z.Abs() * Sqrt(BigFloat.Two, wb + (int)Math.Max(0, z.Abs().Magnitude + 16));
        BigFloat q = NormalTail(a.Round(wb + 64), wb).ScaleB(1);
        return (z.Sign >= 0 ? q : BigFloat.Add(BigFloat.Two, -q, wb)).Round(bits);
    }

    /// <summary>
    /// erf(z) by its own alternating Taylor series (2/√π)·Σ (−1)^n z^(2n+1)/(n!(2n+1)), independent of
    /// <see cref="Erfc"/>: the terms reach about e^(z²) before they fall, so the sum carries z²·log₂e
    /// extra bits; meant for |z| up to about 6.
    /// </summary>
    public static BigFloat Erf(BigFloat z, int bits)
    {
        double approx = Math.Abs(z.ToDouble());
        int wb = bits + (int)Math.Ceiling(approx * approx * 1.4426950408889634) + 24;
        BigFloat z2 = z * z;
        BigFloat power = z;   // z^(2n+1)/n!
        BigFloat sum = z;
        for (int n = 1; n < 100_000; n++)
        {
            power = BigFloat.Divide(-(power * z2), BigFloat.FromInteger(n), wb);
            BigFloat term = BigFloat.Divide(power, BigFloat.FromInteger((2 * n) + 1), wb);
            sum += term;
            if (term.IsZero || (term.Magnitude < sum.Magnitude - wb - 8 && n > approx * approx))
            {
                break;
            }
        }

        BigFloat twoOverRootPi = BigFloat.Divide(BigFloat.Two, Sqrt(Pi(wb), wb), wb);
        return (sum.Round(wb) * twoOverRootPi).Round(bits);
    }
}
