using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Activations.Numerics;

/// <summary>The <see cref="ISimdOps{T, TMask}"/> of one <see cref="double"/>.</summary>
internal readonly struct ScalarOps : ISimdOps<double, bool>
{
    public static int Count => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Load(ref double source, nuint index) => Unsafe.Add(ref source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(double value, ref double destination, nuint index) => Unsafe.Add(ref destination, index) = value;

    public static bool CanStoreNonTemporal => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreAlignedNonTemporal(double value, ref double destination, nuint index) => Unsafe.Add(ref destination, index) = value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LoadWidening(ref float source, nuint index) => Unsafe.Add(ref source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNarrowing(double value, ref float destination, nuint index) => Unsafe.Add(ref destination, index) = (float)value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Create(double value) => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Add(double x, double y) => x + y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Subtract(double x, double y) => x - y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Multiply(double x, double y) => x * y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Divide(double x, double y) => x / y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double FusedMultiplyAdd(double x, double y, double addend) => Math.FusedMultiplyAdd(x, y, addend);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Negate(double x) => -x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Abs(double x) => Math.Abs(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool GreaterThan(double x, double y) => x > y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool GreaterThanOrEqual(double x, double y) => x >= y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool LessThan(double x, double y) => x < y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool LessThanOrEqual(double x, double y) => x <= y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool GreaterThanOrUnordered(double x, double y) => !(x <= y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Equal(double x, double y) => x == y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsNaN(double x) => double.IsNaN(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Or(bool x, bool y) => x | y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Select(bool mask, double whenTrue, double whenFalse) => mask ? whenTrue : whenFalse;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(bool mask) => mask;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double AddShiftedBits(double entry, double shifted) =>
        BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(entry) + (BitConverter.DoubleToInt64Bits(shifted) << 48));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MaxMagnitudeBits(double accumulator, double x) =>
        BitConverter.Int64BitsToDouble(Math.Max(BitConverter.DoubleToInt64Bits(accumulator), BitConverter.DoubleToInt64Bits(x) & long.MaxValue));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MinNonZeroMagnitudeBits(double accumulator, double x) =>
        BitConverter.UInt64BitsToDouble(Math.Min(BitConverter.DoubleToUInt64Bits(accumulator), (BitConverter.DoubleToUInt64Bits(x) & long.MaxValue) - 1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllBitsAtMost(double bits, ulong bound) => BitConverter.DoubleToUInt64Bits(bits) <= bound;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllBitsAtLeast(double bits, ulong bound) => BitConverter.DoubleToUInt64Bits(bits) >= bound;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyMagnitudeAbove(double x, double limit) =>
        (BitConverter.DoubleToInt64Bits(x) & long.MaxValue) > BitConverter.DoubleToInt64Bits(limit);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ShiftIntoExponent(double biasedInLowBits) =>
        BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(biasedInLowBits) << 52);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Lookup16(ReadOnlySpan<double> table, double index) =>
        Unsafe.Add(ref MemoryMarshal.GetReference(table), (nint)(BitConverter.DoubleToInt64Bits(index) & 15));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyMagnitudeOutside(double x, double low, double high)
    {
        // |x| − 1 as an unsigned integer: ±0 wraps to the top, so "below low" excludes it.
        ulong a = (ulong)(BitConverter.DoubleToInt64Bits(x) & long.MaxValue);
        return a > (ulong)BitConverter.DoubleToInt64Bits(high) || a - 1 < (ulong)BitConverter.DoubleToInt64Bits(low) - 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ExponentField(double x) => (double)((BitConverter.DoubleToInt64Bits(x) >> 52) & 0x7FF);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double FusedMultiplyAddNegated(double x, double y, double z) => Math.FusedMultiplyAdd(-x, y, z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double FusedMultiplySubtract(double x, double y, double z) => Math.FusedMultiplyAdd(x, y, -z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyMagnitudeBelowOrAbove(double x, double low, double high) =>
        (BitConverter.DoubleToInt64Bits(x) & long.MaxValue) + MagnitudeWindow.Offset(low) > MagnitudeWindow.Threshold(low, high);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyNearFloatMidpoint(double x) =>
        ((BitConverter.DoubleToInt64Bits(x) + FloatMidpoint.Offset) & FloatMidpoint.TestedBits) == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double CopySign(double magnitude, double sign) =>
        BitConverter.Int64BitsToDouble((BitConverter.DoubleToInt64Bits(magnitude) & long.MaxValue) | (BitConverter.DoubleToInt64Bits(sign) & long.MinValue));
}
