using System;

namespace Activations;

/// <summary>
/// A neural-network activation function f with its first and second derivatives, evaluated
/// element-wise. Every value is within 1 ulp of the exact result; the scalar and span overloads
/// give identical bits on every processor. NaN in gives NaN out; ±∞ gives the limit.
/// Instances are immutable, thread-safe, and equal when they are the same activation with the
/// same parameters: <see cref="Equals(ActivationFunction?)"/>, <c>==</c> and <c>!=</c> agree.
/// </summary>
public abstract partial class ActivationFunction : IEquatable<ActivationFunction>
{
    private protected ActivationFunction()
    {
    }

    /// <summary>The activation f(x) of one value.</summary>
    /// <param name="x">The input.</param>
    /// <returns>f(x).</returns>
    public abstract double Fn(double x);

    /// <summary>Writes f(x[i]) to destination[i] for every i &lt; x.Length (x and destination may be the same memory).</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results in its first x.Length elements.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps x other than exactly; nothing is written.</exception>
    public abstract void Fn(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>f(x[i]) for every element, in a new array.</summary>
    /// <param name="x">The inputs.</param>
    /// <returns>A new array of f(x[i]).</returns>
    /// <exception cref="ArgumentNullException">x is null.</exception>
    public double[] Fn(double[] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var destination = new double[x.Length];
        Fn(x, destination);
        return destination;
    }

    /// <summary>The first derivative f′(x) of one value.</summary>
    /// <param name="x">The input.</param>
    /// <returns>f′(x).</returns>
    public abstract double Grad(double x);

    /// <summary>Writes f′(x[i]) to destination[i] for every i &lt; x.Length (x and destination may be the same memory).</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results in its first x.Length elements.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps x other than exactly; nothing is written.</exception>
    public abstract void Grad(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>f′(x[i]) for every element, in a new array.</summary>
    /// <param name="x">The inputs.</param>
    /// <returns>A new array of f′(x[i]).</returns>
    /// <exception cref="ArgumentNullException">x is null.</exception>
    public double[] Grad(double[] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var destination = new double[x.Length];
        Grad(x, destination);
        return destination;
    }

    /// <summary>The second derivative f″(x) of one value.</summary>
    /// <param name="x">The input.</param>
    /// <returns>f″(x).</returns>
    public abstract double Grad2(double x);

    /// <summary>Writes f″(x[i]) to destination[i] for every i &lt; x.Length (x and destination may be the same memory).</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results in its first x.Length elements.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps x other than exactly; nothing is written.</exception>
    public abstract void Grad2(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>f″(x[i]) for every element, in a new array.</summary>
    /// <param name="x">The inputs.</param>
    /// <returns>A new array of f″(x[i]).</returns>
    /// <exception cref="ArgumentNullException">x is null.</exception>
    public double[] Grad2(double[] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var destination = new double[x.Length];
        Grad2(x, destination);
        return destination;
    }

    /// <summary>The parameters that, with the type, define the function (for equality).</summary>
    private protected virtual (double First, double Second) Parameters => default;

    /// <summary>True when <paramref name="other"/> is the same activation with bit-identical parameters.</summary>
    /// <param name="other">The activation to compare with.</param>
    /// <returns>Whether the two compute the same function.</returns>
    public bool Equals(ActivationFunction? other) =>
        other is not null
        && other.GetType() == GetType()
        && BitConverter.DoubleToInt64Bits(other.Parameters.First) == BitConverter.DoubleToInt64Bits(Parameters.First)
        && BitConverter.DoubleToInt64Bits(other.Parameters.Second) == BitConverter.DoubleToInt64Bits(Parameters.Second);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ActivationFunction);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(GetType(), BitConverter.DoubleToInt64Bits(Parameters.First), BitConverter.DoubleToInt64Bits(Parameters.Second));

    /// <summary>
    /// Value equality, as <see cref="Equals(ActivationFunction?)"/>: true when both are the same
    /// activation with bit-identical parameters, or both are null; false when only one is null.
    /// </summary>
    /// <param name="left">The first activation, or null.</param>
    /// <param name="right">The second activation, or null.</param>
    /// <returns>Whether the two are equal.</returns>
    public static bool operator ==(ActivationFunction? left, ActivationFunction? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>The negation of <see cref="op_Equality(ActivationFunction?, ActivationFunction?)"/>.</summary>
    /// <param name="left">The first activation, or null.</param>
    /// <param name="right">The second activation, or null.</param>
    /// <returns>Whether the two are not equal.</returns>
    public static bool operator !=(ActivationFunction? left, ActivationFunction? right) => !(left == right);

    /// <summary>
    /// The canonical form, which <see cref="Parse(string)"/> reads back to an equal instance:
    /// the name, then the parameters in shortest round-trip form (invariant culture), e.g.
    /// <c>ELU(alpha=1)</c>, <c>Affine(slope=2, intercept=-1)</c>, <c>Sigmoid</c>.
    /// </summary>
    /// <returns>The canonical form.</returns>
    public abstract override string ToString();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the parameter unless it is finite.</summary>
    private protected static double RequireFinite(double value, string parameterName) =>
        double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(parameterName, value, $"The parameter '{parameterName}' must be a finite number.");

    /// <summary>Shortest round-trip form in the invariant culture.</summary>
    private protected static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
