using System;
using Activations.Catalogue;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The hard hyperbolic tangent: x clamped to [min, max] (PyTorch's <c>Hardtanh</c>; the defaults give [−1, 1]).
/// f(x) = <c>min</c> if x &lt; min, <c>max</c> if x &gt; max, else <c>x</c> (exact; HardTanh(−∞) = min, HardTanh(∞) = max);
/// f′(x) = <c>1</c> if min ≤ x ≤ max, else <c>0</c> — the closed interval, so f′(min) = f′(max) = 1, as
/// for <see cref="HardSigmoid"/> (PyTorch's <c>hardtanh_backward</c> takes the open interval and gives 0 at
/// both joints); f″(x) = <c>0</c>.
/// Exact for every finite input (the float overloads round min and max once, as the exact value needs); NaN in gives NaN out.
/// Its output does not determine f′ (min and max come from the joints, where f′ = 1, and from beyond them, where it is 0),
/// so <see cref="ActivationFunction.CanBackwardFromOutput"/> is false.
/// </summary>
public sealed class HardTanh : ActivationFunction
{
    /// <summary>Creates the activation; the defaults clamp to [−1, 1].</summary>
    /// <param name="min">The lower bound. Must be finite and less than <paramref name="max"/>.</param>
    /// <param name="max">The upper bound. Must be finite and greater than <paramref name="min"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is NaN or infinite, or min ≥ max (reported for min).</exception>
    public HardTanh(double min = -1, double max = 1)
        : base(Descriptor, min, max)
    {
    }

    /// <summary>The lower bound: f(x) = min for x ≤ min.</summary>
    public double Min => Parameter(0);

    /// <summary>The upper bound: f(x) = max for x ≥ max.</summary>
    public double Max => Parameter(1);

    // With bounds that are floats, the clamp and its indicator compare a float with floats and
    // return x or a bound, so their float overloads may run on float lanes (FloatExact).
    private static KernelSet KernelsFor<TFn, TGrad>(TFn fn, TGrad grad, double min, double max)
        where TFn : struct, IUnaryKernel
        where TGrad : struct, IUnaryKernel =>
        KernelSet.Create(fn, grad, new ConstantKernel(0.0), new HardTanhBackward(min, max), default(NoKernel), Pair.Of(fn, grad));

    /// <summary>The description that parsing, formatting, equality and the tests read.</summary>
    internal static ActivationDescriptor Descriptor { get; } = new()
    {
        Name = "HardTanh",
        Parameters = [new("min", -1), new("max", 1)],
        Check = p => p[0] < p[1] ? null : ("min", "The parameter 'min' must be less than 'max'."),
        Kernels = p => (float)p[0] == p[0] && (float)p[1] == p[1]
            ? KernelsFor(new FloatExact<HardTanhFn>(new(p[0], p[1])), new FloatExact<HardTanhGrad>(new(p[0], p[1])), p[0], p[1])
            : KernelsFor(new HardTanhFn(p[0], p[1]), new HardTanhGrad(p[0], p[1]), p[0], p[1]),
        Create = p => new HardTanh(p[0], p[1]),
        Formulas = ("min if x < min, max if x > max, else x", "1 if min ≤ x ≤ max else 0", "0"),
        Variants = [[-2, 0.5], [0, 6], [-1e-300, 5e-324], [-double.MaxValue, double.MaxValue], [1e300, 1.5e300], [-7.5, -0.25]],
    };
}
