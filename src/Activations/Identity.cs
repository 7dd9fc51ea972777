using System;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The identity function (numpy-ml's <c>Identity</c>).
/// f(x) = <c>x</c>; f′(x) = <c>1</c>; f″(x) = <c>0</c>.
/// Within 1 ulp of the exact value for every finite input; NaN in gives NaN out.
/// </summary>
public sealed class Identity : ActivationFunction
{
    /// <summary><c>x</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The value at x.</returns>
    public override double Fn(double x) => SpanDriver.Invoke(default(IdentityFn), x);

    /// <summary><c>x</c>, for each element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results; may be the same memory as x.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps it other than exactly; nothing is written.</exception>
    public override void Fn(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(default(IdentityFn), x, destination);

    /// <summary><c>1</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The value at x.</returns>
    public override double Grad(double x) => SpanDriver.Invoke(new ConstantKernel(1.0), x);

    /// <summary><c>1</c>, for each element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results; may be the same memory as x.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps it other than exactly; nothing is written.</exception>
    public override void Grad(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(new ConstantKernel(1.0), x, destination);

    /// <summary><c>0</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The value at x.</returns>
    public override double Grad2(double x) => SpanDriver.Invoke(new ConstantKernel(0.0), x);

    /// <summary><c>0</c>, for each element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results; may be the same memory as x.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps it other than exactly; nothing is written.</exception>
    public override void Grad2(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(new ConstantKernel(0.0), x, destination);

    /// <inheritdoc/>
    public override string ToString() => "Identity";
}
