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

    /// <summary>The half-width of the range of the output gradients dy.</summary>
    public const double GradientBound = 1.0;

    /// <summary>The seed of the output gradients' generator.</summary>
    public const int GradientSeed = Seed + 1;

    // One master copy per length, generated once per process: with memory randomization the
    // setup runs before every iteration, and copying is much cheaper than drawing 16 M numbers.
    private static readonly Dictionary<int, double[]> Masters = [];
    private static readonly Dictionary<int, double[]> GradientMasters = [];
    private static readonly Dictionary<int, float[]> SingleMasters = [];
    private static readonly Dictionary<(string Activation, int Length), double[]> OutputMasters = [];

    /// <summary>A new array of <paramref name="length"/> inputs (a fresh allocation, so its address varies).</summary>
    /// <param name="length">The number of elements.</param>
    /// <returns>The inputs; always the same values for the same length.</returns>
    // Runs before every iteration under memory randomization: optimised at once, so that it is not
    // recompiled while the measured iterations run.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] Create(int length) => Copy(Master(Masters, length, Seed, Bound));

    /// <summary>A new array of <paramref name="length"/> output gradients dy, uniform in [−<see cref="GradientBound"/>, <see cref="GradientBound"/>] from <see cref="GradientSeed"/>.</summary>
    /// <param name="length">The number of elements.</param>
    /// <returns>The gradients; always the same values for the same length.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] CreateOutputGradient(int length) => Copy(Master(GradientMasters, length, GradientSeed, GradientBound));

    /// <summary>A new array of the outputs y = f(x) of <paramref name="activation"/> (the library's Fn) at the inputs of <see cref="Create"/>.</summary>
    /// <param name="activation">The activation.</param>
    /// <param name="key">Its canonical form, the key of the cached outputs (given, so that no library code runs when they are cached).</param>
    /// <param name="length">The number of elements.</param>
    /// <returns>The outputs.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] CreateOutput(ActivationFunction activation, string key, int length)
    {
        if (!OutputMasters.TryGetValue((key, length), out double[]? master))
        {
            master = new double[length];
            activation.Fn(Master(Masters, length, Seed, Bound), master);
            OutputMasters[(key, length)] = master;
        }

        return Copy(master);
    }

    /// <summary>A new array of <paramref name="length"/> floats: the inputs of <see cref="Create"/> rounded to float.</summary>
    /// <param name="length">The number of elements.</param>
    /// <returns>The inputs; always the same values for the same length.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float[] CreateSingle(int length)
    {
        if (!SingleMasters.TryGetValue(length, out float[]? master))
        {
            double[] source = Master(Masters, length, Seed, Bound);
            master = new float[length];
            for (int i = 0; i < master.Length; i++)
            {
                master[i] = (float)source[i];
            }

            SingleMasters[length] = master;
        }

        float[] copy = GC.AllocateUninitializedArray<float>(length);
        master.AsSpan().CopyTo(copy);
        return copy;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[] Master(Dictionary<int, double[]> masters, int length, int seed, double bound)
    {
        if (!masters.TryGetValue(length, out double[]? master))
        {
            master = new double[length];
            var random = new Random(seed);
            for (int i = 0; i < master.Length; i++)
            {
                master[i] = ((2.0 * random.NextDouble()) - 1.0) * bound;
            }

            masters[length] = master;
        }

        return master;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[] Copy(double[] master)
    {
        double[] copy = GC.AllocateUninitializedArray<double>(master.Length);
        master.AsSpan().CopyTo(copy);
        return copy;
    }
}
