using System;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The piecewise-linear approximation of the logistic sigmoid (numpy-ml's <c>HardSigmoid</c>).
/// f(x) = <c>0</c> if x &lt; −2.5, <c>1</c> if x &gt; 2.5, else <c>x/5 + 1/2</c> (the exact fifth, rounded once); f′(x) = <c>1/5</c> if −2.5 ≤ x ≤ 2.5, else <c>0</c>; f″(x) = <c>0</c>.
/// Within 1 ulp of the exact value for every finite input; NaN in gives NaN out.
/// </summary>
public sealed class HardSigmoid : ActivationFunction
{
    /// <summary><c>0</c> if x &lt; −2.5, <c>1</c> if x &gt; 2.5, else <c>x/5 + 1/2</c> (the exact fifth, rounded once).</summary>
    /// <param name="x">The input.</param>
    /// <returns>The value at x.</returns>
    public override double Fn(double x) => SpanDriver.Invoke(default(HardSigmoidFn), x);

    /// <summary><c>0</c> if x &lt; −2.5, <c>1</c> if x &gt; 2.5, else <c>x/5 + 1/2</c> (the exact fifth, rounded once), for each element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results; may be the same memory as x.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps it other than exactly; nothing is written.</exception>
    public override void Fn(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(default(HardSigmoidFn), x, destination);

    /// <summary><c>1/5</c> if −2.5 ≤ x ≤ 2.5, else <c>0</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The value at x.</returns>
    public override double Grad(double x) => SpanDriver.Invoke(default(HardSigmoidGrad), x);

    /// <summary><c>1/5</c> if −2.5 ≤ x ≤ 2.5, else <c>0</c>, for each element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results; may be the same memory as x.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps it other than exactly; nothing is written.</exception>
    public override void Grad(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(default(HardSigmoidGrad), x, destination);

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
    public override string ToString() => "HardSigmoid";
}
