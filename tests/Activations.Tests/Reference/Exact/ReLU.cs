namespace Activations.Tests.Reference;

/// <summary>The exact ReLU.</summary>
internal static partial class ExactActivations
{
    /// <summary>x&gt;0 ? x : 0 ; x&gt;0 ? 1 : 0 ; 0.</summary>
    public static BigFloat ReLU(double x, int order) => LeakyReLU(0.0, x, order);
}

/// <summary>ReLU: x if x &gt; 0 else +0; 1 if x &gt; 0 else +0 (structural zeros); 0.</summary>
internal sealed class ReLUReference : ActivationReference<ReLU>
{
    protected override BigFloat Exact(ReLU f, double x, int order) => ExactActivations.ReLU(x, order);

    protected override ExactValue Derivative(ReLU f, double x) => x > 0 ? ExactValue.One : ExactValue.PositiveZero;

    protected override ExactValue? OutputDerivative(ReLU f, double y) => y > 0 ? ExactValue.One : ExactValue.PositiveZero;

    protected override (Triple Negative, Triple Positive) Limits(ReLU f) => ((0, 0, 0), (double.PositiveInfinity, 1, 0));

    protected override Triple AtZero(ReLU f) => (0, 0, 0);

    protected override double[] Kinks(ReLU f) => [0];
}
