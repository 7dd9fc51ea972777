using System;

namespace Activations.Tests.Reference;

/// <summary>The exact SiLU.</summary>
internal static partial class ExactActivations
{
    /// <summary>
    /// With a = |x| and t = e^−a ∈ (0, 1] (<see cref="BigFloat.Exp"/>, so 1 + t ∈ (1, 2]):
    /// f = x·σ(x) = x/(1 + t) for x ≥ 0 and x·t/(1 + t) below;
    /// f′ = σ(x)(1 + x·σ(−x)) = (1 + t + x·t)/(1 + t)² for x ≥ 0 and t(1 + t + x)/(1 + t)² below;
    /// f″ = σ′(x)(2 − x·tanh(x/2)) = t(2(1 + t) − a(1 − t))/(1 + t)³ (even), with tanh(a/2) = (1 − t)/(1 + t).
    /// The brackets 1 + t + x (x &lt; 0) and 2(1 + t) − a(1 − t) cancel near their roots x ≈ −1.27846 and
    /// |x| ≈ 2.39936; they are formed exactly from t (sums and products of BigFloats are exact), so they keep
    /// t's absolute accuracy, 2^−254·t, and lose to the cancellation only as many bits as the value is below its
    /// terms: at most 2^−53 there (the doubles nearest the roots lie 2^−53.02 and 2^−52.27 from them), which
    /// leaves more than 2^−190 relative, far below the 2^−80 the suites need.
    /// </summary>
    public static BigFloat SiLU(double x, int order)
    {
        CheckOrder(order);
        BigFloat a = D(Math.Abs(x));
        BigFloat t = BigFloat.Exp(-a, Bits);
        BigFloat onePlusT = OnePlus(t);
        BigFloat square = onePlusT * onePlusT;
        switch (order)
        {
            case 0:
                return BigFloat.Divide(x >= 0 ? D(x) : D(x) * t, onePlusT, Bits);
            case 1:
                BigFloat numerator = x >= 0 ? onePlusT + (D(x) * t) : t * (onePlusT + D(x));
                return BigFloat.Divide(numerator, square, Bits);
            default:
                BigFloat bracket = (BigFloat.Two * onePlusT) - (a * (BigFloat.One - t));
                return BigFloat.Divide(t * bracket, square * onePlusT, Bits);
        }
    }
}

/// <summary>SiLU (Swish): x·σ(x), σ(x)(1 + x(1 − σ(x))), σ′(x)(2 − x·tanh(x/2)).</summary>
internal sealed class SiLUReference : ActivationReference<SiLU>
{
    protected override BigFloat Exact(SiLU f, double x, int order) => ExactActivations.SiLU(x, order);

    // f′ is zero only at the irrational root −1.27846…, which no double is; it tends to −0 at −∞ ((1 + x)eˣ from
    // below) and to 1 at +∞.
    protected override ExactValue Derivative(SiLU f, double x) =>
        !double.IsFinite(x) ? (x < 0 ? ExactValue.NegativeZero : ExactValue.One) : NonZero(ExactActivations.SiLU(x, 1));

    // The output does not determine the input (f has a minimum at −1.27846…).
    protected override ExactValue? OutputDerivative(SiLU f, double y) => null;

    // x·eˣ, (1 + x)eˣ and (2 + x)eˣ → 0 from below at −∞; at +∞, x·σ(x) → +∞, f′ → 1 and f″ ≈ (2 − x)e^−x → 0 from below.
    protected override (Triple Negative, Triple Positive) Limits(SiLU f) => ((-0.0, -0.0, -0.0), (double.PositiveInfinity, 1, -0.0));

    // 0·σ(0) = 0, σ(0) = 1/2, σ′(0)·2 = 1/2.
    protected override Triple AtZero(SiLU f) => (0, 0.5, 0.5);

    /// <summary>The root of f′, −a₀ (a₀ = 1.27846454276107379510…), as its nearest double.</summary>
    internal const double GradRoot = -1.2784645427610737;

    /// <summary>The roots of f″, ±b₀ (b₀ = 2.39935728051546766783…), as its nearest double.</summary>
    internal const double Grad2Root = 2.3993572805154675;

    /// <summary>Half-width of the float kernels' neighbourhoods of the roots.</summary>
    private const double FloatRadius = 0.0078125;

    // The roots of f′ (−a₀) and f″ (±b₀), the edges of the kernels' neighbourhoods around them (±1/8, and
    // ±1/128 for the float kernels) and the points twice as far (±1/4, where the direct formula's bound is
    // already below its worst); where the
    // kernels switch to their series (|x| = 2^−30); where x·eˣ, (1 + x)eˣ and (2 + x)eˣ become subnormal and
    // round to zero (f, f′, and f″ on both sides), computed with mpmath.
    protected override double[] Crossings(SiLU f)
    {
        double[] grad2 = [Grad2Root, Grad2Root - 0.125, Grad2Root + 0.125, Grad2Root - 0.25, Grad2Root + 0.25, Grad2Root - FloatRadius, Grad2Root + FloatRadius, 714.965852058205, 751.752962871375];
        return
        [
            GradRoot, GradRoot - 0.125, GradRoot + 0.125, GradRoot - 0.25, GradRoot + 0.25, GradRoot - FloatRadius, GradRoot + FloatRadius,
            .. grad2, .. Array.ConvertAll(grad2, m => -m),
            Math.ScaleB(1.0, -30), -Math.ScaleB(1.0, -30),
            -714.9686572379665, -751.7556304135238, -714.9672556330942, -751.7542975331081,
        ];
    }

    // Smooth everywhere.
    protected override double[] Kinks(SiLU f) => [];
}
