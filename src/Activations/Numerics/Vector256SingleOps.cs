using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Vec = System.Runtime.Intrinsics.Vector256<float>;

namespace Activations.Numerics;

/// <summary>
/// The lane-wise <see cref="ISimdOps{T, TMask}"/> of a <see cref="Vector256{T}"/> of floats, for the
/// kernels that are exact in float (<see cref="Kernels.IUnaryKernel.ExactInFloat"/>): comparisons with
/// constants that are floats, selects between constants (rounded to float by <see cref="Create"/>,
/// as the double result would be), and x itself. A float loaded here is quieted as the widening to
/// double quiets it (a signalling NaN gains its quiet bit, nothing else changes), so every result
/// has the bits of the double kernel's result rounded to float. The operations on the double format
/// (its loads and stores, exponent-field arithmetic, the table lookup, magnitude tests against
/// double limits) are not lane-wise in float, and throw.
/// </summary>
internal readonly struct Vector256SingleOps : ISimdOps<Vec, Vec>
{
    /// <summary>The quiet bit of a float NaN, the top bit of its significand.</summary>
    private const uint QuietBit = 0x0040_0000;

    public static int Count => Vector256<float>.Count;

    public static Vec Load(ref double source, nuint index) => throw DoubleFormat();

    public static void Store(Vec value, ref double destination, nuint index) => throw DoubleFormat();

    public static bool CanStoreNonTemporal => false;

    public static void StoreAlignedNonTemporal(Vec value, ref double destination, nuint index) => throw DoubleFormat();

    /// <summary>Loads <see cref="Count"/> floats, a NaN with its quiet bit set (as the widening to double sets it), every other value as it is.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec LoadWidening(ref float source, nuint index)
    {
        Vec x = Vector256.LoadUnsafe(ref source, index);
        return Vector256.ConditionalSelect(IsNaN(x), (x.AsUInt32() | Vector256.Create(QuietBit)).AsSingle(), x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNarrowing(Vec value, ref float destination, nuint index) => value.StoreUnsafe(ref destination, index);

    /// <summary>The value rounded to float in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Create(double value) => Vector256.Create((float)value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Add(Vec x, Vec y) => x + y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Subtract(Vec x, Vec y) => x - y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Multiply(Vec x, Vec y) => x * y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Divide(Vec x, Vec y) => x / y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec FusedMultiplyAdd(Vec x, Vec y, Vec addend) => Vector256.FusedMultiplyAdd(x, y, addend);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Negate(Vec x) => x ^ Vector256.Create(-0.0f);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Abs(Vec x) => Vector256.AndNot(x, Vector256.Create(-0.0f));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec GreaterThan(Vec x, Vec y) => Vector256.GreaterThan(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec GreaterThanOrEqual(Vec x, Vec y) => Vector256.GreaterThanOrEqual(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec LessThan(Vec x, Vec y) => Vector256.LessThan(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec LessThanOrEqual(Vec x, Vec y) => Vector256.LessThanOrEqual(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec GreaterThanOrUnordered(Vec x, Vec y) => ~Vector256.LessThanOrEqual(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Equal(Vec x, Vec y) => Vector256.Equals(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec IsNaN(Vec x) => ~Vector256.Equals(x, x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Or(Vec x, Vec y) => x | y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Select(Vec mask, Vec whenTrue, Vec whenFalse) =>
        // A mask is all-ones or all-zeros lanes (comparisons and their Or), so a blend on each lane's
        // sign bit selects the same bits as the bitwise select. Without AVX-512 the JIT emits that one
        // as three instructions (and, andn, or) unless it sees the comparison itself; with AVX-512 as one.
        Avx.IsSupported && !Avx512F.IsSupported ? Avx.BlendVariable(whenFalse, whenTrue, mask) : Vector256.ConditionalSelect(mask, whenTrue, whenFalse);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(Vec mask) => mask.AsUInt32() != Vector256<uint>.Zero;

    public static Vec ShiftIntoExponent(Vec biasedInLowBits) => throw DoubleFormat();

    public static Vec AddShiftedBits(Vec entry, Vec shifted) => throw DoubleFormat();

    public static bool AnyMagnitudeAbove(Vec x, double limit) => throw DoubleFormat();

    public static Vec Lookup16(ReadOnlySpan<double> table, Vec index) => throw DoubleFormat();

    public static bool AnyMagnitudeOutside(Vec x, double low, double high) => throw DoubleFormat();

    public static Vec MaxMagnitudeBits(Vec accumulator, Vec x) => throw DoubleFormat();

    public static Vec MinNonZeroMagnitudeBits(Vec accumulator, Vec x) => throw DoubleFormat();

    public static bool AllBitsAtMost(Vec bits, ulong bound) => throw DoubleFormat();

    public static bool AllBitsAtLeast(Vec bits, ulong bound) => throw DoubleFormat();

    public static Vec ExponentField(Vec x) => throw DoubleFormat();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec FusedMultiplyAddNegated(Vec x, Vec y, Vec z) => Vector256.FusedMultiplyAdd(Negate(x), y, z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec FusedMultiplySubtract(Vec x, Vec y, Vec z) => Vector256.FusedMultiplyAdd(x, y, Negate(z));

    public static bool AnyMagnitudeBelowOrAbove(Vec x, double low, double high) => throw DoubleFormat();

    public static bool AnyNearFloatMidpoint(Vec x) => throw DoubleFormat();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec CopySign(Vec magnitude, Vec sign) => Vector256.ConditionalSelect(Vector256.Create(-0.0f), sign, magnitude);

    private static NotSupportedException DoubleFormat() => new("An operation on the double format was asked of float lanes; only kernels exact in float run on them.");
}
