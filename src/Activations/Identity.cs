using Activations.Catalogue;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The identity function (numpy-ml's <c>Identity</c>).
/// f(x) = <c>x</c>; f′(x) = <c>1</c>; f″(x) = <c>0</c>.
/// Within 1 ulp of the exact value for every finite input; NaN in gives NaN out.
/// From the output (<see cref="ActivationFunction.BackwardFromOutput(System.ReadOnlySpan{double}, System.ReadOnlySpan{double}, System.Span{double})"/>): f′ = <c>1</c>.
/// </summary>
public sealed class Identity : ActivationFunction
{
    /// <summary>Creates the activation (it has no parameters).</summary>
    public Identity()
        : base(Descriptor)
    {
    }

    /// <summary>The description that parsing, formatting, equality and the tests read.</summary>
    internal static ActivationDescriptor Descriptor { get; } = new()
    {
        Name = "Identity",
        Kernels = _ => KernelSet.Create(default(IdentityFn), new ConstantKernel(1.0), new ConstantKernel(0.0), default(IdentityBackward), default(IdentityBackward), Pair.Of(default(IdentityFn), new ConstantKernel(1.0))),
        Create = _ => new Identity(),
        Formulas = ("x", "1", "0"),
    };
}
