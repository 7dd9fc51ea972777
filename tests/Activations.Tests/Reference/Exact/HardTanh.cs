namespace Activations.Tests.Reference;

/// <summary>The exact HardTanh.</summary>
internal static partial class ExactActivations
{
    /// <summary>x &lt; min → min, x &gt; max → max, else x (exact doubles) ; 1 on [min, max] else 0 ; 0.</summary>
    public static BigFloat HardTanh(double min, double max, double x, int order)
    {
        CheckOrder(order);
        bool inside = x >= min && x <= max;
        return order switch
        {
            0 => x < min ? D(min) : x > max ? D(max) : D(x),
            1 => inside ? BigFloat.One : BigFloat.Zero,
            _ => BigFloat.Zero,
        };
    }
}

/// <summary>HardTanh(min, max): x clamped to [min, max]; slope 1 on the closed interval, exactly 0 outside; 0.</summary>
internal sealed class HardTanhReference : ActivationReference<HardTanh>
{
    protected override BigFloat Exact(HardTanh f, double x, int order) => ExactActivations.HardTanh(f.Min, f.Max, x, order);

    // 1 on the closed interval [min, max] (the library's convention at the joints), exactly +0 outside (and at ±∞).
    protected override ExactValue Derivative(HardTanh f, double x) =>
        x >= f.Min && x <= f.Max ? ExactValue.One : ExactValue.PositiveZero;

    // min and max come from the joints (f′ = 1) and from beyond them (f′ = 0).
    protected override ExactValue? OutputDerivative(HardTanh f, double y) => null;

    protected override (Triple Negative, Triple Positive) Limits(HardTanh f) => ((f.Min, 0, 0), (f.Max, 0, 0));

    // 0 clamped, and the slope there: 1 when 0 is in [min, max], 0 when both bounds are on one side.
    protected override Triple AtZero(HardTanh f) =>
        (0 < f.Min ? f.Min : 0 > f.Max ? f.Max : 0, f.Min <= 0 && 0 <= f.Max ? 1 : 0, 0);

    // The joints, where the value stops following x and the slope drops to 0.
    protected override double[] Crossings(HardTanh f) => [f.Min, f.Max];

    protected override double[] Kinks(HardTanh f) => [f.Min, f.Max];
}
