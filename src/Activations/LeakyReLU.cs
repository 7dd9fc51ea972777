using System;
using Activations.Catalogue;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The leaky rectified linear unit (numpy-ml's <c>LeakyReLU</c>).
/// f(x) = <c>x</c> if x &gt; 0, else <c>α·x</c> (0 for α = 0, also at x = −∞); f′(x) = <c>1</c> if x &gt; 0, else <c>α</c> (α at x = 0); f″(x) = <c>0</c>.
/// Within 1 ulp of the exact value for every finite input; NaN in gives NaN out.
/// From the output (<see cref="ActivationFunction.BackwardFromOutput(System.ReadOnlySpan{double}, System.ReadOnlySpan{double}, System.Span{double})"/>): f′ = <c>1</c> if y &gt; 0, else <c>α</c>, available for α &gt; 0.
/// </summary>
public sealed class LeakyReLU : ActivationFunction
{
    /// <summary>Creates the activation; numpy-ml's defaults apply.</summary>
    /// <param name="alpha">The slope α for x ≤ 0. Must be finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is NaN or infinite.</exception>
    public LeakyReLU(double alpha = 0.3)
        : base(Descriptor, alpha)
    {
    }

    /// <summary>The slope α for x ≤ 0.</summary>
    public double Alpha => Parameter(0);

    /// <summary>The description that parsing, formatting, equality and the tests read.</summary>
    internal static ActivationDescriptor Descriptor { get; } = new()
    {
        Name = "LeakyReLU",
        Parameters = [new("alpha", 0.3)],
        Kernels = p => p[0] switch
        {
            > 0 => KernelSet.Create(new LeakyReluFn(p[0]), new StepKernel(1.0, p[0]), new ConstantKernel(0.0), new StepBackward(p[0]), new StepBackward(p[0]), Pair.Of(new LeakyReluFn(p[0]), new StepKernel(1.0, p[0]))),
            0 => KernelSet.Create(default(ReluFn), new StepKernel(1.0, p[0]), new ConstantKernel(0.0), new StepBackward(p[0]), default(NoKernel), Pair.Of(default(ReluFn), new StepKernel(1.0, p[0]))),
            _ => KernelSet.Create(new LeakyReluFn(p[0]), new StepKernel(1.0, p[0]), new ConstantKernel(0.0), new StepBackward(p[0]), default(NoKernel), Pair.Of(new LeakyReluFn(p[0]), new StepKernel(1.0, p[0]))),
        },
        Create = p => new LeakyReLU(p[0]),
        Formulas = ("x if x > 0 else α·x", "1 if x > 0 else α", "0"),
        Variants = [[0.01], [0], [-1.5]],
    };
}
