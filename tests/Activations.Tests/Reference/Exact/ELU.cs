using System;
using System.Collections.Generic;
using System.Linq;

namespace Activations.Tests.Reference;

/// <summary>The exact ELU.</summary>
internal static partial class ExactActivations
{
    /// <summary>x&gt;0 ? x : α·expm1(x) ; x&gt;0 ? 1 : α·e^x ; x&gt;0 ? 0 : α·e^x.</summary>
    public static BigFloat ELU(double alpha, double x, int order) => ScaledElu(BigFloat.One, D(alpha), x, order);
}

/// <summary>ELU(α): x if x &gt; 0 else α(eˣ − 1); 1 if x &gt; 0 else α·eˣ; 0 if x &gt; 0 else α·eˣ.</summary>
internal sealed class ELUReference : ActivationReference<ELU>
{
    /// <summary>A non-power-of-two α (α·eˣ rounds) and the smallest subnormal α, which the catalogue's variants do not reach.</summary>
    protected override IEnumerable<ELU> Extras => [new ELU(2.7), new ELU(5e-324)];

    protected override BigFloat Exact(ELU f, double x, int order) => ExactActivations.ELU(f.Alpha, x, order);

    // α·eˣ for x ≤ 0: exactly zero iff α is (keeping α's sign), tends to 0 with α's sign at −∞.
    protected override ExactValue Derivative(ELU f, double x) =>
        x > 0 ? ExactValue.One
        : f.Alpha == 0 ? ExactValue.FromDouble(f.Alpha)
        : !double.IsFinite(x) ? ExactValue.Zero(f.Alpha < 0)
        : NonZero(ExactActivations.ELU(f.Alpha, x, 1));

    // f′ = y + α on the left branch; with α ≤ 0 the two branches' outputs overlap, so y does not determine f′.
    protected override ExactValue? OutputDerivative(ELU f, double y) =>
        f.Alpha > 0 ? (y > 0 ? ExactValue.One : ExactValue.FromDouble(y) + ExactValue.FromDouble(f.Alpha)) : null;

    // eˣ → 0 at −∞, so f → α(0 − 1) = −α and both derivatives → 0; the right branch is x with slope 1.
    protected override (Triple Negative, Triple Positive) Limits(ELU f) => ((-f.Alpha, 0, 0), (double.PositiveInfinity, 1, 0));

    // α(e⁰ − 1) = 0, α·e⁰ = α.
    protected override Triple AtZero(ELU f) => (0, f.Alpha, f.Alpha);

    /// <summary>
    /// Where the results cross the smallest normal (α·eˣ = 2⁻¹⁰²², αx = −2⁻¹⁰²²) and underflow (α·eˣ = 2⁻¹⁰⁷⁵),
    /// and where the kernel changes form for a huge α (x = −700, −710).
    /// </summary>
    protected override double[] Crossings(ELU f)
    {
        double magnitude = Math.Abs(f.Alpha);
        double[] crossings =
        [
            Math.Log(Math.ScaleB(1.0, -1022)) - Math.Log(magnitude), Math.Log(Math.ScaleB(1.0, -1074)) - Math.Log(magnitude) - Math.Log(2),
            -Math.ScaleB(1.0, -1022) / magnitude, -700, -710,
        ];
        return [.. crossings.Where(c => double.IsFinite(c) && c < 0)];
    }

    protected override double[] Kinks(ELU f) => [0];
}
