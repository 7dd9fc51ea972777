using System;

namespace Activations.Sample;

/// <summary>
/// A fully connected layer z = W·a + b applied to a batch of row vectors, with its own gradient
/// buffers. Batches are row-major: row r of the input holds <see cref="InputSize"/> values.
/// </summary>
internal sealed class DenseLayer
{
    private readonly double[] _weights;
    private readonly double[] _bias;
    private readonly double[] _weightGradient;
    private readonly double[] _biasGradient;

    /// <summary>
    /// Creates the layer with weights uniform in ±√(3 / inputSize), i.e. variance 1 / inputSize
    /// (LeCun's scaling), which keeps pre-activations of order one for every activation in the
    /// library; biases start at zero.
    /// </summary>
    /// <param name="inputSize">The number of inputs per row.</param>
    /// <param name="outputSize">The number of outputs per row.</param>
    /// <param name="random">The source of the initial weights.</param>
    public DenseLayer(int inputSize, int outputSize, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize);
        ArgumentNullException.ThrowIfNull(random);

        InputSize = inputSize;
        OutputSize = outputSize;
        _weights = new double[outputSize * inputSize];
        _bias = new double[outputSize];
        _weightGradient = new double[_weights.Length];
        _biasGradient = new double[outputSize];

        double limit = Math.Sqrt(3.0 / inputSize);
        for (int i = 0; i < _weights.Length; i++)
        {
            _weights[i] = limit * ((2.0 * random.NextDouble()) - 1.0);
        }
    }

    /// <summary>The number of inputs per row.</summary>
    public int InputSize { get; }

    /// <summary>The number of outputs per row.</summary>
    public int OutputSize { get; }

    /// <summary>z[r, j] = Σᵢ W[j, i]·a[r, i] + b[j] for every row r of the batch.</summary>
    /// <param name="input">The batch, rows × <see cref="InputSize"/>.</param>
    /// <param name="output">Receives rows × <see cref="OutputSize"/> values.</param>
    public void Forward(ReadOnlySpan<double> input, Span<double> output)
    {
        int rows = input.Length / InputSize;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<double> a = input.Slice(r * InputSize, InputSize);
            Span<double> z = output.Slice(r * OutputSize, OutputSize);
            for (int j = 0; j < OutputSize; j++)
            {
                ReadOnlySpan<double> w = _weights.AsSpan(j * InputSize, InputSize);
                double sum = _bias[j];
                for (int i = 0; i < w.Length; i++)
                {
                    sum += w[i] * a[i];
                }

                z[j] = sum;
            }
        }
    }

    /// <summary>
    /// Given ∂L/∂z for the batch, stores ∂L/∂W and ∂L/∂b, and writes ∂L/∂a = Wᵀ·∂L/∂z when
    /// <paramref name="inputGradient"/> is not empty (the first layer does not need it).
    /// </summary>
    /// <param name="input">The batch the forward pass saw, rows × <see cref="InputSize"/>.</param>
    /// <param name="outputGradient">∂L/∂z, rows × <see cref="OutputSize"/>.</param>
    /// <param name="inputGradient">Receives ∂L/∂a, rows × <see cref="InputSize"/>, or empty.</param>
    public void Backward(ReadOnlySpan<double> input, ReadOnlySpan<double> outputGradient, Span<double> inputGradient)
    {
        _weightGradient.AsSpan().Clear();
        _biasGradient.AsSpan().Clear();
        bool propagate = !inputGradient.IsEmpty;
        int rows = input.Length / InputSize;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<double> a = input.Slice(r * InputSize, InputSize);
            ReadOnlySpan<double> dz = outputGradient.Slice(r * OutputSize, OutputSize);
            Span<double> da = propagate ? inputGradient.Slice(r * InputSize, InputSize) : default;
            da.Clear();
            for (int j = 0; j < OutputSize; j++)
            {
                double g = dz[j];
                _biasGradient[j] += g;
                Span<double> dw = _weightGradient.AsSpan(j * InputSize, InputSize);
                ReadOnlySpan<double> w = _weights.AsSpan(j * InputSize, InputSize);
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
    public void Step(double learningRate)
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
