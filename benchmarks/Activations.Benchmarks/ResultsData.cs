using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using Activations.Benchmarks.TrainingLoopFamily;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Activations.Benchmarks;

/// <summary>
/// The measurements behind a results file, kept beside it as JSON (<c>RESULTS.md</c> has
/// <c>RESULTS.json</c>), so that a run of part of the suite can replace its own cases and keep the
/// others: each case records the run it came from, and each run its machine, runtime and jobs.
/// </summary>
internal sealed class ResultsData
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>The runs that contributed cases.</summary>
    public List<RunInfo> Runs { get; set; } = [];

    /// <summary>The cases, one per benchmark, operation, N, variant and job.</summary>
    public List<CaseResult> Cases { get; set; } = [];

    /// <summary>The data file of a results file: the same path with the extension <c>.json</c>.</summary>
    /// <param name="resultsPath">The markdown file.</param>
    /// <returns>The data file's path.</returns>
    public static string DataPath(string resultsPath) => Path.ChangeExtension(resultsPath, ".json");

    /// <summary>Reads a data file, or returns an empty one when there is none.</summary>
    /// <param name="path">The data file.</param>
    /// <returns>The data.</returns>
    public static ResultsData Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<ResultsData>(File.ReadAllText(path), JsonOptions) ?? new ResultsData() : new ResultsData();

    /// <summary>A run's cases, read from BenchmarkDotNet's summaries and the benchmark processes' reports.</summary>
    /// <param name="summaries">The run's summaries.</param>
    /// <param name="command">The command line that made the run.</param>
    /// <param name="selection">The filter and size arguments of a partial run, or null.</param>
    /// <returns>The data of this run alone, with run number 1.</returns>
    public static ResultsData FromRun(IReadOnlyList<Summary> summaries, string command, string? selection)
    {
        Summary first = summaries[0];
        var run = new RunInfo
        {
            Id = 1,
            Date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Command = command,
            Selection = selection,
            Environment = [.. first.HostEnvironmentInfo.ToFormattedString(), .. first.AllRuntimes.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
            Jobs = [.. summaries.SelectMany(s => s.BenchmarksCases).Select(c => $"{c.Job.Id}: {c.Job.DisplayInfo}").Distinct().Order(StringComparer.Ordinal)],
        };
        var data = new ResultsData { Runs = [run] };
        foreach (Summary summary in summaries)
        {
            foreach (BenchmarkCase benchmarkCase in summary.BenchmarksCases)
            {
                if (CaseResult.From(summary[benchmarkCase], benchmarkCase) is { } result)
                {
                    data.Cases.Add(result);
                }
            }
        }

        return data;
    }

    /// <summary>
    /// This data with <paramref name="run"/> merged in: the run's cases replace those with the same
    /// key, the others stay, and runs that no longer contribute a case are dropped.
    /// </summary>
    /// <param name="run">A run's data, from <see cref="FromRun"/>.</param>
    /// <returns>The merged data.</returns>
    public ResultsData Merge(ResultsData run)
    {
        int id = Runs.Count == 0 ? 1 : Runs.Max(r => r.Id) + 1;
        var replaced = run.Cases.Select(c => c.Key).ToHashSet();
        List<CaseResult> cases = [.. Cases.Where(c => !replaced.Contains(c.Key)), .. run.Cases.Select(c => c with { Run = id })];
        List<RunInfo> runs = [.. Runs.Where(r => cases.Any(c => c.Run == r.Id)), .. run.Runs.Select(r => r with { Id = id })];
        return new ResultsData { Runs = runs, Cases = cases };
    }

    /// <summary>Writes the data file.</summary>
    /// <param name="path">The data file.</param>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions).ReplaceLineEndings("\n") + "\n");
    }
}

/// <summary>One run of the suite.</summary>
internal sealed record RunInfo
{
    /// <summary>The run's number in the file.</summary>
    public int Id { get; init; }

    /// <summary>The date, UTC, as yyyy-MM-dd.</summary>
    public string Date { get; init; } = string.Empty;

    /// <summary>The suite's arguments.</summary>
    public string Command { get; init; } = string.Empty;

    /// <summary>The filter and size arguments of a partial run, or null for the whole suite.</summary>
    public string? Selection { get; init; }

    /// <summary>The machine and runtime lines BenchmarkDotNet prints, the jobs' runtimes included.</summary>
    public List<string> Environment { get; init; } = [];

    /// <summary>The jobs, with their characteristics.</summary>
    public List<string> Jobs { get; init; } = [];
}

/// <summary>The measurements of one benchmark case, in nanoseconds per element.</summary>
internal sealed record CaseResult
{
    /// <summary>The run it came from.</summary>
    public int Run { get; init; }

    /// <summary>The benchmark class, e.g. <c>SigmoidBenchmark</c>.</summary>
    public string Benchmark { get; init; } = string.Empty;

    /// <summary>
    /// The activation's canonical form for a catalogue-driven class (the training-loop and float
    /// families, whose activation is a parameter); null for the double suite's classes, one per activation.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Activation { get; init; }

    /// <summary>Fn, Grad or Grad2; Backward, BackwardFromOutput or FnAndGrad for the training-loop family.</summary>
    public string Operation { get; init; } = string.Empty;

    /// <summary>The number of elements.</summary>
    public int N { get; init; }

    /// <summary>Library, TensorPrimitives, CopyTo or ScalarLoop.</summary>
    public string Variant { get; init; } = string.Empty;

    /// <summary>The job's id.</summary>
    public string Job { get; init; } = string.Empty;

    /// <summary>The median of the measured iterations.</summary>
    public double Median { get; init; }

    /// <summary>Their 10th percentile.</summary>
    public double P10 { get; init; }

    /// <summary>Their 90th percentile.</summary>
    public double P90 { get; init; }

    /// <summary>The fastest iteration.</summary>
    public double Min { get; init; }

    /// <summary>The slowest iteration.</summary>
    public double Max { get; init; }

    /// <summary>The number of measured iterations.</summary>
    public int Iterations { get; init; }

    /// <summary>The benchmark process's own report, if it sent one.</summary>
    public ProcessFacts? Process { get; init; }

    /// <summary>The key that a later run of the same case replaces.</summary>
    [JsonIgnore]
    public (string Benchmark, string? Activation, string Operation, int N, string Variant, string Job) Key => (Benchmark, Activation, Operation, N, Variant, Job);

    /// <summary>The case's result, or null when it has no measurements.</summary>
    /// <param name="report">Its report.</param>
    /// <param name="benchmarkCase">The case.</param>
    /// <returns>The result, or null.</returns>
    public static CaseResult? From(BenchmarkReport? report, BenchmarkCase benchmarkCase)
    {
        if (report?.ResultStatistics is not { } s || benchmarkCase.Parameters["N"] is not int n || n <= 0
            || OperationOf(benchmarkCase) is not { } operation)
        {
            return null;
        }

        return new CaseResult
        {
            Benchmark = benchmarkCase.Descriptor.Type.Name,
            Activation = benchmarkCase.Parameters["Activation"] as string,
            Operation = operation,
            N = n,
            Variant = benchmarkCase.Descriptor.WorkloadMethod.Name,
            Job = benchmarkCase.Job.Id,
            Median = s.Median / n,
            P10 = s.Percentiles.Percentile(10) / n,
            P90 = s.Percentiles.Percentile(90) / n,
            Min = s.Min / n,
            Max = s.Max / n,
            Iterations = s.N,
            Process = ProcessReport.From(report) is { } p ? ProcessFacts.From(p) : null,
        };
    }

    // The Operation parameter (Fn, Grad, Grad2), or the training-loop class's operation.
    private static string? OperationOf(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters["Operation"] is Operation operation
            ? operation.ToString()
            : benchmarkCase.Descriptor.Type.IsSubclassOf(typeof(TrainingLoopBenchmark))
            ? ((TrainingLoopBenchmark)Activator.CreateInstance(benchmarkCase.Descriptor.Type)!).OperationName
            : null;
}

/// <summary>What the benchmark process reported (see <see cref="ProcessReport"/>).</summary>
internal sealed record ProcessFacts
{
    /// <summary>Calls of the tiering warm-up.</summary>
    public int WarmUpCalls { get; init; }

    /// <summary>Its duration, in milliseconds.</summary>
    public double WarmUpMilliseconds { get; init; }

    /// <summary>Whether the JIT went quiet before the warm-up's time limit.</summary>
    public bool WarmUpSettled { get; init; }

    /// <summary>Compiles of measured code during the actual stage (-1: unknown).</summary>
    public int MeasuredCodeCompiled { get; init; }

    /// <summary>The first few of those methods.</summary>
    public List<string> MeasuredCodeMethods { get; init; } = [];

    /// <summary>All methods compiled while the measured iterations ran, harness included.</summary>
    public long CompiledWhileMeasured { get; init; }

    /// <summary>The widest accelerated vectors, in bits.</summary>
    public int VectorBits { get; init; }

    /// <summary>The runtime settings in the process's environment.</summary>
    public List<string> RuntimeSettings { get; init; } = [];

    /// <summary>The facts of a process report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The facts.</returns>
    public static ProcessFacts From(ProcessReport report) => new()
    {
        WarmUpCalls = report.WarmUp?.Calls ?? 0,
        WarmUpMilliseconds = report.WarmUp?.Elapsed.TotalMilliseconds ?? 0,
        WarmUpSettled = report.WarmUp?.Settled ?? false,
        MeasuredCodeCompiled = report.MeasuredCodeCompiled,
        MeasuredCodeMethods = [.. report.MeasuredCodeMethods],
        CompiledWhileMeasured = report.CompiledWhileMeasured,
        VectorBits = report.VectorBits,
        RuntimeSettings = [.. report.RuntimeSettings],
    };
}
