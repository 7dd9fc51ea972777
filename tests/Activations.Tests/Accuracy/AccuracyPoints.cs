using System;
using System.Collections.Generic;
using System.Linq;

namespace Activations.Tests.Accuracy;

/// <summary>
/// The inputs of the accuracy suite: a dense sweep, log-spaced magnitudes from the smallest
/// subnormal to the largest double (both signs), and the neighbourhood — a few ulps and wider —
/// of every threshold, branch point and crossing where a textbook formula loses accuracy.
/// Deterministic: the same points on every run.
/// </summary>
internal static class AccuracyPoints
{
    /// <summary>
    /// Where the numerics change regime: branch points (0, ±2.5), the overflow and underflow
    /// thresholds of e^x (709.78 = ln MaxValue, −708.40 = ln of the smallest normal, −745.13 = ln
    /// of half the smallest subnormal), the exp reduction's half-step ±ln2/2, where SoftPlus's
    /// logarithm switches form (|x| = asinh 1 ≈ 0.8814, e^−|x| = √2 − 1), where σ and tanh
    /// saturate (±18.7, ±36.7, ±37.4), the internal clamps (±40, ±50, ±100, ±354.9, ±1000), where
    /// eˣ − 1 switches to the table (−0.35), where σ and σ′ switch to their tails (±600), where
    /// eˣ leaves its fast path (±704), and the half-thresholds that Tanh sees through 2x.
    /// </summary>
    public static readonly double[] Thresholds =
    [
        0.0, 2.5, -2.5, 709.782712893384, -708.3964185322641, -745.1332191019412, -744.4400719213812,
        0.34657359027997264, -0.34657359027997264, 0.881373587019543, -0.881373587019543,
        18.714973875118524, -18.714973875118524, 36.7368005696771, -36.7368005696771, 37.42994775023705, -37.42994775023705,
        40.0, -40.0, 50.0, -50.0, 100.0, -100.0, 354.89135644669199, -354.89135644669199, 372.5666095509906, -372.5666095509906,
        1000.0, -1000.0, 1.0, -1.0, 0.5, -0.5, 1e-8, -1e-8,
        0.35, -0.35, 0.175, -0.175, 300.0, -300.0, 600.0, -600.0, 704.0, -704.0,
    ];

    /// <summary>All points, plus the extra crossings of one activation (e.g. an Affine's root −b/s).</summary>
    public static double[] For(IEnumerable<double> extraThresholds)
    {
        var points = new List<double>();

        for (int i = 0; i <= 2000; i++)
        {
            points.Add(-20.0 + (i * 0.02) + 1e-7);
        }

        for (int e = -1074; e <= 1023; e += 3)
        {
            double magnitude = Math.ScaleB(1.0 + ((e & 7) / 8.0), e);
            points.Add(magnitude);
            points.Add(-magnitude);
        }

        foreach (double t in Thresholds.Concat(extraThresholds))
        {
            double up = t;
            double down = t;
            points.Add(t);
            for (int k = 0; k < 6; k++)
            {
                up = Math.BitIncrement(up);
                down = Math.BitDecrement(down);
                points.Add(up);
                points.Add(down);
            }

            for (double delta = 1e-15; delta < 0.2; delta *= 3.7)
            {
                double d = delta * Math.Max(1.0, Math.Abs(t));
                points.Add(t + d);
                points.Add(t - d);
            }
        }

        var random = new Random(1729);
        for (int i = 0; i < 500; i++)
        {
            points.Add((random.NextDouble() - 0.5) * 1600);
        }

        return points.Where(double.IsFinite).Distinct().ToArray();
    }
}
