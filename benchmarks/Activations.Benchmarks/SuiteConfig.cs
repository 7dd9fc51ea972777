using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
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

    /// <summary>The activation whose every variant the smoke run calls in the catalogue-driven families.</summary>
    public const string SmokeActivation = "Sigmoid";

    /// <summary>
    /// One invocation of every benchmark of the double suite at the smallest size (132 cases)
    /// in the default job, and of its library calls (33 cases) in the tiering-off job, stopping at
    /// the first failure: checks that each variant runs and agrees with the library, and that the
    /// library's calls allocate nothing under both JIT configurations; its timings mean nothing.
    /// Of the catalogue-driven families (training loop, float), only the default job, with the
    /// library's call for every activation and operation and every variant for
    /// <see cref="SmokeActivation"/> (79 cases): the agreement validator has already run every
    /// variant of every activation in the host process. The default job runs in this process
    /// (BenchmarkDotNet's in-process toolchain, no process per case, so its calls come after the
    /// validator's and are not cold), which has the runtime's defaults unless its environment says
    /// otherwise (Program then says so); the tiering-off job runs in a process of its own per case,
    /// and so does the default job with <c>--no-avx512</c>.
    /// </summary>
    /// <param name="options">The command line.</param>
    /// <returns>The configuration.</returns>
    public static IConfig Smoke(SuiteOptions options) =>
        Common(options)
            .AddJob(InProcessUnlessSet(WithWidth(Job.Dry.WithId(DefaultJobId), options), options))
            .AddJob(WithWidth(Job.Dry.WithId(TieringOffJobId).WithEnvironmentVariable("DOTNET_TieredCompilation", "0"), options))
            .WithOptions(ConfigOptions.StopOnFirstError)
            .AddFilter(new SimpleFilter(b => b.Parameters["N"] is OperationBenchmark.SmallestSize))
            .AddFilter(new SimpleFilter(b => b.Job.Id != TieringOffJobId || b.Descriptor.WorkloadMethod.Name == nameof(OperationBenchmark.Library)))
            .AddFilter(new SimpleFilter(b => !BenchmarkCatalog.IsParameterised(b.Descriptor.Type)
                || (b.Job.Id == DefaultJobId
                    && (b.Descriptor.WorkloadMethod.Name == nameof(OperationBenchmark.Library)
                        || (b.Parameters["Activation"] is string a && CatalogueActivations.NameOf(a) == SmokeActivation)))));

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

    // The activation's name: the parameter of a catalogue-driven class, else the class's name without "Benchmark".
    private static string ActivationNameOf(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters["Activation"] is string activation
            ? CatalogueActivations.NameOf(activation)
            : benchmarkCase.Descriptor.Type.Name.EndsWith("Benchmark", System.StringComparison.Ordinal)
            ? benchmarkCase.Descriptor.Type.Name[..^"Benchmark".Length]
            : benchmarkCase.Descriptor.Type.Name;

    private static Job Measured(string id) =>
        Job.Default
            .WithId(id)
            .WithLaunchCount(1)
            .WithWarmupCount(WarmupCount)
            .WithIterationCount(IterationCount)
            .WithIterationTime(TimeInterval.FromMilliseconds(100))
            .WithEvaluateOverhead(false)
            .WithMemoryRandomization(true);

    // The smoke run's default job runs in this process, unless it sets a runtime setting of its own.
    private static Job InProcessUnlessSet(Job job, SuiteOptions options) =>
        options.NoAvx512 ? job : job.WithToolchain(InProcessEmitToolchain.Instance);

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

        if (options.Activations is { } activations)
        {
            config.AddFilter(new SimpleFilter(b => activations.Contains(ActivationNameOf(b))));
        }

        return config;
    }
}
