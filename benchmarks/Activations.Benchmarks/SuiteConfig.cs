using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace Activations.Benchmarks;

/// <summary>The two configurations of the suite: a smoke run for CI and the full run for the committed results.</summary>
internal static class SuiteConfig
{
    /// <summary>
    /// One cold invocation of every benchmark at the smallest size (132 cases), stopping at the
    /// first failure: checks that each variant runs and agrees with the library, and that the
    /// library's calls allocate nothing; its timings mean nothing.
    /// </summary>
    /// <returns>The configuration.</returns>
    public static IConfig Smoke() =>
        Common()
            .AddJob(Counted(Job.Dry.WithId("Smoke")))
            .WithOptions(ConfigOptions.StopOnFirstError)
            .AddFilter(new SimpleFilter(b => b.Parameters["N"] is OperationBenchmark.SmallestSize));

    /// <summary>
    /// Short but real measurements (528 cases), in the runtime's default configuration (tiered
    /// compilation and dynamic PGO on): after the <see cref="TieringWarmUp"/>, which calls the
    /// operation until the JIT is quiet, 3 warm-up and 10 measured iterations of at least 100 ms in
    /// one process per case. Memory randomization reallocates the arrays and shifts the stack by a
    /// random amount before every iteration, so an operation whose speed depends on alignment
    /// (TensorPrimitives.Exp on AVX-512 depends on the 16-byte phase of the stack) shows both speeds
    /// in one run; the report gives medians and the min–max spread. The overhead of the empty call
    /// (about a nanosecond) is not subtracted: the shortest case takes about a microsecond.
    /// </summary>
    /// <returns>The configuration.</returns>
    public static IConfig Full() =>
        Common()
            .AddJob(Counted(Job.Default
                .WithId("Full")
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(10)
                .WithIterationTime(TimeInterval.FromMilliseconds(100))
                .WithEvaluateOverhead(false)
                .WithMemoryRandomization(true)));

    private static Job Counted(Job job)
    {
        job.Infrastructure.EngineFactory = new JitCountingEngineFactory();
        return job;
    }

    private static ManualConfig Common() =>
        ManualConfig.Create(DefaultConfig.Instance)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddValidator(VariantAgreementValidator.Instance)
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max, NsPerElementColumn.Instance, JitColumn.Instance);
}
