using Activations.Catalogue;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The Mish activation, x·tanh(softplus(x)) (PyTorch's <c>Mish</c>, used in YOLO).
/// f(x) = <c>x·tanh(ln(1 + eˣ))</c>, with its minimum f(−1.19243…) = −0.30884… where f′ = 0; equals x to the last bit for x &gt; 40 (from x ≈ 19.1) and x·eˣ for x &lt; −600 (underflowing to −0 past x ≈ −751.8); Mish(−∞) = −0, Mish(+∞) = +∞;
/// f′(x) = <c>g + x·σ(x)·(1 − g²)</c> with g = tanh(softplus(x)), −0 at −∞ and 1 at +∞ (exactly 1 for x &gt; 40);
/// f″(x) = <c>σ(x)(1 − g²)[2 + x(1 − σ(x) − 2g·σ(x))]</c>, zero at x ≈ −2.25638 and 1.49057, −0 at ±∞.
/// tanh(softplus(x)) is never taken of a logarithm: it is u(u + 2)/(u(u + 2) + 2) with u = eˣ for x ≤ 0 and (1 + 2w)/(1 + 2w + 2w²) with w = e⁻ˣ above, and 1 − g² likewise in closed form, so nothing cancels but at the zeros of f′ and f″, where a local expansion about the root (stored to 2⁻¹⁵⁵) gives the tiny values there to the last bit.
/// Within 1 ulp of the exact value for every finite input; NaN in gives NaN out.
/// The output does not determine f′ (f is not monotonic), so <see cref="ActivationFunction.CanBackwardFromOutput"/> is false: use Backward with the inputs.
/// </summary>
public sealed class Mish : ActivationFunction
{
    /// <summary>Creates the activation (it has no parameters).</summary>
    public Mish()
        : base(Descriptor)
    {
    }

    /// <summary>The description that parsing, formatting, equality and the tests read.</summary>
    internal static ActivationDescriptor Descriptor { get; } = new()
    {
        Name = "Mish",
        Kernels = _ => KernelSet.Create(default(MishFn), default(MishGrad), default(MishGrad2), default(MishBackward), default(NoKernel), default(MishFnAndGrad),
            FloatKernels.Lean(default(MishForFloat), default(MishGradForFloat), default(MishGrad2ForFloat), default(MishAndGradForFloat))),
        Create = _ => new Mish(),
        Formulas = ("x·tanh(ln(1 + eˣ))", "g + x·σ(x)·(1 − g²), g = tanh(ln(1 + eˣ))", "σ(x)(1 − g²)(2 + x(1 − σ(x) − 2g·σ(x)))"),
    };
}
