using System;
using System.Numerics;

namespace Activations.Sample;

/// <summary>Labelled points in the plane: a row-major n × 2 feature matrix and a 0/1 label per point.</summary>
/// <typeparam name="T">The number type the network trains in: <see cref="float"/> or <see cref="double"/>.</typeparam>
internal sealed class Dataset<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Wraps the arrays without copying them.</summary>
    /// <param name="features">Row-major n × <see cref="Dataset.FeatureCount"/> coordinates.</param>
    /// <param name="labels">The class of each point, 0 or 1.</param>
    public Dataset(T[] features, T[] labels)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (features.Length != labels.Length * Dataset.FeatureCount)
        {
            throw new ArgumentException($"Expected {labels.Length * Dataset.FeatureCount} features for {labels.Length} labels, got {features.Length}.", nameof(features));
        }

        Features = features;
        Labels = labels;
    }

    /// <summary>The number of points.</summary>
    public int Count => Labels.Length;

    /// <summary>Row-major n × <see cref="Dataset.FeatureCount"/> coordinates.</summary>
    public ReadOnlyMemory<T> Features { get; }

    /// <summary>The class of each point, 0 or 1.</summary>
    public ReadOnlyMemory<T> Labels { get; }
}

/// <summary>What the data sets of every number type share.</summary>
internal static class Dataset
{
    /// <summary>The number of input features per point.</summary>
    public const int FeatureCount = 2;
}
