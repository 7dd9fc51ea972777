using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Vec = System.Runtime.Intrinsics.Vector512<double>;

namespace Activations.Numerics;

/// <summary>The <see cref="ISimdOps{T, TMask}"/> of a <see cref="Vector512{T}"/> of doubles; a mask is all-ones lanes.</summary>
internal readonly struct Vector512Ops : ISimdOps<Vec, Vec>
{
    public static int Count => Vector512<double>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Load(ref double source, nuint index) => Vector512.LoadUnsafe(ref source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vec value, ref double destination, nuint index) => value.StoreUnsafe(ref destination, index);

    public static bool CanStoreNonTemporal => Sse2.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreAlignedNonTemporal(Vec value, ref double destination, nuint index) =>
        value.StoreAlignedNonTemporal((double*)Unsafe.AsPointer(ref Unsafe.Add(ref destination, index)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec LoadWidening(ref float source, nuint index)
    {
        Vector256<float> narrow = Vector256.LoadUnsafe(ref source, index);
        return Avx512F.IsSupported ? Avx512F.ConvertToVector512Double(narrow) : Vector512.Create(Vector256.WidenLower(narrow), Vector256.WidenUpper(narrow));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNarrowing(Vec value, ref float destination, nuint index) =>
        (Avx512F.IsSupported ? Avx512F.ConvertToVector256Single(value) : Vector256.Narrow(value.GetLower(), value.GetUpper())).StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Create(double value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Add(Vec x, Vec y) => x + y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Subtract(Vec x, Vec y) => x - y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Multiply(Vec x, Vec y) => x * y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Divide(Vec x, Vec y) => x / y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec FusedMultiplyAdd(Vec x, Vec y, Vec addend) => Vector512.FusedMultiplyAdd(x, y, addend);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Negate(Vec x) => x ^ Vector512.Create(-0.0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Abs(Vec x) => Vector512.AndNot(x, Vector512.Create(-0.0));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec GreaterThan(Vec x, Vec y) => Vector512.GreaterThan(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec GreaterThanOrEqual(Vec x, Vec y) => Vector512.GreaterThanOrEqual(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec LessThan(Vec x, Vec y) => Vector512.LessThan(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec LessThanOrEqual(Vec x, Vec y) => Vector512.LessThanOrEqual(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec GreaterThanOrUnordered(Vec x, Vec y) => ~Vector512.LessThanOrEqual(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Equal(Vec x, Vec y) => Vector512.Equals(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec IsNaN(Vec x) => ~Vector512.Equals(x, x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Or(Vec x, Vec y) => x | y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Select(Vec mask, Vec whenTrue, Vec whenFalse) => Vector512.ConditionalSelect(mask, whenTrue, whenFalse);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(Vec mask) => mask.AsUInt64() != Vector512<ulong>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec AddShiftedBits(Vec entry, Vec shifted) =>
        (entry.AsInt64() + Vector512.ShiftLeft(shifted.AsInt64(), 48)).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec MaxMagnitudeBits(Vec accumulator, Vec x) =>
        Vector512.Max(accumulator.AsInt64(), Vector512.Abs(x).AsInt64()).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec MinNonZeroMagnitudeBits(Vec accumulator, Vec x) =>
        Vector512.Min(accumulator.AsUInt64(), Vector512.Abs(x).AsUInt64() - Vector512<ulong>.One).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllBitsAtMost(Vec bits, ulong bound) => Vector512.LessThanOrEqualAll(bits.AsUInt64(), Vector512.Create(bound));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllBitsAtLeast(Vec bits, ulong bound) => Vector512.GreaterThanOrEqualAll(bits.AsUInt64(), Vector512.Create(bound));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyMagnitudeAbove(Vec x, double limit) =>
        Vector512.GreaterThanAny((Vector512.Abs(x)).AsInt64(), Vector512.Create(BitConverter.DoubleToInt64Bits(limit)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec ShiftIntoExponent(Vec biasedInLowBits) =>
        Vector512.ShiftLeft(biasedInLowBits.AsInt64(), 52).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Lookup16(ReadOnlySpan<double> table, Vec index)
    {
        ref double t = ref MemoryMarshal.GetReference(table);
        if (Avx512F.IsSupported)
        {
            // vpermi2pd: the low four bits of each index select one of the sixteen entries held
            // in two registers.
            return Avx512F.PermuteVar8x64x2(Vector512.LoadUnsafe(ref t), index.AsInt64(), Vector512.LoadUnsafe(ref t, 8));
        }

        Vector512<long> i = index.AsInt64() & Vector512.Create(15L);
        return Vector512.Create(
            Vector256.Create(
                Unsafe.Add(ref t, (nint)i.GetElement(0)),
                Unsafe.Add(ref t, (nint)i.GetElement(1)),
                Unsafe.Add(ref t, (nint)i.GetElement(2)),
                Unsafe.Add(ref t, (nint)i.GetElement(3))),
            Vector256.Create(
                Unsafe.Add(ref t, (nint)i.GetElement(4)),
                Unsafe.Add(ref t, (nint)i.GetElement(5)),
                Unsafe.Add(ref t, (nint)i.GetElement(6)),
                Unsafe.Add(ref t, (nint)i.GetElement(7))));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyMagnitudeOutside(Vec x, double low, double high)
    {
        // |x| − 1 as unsigned integers: ±0 wraps to the top, so "below low" excludes it.
        Vector512<ulong> a = Vector512.Abs(x).AsUInt64();
        Vector512<ulong> outside = Vector512.GreaterThan(a, Vector512.Create((ulong)BitConverter.DoubleToInt64Bits(high)))
            | Vector512.LessThan(a - Vector512<ulong>.One, Vector512.Create((ulong)BitConverter.DoubleToInt64Bits(low) - 1));
        return outside != Vector512<ulong>.Zero;
    }

    /// <summary>The exponent field moved to the low bits of 2^52 (an exact integer-valued double), less 2^52.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec ExponentField(Vec x) =>
        ((x.AsUInt64() >>> 52) & Vector512.Create(0x7FFUL) | Vector512.Create(0x4330000000000000UL)).AsDouble() - Vector512.Create(4503599627370496.0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec FusedMultiplyAddNegated(Vec x, Vec y, Vec z) =>
        Avx512F.IsSupported ? Avx512F.FusedMultiplyAddNegated(x, y, z) : Vector512.FusedMultiplyAdd(Negate(x), y, z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec FusedMultiplySubtract(Vec x, Vec y, Vec z) =>
        Avx512F.IsSupported ? Avx512F.FusedMultiplySubtract(x, y, z) : Vector512.FusedMultiplyAdd(x, y, Negate(z));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyMagnitudeBelowOrAbove(Vec x, double low, double high) =>
        Vector512.GreaterThanAny(
            Vector512.Abs(x).AsInt64() + Vector512.Create(MagnitudeWindow.Offset(low)),
            Vector512.Create(MagnitudeWindow.Threshold(low, high)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyNearFloatMidpoint(Vec x) =>
        Vector512.EqualsAny((x.AsInt64() + Vector512.Create(FloatMidpoint.Offset)) & Vector512.Create(FloatMidpoint.TestedBits), Vector512<long>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec CopySign(Vec magnitude, Vec sign) => Vector512.ConditionalSelect(Vector512.Create(-0.0), sign, magnitude);
}
