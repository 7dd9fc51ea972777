using Activations.Catalogue;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The hard swish of MobileNetV3, x·ReLU6(x + 3)/6 (PyTorch's <c>Hardswish</c>).
/// f(x) = <c>0</c> if x ≤ −3, <c>x</c> if x ≥ 3, else <c>x(x + 3)/6</c> (so HardSwish(−∞) = 0, HardSwish(∞) = ∞);
/// f′(x) = <c>0</c> if x &lt; −3, <c>1</c> if x &gt; 3, else <c>(2x + 3)/6</c>, taken from inside at both joints
/// as PyTorch's <c>hardswish_backward</c> does: f′(−3) = −1/2, f′(3) = 3/2, and f′(−3/2) = 0;
/// f″(x) = <c>1/3</c> if −3 ≤ x ≤ 3, else <c>0</c>.
/// Within 1 ulp of the exact value for every finite input (the exact sixth and third, not their doubles,
/// so HardSwish(−3 + δ) = δ(δ − 3)/6 and HardSwish′(−3/2 + δ) = δ/3 keep every digit: 0.5 ulp + 2⁻⁴⁸ at most); NaN in gives NaN out.
/// Its output does not determine f′ (each value in (−3/8, 0] comes from two inputs), so
/// <see cref="ActivationFunction.CanBackwardFromOutput"/> is false.
/// </summary>
public sealed class HardSwish : ActivationFunction
{
    /// <summary>Creates the activation (it has no parameters).</summary>
    public HardSwish()
        : base(Descriptor)
    {
    }

    /// <summary>The description that parsing, formatting, equality and the tests read.</summary>
    internal static ActivationDescriptor Descriptor { get; } = new()
    {
        Name = "HardSwish",
        Kernels = _ => KernelSet.Create(default(HardSwishFn), default(HardSwishGrad), default(HardSwishGrad2), default(HardSwishBackward), default(NoKernel), default(HardSwishFnAndGrad),
            FloatKernels.Lean(default(HardSwishForFloat), default(HardSwishGradForFloat), default(HardSwishGrad2), Pair.Of(default(HardSwishForFloat), default(HardSwishGradForFloat)))),
        Create = _ => new HardSwish(),
        Formulas = ("0 if x ≤ −3, x if x ≥ 3, else x(x + 3)/6", "0 if x < −3, 1 if x > 3, else (2x + 3)/6", "1/3 if −3 ≤ x ≤ 3 else 0"),
    };
}
