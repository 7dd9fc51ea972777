using Activations.Catalogue;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The exponential function (numpy-ml's <c>Exponential</c>).
/// f(x) = <c>eˣ</c>; overflows to +∞ above ln(double.MaxValue) ≈ 709.78; f′(x) = <c>eˣ</c>; f″(x) = <c>eˣ</c>.
/// Within 1 ulp of the exact value for every finite input; NaN in gives NaN out.
/// From the output (<see cref="ActivationFunction.BackwardFromOutput(System.ReadOnlySpan{double}, System.ReadOnlySpan{double}, System.Span{double})"/>): f′ = <c>y</c>.
/// </summary>
public sealed class Exponential : ActivationFunction
{
    /// <summary>Creates the activation (it has no parameters).</summary>
    public Exponential()
        : base(Descriptor)
    {
    }

    /// <summary>The description that parsing, formatting, equality and the tests read.</summary>
    internal static ActivationDescriptor Descriptor { get; } = new()
    {
        Name = "Exponential",
        Kernels = _ => KernelSet.Create(default(ExpKernel), default(ExpKernel), default(ExpKernel), default(ExpBackward), default(ExpBackwardFromOutput), default(ExpFnAndGrad), FloatKernels.Lean(default(ExpForFloat), default(ExpForFloat), default(ExpForFloat), default(ExpAndGradForFloat))),
        Create = _ => new Exponential(),
        Formulas = ("eˣ", "eˣ", "eˣ"),
    };
}
