using System;
using System.Collections.Generic;
using Activations.Catalogue;
using Activations.Kernels;

namespace Activations;

/// <summary>
/// A neural-network activation function f with its first and second derivatives, evaluated
/// element-wise, for <see cref="double"/> and <see cref="float"/>, with the fused forms a training
/// loop needs: the backward pass dy·f′(x) (<see cref="Backward(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double})"/>),
/// the same from the saved output (<see cref="BackwardFromOutput(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double})"/>)
/// and value and gradient in one pass (<see cref="FnAndGrad(ReadOnlySpan{double}, Span{double}, Span{double})"/>).
/// Each subclass's summary gives its formulas.
/// <para>
/// Accuracy: every double result is within 1 ulp of the exact value; every float result is the
/// exact value (with the double parameters, at the float input) rounded once to float, within
/// 0.5 ulp + 2⁻²⁰ ulp (correctly rounded but within a hair of a rounding midpoint). The scalar and
/// span overloads give identical bits on every processor, at every position and alignment. NaN in
/// gives NaN out; ±∞ gives the limit.
/// </para>
/// <para>
/// Span overloads write the first x.Length elements of each destination. A destination may be
/// the same memory as an input (in place) but must not overlap it otherwise; a destination
/// shorter than the input, inputs of different lengths, or a partial overlap throw
/// <see cref="ArgumentException"/> before anything is written. Array overloads throw
/// <see cref="ArgumentNullException"/> for a null array. Nothing allocates but the array overloads.
/// </para>
/// Instances are immutable, thread-safe, and equal when they are the same activation with the
/// same parameters: <see cref="Equals(ActivationFunction?)"/>, <c>==</c> and <c>!=</c> agree.
/// </summary>
public abstract partial class ActivationFunction : IEquatable<ActivationFunction>
{
    private readonly ActivationDescriptor _descriptor;
    private readonly double[] _parameters;
    private readonly KernelSet _kernels;

    /// <summary>Validates the parameters against the descriptor and prepares the kernels.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A number parameter is NaN or infinite, or the descriptor's check refuses the values.</exception>
    private protected ActivationFunction(ActivationDescriptor descriptor, params double[] parameters)
    {
        for (int i = 0; i < parameters.Length; i++)
        {
            if (descriptor.Parameters[i].Kind == ParameterKind.Number && !double.IsFinite(parameters[i]))
            {
                string name = descriptor.Parameters[i].Name;
                throw new ArgumentOutOfRangeException(name, parameters[i], $"The parameter '{name}' must be a finite number.");
            }
        }

        if (descriptor.Check?.Invoke(parameters) is (string parameter, string reason))
        {
            int index = Array.FindIndex(descriptor.Parameters, p => p.Name == parameter);
            throw new ArgumentOutOfRangeException(parameter, parameters[index], reason);
        }

        _descriptor = descriptor;
        _parameters = parameters;
        _kernels = descriptor.Kernels(parameters);
    }

    /// <summary>The canonical name of every activation (as <see cref="ToString"/> writes it), each of which <see cref="Parse(string)"/> reads as the activation with its default parameters.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.ConvertAll(KnownActivations.All, d => d.Name);

    /// <summary>The description this instance was made from (for the parser, the tests and the plots).</summary>
    internal ActivationDescriptor Description => _descriptor;

    /// <summary>The value of parameter <paramref name="index"/> in constructor order.</summary>
    private protected double Parameter(int index) => _parameters[index];

    /// <summary>The activation f(x) of one value (see the class's summary for f).</summary>
    /// <param name="x">The input.</param>
    /// <returns>f(x).</returns>
    public double Fn(double x) => _kernels.Fn(x);

    /// <summary>The first derivative f′(x) of one value.</summary>
    /// <param name="x">The input.</param>
    /// <returns>f′(x).</returns>
    public double Grad(double x) => _kernels.Grad(x);

    /// <summary>The second derivative f″(x) of one value.</summary>
    /// <param name="x">The input.</param>
    /// <returns>f″(x).</returns>
    public double Grad2(double x) => _kernels.Grad2(x);

    /// <summary>f(x) of one float: the exact value at x rounded once to float.</summary>
    /// <param name="x">The input.</param>
    /// <returns>f(x).</returns>
    public float Fn(float x) => _kernels.Fn(x);

    /// <summary>f′(x) of one float: the exact value at x rounded once to float.</summary>
    /// <param name="x">The input.</param>
    /// <returns>f′(x).</returns>
    public float Grad(float x) => _kernels.Grad(x);

    /// <summary>f″(x) of one float: the exact value at x rounded once to float.</summary>
    /// <param name="x">The input.</param>
    /// <returns>f″(x).</returns>
    public float Grad2(float x) => _kernels.Grad2(x);

    /// <summary>Writes f(x[i]) to destination[i] for every i &lt; x.Length (x and destination may be the same memory).</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results in its first x.Length elements.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps x other than exactly; nothing is written.</exception>
    public void Fn(ReadOnlySpan<double> x, Span<double> destination) => _kernels.Fn(x, destination);

    /// <summary>Writes f′(x[i]) to destination[i] for every i &lt; x.Length (x and destination may be the same memory).</summary>
    /// <inheritdoc cref="Fn(ReadOnlySpan{double}, Span{double})"/>
    public void Grad(ReadOnlySpan<double> x, Span<double> destination) => _kernels.Grad(x, destination);

    /// <summary>Writes f″(x[i]) to destination[i] for every i &lt; x.Length (x and destination may be the same memory).</summary>
    /// <inheritdoc cref="Fn(ReadOnlySpan{double}, Span{double})"/>
    public void Grad2(ReadOnlySpan<double> x, Span<double> destination) => _kernels.Grad2(x, destination);

    /// <summary>Writes f(x[i]), rounded once to float, to destination[i] for every i &lt; x.Length (x and destination may be the same memory).</summary>
    /// <inheritdoc cref="Fn(ReadOnlySpan{double}, Span{double})"/>
    public void Fn(ReadOnlySpan<float> x, Span<float> destination) => _kernels.Fn(x, destination);

    /// <summary>Writes f′(x[i]), rounded once to float, to destination[i] for every i &lt; x.Length (x and destination may be the same memory).</summary>
    /// <inheritdoc cref="Fn(ReadOnlySpan{double}, Span{double})"/>
    public void Grad(ReadOnlySpan<float> x, Span<float> destination) => _kernels.Grad(x, destination);

    /// <summary>Writes f″(x[i]), rounded once to float, to destination[i] for every i &lt; x.Length (x and destination may be the same memory).</summary>
    /// <inheritdoc cref="Fn(ReadOnlySpan{double}, Span{double})"/>
    public void Grad2(ReadOnlySpan<float> x, Span<float> destination) => _kernels.Grad2(x, destination);

    /// <summary>f(x[i]) for every element, in a new array.</summary>
    /// <param name="x">The inputs.</param>
    /// <returns>A new array of the results.</returns>
    /// <exception cref="ArgumentNullException">x is null.</exception>
    public double[] Fn(double[] x) => Map(x, _kernels.Fn);

    /// <summary>f′(x[i]) for every element, in a new array.</summary>
    /// <inheritdoc cref="Fn(double[])"/>
    public double[] Grad(double[] x) => Map(x, _kernels.Grad);

    /// <summary>f″(x[i]) for every element, in a new array.</summary>
    /// <inheritdoc cref="Fn(double[])"/>
    public double[] Grad2(double[] x) => Map(x, _kernels.Grad2);

    /// <summary>f(x[i]) rounded to float for every element, in a new array.</summary>
    /// <inheritdoc cref="Fn(double[])"/>
    public float[] Fn(float[] x) => Map(x, _kernels.Fn);

    /// <summary>f′(x[i]) rounded to float for every element, in a new array.</summary>
    /// <inheritdoc cref="Fn(double[])"/>
    public float[] Grad(float[] x) => Map(x, _kernels.Grad);

    /// <summary>f″(x[i]) rounded to float for every element, in a new array.</summary>
    /// <inheritdoc cref="Fn(double[])"/>
    public float[] Grad2(float[] x) => Map(x, _kernels.Grad2);

    /// <summary>
    /// The backward pass of a layer with this activation: destination[i] = outputGradient[i]·f′(x[i]),
    /// the exact product rounded once (within 1 ulp of it), in one pass, with no intermediate
    /// underflow or overflow of f′ (Sigmoid at x = −800 with dy = 1e300 gives 1e300·e⁻⁸⁰⁰ ≈ 3.7e−48).
    /// IEEE rules on the exact operands: NaN in either input gives NaN; dy = ±∞ gives ±∞ wherever
    /// f′(x) ≠ 0, even where f′(x) itself underflows, and NaN where f′(x) is exactly 0 (as for
    /// ReLU at x ≤ 0 and every f′(±∞) = 0); f′ = ∞ (Exponential at +∞) with dy = ±0 gives NaN.
    /// </summary>
    /// <param name="x">The layer's inputs.</param>
    /// <param name="outputGradient">dy: the gradient of the loss with respect to the outputs f(x).</param>
    /// <param name="destination">Receives the gradient with respect to x; may be the same memory as x or as outputGradient.</param>
    /// <exception cref="ArgumentException">The inputs differ in length, destination is shorter, or it overlaps an input other than exactly; nothing is written.</exception>
    public void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> outputGradient, Span<double> destination) =>
        _kernels.Backward(x, outputGradient, destination);

    /// <summary>The backward pass in float: outputGradient[i]·f′(x[i]) exactly, rounded once to float.</summary>
    /// <inheritdoc cref="Backward(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double})"/>
    public void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> outputGradient, Span<float> destination) =>
        _kernels.Backward(x, outputGradient, destination);

    /// <summary>
    /// Whether <see cref="BackwardFromOutput(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double})"/>
    /// is available: the output y = f(x) determines f′(x) (each subclass's summary gives g with
    /// f′(x) = g(f(x))). False for HardSigmoid, HardSwish, HardTanh and SoftPlus, for LeakyReLU and
    /// ELU with α ≤ 0 and Affine with slope 0.
    /// </summary>
    public bool CanBackwardFromOutput => _kernels.CanBackwardFromOutput;

    /// <summary>
    /// The backward pass from the saved outputs: destination[i] = outputGradient[i]·g(y[i]), with g the
    /// derivative written in the output, the exact value at the given y rounded once (within
    /// 1 ulp), under the IEEE rules of <see cref="Backward(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double})"/>.
    /// </summary>
    /// <param name="y">The layer's outputs f(x).</param>
    /// <param name="outputGradient">dy: the gradient of the loss with respect to y.</param>
    /// <param name="destination">Receives the gradient with respect to x; may be the same memory as y or as outputGradient.</param>
    /// <exception cref="NotSupportedException"><see cref="CanBackwardFromOutput"/> is false.</exception>
    /// <exception cref="ArgumentException">The inputs differ in length, destination is shorter, or it overlaps an input other than exactly; nothing is written.</exception>
    public void BackwardFromOutput(ReadOnlySpan<double> y, ReadOnlySpan<double> outputGradient, Span<double> destination)
    {
        RequireBackwardFromOutput();
        _kernels.BackwardFromOutput(y, outputGradient, destination);
    }

    /// <summary>The backward pass from the saved outputs in float: outputGradient[i]·g(y[i]) exactly, rounded once to float.</summary>
    /// <inheritdoc cref="BackwardFromOutput(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double})"/>
    public void BackwardFromOutput(ReadOnlySpan<float> y, ReadOnlySpan<float> outputGradient, Span<float> destination)
    {
        RequireBackwardFromOutput();
        _kernels.BackwardFromOutput(y, outputGradient, destination);
    }

    /// <summary>
    /// f(x[i]) to value[i] and f′(x[i]) to gradient[i] in one pass, each bit-identical to
    /// <see cref="Fn(ReadOnlySpan{double}, Span{double})"/> and <see cref="Grad(ReadOnlySpan{double}, Span{double})"/>.
    /// </summary>
    /// <param name="x">The inputs.</param>
    /// <param name="value">Receives f(x); may be the same memory as x.</param>
    /// <param name="gradient">Receives f′(x); may be the same memory as x, but must not overlap value.</param>
    /// <exception cref="ArgumentException">A destination is shorter than x, overlaps x other than exactly, or the two overlap; nothing is written.</exception>
    public void FnAndGrad(ReadOnlySpan<double> x, Span<double> value, Span<double> gradient) => _kernels.FnAndGrad(x, value, gradient);

    /// <summary>f(x[i]) and f′(x[i]), each rounded once to float, in one pass.</summary>
    /// <inheritdoc cref="FnAndGrad(ReadOnlySpan{double}, Span{double}, Span{double})"/>
    public void FnAndGrad(ReadOnlySpan<float> x, Span<float> value, Span<float> gradient) => _kernels.FnAndGrad(x, value, gradient);

    /// <summary>True when <paramref name="other"/> is the same activation with bit-identical parameters.</summary>
    /// <param name="other">The activation to compare with.</param>
    /// <returns>Whether the two compute the same function.</returns>
    public bool Equals(ActivationFunction? other)
    {
        if (other is null || !ReferenceEquals(other._descriptor, _descriptor))
        {
            return false;
        }

        for (int i = 0; i < _parameters.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(other._parameters[i]) != BitConverter.DoubleToInt64Bits(_parameters[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ActivationFunction);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(_descriptor.Name);
        foreach (double p in _parameters)
        {
            hash.Add(BitConverter.DoubleToInt64Bits(p));
        }

        return hash.ToHashCode();
    }

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
    public override string ToString()
    {
        if (_parameters.Length == 0)
        {
            return _descriptor.Name;
        }

        var parts = new string[_parameters.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            ParameterDescriptor p = _descriptor.Parameters[i];
            string value = p.Kind == ParameterKind.Boolean
                ? (_parameters[i] != 0 ? "True" : "False")
                : _parameters[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            parts[i] = $"{p.Name}={value}";
        }

        return $"{_descriptor.Name}({string.Join(", ", parts)})";
    }

    private void RequireBackwardFromOutput()
    {
        if (!_kernels.CanBackwardFromOutput)
        {
            throw new NotSupportedException(
                $"{this} has no derivative in terms of its output: its output does not determine f′ (use Backward with the inputs).");
        }
    }

    private static TElement[] Map<TElement>(TElement[] x, SpanAction<TElement> action)
    {
        ArgumentNullException.ThrowIfNull(x);
        var destination = new TElement[x.Length];
        action(x, destination);
        return destination;
    }

    private delegate void SpanAction<TElement>(ReadOnlySpan<TElement> x, Span<TElement> destination);
}
