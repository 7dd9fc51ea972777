using System;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The exponential function (numpy-ml's <c>Exponential</c>).
/// f(x) = <c>eˣ</c>; overflows to +∞ above ln(double.MaxValue) ≈ 709.78; f′(x) = <c>eˣ</c>; f″(x) = <c>eˣ</c>.
/// Within 1 ulp of the exact value for every finite input; NaN in gives NaN out.
/// </summary>
public sealed class Exponential : ActivationFunction
{
    /// <summary><c>eˣ</c>; overflows to +∞ above ln(double.MaxValue) ≈ 709.78.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The value at x.</returns>
    public override double Fn(double x) => SpanDriver.Invoke(default(ExpKernel), x);

    /// <summary><c>eˣ</c>; overflows to +∞ above ln(double.MaxValue) ≈ 709.78, for each element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results; may be the same memory as x.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps it other than exactly; nothing is written.</exception>
    public override void Fn(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(default(ExpKernel), x, destination);

    /// <summary><c>eˣ</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The value at x.</returns>
    public override double Grad(double x) => SpanDriver.Invoke(default(ExpKernel), x);

    /// <summary><c>eˣ</c>, for each element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results; may be the same memory as x.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps it other than exactly; nothing is written.</exception>
    public override void Grad(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(default(ExpKernel), x, destination);

    /// <summary><c>eˣ</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The value at x.</returns>
    public override double Grad2(double x) => SpanDriver.Invoke(default(ExpKernel), x);

    /// <summary><c>eˣ</c>, for each element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results; may be the same memory as x.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps it other than exactly; nothing is written.</exception>
    public override void Grad2(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(default(ExpKernel), x, destination);

    /// <inheritdoc/>
    public override string ToString() => "Exponential";
}
