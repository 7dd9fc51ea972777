using Activations.Catalogue;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The logistic sigmoid σ (numpy-ml's <c>Sigmoid</c>).
/// f(x) = <c>σ(x) = 1/(1 + e⁻ˣ)</c>; σ(−∞) = 0, σ(∞) = 1; f′(x) = <c>σ(x)(1 − σ(x))</c>; f″(x) = <c>σ(x)(1 − σ(x))(1 − 2σ(x))</c>.
/// Within 1 ulp of the exact value for every finite input; NaN in gives NaN out.
/// From the output (<see cref="ActivationFunction.BackwardFromOutput(System.ReadOnlySpan{double}, System.ReadOnlySpan{double}, System.Span{double})"/>): f′ = <c>y(1 − y)</c>.
/// </summary>
public sealed class Sigmoid : ActivationFunction
{
    /// <summary>Creates the activation (it has no parameters).</summary>
    public Sigmoid()
        : base(Descriptor)
    {
    }

    /// <summary>The description that parsing, formatting, equality and the tests read.</summary>
    internal static ActivationDescriptor Descriptor { get; } = new()
    {
        Name = "Sigmoid",
        Kernels = _ => KernelSet.Create(default(SigmoidFn), default(SigmoidGrad), default(SigmoidGrad2), default(SigmoidBackward), default(SigmoidBackwardFromOutput), default(SigmoidFnAndGrad), FloatKernels.Lean(default(SigmoidForFloat), default(SigmoidGradForFloat), default(SigmoidGrad2ForFloat), default(SigmoidAndGradForFloat))),
        Create = _ => new Sigmoid(),
        Formulas = ("σ(x) = 1/(1 + e⁻ˣ)", "σ(1 − σ)", "σ(1 − σ)(1 − 2σ)"),
    };
}
