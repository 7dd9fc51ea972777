using System;

namespace Activations.Tests.Reference;

/// <summary>The exact Sigmoid.</summary>
internal static partial class ExactActivations
{
    /// <summary>
    /// With t = e^−|x| ∈ (0, 1] (so 1 + t ∈ (1, 2], no cancellation):
    /// σ(x) = 1/(1+t) for x ≥ 0, t/(1+t) for x &lt; 0 (the latter is 1 − σ(|x|), computed without subtraction);
    /// σ' = σ(x)σ(−x) = t/(1+t)²;
    /// σ'' = σ'·(1 − 2σ) with 1 − 2σ(x) = −tanh(x/2) = sign(x)·m/(2 + m), m = expm1(−|x|) ∈ (−1, 0]
    /// (m relative-accurate near 0, 2 + m ∈ (1, 2]).
    /// </summary>
    public static BigFloat Sigmoid(double x, int order)
    {
        CheckOrder(order);
        (BigFloat t, BigFloat m) = BigFloat.ExpAndExpM1(-D(Math.Abs(x)), Bits);
        BigFloat onePlusT = OnePlus(t);
        switch (order)
        {
            case 0:
                return BigFloat.Divide(x >= 0 ? BigFloat.One : t, onePlusT, Bits);
            case 1:
                return BigFloat.Divide(t, onePlusT * onePlusT, Bits);
            default:
                if (x == 0)
                {
                    return BigFloat.Zero;
                }

                BigFloat oneMinus2Sigma = BigFloat.Divide(x > 0 ? m : -m, m + BigFloat.Two, Bits);
                return BigFloat.Divide(t * oneMinus2Sigma, onePlusT * onePlusT, Bits);
        }
    }
}

/// <summary>Sigmoid: σ(x), σ(1 − σ), σ(1 − σ)(1 − 2σ).</summary>
internal sealed class SigmoidReference : ActivationReference<Sigmoid>
{
    protected override BigFloat Exact(Sigmoid f, double x, int order) => ExactActivations.Sigmoid(x, order);

    protected override ExactValue Derivative(Sigmoid f, double x) =>
        !double.IsFinite(x) ? ExactValue.PositiveZero : NonZero(ExactActivations.Sigmoid(x, 1));

    protected override ExactValue? OutputDerivative(Sigmoid f, double y)
    {
        ExactValue value = ExactValue.FromDouble(y);
        return value * (ExactValue.One - value);
    }

    protected override (Triple Negative, Triple Positive) Limits(Sigmoid f) => ((0, 0, 0), (1, 0, 0));

    // σ(0) = 1/2, σ′(0) = 1/4, σ″(0) = 1/4·(1 − 1) = 0.
    protected override Triple AtZero(Sigmoid f) => (0.5, 0.25, 0);
}
