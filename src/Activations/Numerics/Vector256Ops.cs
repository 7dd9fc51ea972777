using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Vec = System.Runtime.Intrinsics.Vector256<double>;

namespace Activations.Numerics;

/// <summary>The <see cref="ISimdOps{T, TMask}"/> of a <see cref="Vector256{T}"/> of doubles; a mask is all-ones lanes.</summary>
internal readonly struct Vector256Ops : ISimdOps<Vec, Vec>
{
    public static int Count => Vector256<double>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Load(ref double source, nuint index) => Vector256.LoadUnsafe(ref source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vec value, ref double destination, nuint index) => value.StoreUnsafe(ref destination, index);

    public static bool CanStoreNonTemporal => Sse2.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreAlignedNonTemporal(Vec value, ref double destination, nuint index) =>
        value.StoreAlignedNonTemporal((double*)Unsafe.AsPointer(ref Unsafe.Add(ref destination, index)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec LoadWidening(ref float source, nuint index)
    {
        Vector128<float> narrow = Vector128.LoadUnsafe(ref source, index);
        return Avx.IsSupported ? Avx.ConvertToVector256Double(narrow) : Vector256.Create(Vector128.WidenLower(narrow), Vector128.WidenUpper(narrow));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNarrowing(Vec value, ref float destination, nuint index) =>
        (Avx.IsSupported ? Avx.ConvertToVector128Single(value) : Vector128.Narrow(value.GetLower(), value.GetUpper())).StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Create(double value) => Vector256.Create(value);

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
    public static Vec Negate(Vec x) => x ^ Vector256.Create(-0.0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Abs(Vec x) => Vector256.AndNot(x, Vector256.Create(-0.0));

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
    public static bool Any(Vec mask) => mask.AsUInt64() != Vector256<ulong>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec AddShiftedBits(Vec entry, Vec shifted) =>
        (entry.AsInt64() + Vector256.ShiftLeft(shifted.AsInt64(), 48)).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec MaxMagnitudeBits(Vec accumulator, Vec x) =>
        Vector256.Max(accumulator.AsInt64(), Vector256.Abs(x).AsInt64()).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec MinNonZeroMagnitudeBits(Vec accumulator, Vec x) =>
        Vector256.Min(accumulator.AsUInt64(), Vector256.Abs(x).AsUInt64() - Vector256<ulong>.One).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllBitsAtMost(Vec bits, ulong bound) => Vector256.LessThanOrEqualAll(bits.AsUInt64(), Vector256.Create(bound));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllBitsAtLeast(Vec bits, ulong bound) => Vector256.GreaterThanOrEqualAll(bits.AsUInt64(), Vector256.Create(bound));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyMagnitudeAbove(Vec x, double limit) =>
        Vector256.GreaterThanAny((Vector256.Abs(x)).AsInt64(), Vector256.Create(BitConverter.DoubleToInt64Bits(limit)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec ShiftIntoExponent(Vec biasedInLowBits) =>
        Vector256.ShiftLeft(biasedInLowBits.AsInt64(), 52).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vec Lookup16(ReadOnlySpan<double> table, Vec index)
    {
        // The table is static data outside the garbage-collected heap, so its address is fixed.
        ref double t = ref MemoryMarshal.GetReference(table);
        Vector256<long> i = index.AsInt64() & Vector256.Create(15L);
        if (Avx2.IsSupported)
        {
            return Avx2.GatherVector256((double*)Unsafe.AsPointer(ref t), i, 8);
        }

        return Vector256.Create(
            Unsafe.Add(ref t, (nint)i.GetElement(0)),
            Unsafe.Add(ref t, (nint)i.GetElement(1)),
            Unsafe.Add(ref t, (nint)i.GetElement(2)),
            Unsafe.Add(ref t, (nint)i.GetElement(3)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyMagnitudeOutside(Vec x, double low, double high)
    {
        // |x| − 1 as unsigned integers: ±0 wraps to the top, so "below low" excludes it.
        Vector256<ulong> a = Vector256.Abs(x).AsUInt64();
        Vector256<ulong> outside = Vector256.GreaterThan(a, Vector256.Create((ulong)BitConverter.DoubleToInt64Bits(high)))
            | Vector256.LessThan(a - Vector256<ulong>.One, Vector256.Create((ulong)BitConverter.DoubleToInt64Bits(low) - 1));
        return outside != Vector256<ulong>.Zero;
    }

    /// <summary>The exponent field moved to the low bits of 2^52 (an exact integer-valued double), less 2^52.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec ExponentField(Vec x) =>
        ((x.AsUInt64() >>> 52) & Vector256.Create(0x7FFUL) | Vector256.Create(0x4330000000000000UL)).AsDouble() - Vector256.Create(4503599627370496.0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec FusedMultiplyAddNegated(Vec x, Vec y, Vec z) =>
        Fma.IsSupported ? Fma.MultiplyAddNegated(x, y, z) : Vector256.FusedMultiplyAdd(Negate(x), y, z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec FusedMultiplySubtract(Vec x, Vec y, Vec z) =>
        Fma.IsSupported ? Fma.MultiplySubtract(x, y, z) : Vector256.FusedMultiplyAdd(x, y, Negate(z));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyMagnitudeBelowOrAbove(Vec x, double low, double high) =>
        Vector256.GreaterThanAny(
            Vector256.Abs(x).AsInt64() + Vector256.Create(MagnitudeWindow.Offset(low)),
            Vector256.Create(MagnitudeWindow.Threshold(low, high)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyNearFloatMidpoint(Vec x) =>
        Vector256.EqualsAny((x.AsInt64() + Vector256.Create(FloatMidpoint.Offset)) & Vector256.Create(FloatMidpoint.TestedBits), Vector256<long>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec CopySign(Vec magnitude, Vec sign) => Vector256.ConditionalSelect(Vector256.Create(-0.0), sign, magnitude);
}
