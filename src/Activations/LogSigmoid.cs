using Activations.Catalogue;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The logarithm of the logistic sigmoid, ln σ(x) = −softplus(−x) (PyTorch's <c>LogSigmoid</c>).
/// f(x) = <c>ln σ(x) = −ln(1 + e⁻ˣ)</c>; equals x to the last bit for x &lt; −40 and −e⁻ˣ for x &gt; 40 (which underflows to −0 past x ≈ 745); LogSigmoid(−∞) = −∞, LogSigmoid(+∞) = −0 (f &lt; 0 for every finite x, and the values that underflow beside it are −0 too);
/// f′(x) = <c>σ(−x) = 1 − σ(x)</c>, 1 at −∞ and +0 at +∞; f″(x) = <c>−σ(x)(1 − σ(x))</c>, −0 at ±∞.
/// Within 1 ulp of the exact value for every finite input; NaN in gives NaN out.
/// In terms of its output f′ = 1 − eʸ needs an exponential of y, no cheaper than from x, so <see cref="ActivationFunction.CanBackwardFromOutput"/> is false: use Backward with the inputs.
/// </summary>
public sealed class LogSigmoid : ActivationFunction
{
    /// <summary>Creates the activation (it has no parameters).</summary>
    public LogSigmoid()
        : base(Descriptor)
    {
    }

    /// <summary>The description that parsing, formatting, equality and the tests read.</summary>
    internal static ActivationDescriptor Descriptor { get; } = new()
    {
        Name = "LogSigmoid",
        Kernels = _ => KernelSet.Create(
            default(LogSigmoidFn<SoftPlusFn>), default(LogSigmoidGrad<SigmoidFn>), default(LogSigmoidGrad2<SigmoidGrad>), default(LogSigmoidBackward), default(NoKernel), default(LogSigmoidFnAndGrad<SoftPlusFnAndGrad>),
            FloatKernels.Lean(default(LogSigmoidFn<SoftPlusForFloat>), default(LogSigmoidGrad<SigmoidForFloat>), default(LogSigmoidGrad2<SigmoidGradForFloat>), default(LogSigmoidFnAndGrad<SoftPlusAndGradForFloat>))),
        Create = _ => new LogSigmoid(),
        Formulas = ("ln σ(x) = −ln(1 + e⁻ˣ)", "σ(−x) = 1 − σ(x)", "−σ(x)(1 − σ(x))"),
    };
}
