namespace Activations.Tests.Reference;

/// <summary>The exact HardSigmoid.</summary>
internal static partial class ExactActivations
{
    /// <summary>
    /// x &lt; −2.5 → 0, x &gt; 2.5 → 1, else (2x + 5)/10 (= x/5 + 1/2 with an exact fifth: the numerator is exact,
    /// so a single rounded division, no cancellation near −2.5) ; 1/5 on [−2.5, 2.5] else 0 ; 0.
    /// </summary>
    public static BigFloat HardSigmoid(double x, int order)
    {
        CheckOrder(order);
        bool inside = x >= -2.5 && x <= 2.5;
        return order switch
        {
            0 => x < -2.5 ? BigFloat.Zero
                : x > 2.5 ? BigFloat.One
                : BigFloat.Divide(D(x).ScaleB(1) + BigFloat.FromInteger(5), BigFloat.FromInteger(10), Bits),
            1 => inside ? BigFloat.Divide(BigFloat.One, BigFloat.FromInteger(5), Bits) : BigFloat.Zero,
            _ => BigFloat.Zero,
        };
    }
}

/// <summary>HardSigmoid: 0 below −2.5, 1 above 2.5, x/5 + 1/2 between; slope 1/5 on the closed interval.</summary>
internal sealed class HardSigmoidReference : ActivationReference<HardSigmoid>
{
    protected override BigFloat Exact(HardSigmoid f, double x, int order) => ExactActivations.HardSigmoid(x, order);

    // 1/5 on the closed interval [−2.5, 2.5] (the library's convention at the kinks), exactly 0 outside.
    protected override ExactValue Derivative(HardSigmoid f, double x) =>
        x is >= -2.5 and <= 2.5 ? NonZero(ExactActivations.HardSigmoid(x, 1)) : ExactValue.PositiveZero;

    // 0 and 1 come from the flat parts and the sloped part alike.
    protected override ExactValue? OutputDerivative(HardSigmoid f, double y) => null;

    protected override (Triple Negative, Triple Positive) Limits(HardSigmoid f) => ((0, 0, 0), (1, 0, 0));

    protected override Triple AtZero(HardSigmoid f) => (0.5, 0.2, 0);

    protected override double[] Kinks(HardSigmoid f) => [-2.5, 2.5];
}
