using System;
using System.Numerics;

namespace Activations.Sample;

/// <summary>
/// A binary classifier 2 → h → h → 1: two hidden layers with the chosen activation and one linear
/// output logit z, read as the probability σ(z) of class 1 and trained on binary cross-entropy.
/// All buffers are allocated once for the largest batch, so training allocates nothing per step.
/// </summary>
/// <typeparam name="T">The number type of the weights and of every computation: <see cref="float"/> or <see cref="double"/>.</typeparam>
internal sealed class Mlp<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly Sigmoid OutputSigmoid = new();
    private static readonly SoftPlus LossSoftPlus = new();

    private readonly DenseLayer<T> _hidden1;
    private readonly DenseLayer<T> _hidden2;
    private readonly DenseLayer<T> _output;

    // The gradient of the loss with respect to each layer's output; the layer's Backward turns it
    // into the gradient with respect to its pre-activation in place.
    private readonly T[] _da1;
    private readonly T[] _da2;
    private readonly T[] _dLogits;

    /// <summary>Creates the network with freshly initialised weights.</summary>
    /// <param name="activation">The activation of both hidden layers.</param>
    /// <param name="hiddenWidth">The number of units h in each hidden layer.</param>
    /// <param name="maxBatchSize">The largest batch <see cref="Forward"/> and <see cref="TrainStep"/> accept.</param>
    /// <param name="random">The source of the initial weights.</param>
    public Mlp(ActivationFunction activation, int hiddenWidth, int maxBatchSize, Random random)
    {
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBatchSize);

        _hidden1 = new DenseLayer<T>(Dataset.FeatureCount, hiddenWidth, activation, maxBatchSize, random);
        _hidden2 = new DenseLayer<T>(hiddenWidth, hiddenWidth, activation, maxBatchSize, random);
        _output = new DenseLayer<T>(hiddenWidth, 1, new Identity(), maxBatchSize, random);

        _da1 = new T[maxBatchSize * hiddenWidth];
        _da2 = new T[_da1.Length];
        _dLogits = new T[maxBatchSize];
    }

    /// <summary>
    /// Computes the logits of a batch. The returned span is the network's own buffer: it is valid
    /// until the next call.
    /// </summary>
    /// <param name="features">Row-major rows × 2 inputs, at most the maximum batch size rows.</param>
    /// <returns>One logit per row; σ(logit) is the predicted probability of class 1.</returns>
    public ReadOnlySpan<T> Forward(ReadOnlySpan<T> features)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(features.Length / Dataset.FeatureCount, _dLogits.Length, nameof(features));
        return _output.Forward(_hidden2.Forward(_hidden1.Forward(features)));
    }

    /// <summary>
    /// One step of gradient descent on the mean binary cross-entropy of the batch.
    /// </summary>
    /// <param name="features">Row-major rows × 2 inputs.</param>
    /// <param name="labels">The class of each row, 0 or 1.</param>
    /// <param name="learningRate">The step size.</param>
    public void TrainStep(ReadOnlySpan<T> features, ReadOnlySpan<T> labels, T learningRate)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(features.Length / Dataset.FeatureCount, _dLogits.Length, nameof(features));
        ReadOnlySpan<T> a1 = _hidden1.Forward(features);
        ReadOnlySpan<T> a2 = _hidden2.Forward(a1);
        ReadOnlySpan<T> logits = _output.Forward(a2);
        int rows = logits.Length;

        // For L = mean over rows of BCE(σ(z), y), ∂L/∂z = (σ(z) − y) / rows: the sigmoid's
        // derivative cancels against the logarithm's, which is why the output layer is linear.
        Span<T> dLogits = _dLogits.AsSpan(0, rows);
        OutputSigmoid.Fn(logits, dLogits);
        T count = T.CreateChecked(rows);
        for (int r = 0; r < rows; r++)
        {
            dLogits[r] = (dLogits[r] - labels[r]) / count;
        }

        // Each layer takes ∂L/∂(its output) and passes ∂L/∂(its input) down.
        Span<T> da2 = _da2.AsSpan(0, a2.Length);
        Span<T> da1 = _da1.AsSpan(0, a1.Length);
        _output.Backward(a2, dLogits, da2);
        _hidden2.Backward(a1, da2, da1);
        _hidden1.Backward(features, da1, Span<T>.Empty);

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
    public (T LossSum, int Correct) Evaluate(ReadOnlySpan<T> features, ReadOnlySpan<T> labels)
    {
        ReadOnlySpan<T> logits = Forward(features);

        // −y·log σ(z) − (1 − y)·log(1 − σ(z)) = softplus(z) − y·z, which stays finite for large |z|
        // where the logarithm of a rounded probability would not. The output-gradient buffer is
        // free outside TrainStep and serves as scratch.
        Span<T> softPlus = _dLogits.AsSpan(0, logits.Length);
        LossSoftPlus.Fn(logits, softPlus);
        T lossSum = T.Zero;
        int correct = 0;
        for (int r = 0; r < logits.Length; r++)
        {
            lossSum += softPlus[r] - (labels[r] * logits[r]);
            T predicted = logits[r] > T.Zero ? T.One : T.Zero;
            correct += predicted == labels[r] ? 1 : 0;
        }

        return (lossSum, correct);
    }
}
