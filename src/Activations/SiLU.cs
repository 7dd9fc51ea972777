using Activations.Catalogue;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The sigmoid-weighted linear unit, also called Swish (PyTorch's <c>SiLU</c>; <c>swish</c> parses to it).
/// f(x) = <c>x·σ(x) = x/(1 + e⁻ˣ)</c>; SiLU(±0) = ±0, SiLU(+∞) = +∞, and x to the last bit for x &gt; 37; x·eˣ for x → −∞, which underflows to −0 past x ≈ −751.7, and SiLU(−∞) = −0 (x·σ(x) → 0 from below);
/// f′(x) = <c>σ(x)(1 + x(1 − σ(x)))</c>, zero at x ≈ −1.27846 (f′(−∞) = −0, f′(+∞) = 1);
/// f″(x) = <c>σ(x)(1 − σ(x))(2 − x·tanh(x/2))</c>, even, zero at x ≈ ±2.39936, −0 at ±∞ (the sign of the values that underflow beside them).
/// Near those roots the brackets are evaluated without cancellation, so the values at the doubles nearest them (f′ ≈ 2⁻⁵⁵, f″ ≈ 2⁻⁵⁶) are right to the last bit,
/// and Backward forms dy·f′ in one rounding with no intermediate underflow ((1 + x)·eˣ underflows before dy·f′ may).
/// Within 1 ulp of the exact value for every finite input; NaN in gives NaN out.
/// The output does not determine the input (f has its minimum −0.27846… at x ≈ −1.27846, and two inputs give each value between it and 0), so <see cref="ActivationFunction.CanBackwardFromOutput"/> is false: use Backward with the inputs.
/// </summary>
public sealed class SiLU : ActivationFunction
{
    /// <summary>Creates the activation (it has no parameters).</summary>
    public SiLU()
        : base(Descriptor)
    {
    }

    /// <summary>The description that parsing, formatting, equality and the tests read.</summary>
    internal static ActivationDescriptor Descriptor { get; } = new()
    {
        Name = "SiLU",
        Aliases = ["Swish"],
        Kernels = _ => KernelSet.Create(default(SiLUFn), default(SiLUGrad), default(SiLUGrad2), default(SiLUBackward), default(NoKernel), default(SiLUFnAndGrad),
            FloatKernels.Lean(default(SiLUForFloat), default(SiLUGradForFloat), default(SiLUGrad2ForFloat), default(SiLUAndGradForFloat))),
        Create = _ => new SiLU(),
        Formulas = ("x·σ(x) = x/(1 + e⁻ˣ)", "σ(x)(1 + x(1 − σ(x)))", "σ(x)(1 − σ(x))(2 − x·tanh(x/2))"),
    };
}
