using System;
using Activations.Benchmarks.ExponentialFamily;
using Activations.Benchmarks.FloatFamily;
using Activations.Benchmarks.LogisticFamily;
using Activations.Benchmarks.PiecewiseLinearFamily;
using Activations.Benchmarks.RationalFamily;
using Activations.Benchmarks.TrainingLoopFamily;

namespace Activations.Benchmarks;

/// <summary>Every benchmark class, by family, in the order the results are reported.</summary>
internal static class BenchmarkCatalog
{
    /// <summary>
    /// The benchmark classes: the double suite's piecewise-linear, exponential, logistic and rational
    /// families (one class per activation), then the training-loop and float families (one class
    /// per operation, over every activation of the catalogue).
    /// </summary>
    public static readonly Type[] Types =
    [
        typeof(AffineBenchmark),
        typeof(IdentityBenchmark),
        typeof(ReLUBenchmark),
        typeof(LeakyReLUBenchmark),
        typeof(HardSigmoidBenchmark),
        typeof(HardTanhBenchmark),
        typeof(HardSwishBenchmark),
        typeof(ExponentialBenchmark),
        typeof(ELUBenchmark),
        typeof(CELUBenchmark),
        typeof(SELUBenchmark),
        typeof(SigmoidBenchmark),
        typeof(TanhBenchmark),
        typeof(SoftPlusBenchmark),
        typeof(LogSigmoidBenchmark),
        typeof(SoftsignBenchmark),
        typeof(BackwardBenchmark),
        typeof(BackwardFromOutputBenchmark),
        typeof(FnAndGradBenchmark),
        typeof(FloatBenchmark),
    ];

    /// <summary>Whether a class is one of the catalogue-driven ones, whose activation is a parameter.</summary>
    /// <param name="type">A benchmark class.</param>
    /// <returns>True for the training-loop and float families.</returns>
    public static bool IsParameterised(Type type) => !type.IsSubclassOf(typeof(OperationBenchmark));

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
