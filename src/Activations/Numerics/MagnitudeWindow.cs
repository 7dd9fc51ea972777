using System;
using System.Runtime.CompilerServices;

namespace Activations.Numerics;

/// <summary>
/// The constants of <see cref="ISimdOps{T, TMask}.AnyMagnitudeBelowOrAbove"/>: |x|'s bits a lie in
/// [bits(low), bits(high)] exactly when a − bits(low), as an unsigned integer, is at most
/// bits(high) − bits(low); adding 2^63 to both sides turns that into one signed comparison.
/// </summary>
internal static class MagnitudeWindow
{
    /// <summary>2^63 − bits(low), wrapping: added to the bits of |x|.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Offset(double low) => unchecked(long.MinValue - BitConverter.DoubleToInt64Bits(low));

    /// <summary>bits(high) − bits(low) + 2^63, wrapping: the largest sum inside the window.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Threshold(double low, double high) =>
        unchecked(BitConverter.DoubleToInt64Bits(high) - BitConverter.DoubleToInt64Bits(low) + long.MinValue);
}
