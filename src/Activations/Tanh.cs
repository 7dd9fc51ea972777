using System;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The hyperbolic tangent (numpy-ml's <c>Tanh</c>).
/// f(x) = <c>tanh x</c>; tanh(±0) = ±0, tanh(±∞) = ±1; f′(x) = <c>1 − tanh²x</c>; f″(x) = <c>−2 tanh x (1 − tanh²x)</c>.
/// Within 1 ulp of the exact value for every finite input; NaN in gives NaN out.
/// </summary>
public sealed class Tanh : ActivationFunction
{
    /// <summary><c>tanh x</c>; tanh(±0) = ±0, tanh(±∞) = ±1.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The value at x.</returns>
    public override double Fn(double x) => SpanDriver.Invoke(default(TanhFn), x);

    /// <summary><c>tanh x</c>; tanh(±0) = ±0, tanh(±∞) = ±1, for each element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results; may be the same memory as x.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps it other than exactly; nothing is written.</exception>
    public override void Fn(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(default(TanhFn), x, destination);

    /// <summary><c>1 − tanh²x</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The value at x.</returns>
    public override double Grad(double x) => SpanDriver.Invoke(default(TanhGrad), x);

    /// <summary><c>1 − tanh²x</c>, for each element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results; may be the same memory as x.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps it other than exactly; nothing is written.</exception>
    public override void Grad(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(default(TanhGrad), x, destination);

    /// <summary><c>−2 tanh x (1 − tanh²x)</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The value at x.</returns>
    public override double Grad2(double x) => SpanDriver.Invoke(default(TanhGrad2), x);

    /// <summary><c>−2 tanh x (1 − tanh²x)</c>, for each element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results; may be the same memory as x.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps it other than exactly; nothing is written.</exception>
    public override void Grad2(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(default(TanhGrad2), x, destination);

    /// <inheritdoc/>
    public override string ToString() => "Tanh";
}
