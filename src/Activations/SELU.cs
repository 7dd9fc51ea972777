using System;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The scaled exponential linear unit (numpy-ml's <c>SELU</c>) with the self-normalising constants <see cref="Alpha"/> (α) and <see cref="Scale"/> (λ).
/// f(x) = <c>λx</c> if x &gt; 0, else <c>λα(eˣ − 1)</c> with the exact product λα; f′(x) = <c>λ</c> if x &gt; 0, else <c>λα·eˣ</c>; f″(x) = <c>0</c> if x &gt; 0, else <c>λα·eˣ</c>.
/// Within 2 ulps of the exact value for every finite input; NaN in gives NaN out.
/// </summary>
public sealed class SELU : ActivationFunction
{
    /// <summary>α ≈ 1.6732632423543772848170429916717, as a double.</summary>
    public const double Alpha = 1.6732632423543772848170429916717;

    /// <summary>λ ≈ 1.0507009873554804934193349852946, as a double.</summary>
    public const double Scale = 1.0507009873554804934193349852946;

    // λα = ScaledAlphaHi + ScaledAlphaLo exactly (the fused multiply-add recovers the rounding error).
    private static readonly double ScaledAlphaHi = Scale * Alpha;
    private static readonly double ScaledAlphaLo = Math.FusedMultiplyAdd(Scale, Alpha, -ScaledAlphaHi);

    /// <summary><c>λx</c> if x &gt; 0, else <c>λα(eˣ − 1)</c> with the exact product λα.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The value at x.</returns>
    public override double Fn(double x) => SpanDriver.Invoke(new EluFn(Scale, ScaledAlphaHi, ScaledAlphaLo), x);

    /// <summary><c>λx</c> if x &gt; 0, else <c>λα(eˣ − 1)</c> with the exact product λα, for each element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results; may be the same memory as x.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps it other than exactly; nothing is written.</exception>
    public override void Fn(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(new EluFn(Scale, ScaledAlphaHi, ScaledAlphaLo), x, destination);

    /// <summary><c>λ</c> if x &gt; 0, else <c>λα·eˣ</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The value at x.</returns>
    public override double Grad(double x) => SpanDriver.Invoke(new EluGrad(Scale, ScaledAlphaHi, ScaledAlphaLo), x);

    /// <summary><c>λ</c> if x &gt; 0, else <c>λα·eˣ</c>, for each element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results; may be the same memory as x.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps it other than exactly; nothing is written.</exception>
    public override void Grad(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(new EluGrad(Scale, ScaledAlphaHi, ScaledAlphaLo), x, destination);

    /// <summary><c>0</c> if x &gt; 0, else <c>λα·eˣ</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The value at x.</returns>
    public override double Grad2(double x) => SpanDriver.Invoke(new EluGrad(0.0, ScaledAlphaHi, ScaledAlphaLo), x);

    /// <summary><c>0</c> if x &gt; 0, else <c>λα·eˣ</c>, for each element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results; may be the same memory as x.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps it other than exactly; nothing is written.</exception>
    public override void Grad2(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(new EluGrad(0.0, ScaledAlphaHi, ScaledAlphaLo), x, destination);

    /// <inheritdoc/>
    public override string ToString() => "SELU";
}
