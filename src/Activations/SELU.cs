using Activations.Catalogue;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The scaled exponential linear unit (numpy-ml's <c>SELU</c>) with the self-normalising constants
/// α = 1.6732632423543772848170429916717 and λ = 1.0507009873554804934193349852946, the 32-digit
/// decimals of the paper that defines them.
/// f(x) = <c>λx</c> if x &gt; 0, else <c>λα(eˣ − 1)</c>; f′(x) = <c>λ</c> if x &gt; 0, else <c>λα·eˣ</c>; f″(x) = <c>0</c> if x &gt; 0, else <c>λα·eˣ</c>.
/// λ and λα (the exact product of the two decimals) are carried to about 2⁻¹⁰⁶ relative, so every
/// value is within 1 ulp of the function with the decimal constants, for every finite input. In
/// particular f′(x) = <see cref="Scale"/> (λ's nearest double) for x &gt; 0, f′(0) = 1.7580993408473768
/// (λα's nearest double, one ulp above <c>Scale * Alpha</c>) and SELU(−∞) is its negative; f(x)
/// is ∞ from x = 1.710946460026603e308 on, exactly where λx rounds to ∞. NaN in gives NaN out.
/// From the output (<see cref="ActivationFunction.BackwardFromOutput(System.ReadOnlySpan{double}, System.ReadOnlySpan{double}, System.Span{double})"/>): f′ = <c>λ</c> if y &gt; 0, else <c>y + λα</c>.
/// </summary>
public sealed class SELU : ActivationFunction
{

    /// <summary>α = 1.6732632423543772848170429916717 rounded to the nearest double (the activation itself uses the decimal value).</summary>
    public const double Alpha = 1.6732632423543772848170429916717;

    /// <summary>λ = 1.0507009873554804934193349852946 rounded to the nearest double (the activation itself uses the decimal value).</summary>
    public const double Scale = 1.0507009873554804934193349852946;

    // The kernels use the decimal constants, not the doubles above, in double-double: each Hi is the
    // decimal value rounded to the nearest double and each Lo the remainder rounded to the nearest
    // double, so Hi + Lo is within 2⁻¹⁰⁶ relative of the decimal (both parts worked out in exact
    // rational arithmetic):
    //   λ  = 1.0507009873554804934193349852946
    //      = 1.0507009873554805 (0x3FF0CFABD6A91132) + 3.9874847667154144e-17 (0x3C86FC7D272F2695) + 9.6e-34·λ
    //   λα = 1.0507009873554804934193349852946 × 1.6732632423543772848170429916717
    //      = 1.75809934084737685994021752081231934206024580891220830977098282 (exactly, 63 digits)
    //      = 1.7580993408473768 (0x3FFC212CC640F031) + 1.41535193800845e-17 (0x3C705161B045A1FE) − 6.7e-34·λα
    // λα as a double is one ulp above Scale * Alpha (1.7580993408473766), the product of the doubles.
    private const double ScaleLo = 3.9874847667154144e-17;
    private const double ScaledAlphaHi = 1.7580993408473768;
    private const double ScaledAlphaLo = 1.41535193800845e-17;

    // The remainder λα − Hi − Lo rounded to the nearest double (−0x1.86EA9161B1AEEp−110, exact
    // rational arithmetic), so that y + λα stays accurate where y is within an ulp of −λα: the
    // from-output form λα·… of SELU′ below zero is y + λα, which cancels there.
    private const double ScaledAlphaLo2 = -1.1763708922383827e-33;

    private static readonly ExpFactor ScaledAlpha = ExpFactor.Of(ScaledAlphaHi, ScaledAlphaLo);

    /// <summary>Creates the activation (it has no parameters).</summary>
    public SELU()
        : base(Descriptor)
    {
    }

    /// <summary>The description that parsing, formatting, equality and the tests read.</summary>
    internal static ActivationDescriptor Descriptor { get; } = new()
    {
        Name = "SELU",
        Kernels = _ => KernelSet.Create(new SeluFn(Scale, ScaleLo, ScaledAlpha), new EluGrad<PlainFactor>(Scale, ScaledAlpha), new EluGrad<PlainFactor>(0.0, ScaledAlpha), new EluBackward<No, No>(Scale, ScaleLo, BackwardFactor.Of(ScaledAlphaHi, ScaledAlphaLo)), new EluBackwardFromOutput<No, Yes>(Scale, ScaleLo, ScaledAlphaHi, ScaledAlphaLo, ScaledAlphaLo2), new SeluFnAndGrad<PlainFactor>(Scale, ScaleLo, ScaledAlpha), FloatKernels.Lean(new EluForFloat(Scale, ScaledAlphaHi), new EluGradForFloat(Scale, ScaledAlphaHi), new EluGradForFloat(0.0, ScaledAlphaHi), new EluAndGradForFloat(Scale, ScaledAlphaHi))),
        Create = _ => new SELU(),
        Formulas = ("λx if x > 0 else λα(eˣ − 1)", "λ if x > 0 else λα·eˣ", "0 if x > 0 else λα·eˣ"),
    };
}
