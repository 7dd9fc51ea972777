using Activations.Catalogue;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The softplus function, a smooth ReLU (numpy-ml's <c>SoftPlus</c>).
/// f(x) = <c>ln(1 + eˣ)</c>; equals x to the last bit for x &gt; 40 and eˣ for x &lt; −40; f′(x) = <c>eˣ/(1 + eˣ)</c> (the logistic sigmoid); f″(x) = <c>eˣ/(1 + eˣ)²</c>.
/// Within 1 ulp of the exact value for every finite input; NaN in gives NaN out.
/// In terms of its output f′ = 1 − e^−y needs an exponential of y, no cheaper than from x, so <see cref="ActivationFunction.CanBackwardFromOutput"/> is false: use Backward with the inputs.
/// </summary>
public sealed class SoftPlus : ActivationFunction
{
    /// <summary>Creates the activation (it has no parameters).</summary>
    public SoftPlus()
        : base(Descriptor)
    {
    }

    /// <summary>The description that parsing, formatting, equality and the tests read.</summary>
    internal static ActivationDescriptor Descriptor { get; } = new()
    {
        Name = "SoftPlus",
        Kernels = _ => KernelSet.Create(default(SoftPlusFn), default(SigmoidFn), default(SigmoidGrad), default(SoftPlusBackward), default(NoKernel), default(SoftPlusFnAndGrad), FloatKernels.Lean(default(SoftPlusForFloat), default(SigmoidForFloat), default(SigmoidGradForFloat), default(SoftPlusAndGradForFloat))),
        Create = _ => new SoftPlus(),
        Formulas = ("ln(1 + eˣ)", "eˣ/(1 + eˣ)", "eˣ/(1 + eˣ)²"),
    };
}
