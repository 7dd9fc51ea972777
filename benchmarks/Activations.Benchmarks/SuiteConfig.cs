using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace Activations.Benchmarks;

/// <summary>
/// The configurations of the suite: a smoke run for CI and the full run for the committed results,
/// each with two jobs: <see cref="DefaultJobId"/>, the runtime as users run it (tiered compilation
/// and dynamic PGO on, nothing set), and <see cref="TieringOffJobId"/>, the same with
/// <c>DOTNET_TieredCompilation=0</c> (fully optimised code from the first call, no PGO). With
/// <c>--no-avx512</c> both jobs also get <c>DOTNET_EnableAVX512=0</c>.
/// </summary>
internal static class SuiteConfig
{
    /// <summary>The job in the runtime's default configuration.</summary>
    public const string DefaultJobId = "RuntimeDefault";

    /// <summary>The job with tiered compilation off.</summary>
    public const string TieringOffJobId = "TieringOff";

    /// <summary>BenchmarkDotNet's warm-up iterations in the full run, after the tiering warm-up.</summary>
    public const int WarmupCount = 3;

    /// <summary>The measured iterations of the full run.</summary>
    public const int IterationCount = 10;

    /// <summary>
    /// One cold invocation of every benchmark at the smallest size (132 cases) in the default job,
    /// and of the library's calls (33 cases) in the tiering-off job, stopping at the first failure:
    /// checks that each variant runs and agrees with the library, and that the library's calls
    /// allocate nothing under both JIT configurations; its timings mean nothing.
    /// </summary>
    /// <param name="options">The command line.</param>
    /// <returns>The configuration.</returns>
    public static IConfig Smoke(SuiteOptions options) =>
        Common(options)
            .AddJob(WithWidth(Job.Dry.WithId(DefaultJobId), options))
            .AddJob(WithWidth(Job.Dry.WithId(TieringOffJobId).WithEnvironmentVariable("DOTNET_TieredCompilation", "0"), options))
            .WithOptions(ConfigOptions.StopOnFirstError)
            .AddFilter(new SimpleFilter(b => b.Parameters["N"] is OperationBenchmark.SmallestSize))
            .AddFilter(new SimpleFilter(b => b.Job.Id != TieringOffJobId || b.Descriptor.WorkloadMethod.Name == nameof(OperationBenchmark.Library)));

    /// <summary>
    /// Short but real measurements (528 cases per job): after the <see cref="TieringWarmUp"/>,
    /// <see cref="WarmupCount"/> warm-up and <see cref="IterationCount"/> measured iterations of
    /// at least 100 ms in one process per case. Memory
    /// randomization reallocates the arrays and shifts the stack by a random amount before every
    /// iteration, so that an operation whose speed depends on alignment (TensorPrimitives.Exp on
    /// AVX-512 depends on the 16-byte phase of the stack) shows both speeds in one run; the report
    /// gives the median with the 10th and 90th percentiles. The overhead of the empty call (about
    /// a nanosecond) is not subtracted: the shortest case takes about a microsecond.
    /// </summary>
    /// <param name="options">The command line.</param>
    /// <returns>The configuration.</returns>
    public static IConfig Full(SuiteOptions options) =>
        Common(options)
            .AddJob(WithWidth(Measured(DefaultJobId), options))
            .AddJob(WithWidth(Measured(TieringOffJobId).WithEnvironmentVariable("DOTNET_TieredCompilation", "0"), options));

    private static Job Measured(string id) =>
        Job.Default
            .WithId(id)
            .WithLaunchCount(1)
            .WithWarmupCount(WarmupCount)
            .WithIterationCount(IterationCount)
            .WithIterationTime(TimeInterval.FromMilliseconds(100))
            .WithEvaluateOverhead(false)
            .WithMemoryRandomization(true);

    private static Job WithWidth(Job job, SuiteOptions options)
    {
        job = options.NoAvx512 ? job.WithEnvironmentVariable("DOTNET_EnableAVX512", "0") : job;
        job.Infrastructure.EngineFactory = new JitCountingEngineFactory();
        return job;
    }

    private static ManualConfig Common(SuiteOptions options)
    {
        ManualConfig config = ManualConfig.Create(DefaultConfig.Instance)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddValidator(VariantAgreementValidator.Instance)
            .AddColumn(
                StatisticColumn.Median,
                NsPerElementColumn.P10,
                NsPerElementColumn.Median,
                NsPerElementColumn.P90,
                JitColumn.Instance);
        if (options.Sizes is { } sizes)
        {
            config.AddFilter(new SimpleFilter(b => b.Parameters["N"] is int n && sizes.Contains(n)));
        }

        return config;
    }
}
