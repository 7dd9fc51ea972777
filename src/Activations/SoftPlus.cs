using System;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The softplus function, a smooth ReLU (numpy-ml's <c>SoftPlus</c>).
/// f(x) = <c>ln(1 + eˣ)</c>; equals x to the last bit for x &gt; 40 and eˣ for x &lt; −40; f′(x) = <c>eˣ/(1 + eˣ)</c> (the logistic sigmoid); f″(x) = <c>eˣ/(1 + eˣ)²</c>.
/// Within 1 ulp of the exact value for every finite input; NaN in gives NaN out.
/// </summary>
public sealed class SoftPlus : ActivationFunction
{
    /// <summary><c>ln(1 + eˣ)</c>; equals x to the last bit for x &gt; 40 and eˣ for x &lt; −40.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The value at x.</returns>
    public override double Fn(double x) => SpanDriver.Invoke(default(SoftPlusFn), x);

    /// <summary><c>ln(1 + eˣ)</c>; equals x to the last bit for x &gt; 40 and eˣ for x &lt; −40, for each element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results; may be the same memory as x.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps it other than exactly; nothing is written.</exception>
    public override void Fn(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(default(SoftPlusFn), x, destination);

    /// <summary><c>eˣ/(1 + eˣ)</c> (the logistic sigmoid).</summary>
    /// <param name="x">The input.</param>
    /// <returns>The value at x.</returns>
    public override double Grad(double x) => SpanDriver.Invoke(default(SigmoidFn), x);

    /// <summary><c>eˣ/(1 + eˣ)</c> (the logistic sigmoid), for each element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results; may be the same memory as x.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps it other than exactly; nothing is written.</exception>
    public override void Grad(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(default(SigmoidFn), x, destination);

    /// <summary><c>eˣ/(1 + eˣ)²</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The value at x.</returns>
    public override double Grad2(double x) => SpanDriver.Invoke(default(SigmoidGrad), x);

    /// <summary><c>eˣ/(1 + eˣ)²</c>, for each element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results; may be the same memory as x.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps it other than exactly; nothing is written.</exception>
    public override void Grad2(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(default(SigmoidGrad), x, destination);

    /// <inheritdoc/>
    public override string ToString() => "SoftPlus";
}
