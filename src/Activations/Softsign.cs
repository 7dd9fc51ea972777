using Activations.Catalogue;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The softsign function, a rational sigmoid-shaped curve (PyTorch's <c>Softsign</c>).
/// f(x) = <c>x/(1 + |x|)</c>; Softsign(±0) = ±0, Softsign(±∞) = ±1 (and ±1 to the last bit for |x| ≥ 2⁵⁴); f′(x) = <c>1/(1 + |x|)²</c>, +0 at ±∞;
/// f″(x) = <c>−2·sign(x)/(1 + |x|)³</c>, +2 at ±0 (the x ≤ 0 side, as every "otherwise" branch here), −0 at +∞ and +0 at −∞.
/// 1 + |x| is carried exactly, so there is no rounding before the division, and no power of it overflows or underflows before the result does:
/// f′ underflows only where 1/(1 + |x|)² is below the subnormals, and Backward forms dy/(1 + |x|)² in one rounding (dy = 1e300 at x = 1e200 gives 1e−100).
/// Within 1 ulp of the exact value for every finite input; NaN in gives NaN out.
/// f′ = (1 − |y|)² in terms of the output, but near y = ±1 the rounding of y itself leaves few correct digits of 1 − |y|, so <see cref="ActivationFunction.CanBackwardFromOutput"/> is false: use Backward with the inputs.
/// </summary>
public sealed class Softsign : ActivationFunction
{
    /// <summary>Creates the activation (it has no parameters).</summary>
    public Softsign()
        : base(Descriptor)
    {
    }

    /// <summary>The description that parsing, formatting, equality and the tests read.</summary>
    internal static ActivationDescriptor Descriptor { get; } = new()
    {
        Name = "Softsign",
        Kernels = _ => KernelSet.Create(default(SoftsignFn), default(SoftsignGrad), default(SoftsignGrad2), default(SoftsignBackward), default(NoKernel), default(SoftsignFnAndGrad),
            FloatKernels.Lean(default(SoftsignForFloat), default(SoftsignGradForFloat), default(SoftsignGrad2ForFloat), default(SoftsignAndGradForFloat))),
        Create = _ => new Softsign(),
        Formulas = ("x/(1 + |x|)", "1/(1 + |x|)²", "−2·sign(x)/(1 + |x|)³"),
    };
}
