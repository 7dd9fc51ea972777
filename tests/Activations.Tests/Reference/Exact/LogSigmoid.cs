using System;

namespace Activations.Tests.Reference;

/// <summary>The exact LogSigmoid.</summary>
internal static partial class ExactActivations
{
    /// <summary>
    /// With t = e^−|x| ∈ (0, 1] (so 1 + t ∈ (1, 2], no cancellation):
    /// ln σ(x) = −ln(1 + e^−x) = −log1p(t) for x ≥ 0 and x − log1p(t) below (both terms negative, so the sum loses
    /// nothing; log1p keeps full precision for the tiny t of either tail, where the value is −t or x − t);
    /// f′ = σ(−x) = 1/(1 + e^x) = t/(1 + t) for x ≥ 0 and 1/(1 + t) below (no 1 − σ);
    /// f″ = −σ(x)σ(−x) = −t/(1 + t)².
    /// </summary>
    public static BigFloat LogSigmoid(double x, int order)
    {
        CheckOrder(order);
        BigFloat t = BigFloat.Exp(-D(Math.Abs(x)), Bits);
        BigFloat onePlusT = OnePlus(t);
        switch (order)
        {
            case 0:
                BigFloat log1p = BigFloat.Log1P(t, Bits);
                return x >= 0 ? -log1p : BigFloat.Add(D(x), -log1p, Bits);
            case 1:
                return BigFloat.Divide(x >= 0 ? t : BigFloat.One, onePlusT, Bits);
            default:
                return -BigFloat.Divide(t, onePlusT * onePlusT, Bits);
        }
    }
}

/// <summary>LogSigmoid: ln σ(x) = −softplus(−x), σ(−x), −σ(x)(1 − σ(x)).</summary>
internal sealed class LogSigmoidReference : ActivationReference<LogSigmoid>
{
    protected override BigFloat Exact(LogSigmoid f, double x, int order) => ExactActivations.LogSigmoid(x, order);

    // σ(−x) is never zero at a finite x; it tends to 1 at −∞ and to +0 at +∞.
    protected override ExactValue Derivative(LogSigmoid f, double x) =>
        !double.IsFinite(x) ? (x < 0 ? ExactValue.One : ExactValue.PositiveZero) : NonZero(ExactActivations.LogSigmoid(x, 1));

    // σ(−x) = 1 − eʸ is a function of y, but the library does not offer it (the subtraction cancels near y = 0).
    protected override ExactValue? OutputDerivative(LogSigmoid f, double y) => null;

    // ln σ(x) − x → 0 at −∞ (slope 1); at +∞ ln σ(x) ≈ −e^−x → 0 from below, with both derivatives.
    protected override (Triple Negative, Triple Positive) Limits(LogSigmoid f) => ((double.NegativeInfinity, 1, 0), (0, 0, 0));

    // −ln 2 (correctly rounded), σ(0) = 1/2, −σ′(0) = −1/4.
    protected override Triple AtZero(LogSigmoid f) => (-0.6931471805599453, 0.5, -0.25);

    // The mirror images of the exponential's thresholds: f ≈ −e^−x and f′ ≈ e^−x become subnormal at
    // x = −ln(2^−1022) and round to zero past x = −ln(2^−1075), and the tail's other regimes (±40, ±600) are
    // symmetric in the shared thresholds already.
    protected override double[] Crossings(LogSigmoid f) => [708.3964185322641, 745.1332191019412, 744.4400719213812, 709.782712893384];

    // Smooth everywhere.
    protected override double[] Kinks(LogSigmoid f) => [];
}
