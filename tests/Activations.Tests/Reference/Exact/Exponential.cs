namespace Activations.Tests.Reference;

/// <summary>The exact Exponential.</summary>
internal static partial class ExactActivations
{
    /// <summary>e^x for every order.</summary>
    public static BigFloat Exponential(double x, int order)
    {
        CheckOrder(order);
        return BigFloat.Exp(D(x), Bits);
    }
}

/// <summary>Exponential: eˣ for every order.</summary>
internal sealed class ExponentialReference : ActivationReference<Exponential>
{
    protected override BigFloat Exact(Exponential f, double x, int order) => ExactActivations.Exponential(x, order);

    protected override ExactValue Derivative(Exponential f, double x) =>
        !double.IsFinite(x) ? (x > 0 ? ExactValue.PositiveInfinity : ExactValue.PositiveZero)
        : NonZero(ExactActivations.Exponential(x, 1));

    protected override ExactValue? OutputDerivative(Exponential f, double y) => ExactValue.FromDouble(y);

    protected override (Triple Negative, Triple Positive) Limits(Exponential f) =>
        ((0, 0, 0), (double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity));

    protected override Triple AtZero(Exponential f) => (1, 1, 1);
}
