using Activations.Catalogue;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The rectified linear unit (numpy-ml's <c>ReLU</c>).
/// f(x) = <c>x</c> if x &gt; 0, else <c>0</c>; f′(x) = <c>1</c> if x &gt; 0, else <c>0</c> (0 at x = 0); f″(x) = <c>0</c>.
/// Within 1 ulp of the exact value for every finite input; NaN in gives NaN out.
/// From the output (<see cref="ActivationFunction.BackwardFromOutput(System.ReadOnlySpan{double}, System.ReadOnlySpan{double}, System.Span{double})"/>): f′ = <c>1</c> if y &gt; 0, else <c>0</c>.
/// </summary>
public sealed class ReLU : ActivationFunction
{
    /// <summary>Creates the activation (it has no parameters).</summary>
    public ReLU()
        : base(Descriptor)
    {
    }

    /// <summary>The description that parsing, formatting, equality and the tests read.</summary>
    internal static ActivationDescriptor Descriptor { get; } = new()
    {
        Name = "ReLU",
        Kernels = _ => KernelSet.Create(default(ReluFn), new StepKernel(1.0, 0.0), new ConstantKernel(0.0), new StepBackward(0.0), new StepBackward(0.0), Pair.Of(default(ReluFn), new StepKernel(1.0, 0.0))),
        Create = _ => new ReLU(),
        Formulas = ("x if x > 0 else 0", "1 if x > 0 else 0", "0"),
    };
}
