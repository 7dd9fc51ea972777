using System;

namespace Activations.Tests.Reference;

/// <summary>
/// Reference values for the backward pass, dy·f′(x) and dy·g(y), as <see cref="ExactValue"/>s: the exact product of
/// the exact operands with the IEEE rules for specials, which a correct implementation rounds once
/// (<see cref="ExactValue.ToDouble"/>, or <see cref="ExactValue.ToSingle"/> for the float versions).
/// <para>
/// The rules fall out of two steps. First the factor — f′(x), or g(y) — is built as an exact value whose KIND is
/// decided from the activation's definition (its <see cref="ActivationReference"/>), never by looking at a BigFloat's size: it is an exact zero only where
/// the definition makes it one (ReLU at x ≤ 0, LeakyReLU/ELU with α = 0 at x ≤ 0, HardSigmoid outside
/// [−2.5, 2.5], Affine with slope 0, and the limits f′(±∞) that are 0), +∞ only for Exponential at +∞, and
/// otherwise a finite nonzero BigFloat from <see cref="ExactActivations"/> (≲ 2^−245 relative; Exp is clamped at
/// e^±5000, so a derivative that underflows in double is still a nonzero value of the right sign; and the clamp changes
/// no rounded product: e^±5000 ≈ 2^±7213, and even after two finite double factors such as ELU's α and dy, each below
/// 2^1024 in magnitude, a clamped product stays beyond 2^±5165, far outside the double and float ranges either way,
/// while its sign is right). Then that factor
/// is multiplied by the exact dy with <see cref="ExactValue"/>'s IEEE product: NaN in → NaN; ∞·(nonzero) = ±∞;
/// ∞·0 = NaN; a zero product has the XOR of the signs.
/// </para>
/// Sign of an exact zero factor: +0 where the derivative is a structural zero or the limit of a nonnegative
/// function (ReLU, HardSigmoid, σ′, tanh′, e^x, λα·e^x), the parameter's own zero (±0) where the factor IS a
/// parameter (Affine's slope, LeakyReLU's and ELU's α), and −0 for ELU's α·e^x → 0 from below at −∞ when α &lt; 0.
/// </summary>
internal static class ExactBackward
{
    /// <summary>
    /// The activation's exact order-th derivative (0 = value) at a finite x, from the activation's
    /// <see cref="ActivationReference"/> with the instance's own parameters; the float versions use the same
    /// function at the (exactly widened) float input.
    /// </summary>
    public static BigFloat Exact(ActivationFunction activation, double x, int order) =>
        ActivationReference.For(activation).Exact(activation, x, order);

    /// <summary>
    /// f′(x) as an exact value for every double x: NaN for NaN; otherwise the activation's
    /// <see cref="ActivationReference.Derivative"/> — the limits at ±∞, the definition's exact zeros, or the
    /// finite nonzero reference value.
    /// </summary>
    public static ExactValue Derivative(ActivationFunction activation, double x) =>
        double.IsNaN(x) ? ExactValue.NaN : ActivationReference.For(activation).Derivative(activation, x);

    /// <summary>The exact dy·f′(x) with the IEEE rules on exact operands (see the class summary); round it once.</summary>
    public static ExactValue ExpectedBackward(ActivationFunction activation, double x, double dy) =>
        ExactValue.FromDouble(dy) * Derivative(activation, x);

    /// <summary>
    /// The float version: the same exact function (double parameters) at the exactly widened float x and dy;
    /// compare a float result with <see cref="ExactValue.ToSingle"/> / <see cref="ExactValue.ErrorOf(float)"/>.
    /// </summary>
    public static ExactValue ExpectedBackward(ActivationFunction activation, float x, float dy) =>
        ExpectedBackward(activation, (double)x, (double)dy);

    /// <summary>
    /// g(y), the derivative written in terms of the output, evaluated EXACTLY at the given double y with the IEEE
    /// rules on the exact formula (so also at values f never produces, and at ±∞), from the activation's
    /// <see cref="ActivationReference.OutputDerivative"/>: e.g. Sigmoid y(1 − y); Tanh 1 − y²; ELU (α &gt; 0) 1 if
    /// y &gt; 0 else y + α. The polynomials are exact in BigFloat (products and sums of doubles); 1 − 1 is +0 and
    /// y(1 − y) at y = −0 is −0.
    /// </summary>
    /// <exception cref="NotSupportedException">
    /// The output does not determine the derivative (or the library does not offer it), e.g. HardSigmoid, SoftPlus,
    /// LeakyReLU or ELU with α ≤ 0, Affine with slope 0: the reference declines rather than guesses.
    /// </exception>
    public static ExactValue OutputDerivative(ActivationFunction activation, double y) =>
        double.IsNaN(y) ? ExactValue.NaN
        : ActivationReference.For(activation).OutputDerivative(activation, y)
            ?? throw new NotSupportedException($"No from-output derivative for {activation}.");

    /// <summary>Whether the output determines the derivative, so that <see cref="OutputDerivative"/> does not decline.</summary>
    public static bool HasOutputDerivative(ActivationFunction activation) =>
        ActivationReference.For(activation).OutputDerivative(activation, 0.5) is not null;

    /// <summary>The exact dy·g(y) with the IEEE rules on exact operands; round it once.</summary>
    public static ExactValue ExpectedBackwardFromOutput(ActivationFunction activation, double y, double dy) =>
        ExactValue.FromDouble(dy) * OutputDerivative(activation, y);

    /// <summary>The float version: the same exact formula at the exactly widened float y and dy.</summary>
    public static ExactValue ExpectedBackwardFromOutput(ActivationFunction activation, float y, float dy) =>
        ExpectedBackwardFromOutput(activation, (double)y, (double)dy);
}
