using System;
using System.Numerics;

namespace Activations.Sample;

/// <summary>
/// Trains an <see cref="Mlp{T}"/> on two moons by mini-batch gradient descent, reshuffling the
/// training points every epoch, and measures it on held-out points from the same distribution.
/// </summary>
internal static class Trainer
{
    /// <summary>Runs one training in the options' <see cref="TrainingOptions.Precision"/>; the same activation and options always give the same result.</summary>
    /// <param name="activation">The activation of the hidden layers.</param>
    /// <param name="options">The data, network and optimiser settings.</param>
    /// <param name="progress">Called after every <see cref="TrainingOptions.Epochs"/> / <see cref="TrainingOptions.Reports"/> epochs and after the last.</param>
    /// <returns>The final training-set report and the held-out accuracy.</returns>
    public static TrainingResult Train(ActivationFunction activation, TrainingOptions options, Action<EpochReport>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Precision == Precision.Double
            ? Train<double>(activation, options, progress)
            : Train<float>(activation, options, progress);
    }

    /// <summary>Runs one training in <typeparamref name="T"/>, whatever the options' precision.</summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <inheritdoc cref="Train(ActivationFunction, TrainingOptions, Action{EpochReport}?)"/>
    public static TrainingResult Train<T>(ActivationFunction activation, TrainingOptions options, Action<EpochReport>? progress = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        // One generator, consumed in a fixed order, makes the whole run a function of the seed
        // (and the same data and initial weights in float as in double, rounded).
        var random = new Random(options.Seed);
        Dataset<T> training = TwoMoons.Generate<T>(options.TrainingPoints, options.Noise, random);
        Dataset<T> test = TwoMoons.Generate<T>(options.TestPoints, options.Noise, random);
        int batchSize = Math.Min(options.BatchSize, training.Count);
        var network = new Mlp<T>(activation, options.HiddenWidth, batchSize, random);

        int[] order = new int[training.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var batchFeatures = new T[batchSize * Dataset.FeatureCount];
        var batchLabels = new T[batchSize];
        int reportInterval = Math.Max(1, options.Epochs / options.Reports);
        EpochReport last = default;
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            T learningRate = T.CreateChecked(LearningRateAt(epoch, options));
            random.Shuffle(order);
            for (int start = 0; start < order.Length; start += batchSize)
            {
                int rows = Math.Min(batchSize, order.Length - start);
                Gather(training, order.AsSpan(start, rows), batchFeatures, batchLabels);
                network.TrainStep(
                    batchFeatures.AsSpan(0, rows * Dataset.FeatureCount),
                    batchLabels.AsSpan(0, rows),
                    learningRate);
            }

            if (epoch % reportInterval == 0 || epoch == options.Epochs)
            {
                (double loss, double accuracy) = Measure(network, training, batchSize);
                last = new EpochReport(epoch, loss, accuracy);
                progress?.Invoke(last);
            }
        }

        (double testLoss, double testAccuracy) = Measure(network, test, batchSize);
        return new TrainingResult(last, testLoss, testAccuracy);
    }

    /// <summary>The step size of an epoch (1-based): linear from the first to the final rate.</summary>
    private static double LearningRateAt(int epoch, TrainingOptions options)
    {
        double progress = options.Epochs == 1 ? 1.0 : (epoch - 1) / (double)(options.Epochs - 1);
        return options.LearningRate + ((options.FinalLearningRate - options.LearningRate) * progress);
    }

    /// <summary>Copies the selected points into the batch buffers, in the given order.</summary>
    private static void Gather<T>(Dataset<T> data, ReadOnlySpan<int> indices, Span<T> features, Span<T> labels)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> allFeatures = data.Features.Span;
        ReadOnlySpan<T> allLabels = data.Labels.Span;
        for (int r = 0; r < indices.Length; r++)
        {
            int i = indices[r];
            allFeatures.Slice(i * Dataset.FeatureCount, Dataset.FeatureCount)
                .CopyTo(features.Slice(r * Dataset.FeatureCount, Dataset.FeatureCount));
            labels[r] = allLabels[i];
        }
    }

    /// <summary>The mean loss and the accuracy over a whole data set, a batch at a time (the loss summed in double).</summary>
    private static (double Loss, double Accuracy) Measure<T>(Mlp<T> network, Dataset<T> data, int batchSize)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> features = data.Features.Span;
        ReadOnlySpan<T> labels = data.Labels.Span;
        double lossSum = 0.0;
        int correct = 0;
        for (int start = 0; start < data.Count; start += batchSize)
        {
            int rows = Math.Min(batchSize, data.Count - start);
            (T batchLoss, int batchCorrect) = network.Evaluate(
                features.Slice(start * Dataset.FeatureCount, rows * Dataset.FeatureCount),
                labels.Slice(start, rows));
            lossSum += double.CreateChecked(batchLoss);
            correct += batchCorrect;
        }

        return (lossSum / data.Count, (double)correct / data.Count);
    }
}
