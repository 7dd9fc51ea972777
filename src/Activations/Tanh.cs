using Activations.Catalogue;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The hyperbolic tangent (numpy-ml's <c>Tanh</c>).
/// f(x) = <c>tanh x</c>; tanh(±0) = ±0, tanh(±∞) = ±1; f′(x) = <c>1 − tanh²x</c>; f″(x) = <c>−2 tanh x (1 − tanh²x)</c>.
/// Within 1 ulp of the exact value for every finite input; NaN in gives NaN out.
/// From the output (<see cref="ActivationFunction.BackwardFromOutput(System.ReadOnlySpan{double}, System.ReadOnlySpan{double}, System.Span{double})"/>): f′ = <c>1 − y²</c>.
/// </summary>
public sealed class Tanh : ActivationFunction
{
    /// <summary>Creates the activation (it has no parameters).</summary>
    public Tanh()
        : base(Descriptor)
    {
    }

    /// <summary>The description that parsing, formatting, equality and the tests read.</summary>
    internal static ActivationDescriptor Descriptor { get; } = new()
    {
        Name = "Tanh",
        Kernels = _ => KernelSet.Create(default(TanhFn), default(TanhGrad), default(TanhGrad2), default(TanhBackward), default(TanhBackwardFromOutput), default(TanhFnAndGrad), FloatKernels.Lean(default(TanhForFloat), default(TanhGradForFloat), default(TanhGrad2ForFloat), default(TanhAndGradForFloat))),
        Create = _ => new Tanh(),
        Formulas = ("tanh x", "1 − tanh²x", "−2 tanh x (1 − tanh²x)"),
    };
}
