using System;

namespace Activations.Tests.Reference;

/// <summary>
/// Reference values for the backward pass, dy·f′(x) and dy·g(y), as <see cref="ExactValue"/>s: the exact product of
/// the exact operands with the IEEE rules for specials, which a correct implementation rounds once
/// (<see cref="ExactValue.ToDouble"/>, or <see cref="ExactValue.ToSingle"/> for the float versions).
/// <para>
/// The rules fall out of two steps. First the factor — f′(x), or g(y) — is built as an exact value whose KIND is
/// decided from the activation's definition, never by looking at a BigFloat's size: it is an exact zero only where
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
    /// The activation's exact order-th derivative (0 = value) at a finite x, dispatched on the instance's type with its
    /// own parameters (<see cref="Affine.Slope"/>, <see cref="Affine.Intercept"/>, <see cref="ELU.Alpha"/>,
    /// <see cref="LeakyReLU.Alpha"/>); the float versions use the same function at the (exactly widened) float input.
    /// </summary>
    public static BigFloat Exact(ActivationFunction activation, double x, int order) => activation switch
    {
        Affine a => ExactActivations.Affine(a.Slope, a.Intercept, x, order),
        ELU e => ExactActivations.ELU(e.Alpha, x, order),
        Exponential => ExactActivations.Exponential(x, order),
        HardSigmoid => ExactActivations.HardSigmoid(x, order),
        Identity => ExactActivations.Identity(x, order),
        LeakyReLU l => ExactActivations.LeakyReLU(l.Alpha, x, order),
        ReLU => ExactActivations.ReLU(x, order),
        SELU => ExactActivations.SELU(x, order),
        Sigmoid => ExactActivations.Sigmoid(x, order),
        SoftPlus => ExactActivations.SoftPlus(x, order),
        Tanh => ExactActivations.Tanh(x, order),
        _ => throw new NotSupportedException($"No exact reference for {activation}."),
    };

    /// <summary>
    /// f′(x) as an exact value for every double x: NaN for NaN; the limits at ±∞ (0 for σ, tanh, HardSigmoid at ±∞
    /// and for e^x, ELU, SELU, SoftPlus at −∞; 1 for ReLU, LeakyReLU, ELU, SoftPlus, Identity at +∞; λ for SELU;
    /// +∞ for Exponential at +∞; α for LeakyReLU at −∞; s for Affine); otherwise the definition's exact zero or
    /// the finite nonzero reference value.
    /// </summary>
    public static ExactValue Derivative(ActivationFunction activation, double x)
    {
        if (double.IsNaN(x))
        {
            return ExactValue.NaN;
        }

        bool finite = double.IsFinite(x);
        switch (activation)
        {
            case Affine a:
                return ExactValue.FromDouble(a.Slope);
            case Identity:
                return ExactValue.One;
            case ReLU:
                return x > 0 ? ExactValue.One : ExactValue.PositiveZero;
            case LeakyReLU l:
                return x > 0 ? ExactValue.One : ExactValue.FromDouble(l.Alpha);
            case ELU e:
                // α·e^x for x ≤ 0: exactly zero iff α is (keeping α's sign), tends to 0 with α's sign at −∞.
                return x > 0 ? ExactValue.One
                    : e.Alpha == 0 ? ExactValue.FromDouble(e.Alpha)
                    : !finite ? ExactValue.Zero(e.Alpha < 0)
                    : NonZero(ExactActivations.ELU(e.Alpha, x, 1));
            case SELU:
                return x > 0 ? ExactValue.Of(ExactActivations.SeluLambda)
                    : !finite ? ExactValue.PositiveZero
                    : NonZero(ExactActivations.SELU(x, 1));
            case Exponential:
                return !finite ? (x > 0 ? ExactValue.PositiveInfinity : ExactValue.PositiveZero)
                    : NonZero(ExactActivations.Exponential(x, 1));
            case HardSigmoid:
                // 1/5 on the closed interval [−2.5, 2.5] (the library's convention at the kinks), exactly 0 outside.
                return x is >= -2.5 and <= 2.5 ? NonZero(ExactActivations.HardSigmoid(x, 1)) : ExactValue.PositiveZero;
            case Sigmoid:
                return !finite ? ExactValue.PositiveZero : NonZero(ExactActivations.Sigmoid(x, 1));
            case Tanh:
                return !finite ? ExactValue.PositiveZero : NonZero(ExactActivations.Tanh(x, 1));
            case SoftPlus:
                return !finite ? (x > 0 ? ExactValue.One : ExactValue.PositiveZero) : NonZero(ExactActivations.SoftPlus(x, 1));
            default:
                throw new NotSupportedException($"No exact reference for {activation}.");
        }
    }

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
    /// rules on the exact formula (so also at values f never produces, and at ±∞): Sigmoid y(1 − y); Tanh 1 − y²;
    /// Exponential y; ReLU 1 if y &gt; 0 else +0; LeakyReLU (α &gt; 0) 1 if y &gt; 0 else α; ELU (α &gt; 0) 1 if
    /// y &gt; 0 else y + α; SELU λ if y &gt; 0 else y + λα (the decimal constants); Identity 1; Affine (slope ≠ 0) s.
    /// The polynomials are exact in BigFloat (products and sums of doubles); 1 − 1 is +0 and y(1 − y) at y = −0 is −0.
    /// </summary>
    /// <exception cref="NotSupportedException">
    /// HardSigmoid, SoftPlus, LeakyReLU or ELU with α ≤ 0, or Affine with slope 0: the output does not determine
    /// the derivative there (or the library does not offer it), so the reference declines rather than guesses.
    /// </exception>
    public static ExactValue OutputDerivative(ActivationFunction activation, double y)
    {
        if (double.IsNaN(y))
        {
            return ExactValue.NaN;
        }

        ExactValue one = ExactValue.One;
        ExactValue value = ExactValue.FromDouble(y);
        return activation switch
        {
            Sigmoid => value * (one - value),
            Tanh => one - value * value,
            Exponential => value,
            ReLU => y > 0 ? one : ExactValue.PositiveZero,
            LeakyReLU { Alpha: > 0 } l => y > 0 ? one : ExactValue.FromDouble(l.Alpha),
            ELU { Alpha: > 0 } e => y > 0 ? one : value + ExactValue.FromDouble(e.Alpha),
            SELU => y > 0 ? ExactValue.Of(ExactActivations.SeluLambda) : value + ExactValue.Of(ExactActivations.SeluLambdaAlpha),
            Identity => one,
            Affine { Slope: not 0 } a => ExactValue.FromDouble(a.Slope),
            _ => throw new NotSupportedException($"No from-output derivative for {activation}."),
        };
    }

    /// <summary>The exact dy·g(y) with the IEEE rules on exact operands; round it once.</summary>
    public static ExactValue ExpectedBackwardFromOutput(ActivationFunction activation, double y, double dy) =>
        ExactValue.FromDouble(dy) * OutputDerivative(activation, y);

    /// <summary>The float version: the same exact formula at the exactly widened float y and dy.</summary>
    public static ExactValue ExpectedBackwardFromOutput(ActivationFunction activation, float y, float dy) =>
        ExpectedBackwardFromOutput(activation, (double)y, (double)dy);

    // Where the definition says the derivative is nonzero, a zero reference value would be a bug in the reference
    // (the exponentials are clamped at e^−5000, never 0), so it is reported rather than passed on as an exact zero.
    private static ExactValue NonZero(BigFloat value) =>
        value.IsZero ? throw new InvalidOperationException("The reference derivative is zero where the definition says it is not.") : ExactValue.Of(value);
}
