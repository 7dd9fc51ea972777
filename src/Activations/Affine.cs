using System;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The affine map f(x) = s·x + b (numpy-ml's <c>Affine</c>), rounded once.
/// f(x) = <c>s·x + b</c> (fused, one rounding); a zero slope gives b also at x = ±∞; f′(x) = <c>s</c>; f″(x) = <c>0</c>.
/// Within 1 ulp of the exact value for every finite input; NaN in gives NaN out.
/// </summary>
public sealed class Affine : ActivationFunction
{
    /// <summary>Creates the activation; numpy-ml's defaults apply.</summary>
    /// <param name="slope">The slope s. Must be finite.</param>
    /// <param name="intercept">The intercept b. Must be finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is NaN or infinite.</exception>
    public Affine(double slope = 1, double intercept = 0)
    {
        Slope = RequireFinite(slope, nameof(slope));
        Intercept = RequireFinite(intercept, nameof(intercept));
    }

    /// <summary>The slope s.</summary>
    public double Slope { get; }

    /// <summary>The intercept b.</summary>
    public double Intercept { get; }

    /// <summary><c>s·x + b</c> (fused, one rounding); a zero slope gives b also at x = ±∞.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The value at x.</returns>
    public override double Fn(double x) => SpanDriver.Invoke(new AffineFn(Slope, Intercept), x);

    /// <summary><c>s·x + b</c> (fused, one rounding); a zero slope gives b also at x = ±∞, for each element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results; may be the same memory as x.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps it other than exactly; nothing is written.</exception>
    public override void Fn(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(new AffineFn(Slope, Intercept), x, destination);

    /// <summary><c>s</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The value at x.</returns>
    public override double Grad(double x) => SpanDriver.Invoke(new ConstantKernel(Slope), x);

    /// <summary><c>s</c>, for each element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results; may be the same memory as x.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps it other than exactly; nothing is written.</exception>
    public override void Grad(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(new ConstantKernel(Slope), x, destination);

    /// <summary><c>0</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The value at x.</returns>
    public override double Grad2(double x) => SpanDriver.Invoke(new ConstantKernel(0.0), x);

    /// <summary><c>0</c>, for each element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results; may be the same memory as x.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps it other than exactly; nothing is written.</exception>
    public override void Grad2(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(new ConstantKernel(0.0), x, destination);

    private protected override (double First, double Second) Parameters => (Slope, Intercept);

    /// <inheritdoc/>
    public override string ToString() => $"Affine(slope={Format(Slope)}, intercept={Format(Intercept)})";
}
