namespace Activations.Tests.Reference;

/// <summary>The exact HardSwish.</summary>
internal static partial class ExactActivations
{
    /// <summary>
    /// x ≤ −3 → 0, x ≥ 3 → x, else x(x + 3)/6 ; x &lt; −3 → 0, x &gt; 3 → 1, else (2x + 3)/6 ; 1/3 on [−3, 3] else 0.
    /// Each numerator is exact (sums and products of doubles), so each result is one rounded division by an
    /// integer: no cancellation near the zeros −3 and 0 of f or the zero −3/2 of f′.
    /// </summary>
    public static BigFloat HardSwish(double x, int order)
    {
        CheckOrder(order);
        BigFloat three = BigFloat.FromInteger(3);
        return order switch
        {
            0 => x <= -3 ? BigFloat.Zero
                : x >= 3 ? D(x)
                : BigFloat.Divide(D(x) * (D(x) + three), BigFloat.FromInteger(6), Bits),
            1 => x < -3 ? BigFloat.Zero
                : x > 3 ? BigFloat.One
                : BigFloat.Divide(D(x).ScaleB(1) + three, BigFloat.FromInteger(6), Bits),
            _ => x is >= -3 and <= 3 ? BigFloat.Divide(BigFloat.One, three, Bits) : BigFloat.Zero,
        };
    }
}

/// <summary>HardSwish: 0 below −3, x above 3, x(x + 3)/6 between; f′ from inside at the joints (PyTorch's convention).</summary>
internal sealed class HardSwishReference : ActivationReference<HardSwish>
{
    protected override BigFloat Exact(HardSwish f, double x, int order) => ExactActivations.HardSwish(x, order);

    // Exactly +0 below −3 (and at −∞) and at the minimum x = −3/2, where 2x + 3 = 0; 1 above 3 (and at ∞);
    // (2x + 3)/6 ≠ 0 elsewhere on [−3, 3], −1/2 and 3/2 at the joints.
    protected override ExactValue Derivative(HardSwish f, double x) =>
        x < -3 || x == -1.5 ? ExactValue.PositiveZero
        : x > 3 ? ExactValue.One
        : NonZero(ExactActivations.HardSwish(x, 1));

    // Every value in (−3/8, 0] comes from two inputs, with different slopes.
    protected override ExactValue? OutputDerivative(HardSwish f, double y) => null;

    // 0 and its derivatives below −3; x, 1 and 0 above 3.
    protected override (Triple Negative, Triple Positive) Limits(HardSwish f) => ((0, 0, 0), (double.PositiveInfinity, 1, 0));

    // 0·3/6 = 0, (0 + 3)/6 = 1/2, and 1/3 inside.
    protected override Triple AtZero(HardSwish f) => (0, 0.5, 1.0 / 3.0);

    // The joints ±3 (where f″ jumps and f′ jumps from 0 to −1/2 and from 3/2 to 1), the zero −3 of f
    // (0 is a shared threshold) and the zero −3/2 of f′.
    protected override double[] Crossings(HardSwish f) => [-3, 3, -1.5];

    protected override double[] Kinks(HardSwish f) => [-3, 3];
}
