using System;

namespace Activations.Tests.Reference;

/// <summary>The exact SoftPlus.</summary>
internal static partial class ExactActivations
{
    /// <summary>
    /// ln(1 + e^x) = max(x, 0) + log1p(e^−|x|) (two non-negative terms; log1p is accurate for tiny arguments,
    /// so softplus(x) ≈ e^x for very negative x keeps full precision) ; σ(x) ; σ'(x) = e^x/(1+e^x)².
    /// </summary>
    public static BigFloat SoftPlus(double x, int order)
    {
        CheckOrder(order);
        if (order > 0)
        {
            return Sigmoid(x, order - 1);
        }

        BigFloat t = BigFloat.Exp(-D(Math.Abs(x)), Bits);
        BigFloat log1p = BigFloat.Log1P(t, Bits);
        return x > 0 ? BigFloat.Add(D(x), log1p, Bits) : log1p;
    }
}

/// <summary>SoftPlus: ln(1 + eˣ), σ(x), σ′(x).</summary>
internal sealed class SoftPlusReference : ActivationReference<SoftPlus>
{
    protected override BigFloat Exact(SoftPlus f, double x, int order) => ExactActivations.SoftPlus(x, order);

    protected override ExactValue Derivative(SoftPlus f, double x) =>
        !double.IsFinite(x) ? (x > 0 ? ExactValue.One : ExactValue.PositiveZero) : NonZero(ExactActivations.SoftPlus(x, 1));

    // σ = 1 − e^−y is a function of y, but the library does not offer it (the subtraction cancels).
    protected override ExactValue? OutputDerivative(SoftPlus f, double y) => null;

    // softplus(x) − x → 0, so softplus(∞) = ∞ with slope σ(∞) = 1; at −∞ everything tends to 0.
    protected override (Triple Negative, Triple Positive) Limits(SoftPlus f) => ((0, 0, 0), (double.PositiveInfinity, 1, 0));

    // ln 2 (correctly rounded), σ(0) = 1/2, σ′(0) = 1/4.
    protected override Triple AtZero(SoftPlus f) => (0.6931471805599453, 0.5, 0.25);
}
