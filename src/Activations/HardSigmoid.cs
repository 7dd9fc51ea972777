using Activations.Catalogue;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The piecewise-linear approximation of the logistic sigmoid (numpy-ml's <c>HardSigmoid</c>).
/// f(x) = <c>0</c> if x &lt; −2.5, <c>1</c> if x &gt; 2.5, else <c>x/5 + 1/2</c> (the exact fifth, rounded once); f′(x) = <c>1/5</c> if −2.5 ≤ x ≤ 2.5, else <c>0</c>; f″(x) = <c>0</c>.
/// Within 1 ulp of the exact value for every finite input; NaN in gives NaN out.
/// Its output does not determine f′ (0 and 1 come from both the flat and the sloped pieces), so <see cref="ActivationFunction.CanBackwardFromOutput"/> is false.
/// </summary>
public sealed class HardSigmoid : ActivationFunction
{
    /// <summary>Creates the activation (it has no parameters).</summary>
    public HardSigmoid()
        : base(Descriptor)
    {
    }

    /// <summary>The description that parsing, formatting, equality and the tests read.</summary>
    internal static ActivationDescriptor Descriptor { get; } = new()
    {
        Name = "HardSigmoid",
        Kernels = _ => KernelSet.Create(default(HardSigmoidFn), default(HardSigmoidGrad), new ConstantKernel(0.0), default(HardSigmoidBackward), default(NoKernel), Pair.Of(default(HardSigmoidFn), default(HardSigmoidGrad)),
            FloatKernels.Lean(default(HardSigmoidForFloat), default(HardSigmoidGrad), new ConstantKernel(0.0), Pair.Of(default(HardSigmoidForFloat), default(HardSigmoidGrad)))),
        Create = _ => new HardSigmoid(),
        Formulas = ("0 if x < −2.5, 1 if x > 2.5, else x/5 + 1/2", "1/5 if −2.5 ≤ x ≤ 2.5 else 0", "0"),
    };
}
