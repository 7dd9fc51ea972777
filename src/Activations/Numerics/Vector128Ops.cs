using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Vec = System.Runtime.Intrinsics.Vector128<double>;

namespace Activations.Numerics;

/// <summary>The <see cref="ISimdOps{T, TMask}"/> of a <see cref="Vector128{T}"/> of doubles; a mask is all-ones lanes.</summary>
internal readonly struct Vector128Ops : ISimdOps<Vec, Vec>
{
    public static int Count => Vector128<double>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Load(ref double source, nuint index) => Vector128.LoadUnsafe(ref source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vec value, ref double destination, nuint index) => value.StoreUnsafe(ref destination, index);

    public static bool CanStoreNonTemporal => Sse2.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreAlignedNonTemporal(Vec value, ref double destination, nuint index) =>
        value.StoreAlignedNonTemporal((double*)Unsafe.AsPointer(ref Unsafe.Add(ref destination, index)));

    // Two floats are one 64-bit load; widening and narrowing are cvtps2pd/cvtpd2ps (fcvtl/fcvtn on Arm).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec LoadWidening(ref float source, nuint index) =>
        Vector128.WidenLower(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<double>(ref Unsafe.As<float, byte>(ref Unsafe.Add(ref source, index)))).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNarrowing(Vec value, ref float destination, nuint index) =>
        Unsafe.WriteUnaligned(ref Unsafe.As<float, byte>(ref Unsafe.Add(ref destination, index)), Vector128.Narrow(value, value).AsDouble().ToScalar());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Create(double value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Add(Vec x, Vec y) => x + y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Subtract(Vec x, Vec y) => x - y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Multiply(Vec x, Vec y) => x * y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Divide(Vec x, Vec y) => x / y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec FusedMultiplyAdd(Vec x, Vec y, Vec addend) => Vector128.FusedMultiplyAdd(x, y, addend);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Negate(Vec x) => x ^ Vector128.Create(-0.0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Abs(Vec x) => Vector128.AndNot(x, Vector128.Create(-0.0));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec GreaterThan(Vec x, Vec y) => Vector128.GreaterThan(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec GreaterThanOrEqual(Vec x, Vec y) => Vector128.GreaterThanOrEqual(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec LessThan(Vec x, Vec y) => Vector128.LessThan(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec LessThanOrEqual(Vec x, Vec y) => Vector128.LessThanOrEqual(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec GreaterThanOrUnordered(Vec x, Vec y) => ~Vector128.LessThanOrEqual(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Equal(Vec x, Vec y) => Vector128.Equals(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec IsNaN(Vec x) => ~Vector128.Equals(x, x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Or(Vec x, Vec y) => x | y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Select(Vec mask, Vec whenTrue, Vec whenFalse) =>
        // A mask is all-ones or all-zeros lanes (comparisons and their Or), so a blend on each lane's
        // sign bit selects the same bits as the bitwise select. Without AVX-512 the JIT emits that one
        // as three instructions (and, andn, or) unless it sees the comparison itself; with AVX-512 as one.
        Sse41.IsSupported && !Avx512F.IsSupported ? Sse41.BlendVariable(whenFalse, whenTrue, mask) : Vector128.ConditionalSelect(mask, whenTrue, whenFalse);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(Vec mask) => mask.AsUInt64() != Vector128<ulong>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec AddShiftedBits(Vec entry, Vec shifted) =>
        (entry.AsInt64() + Vector128.ShiftLeft(shifted.AsInt64(), 48)).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec MaxMagnitudeBits(Vec accumulator, Vec x) =>
        Vector128.Max(accumulator.AsInt64(), Vector128.Abs(x).AsInt64()).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec MinNonZeroMagnitudeBits(Vec accumulator, Vec x) =>
        Vector128.Min(accumulator.AsUInt64(), Vector128.Abs(x).AsUInt64() - Vector128<ulong>.One).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllBitsAtMost(Vec bits, ulong bound) => Vector128.LessThanOrEqualAll(bits.AsUInt64(), Vector128.Create(bound));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllBitsAtLeast(Vec bits, ulong bound) => Vector128.GreaterThanOrEqualAll(bits.AsUInt64(), Vector128.Create(bound));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyMagnitudeAbove(Vec x, double limit) =>
        Vector128.GreaterThanAny((Vector128.Abs(x)).AsInt64(), Vector128.Create(BitConverter.DoubleToInt64Bits(limit)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec ShiftIntoExponent(Vec biasedInLowBits) =>
        Vector128.ShiftLeft(biasedInLowBits.AsInt64(), 52).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec Lookup16(ReadOnlySpan<double> table, Vec index)
    {
        ref double t = ref MemoryMarshal.GetReference(table);
        Vector128<long> i = index.AsInt64() & Vector128.Create(15L);
        return Vector128.Create(Unsafe.Add(ref t, (nint)i.ToScalar()), Unsafe.Add(ref t, (nint)i.GetElement(1)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyMagnitudeOutside(Vec x, double low, double high)
    {
        // |x| − 1 as unsigned integers: ±0 wraps to the top, so "below low" excludes it.
        Vector128<ulong> a = Vector128.Abs(x).AsUInt64();
        Vector128<ulong> outside = Vector128.GreaterThan(a, Vector128.Create((ulong)BitConverter.DoubleToInt64Bits(high)))
            | Vector128.LessThan(a - Vector128<ulong>.One, Vector128.Create((ulong)BitConverter.DoubleToInt64Bits(low) - 1));
        return outside != Vector128<ulong>.Zero;
    }

    /// <summary>The exponent field moved to the low bits of 2^52 (an exact integer-valued double), less 2^52.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec ExponentField(Vec x) =>
        ((x.AsUInt64() >>> 52) & Vector128.Create(0x7FFUL) | Vector128.Create(0x4330000000000000UL)).AsDouble() - Vector128.Create(4503599627370496.0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec FusedMultiplyAddNegated(Vec x, Vec y, Vec z) =>
        Fma.IsSupported ? Fma.MultiplyAddNegated(x, y, z) : Vector128.FusedMultiplyAdd(Negate(x), y, z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec FusedMultiplySubtract(Vec x, Vec y, Vec z) =>
        Fma.IsSupported ? Fma.MultiplySubtract(x, y, z) : Vector128.FusedMultiplyAdd(x, y, Negate(z));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyMagnitudeBelowOrAbove(Vec x, double low, double high) =>
        Vector128.GreaterThanAny(
            Vector128.Abs(x).AsInt64() + Vector128.Create(MagnitudeWindow.Offset(low)),
            Vector128.Create(MagnitudeWindow.Threshold(low, high)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyNearFloatMidpoint(Vec x) =>
        Vector128.EqualsAny((x.AsInt64() + Vector128.Create(FloatMidpoint.Offset)) & Vector128.Create(FloatMidpoint.TestedBits), Vector128<long>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec CopySign(Vec magnitude, Vec sign) => Vector128.ConditionalSelect(Vector128.Create(-0.0), sign, magnitude);
}
