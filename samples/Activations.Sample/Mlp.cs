using System;

namespace Activations.Sample;

/// <summary>
/// A binary classifier 2 → h → h → 1: two hidden layers with the chosen activation and one output
/// logit z, read as the probability σ(z) of class 1 and trained on binary cross-entropy.
/// All buffers are allocated once for the largest batch, so training allocates nothing per step.
/// </summary>
internal sealed class Mlp
{
    private static readonly Sigmoid OutputSigmoid = new();
    private static readonly SoftPlus LossSoftPlus = new();

    private readonly ActivationFunction _activation;
    private readonly DenseLayer _hidden1;
    private readonly DenseLayer _hidden2;
    private readonly DenseLayer _output;
    private readonly int _maxBatchSize;

    // Forward buffers: pre-activations z and activations a of each layer.
    private readonly double[] _z1;
    private readonly double[] _a1;
    private readonly double[] _z2;
    private readonly double[] _a2;
    private readonly double[] _logits;

    // Backward buffers: gradients of the loss with respect to the buffer of the same name.
    private readonly double[] _dz1;
    private readonly double[] _da1;
    private readonly double[] _dz2;
    private readonly double[] _da2;
    private readonly double[] _dLogits;

    /// <summary>Creates the network with freshly initialised weights.</summary>
    /// <param name="activation">The activation of both hidden layers.</param>
    /// <param name="hiddenWidth">The number of units h in each hidden layer.</param>
    /// <param name="maxBatchSize">The largest batch <see cref="Forward"/> and <see cref="TrainStep"/> accept.</param>
    /// <param name="random">The source of the initial weights.</param>
    public Mlp(ActivationFunction activation, int hiddenWidth, int maxBatchSize, Random random)
    {
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBatchSize);

        _activation = activation;
        _maxBatchSize = maxBatchSize;
        _hidden1 = new DenseLayer(Dataset.FeatureCount, hiddenWidth, random);
        _hidden2 = new DenseLayer(hiddenWidth, hiddenWidth, random);
        _output = new DenseLayer(hiddenWidth, 1, random);

        _z1 = new double[maxBatchSize * hiddenWidth];
        _a1 = new double[_z1.Length];
        _z2 = new double[_z1.Length];
        _a2 = new double[_z1.Length];
        _logits = new double[maxBatchSize];
        _dz1 = new double[_z1.Length];
        _da1 = new double[_z1.Length];
        _dz2 = new double[_z1.Length];
        _da2 = new double[_z1.Length];
        _dLogits = new double[maxBatchSize];
    }

    /// <summary>
    /// Computes the logits of a batch. The returned span is the network's own buffer: it is valid
    /// until the next call.
    /// </summary>
    /// <param name="features">Row-major rows × 2 inputs, at most the maximum batch size rows.</param>
    /// <returns>One logit per row; σ(logit) is the predicted probability of class 1.</returns>
    public ReadOnlySpan<double> Forward(ReadOnlySpan<double> features)
    {
        int rows = features.Length / Dataset.FeatureCount;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, _maxBatchSize, nameof(features));
        int hidden = rows * _hidden1.OutputSize;

        _hidden1.Forward(features, _z1.AsSpan(0, hidden));
        _activation.Fn(_z1.AsSpan(0, hidden), _a1.AsSpan(0, hidden));
        _hidden2.Forward(_a1.AsSpan(0, hidden), _z2.AsSpan(0, hidden));
        _activation.Fn(_z2.AsSpan(0, hidden), _a2.AsSpan(0, hidden));
        _output.Forward(_a2.AsSpan(0, hidden), _logits.AsSpan(0, rows));
        return _logits.AsSpan(0, rows);
    }

    /// <summary>
    /// One step of gradient descent on the mean binary cross-entropy of the batch.
    /// </summary>
    /// <param name="features">Row-major rows × 2 inputs.</param>
    /// <param name="labels">The class of each row, 0 or 1.</param>
    /// <param name="learningRate">The step size.</param>
    public void TrainStep(ReadOnlySpan<double> features, ReadOnlySpan<double> labels, double learningRate)
    {
        ReadOnlySpan<double> logits = Forward(features);
        int rows = logits.Length;
        int hidden = rows * _hidden1.OutputSize;

        // For L = mean over rows of BCE(σ(z), y), ∂L/∂z = (σ(z) − y) / rows: the sigmoid's
        // derivative cancels against the logarithm's, which is why the output layer has no Grad call.
        Span<double> dLogits = _dLogits.AsSpan(0, rows);
        OutputSigmoid.Fn(logits, dLogits);
        for (int r = 0; r < rows; r++)
        {
            dLogits[r] = (dLogits[r] - labels[r]) / rows;
        }

        // Through each hidden activation, ∂L/∂z = ∂L/∂a ⊙ f′(z).
        _output.Backward(_a2.AsSpan(0, hidden), dLogits, _da2.AsSpan(0, hidden));
        MultiplyByGrad(_z2.AsSpan(0, hidden), _da2.AsSpan(0, hidden), _dz2.AsSpan(0, hidden));
        _hidden2.Backward(_a1.AsSpan(0, hidden), _dz2.AsSpan(0, hidden), _da1.AsSpan(0, hidden));
        MultiplyByGrad(_z1.AsSpan(0, hidden), _da1.AsSpan(0, hidden), _dz1.AsSpan(0, hidden));
        _hidden1.Backward(features, _dz1.AsSpan(0, hidden), Span<double>.Empty);

        _output.Step(learningRate);
        _hidden2.Step(learningRate);
        _hidden1.Step(learningRate);
    }

    /// <summary>
    /// The summed binary cross-entropy of a batch and how many rows it classifies correctly
    /// (class 1 when the logit is positive).
    /// </summary>
    /// <param name="features">Row-major rows × 2 inputs.</param>
    /// <param name="labels">The class of each row, 0 or 1.</param>
    /// <returns>The summed loss and the number of correct predictions.</returns>
    public (double LossSum, int Correct) Evaluate(ReadOnlySpan<double> features, ReadOnlySpan<double> labels)
    {
        ReadOnlySpan<double> logits = Forward(features);

        // −y·log σ(z) − (1 − y)·log(1 − σ(z)) = softplus(z) − y·z, which stays finite for large |z|
        // where the logarithm of a rounded probability would not. The output-gradient buffer is
        // free outside TrainStep and serves as scratch.
        Span<double> softPlus = _dLogits.AsSpan(0, logits.Length);
        LossSoftPlus.Fn(logits, softPlus);
        double lossSum = 0.0;
        int correct = 0;
        for (int r = 0; r < logits.Length; r++)
        {
            lossSum += softPlus[r] - (labels[r] * logits[r]);
            double predicted = logits[r] > 0.0 ? 1.0 : 0.0;
            correct += predicted == labels[r] ? 1 : 0;
        }

        return (lossSum, correct);
    }

    /// <summary>gradient ← upstream ⊙ f′(z), with f′ from the library's span overload.</summary>
    private void MultiplyByGrad(ReadOnlySpan<double> z, ReadOnlySpan<double> upstream, Span<double> gradient)
    {
        _activation.Grad(z, gradient);
        for (int i = 0; i < gradient.Length; i++)
        {
            gradient[i] *= upstream[i];
        }
    }
}
