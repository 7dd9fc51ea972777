using System;
using Activations.Catalogue;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The affine map f(x) = s·x + b (numpy-ml's <c>Affine</c>), rounded once.
/// f(x) = <c>s·x + b</c> (fused, one rounding); a zero slope gives b also at x = ±∞; f′(x) = <c>s</c>; f″(x) = <c>0</c>.
/// Within 1 ulp of the exact value for every finite input; NaN in gives NaN out.
/// From the output (<see cref="ActivationFunction.BackwardFromOutput(System.ReadOnlySpan{double}, System.ReadOnlySpan{double}, System.Span{double})"/>): f′ = <c>s</c>, available for s ≠ 0.
/// </summary>
public sealed class Affine : ActivationFunction
{
    /// <summary>Creates the activation; numpy-ml's defaults apply.</summary>
    /// <param name="slope">The slope s. Must be finite.</param>
    /// <param name="intercept">The intercept b. Must be finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is NaN or infinite.</exception>
    public Affine(double slope = 1, double intercept = 0)
        : base(Descriptor, slope, intercept)
    {
    }

    /// <summary>The slope s.</summary>
    public double Slope => Parameter(0);

    /// <summary>The intercept b.</summary>
    public double Intercept => Parameter(1);

    /// <summary>The description that parsing, formatting, equality and the tests read.</summary>
    internal static ActivationDescriptor Descriptor { get; } = new()
    {
        Name = "Affine",
        Parameters = [new("slope", 1), new("intercept", 0)],
        Kernels = p => p[0] != 0
            ? KernelSet.Create(new AffineFn(p[0], p[1]), new ConstantKernel(p[0]), new ConstantKernel(0.0), new AffineBackward(p[0]), new AffineBackward(p[0]), Pair.Of(new AffineFn(p[0], p[1]), new ConstantKernel(p[0])))
            : KernelSet.Create(new ConstantKernel(p[1]), new ConstantKernel(p[0]), new ConstantKernel(0.0), new AffineBackward(p[0]), default(NoKernel), Pair.Of(new ConstantKernel(p[1]), new ConstantKernel(p[0]))),
        Create = p => new Affine(p[0], p[1]),
        Formulas = ("s·x + b", "s", "0"),
        Variants = [[2, -1], [0, 3], [-0.5, 1e-3], [-0.75, 1e-300]],
    };
}
