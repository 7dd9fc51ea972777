namespace Activations.Tests.Reference;

/// <summary>The exact Affine.</summary>
internal static partial class ExactActivations
{
    /// <summary>s·x + b (exact: product and sum of doubles are exact in BigFloat) ; s ; 0.</summary>
    public static BigFloat Affine(double slope, double intercept, double x, int order)
    {
        CheckOrder(order);
        return order switch
        {
            0 => D(slope) * D(x) + D(intercept),
            1 => D(slope),
            _ => BigFloat.Zero,
        };
    }
}

/// <summary>Affine(s, b): s·x + b, s, 0. The factor f′ IS the slope, with its own sign of zero.</summary>
internal sealed class AffineReference : ActivationReference<Affine>
{
    protected override BigFloat Exact(Affine f, double x, int order) => ExactActivations.Affine(f.Slope, f.Intercept, x, order);

    protected override ExactValue Derivative(Affine f, double x) => ExactValue.FromDouble(f.Slope);

    // A zero slope: the output (always b) does not determine the derivative in the library's sense, which declines.
    protected override ExactValue? OutputDerivative(Affine f, double y) => f.Slope != 0 ? ExactValue.FromDouble(f.Slope) : null;

    // s·x + b tends to ∓∞ with the sign of s (b no longer matters); a zero slope gives b everywhere, also at ±∞.
    protected override (Triple Negative, Triple Positive) Limits(Affine f)
    {
        double Towards(double infinity) => f.Slope == 0 ? f.Intercept : f.Slope > 0 ? infinity : -infinity;
        return ((Towards(double.NegativeInfinity), f.Slope, 0), (Towards(double.PositiveInfinity), f.Slope, 0));
    }

    protected override Triple AtZero(Affine f) => (f.Intercept, f.Slope, 0);

    // The root −b/s, where the result crosses every binade down to the subnormals.
    protected override double[] Crossings(Affine f) => f.Slope != 0 ? [-f.Intercept / f.Slope] : [];
}
