namespace Activations.Numerics;

/// <summary>
/// The constants of <see cref="ISimdOps{T, TMask}.AnyNearFloatMidpoint"/>: a double whose low 29
/// significand bits are L is a midpoint between two neighbouring floats when L = 2^28, and
/// 2^28 − w ≤ L &lt; 2^28 + w (w of its ulps either side) exactly when (bits + w − 2^28) mod 2^29 is
/// below 2w, that is when its bits 15 to 28 are all zero (adding to the bits changes their low 29
/// bits only modulo 2^29, and w = 2^14).
/// </summary>
internal static class FloatMidpoint
{
    /// <summary>The window's half-width w, in ulps of the double: at least 2^−39 of its value (the ulp is at least 2^−53 of it).</summary>
    public const long Window = 1L << 14;

    /// <summary>w − 2^28: added to the bits before the test.</summary>
    public const long Offset = Window - (1L << 28);

    /// <summary>Bits 15 to 28: those of the 29 that rounding to float drops, above 2w.</summary>
    public const long TestedBits = ((1L << 29) - 1) & ~((2 * Window) - 1);
}
