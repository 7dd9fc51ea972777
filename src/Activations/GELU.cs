using Activations.Catalogue;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The Gaussian error linear unit (numpy-ml's <c>GELU</c>, whose default is the tanh approximation; PyTorch's <c>GELU</c>
/// defaults to the exact form, <c>approximate='none'</c>).
/// Exact (<c>approximate = false</c>): f(x) = <c>x·Φ(x) = (x/2)(1 + erf(x/√2))</c>; f′(x) = <c>Φ(x) + x·φ(x)</c>;
/// f″(x) = <c>(2 − x²)·φ(x)</c>, with φ(x) = e^(−x²/2)/√(2π) the standard normal density and Φ its distribution.
/// Approximate (<c>approximate = true</c>): f(x) = <c>(x/2)(1 + tanh(√(2/π)(x + 0.044715x³))) = x·σ(b)</c> with
/// b(x) = 2√(2/π)(x + 0.044715x³), where √(2/π) and 0.044715 are the exact real numbers (0.044715 as a decimal), not their doubles;
/// f′(x) = <c>σ(b) + x·σ(b)(1 − σ(b))·b′</c>; f″(x) = <c>σ′(b)(2b′ + x·b″) + x·σ″(b)·b′²</c> — the exact derivatives of
/// the approximation, b′ = 2√(2/π)(1 + 0.134145x²), b″ = 2√(2/π)·0.26829x.
/// Both: GELU(−∞) = −0 (f &lt; 0 for every x &lt; 0, and −0 where it underflows), GELU(∞) = ∞; f′(−∞) = −0, f′(∞) = 1;
/// f″(±∞) = −0; f(x) = x to the last bit for large x and f, f′ and f″ underflow only where the exact values do.
/// Near the zero of f′ (x ≈ −0.7525 approximate, −0.7518 exact) and the zeros of f″ (±1.4185 approximate, ±√2 exact)
/// every digit is kept. Within 1 ulp of the exact value for every finite input; NaN in gives NaN out.
/// The output does not determine f′ (f is not monotonic), so <see cref="ActivationFunction.CanBackwardFromOutput"/> is false.
/// </summary>
public sealed class GELU : ActivationFunction
{
    /// <summary>Creates the activation; numpy-ml's default is the tanh approximation.</summary>
    /// <param name="approximate">Whether f is the tanh approximation (true) or the exact x·Φ(x) (false).</param>
    public GELU(bool approximate = true)
        : base(Descriptor, approximate ? 1 : 0)
    {
    }

    /// <summary>Whether f is the tanh approximation (true) or the exact x·Φ(x) (false).</summary>
    public bool Approximate => Parameter(0) != 0;

    /// <summary>The description that parsing, formatting, equality and the tests read.</summary>
    internal static ActivationDescriptor Descriptor { get; } = new()
    {
        Name = "GELU",
        Parameters = [new("approximate", 1, ParameterKind.Boolean)],
        Kernels = p => p[0] != 0
            ? KernelSet.Create(default(GeluApproximateFn), default(GeluApproximateGrad), default(GeluApproximateGrad2), default(GeluApproximateBackward), default(NoKernel), default(GeluApproximateFnAndGrad),
                FloatKernels.Lean(default(GeluApproximateForFloat), default(GeluApproximateGradForFloat), default(GeluApproximateGrad2ForFloat), default(GeluApproximateFnAndGrad)))
            : KernelSet.Create(default(GeluExactFn), default(GeluExactGrad), default(GeluExactGrad2), default(GeluExactBackward), default(NoKernel), default(GeluExactFnAndGrad)),
        Create = p => new GELU(p[0] != 0),
        Formulas = (
            "x·Φ(x) = (x/2)(1 + erf(x/√2)); approximate: (x/2)(1 + tanh(√(2/π)(x + 0.044715x³))) = x·σ(b)",
            "Φ(x) + x·φ(x); approximate: σ(b) + x·σ(b)(1 − σ(b))·b′",
            "(2 − x²)·φ(x); approximate: σ′(b)(2b′ + x·b″) + x·σ″(b)·b′²"),
        Variants = [[0]],
    };
}
