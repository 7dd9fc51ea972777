using System;

namespace Activations.Tests.Reference;

/// <summary>The exact Softsign.</summary>
internal static partial class ExactActivations
{
    /// <summary>
    /// x/(1 + |x|) ; 1/(1 + |x|)² ; −2·sign(x)/(1 + |x|)³ with x ≤ 0 taken as the positive side (so +2 at ±0).
    /// 1 + |x| is an exact BigFloat sum (up to about 1,100 bits for |x| near double.MaxValue) and its powers are
    /// exact products, so each result is one quotient rounded to the working precision: nothing cancels.
    /// </summary>
    public static BigFloat Softsign(double x, int order)
    {
        CheckOrder(order);
        BigFloat d = BigFloat.One + D(Math.Abs(x));
        return order switch
        {
            0 => BigFloat.Divide(D(x), d, Bits),
            1 => BigFloat.Divide(BigFloat.One, d * d, Bits),
            _ => BigFloat.Divide(x > 0 ? -BigFloat.Two : BigFloat.Two, d * d * d, Bits),
        };
    }
}

/// <summary>Softsign: x/(1 + |x|), 1/(1 + |x|)², −2·sign(x)/(1 + |x|)³.</summary>
internal sealed class SoftsignReference : ActivationReference<Softsign>
{
    protected override BigFloat Exact(Softsign f, double x, int order) => ExactActivations.Softsign(x, order);

    // 1/(1 + |x|)² is never zero at a finite x (even where it underflows) and tends to +0 at ±∞.
    protected override ExactValue Derivative(Softsign f, double x) =>
        !double.IsFinite(x) ? ExactValue.PositiveZero : NonZero(ExactActivations.Softsign(x, 1));

    // (1 − |y|)² is a function of y, but the library does not offer it (y's rounding near ±1 leaves few digits of 1 − |y|).
    protected override ExactValue? OutputDerivative(Softsign f, double y) => null;

    // x/(1 + |x|) → ±1; both derivatives → 0.
    protected override (Triple Negative, Triple Positive) Limits(Softsign f) => ((-1, 0, 0), (1, 0, 0));

    // 0/1 = 0, 1/1² = 1, and f″ from the x ≤ 0 side: 2/1³ = 2.
    protected override Triple AtZero(Softsign f) => (0, 1, 2);

    // Both signs of: where 1 + |x| starts to round (2^53) and the value to be ±1 (2^54 − 1); the kernels' switches
    // (2^−60 to x itself, 2^60 to ±1 and the scaled derivatives, 2^600 where those clamp); where f′ = 1/(1 + |x|)²
    // becomes subnormal (|x| = 2^511) and rounds to zero (|x| ≈ 2^537.5), and f″ = 2/(1 + |x|)³ likewise (2^341,
    // 2^358.67); and the largest double.
    protected override double[] Crossings(Softsign f)
    {
        double[] magnitudes =
        [
            Math.ScaleB(1.0, 53), Math.ScaleB(1.0, 54) - 1, Math.ScaleB(1.0, -60), Math.ScaleB(1.0, 60), Math.ScaleB(1.0, 600),
            Math.ScaleB(1.0, 511), Math.ScaleB(1.4142135623730951, 537), Math.ScaleB(1.0, 341), Math.ScaleB(1.5874010519681994, 358),
            double.MaxValue, 1.0, 2.0,
        ];
        return [.. magnitudes, .. Array.ConvertAll(magnitudes, m => -m)];
    }

    // f″ jumps from 2 to −2 at 0.
    protected override double[] Kinks(Softsign f) => [0];
}
