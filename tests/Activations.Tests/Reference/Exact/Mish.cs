using System;

namespace Activations.Tests.Reference;

/// <summary>The exact Mish.</summary>
internal static partial class ExactActivations
{
    /// <summary>Working precision of Mish's intermediate steps: 128 bits beyond the result's, for the cancellation at the roots of f′ and f″.</summary>
    private const int MishBits = Bits + 128;

    /// <summary>
    /// From t = e^−|x| ∈ (0, 1] in <see cref="MishBits"/> bits, the textbook pieces in closed form, each a ratio of
    /// sums of positive terms: with u = e^x = t for x ≤ 0, softplus = ln(1 + u) gives g = tanh(softplus) =
    /// ((1 + u)² − 1)/((1 + u)² + 1) = u(u + 2)/(u(u + 2) + 2), 1 − g² = 4(1 + u)²/(u(u + 2) + 2)², σ = u/(1 + u),
    /// 1 − σ = 1/(1 + u); with w = e^−x = t for x &gt; 0, g = (1 + 2w)/(1 + 2w + 2w²) (numerator and denominator of the
    /// first form divided by e^2x), 1 − g² = 4w²(1 + w)²/(1 + 2w + 2w²)², σ = 1/(1 + w), 1 − σ = w/(1 + w). Then
    /// f = x·g, f′ = g + x·σ·(1 − g²) and f″ = σ(1 − g²)·(2 + x·((1 − σ) − 2g·σ)), the derivatives of x·tanh(s(x)) with
    /// s′ = σ, tanh′ = 1 − tanh² and σ′ = σ(1 − σ), each sum formed exactly from pieces good to 2^−(MishBits − 2), so
    /// even the cancellation at the doubles nearest a root (where f′ or f″ is 2^−54 of its terms) leaves over 300 bits.
    /// </summary>
    public static BigFloat Mish(double x, int order)
    {
        CheckOrder(order);
        BigFloat t = BigFloat.Exp(-D(Math.Abs(x)), MishBits);
        BigFloat onePlusT = BigFloat.One + t;
        BigFloat g;
        BigFloat oneMinusG2;
        BigFloat sigma;
        BigFloat oneMinusSigma;
        if (x <= 0)
        {
            BigFloat n = t * (t + BigFloat.Two);
            BigFloat d = n + BigFloat.Two;
            g = BigFloat.Divide(n, d, MishBits);
            oneMinusG2 = BigFloat.Divide(FromInt(4) * onePlusT * onePlusT, d * d, MishBits);
            sigma = BigFloat.Divide(t, onePlusT, MishBits);
            oneMinusSigma = BigFloat.Divide(BigFloat.One, onePlusT, MishBits);
        }
        else
        {
            BigFloat n = BigFloat.One + (BigFloat.Two * t);
            BigFloat d = n + (BigFloat.Two * t * t);
            g = BigFloat.Divide(n, d, MishBits);
            oneMinusG2 = BigFloat.Divide(FromInt(4) * t * t * onePlusT * onePlusT, d * d, MishBits);
            sigma = BigFloat.Divide(BigFloat.One, onePlusT, MishBits);
            oneMinusSigma = BigFloat.Divide(t, onePlusT, MishBits);
        }

        BigFloat v = order switch
        {
            0 => D(x) * g,
            1 => g + (D(x) * sigma * oneMinusG2),
            _ => sigma * oneMinusG2 * (BigFloat.Two + (D(x) * (oneMinusSigma - (BigFloat.Two * g * sigma)))),
        };
        return v.Round(Bits);
    }

}

/// <summary>Mish: x·tanh(softplus(x)), g + x·σ·(1 − g²), σ(1 − g²)(2 + x(1 − σ − 2gσ)).</summary>
internal sealed class MishReference : ActivationReference<Mish>
{
    /// <summary>The root of f′, r₁ = −1.19243121451549521…, as its nearest double.</summary>
    internal const double GradRoot = -1.1924312145154952;

    /// <summary>The roots of f″, r₂ = −2.25637639636079312… and r₃ = 1.49057117948542845…, as their nearest doubles.</summary>
    internal const double Grad2RootNegative = -2.256376396360793;

    /// <inheritdoc cref="Grad2RootNegative"/>
    internal const double Grad2RootPositive = 1.4905711794854284;

    protected override BigFloat Exact(Mish f, double x, int order) => ExactActivations.Mish(x, order);

    // f′ has one real zero, at an irrational r₁ ≈ −1.1924 that no double hits; it tends to −0 at −∞ (like (1 + x)eˣ) and to 1 at +∞.
    protected override ExactValue Derivative(Mish f, double x) =>
        double.IsNegativeInfinity(x) ? ExactValue.NegativeZero
        : double.IsPositiveInfinity(x) ? ExactValue.One
        : NonZero(ExactActivations.Mish(x, 1));

    // f is not monotonic (its minimum is at r₁), so y does not determine f′.
    protected override ExactValue? OutputDerivative(Mish f, double y) => null;

    // x·eˣ, (1 + x)eˣ, (2 + x)eˣ → 0 at −∞; x·tanh(softplus x) − x → 0 at +∞ with f′ → 1 and f″ ≈ −8x·e^−2x → 0.
    protected override (Triple Negative, Triple Positive) Limits(Mish f) => ((0, 0, 0), (double.PositiveInfinity, 1, 0));

    // g(0) = tanh(ln 2) = 3/5: f(0) = 0, f′(0) = g(0) = 0.6 (correctly rounded), f″(0) = 2σ(0)(1 − g(0)²) = 16/25 = 0.64.
    protected override Triple AtZero(Mish f) => (0, 0.6, 0.64);

    // The roots of f′ (r₁) and f″ (r₂, r₃), the edges of their polynomial neighbourhoods (r ± 1/8) and r ± 1/4, and r₁ ± 1/128 and r₂, r₃ ± 1/16 (the float kernels'); where f and f′
    // become x and 1 to the last bit (19.06, 20.56); the kernels' switches (2^−800 both signs, −800, and the shared
    // ±40, ±300, ±600); where the tails x·eˣ, (1 + x)eˣ, (2 + x)eˣ become subnormal and round to zero (about −715
    // and −751.75), and 8(x − 1)e^−2x likewise (358.18, 376.57).
    protected override double[] Crossings(Mish f) =>
    [
        GradRoot, Grad2RootNegative, Grad2RootPositive,
        -1.4424312145154952, -0.9424312145154952, -2.506376396360793, -2.006376396360793, 1.2405711794854284, 1.7405711794854284,
        -1.3174312145154952, -1.0674312145154952, -2.381376396360793, -2.131376396360793, 1.3655711794854284, 1.6155711794854284,
        -1.2002437145154952, -1.1846187145154952, -2.318876396360793, -2.193876396360793, 1.4280711794854284, 1.5530711794854284,
        19.061547465398498, 20.56093465254709, Math.ScaleB(1.0, -800), -Math.ScaleB(1.0, -800), -800.0,
        -714.9686572379665, -751.7556304135238, -714.9672556330942, -751.7542975331081, -714.965852058205, -751.752962871375,
        358.1770458297433, 376.57055349465264,
    ];

    // Smooth everywhere.
    protected override double[] Kinks(Mish f) => [];
}
