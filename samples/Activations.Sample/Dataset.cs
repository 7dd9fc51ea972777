using System;

namespace Activations.Sample;

/// <summary>Labelled points in the plane: a row-major n × 2 feature matrix and a 0/1 label per point.</summary>
internal sealed class Dataset
{
    /// <summary>The number of input features per point.</summary>
    public const int FeatureCount = 2;

    /// <summary>Wraps the arrays without copying them.</summary>
    /// <param name="features">Row-major n × <see cref="FeatureCount"/> coordinates.</param>
    /// <param name="labels">The class of each point, 0 or 1.</param>
    public Dataset(double[] features, double[] labels)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (features.Length != labels.Length * FeatureCount)
        {
            throw new ArgumentException($"Expected {labels.Length * FeatureCount} features for {labels.Length} labels, got {features.Length}.", nameof(features));
        }

        Features = features;
        Labels = labels;
    }

    /// <summary>The number of points.</summary>
    public int Count => Labels.Length;

    /// <summary>Row-major n × <see cref="FeatureCount"/> coordinates.</summary>
    public ReadOnlyMemory<double> Features { get; }

    /// <summary>The class of each point, 0 or 1.</summary>
    public ReadOnlyMemory<double> Labels { get; }
}
