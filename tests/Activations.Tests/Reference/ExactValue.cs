using System;

namespace Activations.Tests.Reference;

/// <summary>What an <see cref="ExactValue"/> is: a finite nonzero number, a signed zero, a signed infinity, or NaN.</summary>
internal enum ExactKind
{
    /// <summary>A finite nonzero value held exactly in <see cref="ExactValue.Finite"/>.</summary>
    Finite,

    /// <summary>+0.</summary>
    PositiveZero,

    /// <summary>−0.</summary>
    NegativeZero,

    /// <summary>+∞.</summary>
    PositiveInfinity,

    /// <summary>−∞.</summary>
    NegativeInfinity,

    /// <summary>Not a number.</summary>
    NaN,
}

/// <summary>
/// An exact IEEE-style value: a nonzero <see cref="BigFloat"/>, or one of the specials BigFloat lacks (±0, ±∞, NaN).
/// The arithmetic applies the IEEE 754 rules for specials to EXACT operands and is itself exact for finite ones
/// (BigFloat +, × are exact), so an expression of these values is the exact result that a once-rounded IEEE
/// operation must round: 0·∞ and ∞ − ∞ are NaN, ∞·x has the sign of the product, an exact zero product has the
/// XOR of the operand signs, and an exact zero sum of nonzero (or opposite-signed zero) operands is +0
/// (round-to-nearest), while (−0) + (−0) = −0.
/// </summary>
internal readonly struct ExactValue : IEquatable<ExactValue>
{
    private ExactValue(ExactKind kind, BigFloat finite)
    {
        Kind = kind;
        Finite = finite;
    }

    public ExactKind Kind { get; }

    /// <summary>The value when <see cref="Kind"/> is <see cref="ExactKind.Finite"/> (never zero then); zero otherwise.</summary>
    public BigFloat Finite { get; }

    public static ExactValue NaN => new(ExactKind.NaN, BigFloat.Zero);

    public static ExactValue PositiveZero => new(ExactKind.PositiveZero, BigFloat.Zero);

    public static ExactValue NegativeZero => new(ExactKind.NegativeZero, BigFloat.Zero);

    public static ExactValue PositiveInfinity => new(ExactKind.PositiveInfinity, BigFloat.Zero);

    public static ExactValue NegativeInfinity => new(ExactKind.NegativeInfinity, BigFloat.Zero);

    public static ExactValue One => Of(BigFloat.One);

    public bool IsNaN => Kind == ExactKind.NaN;

    public bool IsZero => Kind is ExactKind.PositiveZero or ExactKind.NegativeZero;

    public bool IsInfinity => Kind is ExactKind.PositiveInfinity or ExactKind.NegativeInfinity;

    /// <summary>True for −0, −∞ and negative finite values (the IEEE sign bit); false for NaN.</summary>
    public bool IsNegative => Kind is ExactKind.NegativeZero or ExactKind.NegativeInfinity
        || (Kind == ExactKind.Finite && Finite.Sign < 0);

    /// <summary>A finite value; an exact zero becomes +0 (use <see cref="Zero"/> for a signed zero).</summary>
    public static ExactValue Of(BigFloat value) => value.IsZero ? PositiveZero : new(ExactKind.Finite, value);

    public static ExactValue Zero(bool negative) => negative ? NegativeZero : PositiveZero;

    public static ExactValue Infinity(bool negative) => negative ? NegativeInfinity : PositiveInfinity;

    /// <summary>The exact value of a double, specials and the sign of zero included.</summary>
    public static ExactValue FromDouble(double d) =>
        double.IsNaN(d) ? NaN
        : double.IsInfinity(d) ? Infinity(d < 0)
        : d == 0 ? Zero(double.IsNegative(d))
        : new(ExactKind.Finite, BigFloat.FromDouble(d));

    /// <summary>The exact value of a float (the float → double widening is exact).</summary>
    public static ExactValue FromSingle(float f) => FromDouble(f);

    public static ExactValue operator -(ExactValue x) => x.Kind switch
    {
        ExactKind.Finite => new(ExactKind.Finite, -x.Finite),
        ExactKind.PositiveZero => NegativeZero,
        ExactKind.NegativeZero => PositiveZero,
        ExactKind.PositiveInfinity => NegativeInfinity,
        ExactKind.NegativeInfinity => PositiveInfinity,
        _ => NaN,
    };

    /// <summary>IEEE product on exact operands: NaN propagates, 0·∞ = NaN, otherwise the sign is the XOR of the signs.</summary>
    public static ExactValue operator *(ExactValue x, ExactValue y)
    {
        if (x.IsNaN || y.IsNaN)
        {
            return NaN;
        }

        bool negative = x.IsNegative != y.IsNegative;
        if (x.IsInfinity || y.IsInfinity)
        {
            return x.IsZero || y.IsZero ? NaN : Infinity(negative);
        }

        if (x.IsZero || y.IsZero)
        {
            return Zero(negative);
        }

        return new(ExactKind.Finite, x.Finite * y.Finite);   // exact, and nonzero as both factors are
    }

    /// <summary>
    /// IEEE sum on exact operands: NaN propagates, ∞ + (−∞) = NaN, an infinity otherwise wins; a zero operand leaves
    /// the other; an exactly cancelling sum is +0, except (−0) + (−0) = −0.
    /// </summary>
    public static ExactValue operator +(ExactValue x, ExactValue y)
    {
        if (x.IsNaN || y.IsNaN)
        {
            return NaN;
        }

        if (x.IsInfinity || y.IsInfinity)
        {
            return x.IsInfinity && y.IsInfinity && x.IsNegative != y.IsNegative ? NaN
                : x.IsInfinity ? x
                : y;
        }

        if (x.IsZero && y.IsZero)
        {
            return Zero(x.IsNegative && y.IsNegative);
        }

        if (x.IsZero)
        {
            return y;
        }

        if (y.IsZero)
        {
            return x;
        }

        return Of(x.Finite + y.Finite);                       // exact; an exact cancellation gives +0
    }

    public static ExactValue operator -(ExactValue x, ExactValue y) => x + (-y);

    /// <summary>The correctly rounded double (round-half-even; overflow to ±∞; underflow to a zero of the exact sign).</summary>
    public double ToDouble() => Kind switch
    {
        ExactKind.Finite => Finite.ToDouble(),
        ExactKind.PositiveZero => 0.0,
        ExactKind.NegativeZero => -0.0,
        ExactKind.PositiveInfinity => double.PositiveInfinity,
        ExactKind.NegativeInfinity => double.NegativeInfinity,
        _ => double.NaN,
    };

    /// <summary>The correctly rounded float, straight from the exact value (<see cref="FloatRounding.ToSingle"/>).</summary>
    public float ToSingle() => Kind switch
    {
        ExactKind.Finite => FloatRounding.ToSingle(Finite),
        ExactKind.PositiveZero => 0f,
        ExactKind.NegativeZero => -0f,
        ExactKind.PositiveInfinity => float.PositiveInfinity,
        ExactKind.NegativeInfinity => float.NegativeInfinity,
        _ => float.NaN,
    };

    /// <summary>
    /// Error of a computed double in ulps of this exact value: 0 for NaN against NaN, +∞ for exactly one NaN, or for a
    /// computed value whose IEEE sign bit differs from the exact sign (so a zero of the wrong sign, or a tiny result
    /// of the wrong sign, fails any bar); ±∞ must be met exactly; otherwise <see cref="Ulp.Error"/> (for an exact
    /// zero, |computed| / 2^−1074).
    /// </summary>
    public double ErrorOf(double computed)
    {
        if (IsNaN || double.IsNaN(computed))
        {
            return IsNaN && double.IsNaN(computed) ? 0.0 : double.PositiveInfinity;
        }

        if (double.IsNegative(computed) != IsNegative)
        {
            return double.PositiveInfinity;
        }

        if (IsInfinity)
        {
            return double.IsInfinity(computed) ? 0.0 : double.PositiveInfinity;
        }

        return Ulp.Error(computed, Finite);
    }

    /// <summary>As <see cref="ErrorOf(double)"/>, in float ulps (<see cref="FloatUlp.Error"/>).</summary>
    public double ErrorOf(float computed)
    {
        if (IsNaN || float.IsNaN(computed))
        {
            return IsNaN && float.IsNaN(computed) ? 0.0 : double.PositiveInfinity;
        }

        if (float.IsNegative(computed) != IsNegative)
        {
            return double.PositiveInfinity;
        }

        if (IsInfinity)
        {
            return float.IsInfinity(computed) ? 0.0 : double.PositiveInfinity;
        }

        return FloatUlp.Error(computed, Finite);
    }

    public bool Equals(ExactValue other) => Kind == other.Kind && Finite == other.Finite;

    public override bool Equals(object? obj) => obj is ExactValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, Finite);

    public static bool operator ==(ExactValue x, ExactValue y) => x.Equals(y);

    public static bool operator !=(ExactValue x, ExactValue y) => !x.Equals(y);

    public override string ToString() => Kind == ExactKind.Finite ? Finite.ToString() : Kind.ToString();
}
