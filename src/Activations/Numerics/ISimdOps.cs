using System;

namespace Activations.Numerics;

/// <summary>
/// The arithmetic that every kernel is written in, implemented once for a scalar
/// <see cref="double"/> and once per vector width. Every member is a single IEEE 754
/// operation (or an exact bit manipulation), so a kernel written against this interface
/// performs the same correctly rounded operations on every lane of every width: the
/// scalar overload and the span overloads give identical bits on every instruction set.
/// </summary>
/// <typeparam name="T">The value type: <see cref="double"/> or a vector of doubles (or a vector of floats, whose
/// operations serve only the kernels that are exact in float: see <see cref="Vector512SingleOps"/>).</typeparam>
/// <typeparam name="TMask">The result of a comparison: <see cref="bool"/> or a lane mask.</typeparam>
internal interface ISimdOps<T, TMask>
{
    /// <summary>The number of lanes in one <typeparamref name="T"/>.</summary>
    static abstract int Count { get; }

    /// <summary>Loads <see cref="Count"/> doubles starting at source + index.</summary>
    static abstract T Load(ref double source, nuint index);

    /// <summary>Stores <see cref="Count"/> doubles starting at destination + index.</summary>
    static abstract void Store(T value, ref double destination, nuint index);

    /// <summary>Whether <see cref="StoreAlignedNonTemporal"/> bypasses the caches on this processor.</summary>
    static abstract bool CanStoreNonTemporal { get; }

    /// <summary>Stores <see cref="Count"/> doubles at an address aligned to their size, bypassing the caches.</summary>
    static abstract void StoreAlignedNonTemporal(T value, ref double destination, nuint index);

    /// <summary>Loads <see cref="Count"/> floats starting at source + index, each converted to double (exactly).</summary>
    static abstract T LoadWidening(ref float source, nuint index);

    /// <summary>Stores <see cref="Count"/> doubles as floats starting at destination + index, each rounded once to nearest float (ties to even; subnormal floats and the overflow threshold exact).</summary>
    static abstract void StoreNarrowing(T value, ref float destination, nuint index);

    static abstract T Create(double value);

    static abstract T Add(T x, T y);

    static abstract T Subtract(T x, T y);

    static abstract T Multiply(T x, T y);

    static abstract T Divide(T x, T y);

    /// <summary>x·y + addend with a single rounding (never the unfused estimate).</summary>
    static abstract T FusedMultiplyAdd(T x, T y, T addend);

    /// <summary>Flips the sign bit, so −(+0) is −0 on every path.</summary>
    static abstract T Negate(T x);

    /// <summary>Clears the sign bit.</summary>
    static abstract T Abs(T x);

    static abstract TMask GreaterThan(T x, T y);

    static abstract TMask GreaterThanOrEqual(T x, T y);

    static abstract TMask LessThan(T x, T y);

    static abstract TMask LessThanOrEqual(T x, T y);

    /// <summary>
    /// True where x &gt; y or either is NaN: the complement of <see cref="LessThanOrEqual"/> (on 256-bit
    /// float lanes the JIT emits one <c>vcmpnleps</c> for it).
    /// </summary>
    static abstract TMask GreaterThanOrUnordered(T x, T y);

    static abstract TMask Equal(T x, T y);

    static abstract TMask IsNaN(T x);

    static abstract TMask Or(TMask x, TMask y);

    static abstract T Select(TMask mask, T whenTrue, T whenFalse);

    /// <summary>Whether any lane of the mask is set (a branch hint only: both branches must agree).</summary>
    static abstract bool Any(TMask mask);

    /// <summary>
    /// 2^k for an integer-valued k in [−1022, 1023], given as <c>k + 0x1.8p52 + 1023</c>:
    /// the biased exponent then sits in the low bits of the significand and a 52-bit left
    /// shift moves it into the exponent field.
    /// </summary>
    static abstract T ShiftIntoExponent(T biasedInLowBits);

    /// <summary>
    /// The double whose bit pattern is entry's plus shifted's moved 48 places left (as 64-bit
    /// integers, modulo 2^64). With shifted = <c>0x1.8p52 + n</c> for an integer n = 16k + j, the
    /// addend is k·2^52 + j·2^48: added to a table entry that holds the bits of m minus j·2^48, it
    /// gives m·2^k while that is a normal number.
    /// </summary>
    static abstract T AddShiftedBits(T entry, T shifted);

    /// <summary>Whether any lane has |x| &gt; limit or is NaN (limit ≥ 0; compared as bit patterns).</summary>
    static abstract bool AnyMagnitudeAbove(T x, double limit);

    /// <summary>
    /// table[i &amp; 15] in each lane, where i is the lane's bit pattern read as an integer: a lookup
    /// in a 16-entry table (by index arithmetic, a gather or a permute across registers — each
    /// width reads the same entries, so the results are the same bits).
    /// </summary>
    static abstract T Lookup16(ReadOnlySpan<double> table, T index);

    /// <summary>
    /// Whether any lane has |x| &gt; high or is NaN, or has 0 &lt; |x| &lt; low (0 &lt; low ≤ high;
    /// compared as bit patterns): the window test of the fused backward kernels, in which ±0 counts
    /// as inside, since a zero factor needs no scaling.
    /// </summary>
    static abstract bool AnyMagnitudeOutside(T x, double low, double high);

    /// <summary>
    /// The biased exponent field of x (bits 52 to 62, 0 … 2047) as a double: exact bit extraction,
    /// so the same value on every width.
    /// </summary>
    static abstract T ExponentField(T x);

    /// <summary>z − x·y with a single rounding: the fused multiply-add of −x, in one instruction where there is one.</summary>
    static abstract T FusedMultiplyAddNegated(T x, T y, T z);

    /// <summary>x·y − z with a single rounding: the fused multiply-add of −z, in one instruction where there is one.</summary>
    static abstract T FusedMultiplySubtract(T x, T y, T z);

    /// <summary>
    /// Whether any lane has |x| &lt; low (±0 included) or |x| &gt; high or is NaN (0 &lt; low ≤ high;
    /// compared as bit patterns): one test for the two rare ranges of a kernel, its series near 0
    /// and its far tails, or for the domain of a fast float kernel. One add and one signed compare on
    /// the magnitude's bits (see <see cref="MagnitudeWindow"/>).
    /// </summary>
    static abstract bool AnyMagnitudeBelowOrAbove(T x, double low, double high);

    /// <summary>The magnitude of <paramref name="magnitude"/> with the sign bit of <paramref name="sign"/> (bit operations only).</summary>
    static abstract T CopySign(T magnitude, T sign);

    /// <summary>
    /// The lane-wise maximum, as signed 64-bit integers, of <paramref name="accumulator"/> and the
    /// bit pattern of |x|: over a run of vectors, started from +0, the largest magnitude's bits
    /// (NaN magnitudes above ∞'s), for <see cref="AllBitsAtMost"/> (bit operations only).
    /// </summary>
    static abstract T MaxMagnitudeBits(T accumulator, T x);

    /// <summary>
    /// The lane-wise minimum, as unsigned 64-bit integers, of <paramref name="accumulator"/> and the
    /// bit pattern of |x| less 1: over a run of vectors, started from all ones, the smallest nonzero
    /// magnitude's bits less 1 (±0 wraps to the largest value, so it never counts), for
    /// <see cref="AllBitsAtLeast"/> (bit operations only).
    /// </summary>
    static abstract T MinNonZeroMagnitudeBits(T accumulator, T x);

    /// <summary>Whether every lane's bit pattern, as an unsigned 64-bit integer, is at most <paramref name="bound"/>.</summary>
    static abstract bool AllBitsAtMost(T bits, ulong bound);

    /// <summary>Whether every lane's bit pattern, as an unsigned 64-bit integer, is at least <paramref name="bound"/>.</summary>
    static abstract bool AllBitsAtLeast(T bits, ulong bound);

    /// <summary>
    /// Whether any lane lies within 2^14 of its own ulps of a midpoint between two neighbouring
    /// floats, as its bits tell: the low 29 bits of the significand (those that rounding to float
    /// drops) lie in [2^28 − 2^14, 2^28 + 2^14) (bit operations only). For a value
    /// in the normal float range that is the rounding test of the fast float kernels: 2^14 ulps are
    /// at least 2^−39 of the value, so a value that passes it rounds to float as every value within
    /// 2^−39 of it does.
    /// </summary>
    static abstract bool AnyNearFloatMidpoint(T x);
}
