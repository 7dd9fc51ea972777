using System;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The logistic sigmoid σ (numpy-ml's <c>Sigmoid</c>).
/// f(x) = <c>σ(x) = 1/(1 + e⁻ˣ)</c>; σ(−∞) = 0, σ(∞) = 1; f′(x) = <c>σ(x)(1 − σ(x))</c>; f″(x) = <c>σ(x)(1 − σ(x))(1 − 2σ(x))</c>.
/// Within 1 ulp of the exact value for every finite input; NaN in gives NaN out.
/// </summary>
public sealed class Sigmoid : ActivationFunction
{
    /// <summary><c>σ(x) = 1/(1 + e⁻ˣ)</c>; σ(−∞) = 0, σ(∞) = 1.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The value at x.</returns>
    public override double Fn(double x) => SpanDriver.Invoke(default(SigmoidFn), x);

    /// <summary><c>σ(x) = 1/(1 + e⁻ˣ)</c>; σ(−∞) = 0, σ(∞) = 1, for each element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results; may be the same memory as x.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps it other than exactly; nothing is written.</exception>
    public override void Fn(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(default(SigmoidFn), x, destination);

    /// <summary><c>σ(x)(1 − σ(x))</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The value at x.</returns>
    public override double Grad(double x) => SpanDriver.Invoke(default(SigmoidGrad), x);

    /// <summary><c>σ(x)(1 − σ(x))</c>, for each element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results; may be the same memory as x.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps it other than exactly; nothing is written.</exception>
    public override void Grad(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(default(SigmoidGrad), x, destination);

    /// <summary><c>σ(x)(1 − σ(x))(1 − 2σ(x))</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The value at x.</returns>
    public override double Grad2(double x) => SpanDriver.Invoke(default(SigmoidGrad2), x);

    /// <summary><c>σ(x)(1 − σ(x))(1 − 2σ(x))</c>, for each element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results; may be the same memory as x.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps it other than exactly; nothing is written.</exception>
    public override void Grad2(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(default(SigmoidGrad2), x, destination);

    /// <inheritdoc/>
    public override string ToString() => "Sigmoid";
}
