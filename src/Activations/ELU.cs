using System;
using Activations.Catalogue;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The exponential linear unit (numpy-ml's <c>ELU</c>).
/// f(x) = <c>x</c> if x &gt; 0, else <c>α(eˣ − 1)</c> (so 0 and −0 take the exponential branch); ELU(−∞) = −α; f′(x) = <c>1</c> if x &gt; 0, else <c>α·eˣ</c> (α at x = 0); f″(x) = <c>0</c> if x &gt; 0, else <c>α·eˣ</c>.
/// Within 1 ulp of the exact value for every finite input and every finite α, from the smallest
/// subnormal to <see cref="double.MaxValue"/> (ELU(MaxValue)′(−700) = MaxValue·e⁻⁷⁰⁰ ≈ 17724.67);
/// NaN in gives NaN out.
/// From the output (<see cref="ActivationFunction.BackwardFromOutput(System.ReadOnlySpan{double}, System.ReadOnlySpan{double}, System.Span{double})"/>): f′ = <c>1</c> if y &gt; 0, else <c>y + α</c>, available for α &gt; 0.
/// </summary>
public sealed class ELU : ActivationFunction
{
    /// <summary>Creates the activation; numpy-ml's defaults apply.</summary>
    /// <param name="alpha">The saturation value α: f tends to −α as x → −∞. Must be finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is NaN or infinite.</exception>
    public ELU(double alpha = 1.0)
        : base(Descriptor, alpha)
    {
    }

    /// <summary>The saturation value α: f tends to −α as x → −∞.</summary>
    public double Alpha => Parameter(0);

    /// <summary>
    /// Up to this |α| the float kernels form α·eˣ in double: α·e^−704 (the clamp) is then far below
    /// the float range. Beyond it the float overloads run the double kernels.
    /// </summary>
    private const double FloatAlphaLimit = 1.2676506002282294e30;  // 2^100

    private static KernelSet KernelsFor<TFromOutput>(double alpha, TFromOutput fromOutput)
        where TFromOutput : struct, IBinaryKernel
    {
        BackwardFactor backwardFactor = BackwardFactor.Of(alpha, 0.0);
        return backwardFactor.IsOne
            ? KernelsFor(alpha, fromOutput, new EluBackward<Yes, Yes>(1.0, 0.0, backwardFactor))
            : KernelsFor(alpha, fromOutput, new EluBackward<Yes, No>(1.0, 0.0, backwardFactor));
    }

    private static KernelSet KernelsFor<TFromOutput, TBackward>(double alpha, TFromOutput fromOutput, TBackward backward)
        where TFromOutput : struct, IBinaryKernel
        where TBackward : struct, IBinaryKernel
    {
        ExpFactor factor = ExpFactor.Of(alpha, 0.0);
        return factor.IsUnit ? KernelsFor<TFromOutput, TBackward, UnitFactor>(alpha, factor, fromOutput, backward)
            : factor.IsPlain ? KernelsFor<TFromOutput, TBackward, PlainFactor>(alpha, factor, fromOutput, backward)
            : KernelsFor<TFromOutput, TBackward, GeneralFactor>(alpha, factor, fromOutput, backward);
    }

    private static KernelSet KernelsFor<TFromOutput, TBackward, TForm>(double alpha, ExpFactor factor, TFromOutput fromOutput, TBackward backward)
        where TFromOutput : struct, IBinaryKernel
        where TBackward : struct, IBinaryKernel
        where TForm : struct, IFactorForm =>
        Math.Abs(alpha) <= FloatAlphaLimit
            ? KernelSet.Create(new EluFn<TForm>(factor), new EluGrad<TForm>(1.0, factor), new EluGrad<TForm>(0.0, factor), backward, fromOutput, new EluFnAndGrad<TForm>(factor), FloatKernels.Lean(new EluForFloat(1.0, alpha), new EluGradForFloat(1.0, alpha), new EluGradForFloat(0.0, alpha), new EluAndGradForFloat(1.0, alpha)))
            : KernelSet.Create(new EluFn<TForm>(factor), new EluGrad<TForm>(1.0, factor), new EluGrad<TForm>(0.0, factor), backward, fromOutput, new EluFnAndGrad<TForm>(factor));

    /// <summary>The description that parsing, formatting, equality and the tests read.</summary>
    internal static ActivationDescriptor Descriptor { get; } = new()
    {
        Name = "ELU",
        Parameters = [new("alpha", 1.0)],
        Kernels = p => p[0] > 0
            ? KernelsFor(p[0], new EluBackwardFromOutput<Yes, No>(1.0, 0.0, p[0], 0.0, 0.0))
            : KernelsFor(p[0], default(NoKernel)),
        Create = p => new ELU(p[0]),
        Formulas = ("x if x > 0 else α(eˣ − 1)", "1 if x > 0 else α·eˣ", "0 if x > 0 else α·eˣ"),
        Variants = [[0.5], [2], [double.MaxValue], [1.3e308], [-1.5e308], [1e200], [1e-300], [-2]],
    };
}
