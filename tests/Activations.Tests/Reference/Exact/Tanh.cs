using System;

namespace Activations.Tests.Reference;

/// <summary>The exact Tanh.</summary>
internal static partial class ExactActivations
{
    /// <summary>
    /// tanh|x| = −m/(2 + m) with m = expm1(−2|x|) ∈ (−1, 0] (relative-accurate for tiny x, no cancellation),
    /// sign restored afterwards ;
    /// 1 − tanh² x = 4t/(1+t)² with t = e^−2|x| (no cancellation for large |x|) ;
    /// −2 tanh x · (1 − tanh² x).
    /// </summary>
    public static BigFloat Tanh(double x, int order)
    {
        CheckOrder(order);
        (BigFloat t, BigFloat m) = BigFloat.ExpAndExpM1(-D(Math.Abs(x)).ScaleB(1), Bits);
        BigFloat tanh = x == 0 || order == 1 ? BigFloat.Zero : BigFloat.Divide(x > 0 ? -m : m, m + BigFloat.Two, Bits);
        if (order == 0)
        {
            return tanh;
        }

        BigFloat onePlusT = OnePlus(t);
        BigFloat sech2 = BigFloat.Divide(t.ScaleB(2), onePlusT * onePlusT, Bits);
        return order == 1 ? sech2 : (-(tanh * sech2).ScaleB(1)).Round(Bits);
    }
}

/// <summary>Tanh: tanh x, 1 − tanh² x, −2 tanh x (1 − tanh² x).</summary>
internal sealed class TanhReference : ActivationReference<Tanh>
{
    protected override BigFloat Exact(Tanh f, double x, int order) => ExactActivations.Tanh(x, order);

    protected override ExactValue Derivative(Tanh f, double x) =>
        !double.IsFinite(x) ? ExactValue.PositiveZero : NonZero(ExactActivations.Tanh(x, 1));

    protected override ExactValue? OutputDerivative(Tanh f, double y)
    {
        ExactValue value = ExactValue.FromDouble(y);
        return ExactValue.One - value * value;
    }

    protected override (Triple Negative, Triple Positive) Limits(Tanh f) => ((-1, 0, 0), (1, 0, 0));

    protected override Triple AtZero(Tanh f) => (0, 1, 0);
}
