namespace Activations.Tests.Reference;

/// <summary>The exact Identity.</summary>
internal static partial class ExactActivations
{
    /// <summary>x ; 1 ; 0.</summary>
    public static BigFloat Identity(double x, int order) => Affine(1.0, 0.0, x, order);
}

/// <summary>Identity: x, 1, 0.</summary>
internal sealed class IdentityReference : ActivationReference<Identity>
{
    protected override BigFloat Exact(Identity f, double x, int order) => ExactActivations.Identity(x, order);

    protected override ExactValue Derivative(Identity f, double x) => ExactValue.One;

    protected override ExactValue? OutputDerivative(Identity f, double y) => ExactValue.One;

    protected override (Triple Negative, Triple Positive) Limits(Identity f) =>
        ((double.NegativeInfinity, 1, 0), (double.PositiveInfinity, 1, 0));

    protected override Triple AtZero(Identity f) => (0, 1, 0);
}
