using System;
using Activations.Benchmarks.ExponentialFamily;
using Activations.Benchmarks.LogisticFamily;
using Activations.Benchmarks.PiecewiseLinearFamily;

namespace Activations.Benchmarks;

/// <summary>Every benchmark class, by family, in the order the results are reported.</summary>
internal static class BenchmarkCatalog
{
    /// <summary>The benchmark classes: piecewise-linear, exponential, logistic.</summary>
    public static readonly Type[] Types =
    [
        typeof(AffineBenchmark),
        typeof(IdentityBenchmark),
        typeof(ReLUBenchmark),
        typeof(LeakyReLUBenchmark),
        typeof(HardSigmoidBenchmark),
        typeof(ExponentialBenchmark),
        typeof(ELUBenchmark),
        typeof(SELUBenchmark),
        typeof(SigmoidBenchmark),
        typeof(TanhBenchmark),
        typeof(SoftPlusBenchmark),
    ];

    /// <summary>The family a benchmark class belongs to, from its namespace (e.g. <c>Logistic</c>).</summary>
    /// <param name="type">A benchmark class.</param>
    /// <returns>The family's name.</returns>
    public static string Family(Type type)
    {
        string name = type.Namespace ?? string.Empty;
        name = name[(name.LastIndexOf('.') + 1)..];
        return name.EndsWith("Family", StringComparison.Ordinal) ? name[..^"Family".Length] : name;
    }
}
