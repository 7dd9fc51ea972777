using System;
using System.Collections.Generic;
using System.Linq;

namespace Activations.Tests.Reference;

/// <summary>The exact CELU.</summary>
internal static partial class ExactActivations
{
    /// <summary>
    /// x&gt;0 ? x : α·expm1(x/α) ; x&gt;0 ? 1 : e^(x/α) ; x&gt;0 ? 0 : e^(x/α)/α. The quotient x/α is one BigFloat
    /// division with guard bits (relative error below 2^−320, so e^(x/α) keeps 2^−245 even where |x/α| reaches the
    /// exponential's clamp at 5000), and expm1 has no cancellation for tiny x/α.
    /// </summary>
    public static BigFloat CELU(double alpha, double x, int order)
    {
        CheckOrder(order);
        if (x > 0)
        {
            return order switch
            {
                0 => D(x),
                1 => BigFloat.One,
                _ => BigFloat.Zero,
            };
        }

        BigFloat a = D(alpha);
        BigFloat y = BigFloat.Divide(D(x), a, Bits + BigFloat.GuardBits);
        return order switch
        {
            0 => a * BigFloat.ExpM1(y, Bits),
            1 => BigFloat.Exp(y, Bits),
            _ => BigFloat.Divide(BigFloat.Exp(y, Bits + BigFloat.GuardBits), a, Bits),
        };
    }
}

/// <summary>CELU(α): x if x &gt; 0 else α(e^(x/α) − 1); 1 if x &gt; 0 else e^(x/α); 0 if x &gt; 0 else e^(x/α)/α.</summary>
internal sealed class CELUReference : ActivationReference<CELU>
{
    /// <summary>
    /// Besides the catalogue's variants: α = 0.1, where e^(x/α) is far below f at moderate x, and the huge α, where
    /// f′ rounds to 1 while f″ is tiny (both beyond what the finite-difference suite, which runs over the
    /// catalogue, can resolve), and the negative tiny and subnormal α.
    /// </summary>
    internal static IReadOnlyList<CELU> ExtraInstances { get; } =
    [
        new CELU(0.1), new CELU(1.7), new CELU(1e300), new CELU(-1e300), new CELU(double.MaxValue), new CELU(-double.MaxValue),
        new CELU(-1e-300), new CELU(-5e-324), new CELU(-3e-310),
    ];

    protected override IEnumerable<CELU> Extras => ExtraInstances;

    protected override BigFloat Exact(CELU f, double x, int order) => ExactActivations.CELU(f.Alpha, x, order);

    // e^(x/α) is positive at every finite x; at x = −∞ it is 0 for α > 0 and ∞ for α < 0 (x/α → +∞).
    protected override ExactValue Derivative(CELU f, double x) =>
        x > 0 ? ExactValue.One
        : x == double.NegativeInfinity ? (f.Alpha > 0 ? ExactValue.PositiveZero : ExactValue.PositiveInfinity)
        : NonZero(ExactActivations.CELU(f.Alpha, x, 1));

    // f′ = 1 + y/α on the left branch, but the library does not offer it (and for α < 0 both branches reach every y).
    protected override ExactValue? OutputDerivative(CELU f, double y) => null;

    // α > 0: e^(x/α) → 0 at −∞, so f → −α and both derivatives → 0. α < 0: x/α → +∞, so f = α(e^(x/α) − 1) → −∞,
    // f′ = e^(x/α) → ∞ and f″ = e^(x/α)/α → −∞. The right branch is x with slope 1.
    protected override (Triple Negative, Triple Positive) Limits(CELU f) =>
        (f.Alpha > 0 ? (-f.Alpha, 0, 0) : (double.NegativeInfinity, double.PositiveInfinity, double.NegativeInfinity), (double.PositiveInfinity, 1, 0));

    // α(e⁰ − 1) = 0, e⁰ = 1, e⁰/α = 1/α (rounded once).
    protected override Triple AtZero(CELU f) => (0, 1, 1 / f.Alpha);

    /// <summary>
    /// x = −v·|α| (so that x/α = ∓v, the side x ≤ 0 reaches) for every |x/α| where the kernels change form: the
    /// series (2^−30), the reduction near 0 (0.34, and 0.3466 where its k would change), the backward pass's fast
    /// range (64), the saturation of e^(x/α) − 1 (100) and the clamp (2200); where f′ = e^(x/α) becomes subnormal,
    /// underflows and overflows; where f″ = e^(x/α)/α and, for α &lt; 0, f = α(e^(x/α) − 1) do (shifted by ln|α|);
    /// and, in x itself, where the series scales (2^−900) and where f ≈ x becomes subnormal.
    /// </summary>
    protected override double[] Crossings(CELU f)
    {
        double magnitude = Math.Abs(f.Alpha);
        double ln = Math.Log(magnitude);
        double[] quotients =
        [
            Math.ScaleB(1.0, -30), 0.34, 0.34657359027997264, 64, 100, 2200,
            708.3964185322641, 745.1332191019412, 709.782712893384,
            708.3964185322641 - ln, 745.1332191019412 - ln, 709.782712893384 + ln, 709.782712893384 - ln,
        ];
        double[] direct = [-Math.ScaleB(1.0, -900), -Math.ScaleB(1.0, -1022), -Math.ScaleB(1.0, -1074)];
        return [.. quotients.Where(v => v > 0).Select(v => -v * magnitude).Concat(direct).Where(c => double.IsFinite(c) && c < 0).Distinct()];
    }

    protected override double[] Kinks(CELU f) => [0];
}
