using System.Globalization;
using System.Numerics;

namespace Activations.Tests.Reference;

/// <summary>The exact SELU.</summary>
internal static partial class ExactActivations
{
    /// <summary>
    /// SELU's λ = 1.0507009873554804934193349852946 and α = 1.6732632423543772848170429916717, the decimal
    /// constants themselves (not their doubles): integers over 10^31, divided out to <see cref="Bits"/> + 64 bits.
    /// </summary>
    public static readonly BigFloat SeluLambda = Decimal("10507009873554804934193349852946", 31);

    public static readonly BigFloat SeluAlpha = Decimal("16732632423543772848170429916717", 31);

    /// <summary>λ·α: the exact product of the two decimals (an integer over 10^62), divided out in one rounding.</summary>
    public static readonly BigFloat SeluLambdaAlpha = BigFloat.Divide(
        BigFloat.FromInteger(BigInteger.Parse("10507009873554804934193349852946", CultureInfo.InvariantCulture)
            * BigInteger.Parse("16732632423543772848170429916717", CultureInfo.InvariantCulture)),
        BigFloat.FromInteger(BigInteger.Pow(10, 62)),
        Bits + BigFloat.GuardBits);

    /// <summary>λ·ELU_α with the decimal constants <see cref="SeluLambda"/>, <see cref="SeluAlpha"/> and their exact product.</summary>
    public static BigFloat SELU(double x, int order) => ScaledElu(SeluLambda, SeluLambdaAlpha, x, order);
}

/// <summary>SELU: λ·ELU_α with the decimal constants λ and α.</summary>
internal sealed class SELUReference : ActivationReference<SELU>
{
    /// <summary>λ, the decimal constant rounded to the nearest double.</summary>
    private const double Lambda = 1.0507009873554804934193349852946;

    /// <summary>λα, the exact product of the two decimal constants, rounded to the nearest double.</summary>
    private const double LambdaAlpha = 1.7580993408473768;

    protected override BigFloat Exact(SELU f, double x, int order) => ExactActivations.SELU(x, order);

    protected override ExactValue Derivative(SELU f, double x) =>
        x > 0 ? ExactValue.Of(ExactActivations.SeluLambda)
        : !double.IsFinite(x) ? ExactValue.PositiveZero
        : NonZero(ExactActivations.SELU(x, 1));

    protected override ExactValue? OutputDerivative(SELU f, double y) =>
        y > 0 ? ExactValue.Of(ExactActivations.SeluLambda) : ExactValue.FromDouble(y) + ExactValue.Of(ExactActivations.SeluLambdaAlpha);

    // λα(eˣ − 1) → −λα at −∞ with derivatives → 0; λx with slope λ on the right.
    protected override (Triple Negative, Triple Positive) Limits(SELU f) => ((-LambdaAlpha, 0, 0), (double.PositiveInfinity, Lambda, 0));

    protected override Triple AtZero(SELU f) => (0, LambdaAlpha, LambdaAlpha);

    /// <summary>
    /// Where the results cross the smallest normal (x = ±2⁻¹⁰²², λx = 2⁻¹⁰²², λαx = −2⁻¹⁰²²), the
    /// saturating left branch near −24.2, λx's overflow threshold (2¹⁰²⁴ − 2⁹⁷⁰)/λ, and subnormal inputs.
    /// </summary>
    protected override double[] Crossings(SELU f) =>
    [
        -2.2250738585072014e-308, 2.2250738585072014e-308, 2.2250738585072014e-308 / Lambda, -2.2250738585072014e-308 / LambdaAlpha,
        -24.2, 1.710946460026603e308, 5e-324, -5e-324, 1e-310, -1e-310,
    ];

    protected override double[] Kinks(SELU f) => [0];
}
