using System;
using System.Numerics;

namespace Activations.Sample;

/// <summary>
/// A fully connected layer y = f(W·a + b) applied to a batch of row vectors, with its activation f,
/// its output buffer and its own gradient buffers. Batches are row-major: row r of the input holds
/// <see cref="InputSize"/> values. The layer keeps its output y for the backward pass, and its
/// pre-activation z = W·a + b only when f′ cannot be had from y
/// (<see cref="ActivationFunction.CanBackwardFromOutput"/> is false, as for SoftPlus).
/// </summary>
/// <typeparam name="T">The number type: <see cref="float"/> or <see cref="double"/>.</typeparam>
internal sealed class DenseLayer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ActivationFunction _activation;
    private readonly T[] _weights;
    private readonly T[] _bias;
    private readonly T[] _weightGradient;
    private readonly T[] _biasGradient;
    private readonly T[] _output;
    private readonly T[]? _preActivation;
    private int _rows;

    /// <summary>
    /// Creates the layer with weights uniform in ±√(3 / inputSize), i.e. variance 1 / inputSize
    /// (LeCun's scaling), which keeps pre-activations of order one for every activation in the
    /// library; biases start at zero. The weights are drawn in double and rounded to
    /// <typeparamref name="T"/>, so a seed gives the same network in either type.
    /// </summary>
    /// <param name="inputSize">The number of inputs per row.</param>
    /// <param name="outputSize">The number of outputs per row.</param>
    /// <param name="activation">The activation f applied to every output (Identity for a linear layer).</param>
    /// <param name="maxBatchSize">The most rows <see cref="Forward"/> accepts.</param>
    /// <param name="random">The source of the initial weights.</param>
    public DenseLayer(int inputSize, int outputSize, ActivationFunction activation, int maxBatchSize, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize);
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBatchSize);
        ArgumentNullException.ThrowIfNull(random);

        InputSize = inputSize;
        OutputSize = outputSize;
        _activation = activation;
        _weights = new T[outputSize * inputSize];
        _bias = new T[outputSize];
        _weightGradient = new T[_weights.Length];
        _biasGradient = new T[outputSize];
        _output = new T[maxBatchSize * outputSize];
        _preActivation = activation.CanBackwardFromOutput ? null : new T[_output.Length];

        double limit = Math.Sqrt(3.0 / inputSize);
        for (int i = 0; i < _weights.Length; i++)
        {
            _weights[i] = T.CreateChecked(limit * ((2.0 * random.NextDouble()) - 1.0));
        }
    }

    /// <summary>The number of inputs per row.</summary>
    public int InputSize { get; }

    /// <summary>The number of outputs per row.</summary>
    public int OutputSize { get; }

    /// <summary>Whether the layer stores z = W·a + b besides y = f(z): only when y does not determine f′(z).</summary>
    public bool KeepsPreActivation => _preActivation is not null;

    /// <summary>
    /// y[r, j] = f(Σᵢ W[j, i]·a[r, i] + b[j]) for every row r of the batch. The result is the
    /// layer's own buffer, valid until the next call; <see cref="Backward"/> reads it.
    /// </summary>
    /// <param name="input">The batch, rows × <see cref="InputSize"/>.</param>
    /// <returns>rows × <see cref="OutputSize"/> values.</returns>
    public ReadOnlySpan<T> Forward(ReadOnlySpan<T> input)
    {
        _rows = input.Length / InputSize;
        Span<T> y = _output.AsSpan(0, _rows * OutputSize);

        // z goes where Backward will look for it: into y itself when f′ can be had from y.
        Span<T> z = _preActivation is null ? y : _preActivation.AsSpan(0, y.Length);
        for (int r = 0; r < _rows; r++)
        {
            ReadOnlySpan<T> a = input.Slice(r * InputSize, InputSize);
            Span<T> zr = z.Slice(r * OutputSize, OutputSize);
            for (int j = 0; j < OutputSize; j++)
            {
                ReadOnlySpan<T> w = _weights.AsSpan(j * InputSize, InputSize);
                T sum = _bias[j];
                for (int i = 0; i < w.Length; i++)
                {
                    sum += w[i] * a[i];
                }

                zr[j] = sum;
            }
        }

        _activation.Fn(z, y);
        return y;
    }

    /// <summary>
    /// The backward pass of the last <see cref="Forward"/>: turns ∂L/∂y into ∂L/∂z = ∂L/∂y ⊙ f′(z) in
    /// place, stores ∂L/∂W and ∂L/∂b, and writes ∂L/∂a = Wᵀ·∂L/∂z when
    /// <paramref name="inputGradient"/> is not empty (the first layer does not need it).
    /// </summary>
    /// <param name="input">The batch the forward pass saw, rows × <see cref="InputSize"/>.</param>
    /// <param name="outputGradient">∂L/∂y, rows × <see cref="OutputSize"/>; overwritten with ∂L/∂z.</param>
    /// <param name="inputGradient">Receives ∂L/∂a, rows × <see cref="InputSize"/>, or empty.</param>
    public void Backward(ReadOnlySpan<T> input, Span<T> outputGradient, Span<T> inputGradient)
    {
        // ∂L/∂z = ∂L/∂y ⊙ f′(z) in one library call, from y when it determines f′, else from z.
        Span<T> dz = outputGradient;
        if (_preActivation is null)
        {
            _activation.BackwardFromOutput(_output.AsSpan(0, dz.Length), dz, dz);
        }
        else
        {
            _activation.Backward(_preActivation.AsSpan(0, dz.Length), dz, dz);
        }

        _weightGradient.AsSpan().Clear();
        _biasGradient.AsSpan().Clear();
        bool propagate = !inputGradient.IsEmpty;
        for (int r = 0; r < _rows; r++)
        {
            ReadOnlySpan<T> a = input.Slice(r * InputSize, InputSize);
            ReadOnlySpan<T> dzr = dz.Slice(r * OutputSize, OutputSize);
            Span<T> da = propagate ? inputGradient.Slice(r * InputSize, InputSize) : default;
            da.Clear();
            for (int j = 0; j < OutputSize; j++)
            {
                T g = dzr[j];
                _biasGradient[j] += g;
                Span<T> dw = _weightGradient.AsSpan(j * InputSize, InputSize);
                ReadOnlySpan<T> w = _weights.AsSpan(j * InputSize, InputSize);
                for (int i = 0; i < dw.Length; i++)
                {
                    dw[i] += g * a[i];
                }

                for (int i = 0; i < da.Length; i++)
                {
                    da[i] += g * w[i];
                }
            }
        }
    }

    /// <summary>One gradient-descent step: θ ← θ − η·∂L/∂θ with the gradients of the last <see cref="Backward"/>.</summary>
    /// <param name="learningRate">The step size η.</param>
    public void Step(T learningRate)
    {
        for (int i = 0; i < _weights.Length; i++)
        {
            _weights[i] -= learningRate * _weightGradient[i];
        }

        for (int j = 0; j < _bias.Length; j++)
        {
            _bias[j] -= learningRate * _biasGradient[j];
        }
    }
}
