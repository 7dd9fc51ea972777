using System;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// The exponential linear unit (numpy-ml's <c>ELU</c>).
/// f(x) = <c>x</c> if x &gt; 0, else <c>α(eˣ − 1)</c> (so 0 and −0 take the exponential branch); ELU(−∞) = −α; f′(x) = <c>1</c> if x &gt; 0, else <c>α·eˣ</c> (α at x = 0); f″(x) = <c>0</c> if x &gt; 0, else <c>α·eˣ</c>.
/// Within 1 ulp of the exact value for every finite input and every finite α, from the smallest
/// subnormal to <see cref="double.MaxValue"/> (ELU(MaxValue)′(−700) = MaxValue·e⁻⁷⁰⁰ ≈ 17724.67);
/// NaN in gives NaN out.
/// </summary>
public sealed class ELU : ActivationFunction
{
    /// <summary>Creates the activation; numpy-ml's defaults apply.</summary>
    /// <param name="alpha">The saturation value α: f tends to −α as x → −∞. Must be finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is NaN or infinite.</exception>
    public ELU(double alpha = 1.0)
    {
        Alpha = RequireFinite(alpha, nameof(alpha));
        _alpha = ExpFactor.Of(Alpha, 0.0);
    }

    /// <summary>The saturation value α: f tends to −α as x → −∞.</summary>
    public double Alpha { get; }

    private readonly ExpFactor _alpha;

    /// <summary><c>x</c> if x &gt; 0, else <c>α(eˣ − 1)</c> (so 0 and −0 take the exponential branch); ELU(−∞) = −α.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The value at x.</returns>
    public override double Fn(double x) => SpanDriver.Invoke(new EluFn(_alpha), x);

    /// <summary><c>x</c> if x &gt; 0, else <c>α(eˣ − 1)</c> (so 0 and −0 take the exponential branch); ELU(−∞) = −α, for each element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results; may be the same memory as x.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps it other than exactly; nothing is written.</exception>
    public override void Fn(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(new EluFn(_alpha), x, destination);

    /// <summary><c>1</c> if x &gt; 0, else <c>α·eˣ</c> (α at x = 0).</summary>
    /// <param name="x">The input.</param>
    /// <returns>The value at x.</returns>
    public override double Grad(double x) => SpanDriver.Invoke(new EluGrad(1.0, _alpha), x);

    /// <summary><c>1</c> if x &gt; 0, else <c>α·eˣ</c> (α at x = 0), for each element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results; may be the same memory as x.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps it other than exactly; nothing is written.</exception>
    public override void Grad(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(new EluGrad(1.0, _alpha), x, destination);

    /// <summary><c>0</c> if x &gt; 0, else <c>α·eˣ</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The value at x.</returns>
    public override double Grad2(double x) => SpanDriver.Invoke(new EluGrad(0.0, _alpha), x);

    /// <summary><c>0</c> if x &gt; 0, else <c>α·eˣ</c>, for each element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results; may be the same memory as x.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps it other than exactly; nothing is written.</exception>
    public override void Grad2(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(new EluGrad(0.0, _alpha), x, destination);

    private protected override (double First, double Second) Parameters => (Alpha, 0.0);

    /// <inheritdoc/>
    public override string ToString() => $"ELU(alpha={Format(Alpha)})";
}
