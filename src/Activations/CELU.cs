using System;
using Activations.Catalogue;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The continuously differentiable exponential linear unit (PyTorch's <c>CELU</c>).
/// f(x) = <c>x</c> if x &gt; 0, else <c>α(e^(x/α) − 1)</c> (so 0 and −0 take the exponential branch, and f(±0) = ±0);
/// f′(x) = <c>1</c> if x &gt; 0, else <c>e^(x/α)</c> (1 at x = 0, for every α, which is what makes f′ continuous);
/// f″(x) = <c>0</c> if x &gt; 0, else <c>e^(x/α)/α</c> (1/α at x = 0).
/// For α &gt; 0, CELU(−∞) = −α and both derivatives tend to 0, as for <see cref="ELU"/> (CELU with α = 1 is ELU with α = 1 but for the sign of f(−0)).
/// A negative α is allowed, as the formula is defined for it: x/α is then positive for x &lt; 0, so f′ = e^(x/α) grows
/// without bound, f is increasing and concave on the left (f″ = e^(x/α)/α &lt; 0), and CELU(−∞) = −∞, CELU′(−∞) = ∞,
/// CELU″(−∞) = −∞.
/// x/α is carried in double-double (its rounded quotient and exact remainder), so every value is within 1 ulp of the
/// exact function for every finite input and every finite α ≠ 0, from the smallest subnormal α (where f(−1) = −α
/// and f″(0) = 1/α overflows to ∞) to <see cref="double.MaxValue"/>; near 0, where x/α may underflow, the value is
/// x + x²/(2α) + …, formed from x itself. With α = 1 (the default) x/α is x itself, and the kernels are
/// <see cref="ELU"/>'s with α = 1 (which also give the float overloads ELU's float kernels), keeping the sign of
/// f(±0). NaN in gives NaN out.
/// f′ = 1 + y/α in terms of the output y ≤ 0, but for α &gt; 0 that cancels where y is near −α, where the rounding of y
/// itself leaves few correct digits of f′, so <see cref="ActivationFunction.CanBackwardFromOutput"/> is false: use Backward with the inputs.
/// </summary>
public sealed class CELU : ActivationFunction
{
    /// <summary>Creates the activation; PyTorch's default α = 1 applies.</summary>
    /// <param name="alpha">The scale α: for α &gt; 0, f tends to −α as x → −∞. Must be finite and nonzero.</param>
    /// <exception cref="ArgumentOutOfRangeException">α is NaN, infinite or zero (either sign).</exception>
    public CELU(double alpha = 1.0)
        : base(Descriptor, alpha)
    {
    }

    /// <summary>The scale α: for α &gt; 0, f tends to −α as x → −∞.</summary>
    public double Alpha => Parameter(0);

    private static KernelSet KernelsFor(double alpha)
    {
        if (alpha == 1.0)
        {
            return KernelsForAlphaOne();
        }

        CeluFactor factor = CeluFactor.Of(alpha);
        return KernelSet.Create(new CeluFn(factor), new CeluGrad(factor, false), new CeluGrad(factor, true), new CeluBackward(factor), default(NoKernel), new CeluFnAndGrad(factor));
    }

    /// <summary>
    /// With α = 1 (the default) x/α is x itself and CELU is ELU with α = 1 but for f(−0) = −0: ELU's
    /// kernels, which carry no quotient and have float kernels of their own, with the sign of a zero
    /// input kept (<see cref="KeepZeroSign{TKernel}"/>), and no from-output kernel, as for every α.
    /// </summary>
    private static KernelSet KernelsForAlphaOne()
    {
        ExpFactor factor = ExpFactor.Of(1.0, 0.0);
        return KernelSet.Create(
            new KeepZeroSign<EluFn<UnitFactor>>(new EluFn<UnitFactor>(factor)),
            new EluGrad<UnitFactor>(1.0, factor),
            new EluGrad<UnitFactor>(0.0, factor),
            new EluBackward<Yes, Yes>(1.0, 0.0, BackwardFactor.Of(1.0, 0.0)),
            default(NoKernel),
            new KeepZeroSignPair<EluFnAndGrad<UnitFactor>>(new EluFnAndGrad<UnitFactor>(factor)),
            FloatKernels.Lean(
                new KeepZeroSign<EluForFloat>(new EluForFloat(1.0, 1.0)),
                new EluGradForFloat(1.0, 1.0),
                new EluGradForFloat(0.0, 1.0),
                new KeepZeroSignPair<EluAndGradForFloat>(new EluAndGradForFloat(1.0, 1.0))));
    }

    /// <summary>The description that parsing, formatting, equality and the tests read.</summary>
    internal static ActivationDescriptor Descriptor { get; } = new()
    {
        Name = "CELU",
        Parameters = [new("alpha", 1.0)],
        Check = p => p[0] != 0 ? null : ("alpha", "The parameter 'alpha' must not be zero."),
        Kernels = p => KernelsFor(p[0]),
        Create = p => new CELU(p[0]),
        Formulas = ("x if x > 0 else α(e^(x/α) − 1)", "1 if x > 0 else e^(x/α)", "0 if x > 0 else e^(x/α)/α"),
        Variants = [[0.5], [3], [0.7], [-1], [-2.5], [1e-300], [5e-324]],
    };
}
