using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Activations.Benchmarks;

/// <summary>
/// The inputs every benchmark reads: N doubles drawn uniformly from [−<see cref="Bound"/>, <see cref="Bound"/>]
/// with a fixed seed, so every variant, activation and run sees the same data. The range is the
/// same for all activations (Exponential included): it covers both branches of the piecewise
/// functions about equally, keeps every result finite, and is where real pre-activations live.
/// </summary>
internal static class BenchmarkInputs
{
    /// <summary>The half-width of the input range.</summary>
    public const double Bound = 10.0;

    /// <summary>The seed of the generator, so that runs are comparable.</summary>
    public const int Seed = 20_250_611;

    // One master copy per length, generated once per process: with memory randomization the
    // setup runs before every iteration, and copying is much cheaper than drawing 16 M numbers.
    private static readonly Dictionary<int, double[]> Masters = [];

    /// <summary>A new array of <paramref name="length"/> inputs (a fresh allocation, so its address varies).</summary>
    /// <param name="length">The number of elements.</param>
    /// <returns>The inputs; always the same values for the same length.</returns>
    // Runs before every iteration under memory randomization: optimised at once, so that it is not
    // recompiled while the measured iterations run.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] Create(int length)
    {
        if (!Masters.TryGetValue(length, out double[]? master))
        {
            master = new double[length];
            var random = new Random(Seed);
            for (int i = 0; i < master.Length; i++)
            {
                master[i] = ((2.0 * random.NextDouble()) - 1.0) * Bound;
            }

            Masters[length] = master;
        }

        double[] copy = GC.AllocateUninitializedArray<double>(length);
        master.AsSpan().CopyTo(copy);
        return copy;
    }
}
