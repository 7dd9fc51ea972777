using System;
using System.Numerics;

namespace Activations.Sample;

/// <summary>
/// The two-moons toy problem: two interleaved half circles that no straight line separates,
/// so a classifier has to learn a curved boundary through its hidden activations.
/// </summary>
internal static class TwoMoons
{
    /// <summary>
    /// Draws <paramref name="count"/> points, each from one of the two moons with equal probability.
    /// Class 0 is the upper arc (cos t − ½, sin t − ¼), class 1 its point reflection through the origin,
    /// t uniform in [0, π]; both are centred so the inputs need no further scaling. Gaussian noise of
    /// standard deviation <paramref name="noise"/> is added to each coordinate. The points are drawn
    /// in double and rounded once to <typeparamref name="T"/>, so a seed gives the same points in
    /// float as in double, to float precision.
    /// </summary>
    /// <typeparam name="T">The number type of the features and labels.</typeparam>
    /// <param name="count">The number of points.</param>
    /// <param name="noise">The standard deviation of the noise on each coordinate.</param>
    /// <param name="random">The source of randomness; the same state gives the same points.</param>
    /// <returns>The points and their labels.</returns>
    public static Dataset<T> Generate<T>(int count, double noise, Random random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(noise);
        ArgumentNullException.ThrowIfNull(random);

        var features = new T[count * Dataset.FeatureCount];
        var labels = new T[count];
        for (int i = 0; i < count; i++)
        {
            double t = Math.PI * random.NextDouble();
            double sign = random.Next(2) == 0 ? 1.0 : -1.0;
            labels[i] = sign > 0 ? T.Zero : T.One;
            features[(2 * i) + 0] = T.CreateChecked((sign * (Math.Cos(t) - 0.5)) + (noise * NextGaussian(random)));
            features[(2 * i) + 1] = T.CreateChecked((sign * (Math.Sin(t) - 0.25)) + (noise * NextGaussian(random)));
        }

        return new Dataset<T>(features, labels);
    }

    /// <summary>A standard normal deviate by the Box–Muller transform (1 − u keeps the logarithm finite).</summary>
    private static double NextGaussian(Random random)
    {
        double u = 1.0 - random.NextDouble();
        double v = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }
}
