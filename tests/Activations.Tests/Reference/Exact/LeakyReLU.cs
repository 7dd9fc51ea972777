namespace Activations.Tests.Reference;

/// <summary>The exact LeakyReLU.</summary>
internal static partial class ExactActivations
{
    /// <summary>x&gt;0 ? x : α·x (exact) ; x&gt;0 ? 1 : α ; 0.</summary>
    public static BigFloat LeakyReLU(double alpha, double x, int order)
    {
        CheckOrder(order);
        bool pos = x > 0;
        return order switch
        {
            0 => pos ? D(x) : D(alpha) * D(x),
            1 => pos ? BigFloat.One : D(alpha),
            _ => BigFloat.Zero,
        };
    }
}

/// <summary>LeakyReLU(α): x if x &gt; 0 else α·x; 1 if x &gt; 0 else α (the parameter's own zero); 0.</summary>
internal sealed class LeakyReLUReference : ActivationReference<LeakyReLU>
{
    protected override BigFloat Exact(LeakyReLU f, double x, int order) => ExactActivations.LeakyReLU(f.Alpha, x, order);

    protected override ExactValue Derivative(LeakyReLU f, double x) => x > 0 ? ExactValue.One : ExactValue.FromDouble(f.Alpha);

    // With α ≤ 0 an output y ≤ 0 comes from either side (α = 0: every x ≤ 0 gives 0), so y does not determine f′.
    protected override ExactValue? OutputDerivative(LeakyReLU f, double y) =>
        f.Alpha > 0 ? (y > 0 ? ExactValue.One : ExactValue.FromDouble(f.Alpha)) : null;

    // α·x tends to −∞ for α > 0, to +∞ for α < 0, and is 0 on the whole negative side for α = 0.
    protected override (Triple Negative, Triple Positive) Limits(LeakyReLU f) =>
        ((f.Alpha > 0 ? double.NegativeInfinity : f.Alpha < 0 ? double.PositiveInfinity : 0, f.Alpha, 0), (double.PositiveInfinity, 1, 0));

    protected override Triple AtZero(LeakyReLU f) => (0, f.Alpha, 0);

    protected override double[] Kinks(LeakyReLU f) => [0];
}
