using System;
using System.Numerics;

namespace Activations.Tests.Reference;

/// <summary>
/// Arbitrary-precision binary floating-point number: value = <see cref="Mantissa"/> × 2^<see cref="Exponent"/>.
/// Independent reference arithmetic for the accuracy tests (written from scratch, no external code).
/// <para>
/// +, −, × and negation are EXACT (the mantissa simply grows). Division and the transcendental functions
/// (<see cref="Exp"/>, <see cref="ExpM1"/>, <see cref="Log1P"/>) round to a working precision given in bits
/// (default <see cref="DefaultPrecision"/>); internally they carry <see cref="GuardBits"/> extra bits so that
/// the documented relative error of the result is below 2^-(precision - 2).
/// </para>
/// There is no negative zero, NaN or infinity: those are the caller's business.
/// </summary>
internal readonly struct BigFloat : IComparable<BigFloat>, IEquatable<BigFloat>
{
    /// <summary>Default working precision in bits (relative error of transcendental results ≲ 2^-254).</summary>
    public const int DefaultPrecision = 256;

    /// <summary>Extra bits carried inside the transcendental functions to absorb rounding-error growth.</summary>
    public const int GuardBits = 64;

    /// <summary>
    /// |x| above which e^x is clamped. e^5000 ≈ 2^7213 is far above double.MaxValue (&lt; 2^1024) and
    /// e^-5000 ≈ 2^-7214 is far below half the smallest subnormal (2^-1075), even after multiplying by any
    /// finite double (|factor| &lt; 2^1024): so clamping changes no correctly rounded double result while keeping
    /// mantissas and exponents small. Clamped results are still nonzero with the right sign and a sensible,
    /// out-of-range magnitude.
    /// </summary>
    public const int ExpClamp = 5000;

    public BigInteger Mantissa { get; }

    public long Exponent { get; }

    public BigFloat(BigInteger mantissa, long exponent)
    {
        Mantissa = mantissa;
        Exponent = mantissa.IsZero ? 0 : exponent;
    }

    public static BigFloat Zero => default;

    public static BigFloat One => new(BigInteger.One, 0);

    public static BigFloat Two => new(BigInteger.One, 1);

    public int Sign => Mantissa.Sign;

    public bool IsZero => Mantissa.IsZero;

    /// <summary>Number of significant bits of |mantissa| (0 for zero).</summary>
    public long BitLength => BigInteger.Abs(Mantissa).GetBitLength();

    /// <summary>floor(log2|x|) + 1 for x ≠ 0, i.e. |x| ∈ [2^(Magnitude-1), 2^Magnitude). long.MinValue for 0.</summary>
    public long Magnitude => IsZero ? long.MinValue : Exponent + BitLength;

    // ------------------------------------------------------------------ conversions

    /// <summary>Exact conversion of a finite double (−0 becomes 0).</summary>
    public static BigFloat FromDouble(double d)
    {
        if (!double.IsFinite(d))
        {
            throw new ArgumentOutOfRangeException(nameof(d), d, "Only finite doubles are representable.");
        }

        long bits = BitConverter.DoubleToInt64Bits(d);
        int biased = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xF_FFFF_FFFF_FFFFL;
        long mantissa = biased == 0 ? fraction : fraction | (1L << 52);
        long exponent = biased == 0 ? -1074 : biased - 1075;
        return new BigFloat(bits < 0 ? -mantissa : mantissa, exponent);
    }

    public static BigFloat FromInteger(BigInteger value) => new(value, 0);

    /// <summary>
    /// Correctly rounded conversion (round-half-even) of this exact value to double, including subnormals,
    /// ±∞ when the rounded magnitude reaches 2^1024, and +0 / −0 when it rounds below the smallest subnormal.
    /// </summary>
    public double ToDouble()
    {
        if (IsZero)
        {
            return 0.0;
        }

        bool negative = Mantissa.Sign < 0;
        BigInteger a = BigInteger.Abs(Mantissa);
        long n = (long)a.GetBitLength();
        long e = Exponent + n - 1;                 // |x| ∈ [2^e, 2^(e+1))
        if (e > 1023)
        {
            return negative ? double.NegativeInfinity : double.PositiveInfinity;
        }

        // The ulp of the target double: 2^q with q = max(e, -1022) - 52 (so q ≥ -1074, subnormals included).
        long q = Math.Max(e, -1022) - 52;
        long m;                                    // result = m × 2^q, 0 ≤ m ≤ 2^53
        if (q <= Exponent)
        {
            m = (long)(a << (int)(Exponent - q));  // exact: fits in 53 bits
        }
        else
        {
            long shift = q - Exponent;             // number of bits to drop (≥ 1)
            if (shift > n + 1)
            {
                m = 0;                             // |x| < 2^(q-2): below half an ulp, rounds to 0
            }
            else
            {
                BigInteger kept = a >> (int)shift;
                BigInteger rest = a - (kept << (int)shift);
                BigInteger half = BigInteger.One << (int)(shift - 1);
                m = (long)kept;
                int cmp = rest.CompareTo(half);
                if (cmp > 0 || (cmp == 0 && (m & 1) == 1))
                {
                    m++;                           // round half to even
                }
            }
        }

        if (m == 1L << 53)
        {
            m >>= 1;
            q++;
        }

        long resultBits;
        if (m >= 1L << 52)
        {
            long biased = q + 52 + 1023;           // normal number
            if (biased >= 2047)
            {
                return negative ? double.NegativeInfinity : double.PositiveInfinity;
            }

            resultBits = (biased << 52) | (m - (1L << 52));
        }
        else
        {
            resultBits = m;                        // subnormal (then q == -1074) or zero
        }

        double result = BitConverter.Int64BitsToDouble(resultBits);
        return negative ? -result : result;
    }

    public override string ToString() =>
        IsZero ? "0" : $"{ToDouble():R} [{Mantissa.Sign * BitLength}-bit mantissa × 2^{Exponent}]";

    // ------------------------------------------------------------------ exact arithmetic

    public static BigFloat operator -(BigFloat x) => new(-x.Mantissa, x.Exponent);

    public static BigFloat operator +(BigFloat x, BigFloat y)
    {
        if (x.IsZero)
        {
            return y;
        }

        if (y.IsZero)
        {
            return x;
        }

        // Align to the smaller exponent; exact.
        return x.Exponent >= y.Exponent
            ? new BigFloat((x.Mantissa << checked((int)(x.Exponent - y.Exponent))) + y.Mantissa, y.Exponent)
            : new BigFloat(x.Mantissa + (y.Mantissa << checked((int)(y.Exponent - x.Exponent))), x.Exponent);
    }

    public static BigFloat operator -(BigFloat x, BigFloat y) => x + (-y);

    public static BigFloat operator *(BigFloat x, BigFloat y) =>
        new(x.Mantissa * y.Mantissa, x.Exponent + y.Exponent);

    /// <summary>Division rounded to <see cref="DefaultPrecision"/> bits.</summary>
    public static BigFloat operator /(BigFloat x, BigFloat y) => Divide(x, y, DefaultPrecision);

    public static bool operator ==(BigFloat x, BigFloat y) => x.CompareTo(y) == 0;

    public static bool operator !=(BigFloat x, BigFloat y) => x.CompareTo(y) != 0;

    public static bool operator <(BigFloat x, BigFloat y) => x.CompareTo(y) < 0;

    public static bool operator >(BigFloat x, BigFloat y) => x.CompareTo(y) > 0;

    public static bool operator <=(BigFloat x, BigFloat y) => x.CompareTo(y) <= 0;

    public static bool operator >=(BigFloat x, BigFloat y) => x.CompareTo(y) >= 0;

    public BigFloat Abs() => Sign < 0 ? -this : this;

    /// <summary>x × 2^k, exact.</summary>
    public BigFloat ScaleB(long k) => new(Mantissa, Exponent + k);

    public int CompareTo(BigFloat other)
    {
        if (Sign != other.Sign)
        {
            return Sign.CompareTo(other.Sign);
        }

        if (Sign == 0)
        {
            return 0;
        }

        // Same nonzero sign: different magnitudes decide without any big shift.
        long ma = Magnitude, mb = other.Magnitude;
        if (ma != mb)
        {
            return (ma > mb ? 1 : -1) * Sign;
        }

        return (this - other).Sign;
    }

    public bool Equals(BigFloat other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is BigFloat other && Equals(other);

    public override int GetHashCode()
    {
        if (IsZero)
        {
            return 0;
        }

        // Hash the canonical form (odd mantissa), so equal values hash equally.
        long tz = (long)BigInteger.TrailingZeroCount(BigInteger.Abs(Mantissa));
        return HashCode.Combine(Mantissa >> (int)tz, Exponent + tz);
    }

    // ------------------------------------------------------------------ rounded arithmetic

    /// <summary>Rounds the mantissa to at most <paramref name="bits"/> significant bits (to nearest, ties away).</summary>
    public BigFloat Round(int bits)
    {
        long n = BitLength;
        if (n <= bits)
        {
            return this;
        }

        int drop = (int)(n - bits);
        BigInteger a = ((BigInteger.Abs(Mantissa) >> (drop - 1)) + 1) >> 1;
        return new BigFloat(Sign < 0 ? -a : a, Exponent + drop);
    }

    /// <summary>
    /// x + y rounded to <paramref name="bits"/> bits (relative error &lt; 2^-(bits-1), cancellation included) without building huge mantissas
    /// when the exponents are far apart (e.g. 1 + e^-5000): an addend below 2^-(bits+16) of the larger one is
    /// replaced by a "sticky" value of the same sign at 2^-(bits+16), which moves the sum by &lt; 2^-(bits+14)
    /// relative but still tells later roundings (e.g. <see cref="ToDouble"/> at a tie) which side the true sum is on.
    /// </summary>
    public static BigFloat Add(BigFloat x, BigFloat y, int bits)
    {
        if (x.IsZero || y.IsZero)
        {
            return (x + y).Round(bits);
        }

        if (x.Magnitude < y.Magnitude)
        {
            (x, y) = (y, x);
        }

        // Otherwise the sum is formed exactly (its mantissa is then at most ~bits+16 bits longer than the
        // operands'), so cancellation between close operands is harmless.
        long floor = x.Magnitude - bits - 16;
        if (y.Magnitude < floor)
        {
            x = x.Round(bits + 16);
            y = new BigFloat(y.Sign, floor - 1);
        }

        return (x + y).Round(bits);
    }

    /// <summary>x / y with relative error &lt; 2^-bits (truncated quotient of ≥ bits+1 bits, then rounded).</summary>
    public static BigFloat Divide(BigFloat x, BigFloat y, int bits)
    {
        if (y.IsZero)
        {
            throw new DivideByZeroException();
        }

        if (x.IsZero)
        {
            return Zero;
        }

        long shift = Math.Max(0, bits + 2 + y.BitLength - x.BitLength);
        BigInteger q = BigInteger.Divide(x.Mantissa << (int)shift, y.Mantissa);
        return new BigFloat(q, x.Exponent - shift - y.Exponent).Round(bits);
    }

    /// <summary>round(x × 2^bits) as an integer (fixed point with <paramref name="bits"/> fraction bits; error ≤ 1).</summary>
    private static BigInteger ToFixed(BigFloat x, int bits)
    {
        long shift = x.Exponent + bits;
        if (shift >= 0)
        {
            return x.Mantissa << (int)shift;
        }

        return -shift > x.BitLength + 1 ? BigInteger.Zero : x.Mantissa >> (int)-shift;
    }

    // ------------------------------------------------------------------ transcendental functions

    /// <summary>
    /// e^t − 1 for |t| ≤ 1/2, relative error ≲ 2^-(bits-4), also for tiny |t| (down to 2^-1074 and below).
    /// <para>
    /// Range reduction: u = t / 2^s with s chosen so |u| &lt; 2^-10 (s = 0 when t is already that small).
    /// Series: expm1(u) = u·G(u), G(u) = Σ_{n≥0} u^n/(n+1)!, summed in fixed point with fb = bits+16 fraction
    /// bits (≤ ~30 terms, each truncated by ≤ 1 unit; G ∈ (0.999, 1.001) so this absolute error is also relative).
    /// If s = 0, expm1(t) = u·G(u) is formed in floating point: full RELATIVE accuracy however tiny t is.
    /// If s &gt; 0, |u| ≥ 2^-11, so u in fixed point still has ≥ fb−11 = bits+5 significant bits, and the
    /// reconstruction expm1(2v) = expm1(v)·(expm1(v) + 2), applied s ≤ 10 times, runs in fixed point too:
    /// each step doubles both the value and its absolute error (plus 1 unit of truncation), so the relative error
    /// stays ≲ 2^-(bits+4) while E grows from ~2^-11 to at most e^0.5 − 1.
    /// </para>
    /// </summary>
    private static BigFloat ExpM1Core(BigFloat t, int bits)
    {
        if (t.IsZero)
        {
            return Zero;
        }

        int s = (int)Math.Max(0, t.Magnitude + 10);
        BigFloat u = t.ScaleB(-s);
        int fb = bits + 16;
        BigInteger w = ToFixed(u, fb);
        BigInteger one = BigInteger.One << fb;
        BigInteger term = one, sum = one;
        for (int n = 1; n < 10_000; n++)
        {
            term = ((term * w) >> fb) / (n + 1);   // term = u^n/(n+1)!
            if (term.IsZero)
            {
                break;
            }

            sum += term;
        }

        if (s == 0)
        {
            return (u * new BigFloat(sum, -fb)).Round(bits);
        }

        BigInteger e = (w * sum) >> fb;
        BigInteger two = one << 1;
        for (int i = 0; i < s; i++)
        {
            e = (e * (e + two)) >> fb;
        }

        return new BigFloat(e, -fb).Round(bits);
    }

    /// <summary>
    /// atanh(z) for |z| ≤ 0.18 (z ≠ ±1): z·H(z²), H(w) = Σ_{k≥0} w^k/(2k+1) summed in fixed point
    /// (w ≤ 0.0295 gives ≥ 5 bits per term; H ∈ [1, 1.01] so absolute ≈ relative error, ≤ 1 unit per term).
    /// Also used with z = 1/3 for ln 2 = 2 atanh(1/3).
    /// </summary>
    private static BigFloat AtanhCore(BigFloat z, int bits)
    {
        BigInteger w = ToFixed(z * z, bits);
        BigInteger one = BigInteger.One << bits;
        BigInteger power = one, sum = one;
        for (int k = 1; k < 100_000; k++)
        {
            power = (power * w) >> bits;
            if (power.IsZero)
            {
                break;
            }

            sum += power / (2 * k + 1);
        }

        return (z * new BigFloat(sum, -bits)).Round(bits);
    }

    private sealed class Ln2Cache(int bits, BigFloat value)
    {
        public int Bits { get; } = bits;

        public BigFloat Value { get; } = value;
    }

    private static Ln2Cache _ln2 = ComputeLn2(1024);

    private static Ln2Cache ComputeLn2(int bits)
    {
        int b = bits + 32;
        BigFloat third = Divide(One, FromInteger(3), b);
        return new Ln2Cache(bits, AtanhCore(third, b).ScaleB(1).Round(bits));   // ln 2 = 2 atanh(1/3)
    }

    /// <summary>ln 2 to <paramref name="bits"/> bits (cached; recomputed at higher precision on demand).</summary>
    public static BigFloat Ln2(int bits)
    {
        Ln2Cache cache = _ln2;
        if (cache.Bits < bits)
        {
            cache = ComputeLn2(bits + 64);
            _ln2 = cache;   // benign race: any cached value is correct
        }

        return cache.Value.Round(bits);
    }

    /// <summary>
    /// e^x with relative error &lt; 2^-(bits-2).
    /// |x| ≤ 1/2: 1 + ExpM1Core(x). Otherwise x is clamped to ±<see cref="ExpClamp"/>, then
    /// x = k·ln2 + r with k = round(x/ln2), |r| ≲ 0.35, and e^x = 2^k·(1 + expm1(r)). ln 2 is taken to
    /// bits+GuardBits+20 bits, so with |k| ≤ 7214 &lt; 2^13 the absolute error in r (= relative error in e^x)
    /// is ≲ 2^-(bits+GuardBits).
    /// </summary>
    public static BigFloat Exp(BigFloat x, int bits = DefaultPrecision)
    {
        int wb = bits + GuardBits;
        if (x.Abs() <= Half)
        {
            return Add(One, ExpM1Core(x, wb), bits);
        }

        x = Clamp(x);
        long k = (long)Math.Round(x.ToDouble() / Math.Log(2.0));
        BigFloat r = (x - FromInteger(k) * Ln2(wb + 20)).Round(wb);
        return Add(One, ExpM1Core(r, wb), bits).ScaleB(k);
    }

    /// <summary>
    /// e^x − 1 with relative error &lt; 2^-(bits-2), also for tiny |x| (no cancellation: the series gives
    /// expm1 directly). For |x| &gt; 1/2, e^x − 1 is computed from <see cref="Exp"/>: there |e^x − 1| ≥ 0.39 and
    /// e^x/|e^x − 1| ≤ 2.6, so the subtraction loses at most 2 bits of the guard bits.
    /// </summary>
    public static BigFloat ExpM1(BigFloat x, int bits = DefaultPrecision)
    {
        int wb = bits + GuardBits;
        return x.Abs() <= Half
            ? ExpM1Core(x, wb).Round(bits)
            : Add(Exp(x, wb), -One, bits);
    }

    /// <summary>
    /// (e^x, e^x − 1), each with relative error &lt; 2^-(bits-2), from a single kernel evaluation
    /// (see <see cref="Exp"/> and <see cref="ExpM1"/> for the error arguments).
    /// </summary>
    public static (BigFloat Exp, BigFloat ExpM1) ExpAndExpM1(BigFloat x, int bits = DefaultPrecision)
    {
        int wb = bits + GuardBits;
        if (x.Abs() <= Half)
        {
            BigFloat em1 = ExpM1Core(x, wb);
            return (Add(One, em1, bits), em1.Round(bits));
        }

        BigFloat e = Exp(x, wb);
        return (e.Round(bits), Add(e, -One, bits));
    }

    /// <summary>
    /// ln(1 + u) for u &gt; −1 with relative error &lt; 2^-(bits-2), also for tiny |u|.
    /// Write a = 1 + u (exact) = 2^m·f with f ∈ [1/√2, √2); then ln a = m·ln2 + 2·atanh((f−1)/(f+1)).
    /// When m = 0, f − 1 is u itself (exact, no cancellation), so the result keeps full relative accuracy.
    /// When m ≠ 0, |m·ln2| ≥ 0.69 ≥ 2|ln f| so the sum cannot cancel by more than a factor 2.
    /// |(f−1)/(f+1)| ≤ 0.172, the domain of <see cref="AtanhCore"/>.
    /// </summary>
    public static BigFloat Log1P(BigFloat u, int bits = DefaultPrecision)
    {
        if (u.IsZero)
        {
            return Zero;
        }

        BigFloat a = Add(One, u, bits + GuardBits + 16);   // used exactly only via u when m = 0
        if (a.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(u), "Log1P needs u > -1.");
        }

        int wb = bits + GuardBits;
        long e = a.Magnitude - 1;                       // a ∈ [2^e, 2^(e+1))
        double leading = a.ScaleB(-e).Round(60).ToDouble();   // a/2^e ∈ [1, 2], enough to place vs √2
        long m = leading > Math.Sqrt(2.0) ? e + 1 : e;
        BigFloat num = m == 0 ? u : a.ScaleB(-m) - One;  // f − 1, exact
        BigFloat z = Divide(num, num + Two, wb);
        BigFloat result = AtanhCore(z, wb).ScaleB(1);
        if (m != 0)
        {
            result += FromInteger(m) * Ln2(wb + 20);
        }

        return result.Round(bits);
    }

    private static BigFloat Half => new(BigInteger.One, -1);

    private static BigFloat Clamp(BigFloat x)
    {
        BigFloat limit = FromInteger(ExpClamp);
        return x > limit ? limit : x < -limit ? -limit : x;
    }
}
