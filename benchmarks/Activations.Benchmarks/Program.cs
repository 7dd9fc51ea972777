using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Activations.Benchmarks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

if (args.Contains(BaselineAccuracy.Option))
{
    if (args.Length != 1)
    {
        Console.Error.WriteLine($"{BaselineAccuracy.Option} takes no other option.");
        Console.Error.WriteLine(SuiteOptions.Usage);
        return 2;
    }

    return BaselineAccuracy.Run(SuiteOptions.BenchmarksFile("BASELINE-ACCURACY.md"));
}

SuiteOptions options;
try
{
    options = SuiteOptions.Parse(args, Environment.GetEnvironmentVariable("DOTNET_EnableAVX512"));
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(SuiteOptions.Usage);
    return 2;
}

// The default job must see the runtime's defaults: a runtime setting inherited from this
// process's environment would reach both jobs' processes. The full run refuses it.
string[] inherited = [.. ProcessReport.CurrentRuntimeSettings().Where(s => !s.StartsWith("DOTNET_EnableAVX512=", StringComparison.OrdinalIgnoreCase))];
if (inherited.Length > 0 && !options.IsInformational)
{
    Console.Error.WriteLine($"Runtime settings in the environment reach both jobs, the default one included: {string.Join(", ", inherited)}.");
    if (options.Mode == RunMode.Full)
    {
        Console.Error.WriteLine("Unset them and run again.");
        return 2;
    }
}

if (CatalogueActivations.WithBackwardFromOutput.Count == 0 && !options.IsInformational)
{
    Console.WriteLine("Note: no activation of this build has BackwardFromOutput (CanBackwardFromOutput), so BackwardFromOutputBenchmark has no case.");
}

bool smoke = options.Mode == RunMode.Smoke;
IConfig config = smoke ? SuiteConfig.Smoke(options) : SuiteConfig.Full(options);
List<Summary> summaries = [.. BenchmarkSwitcher.FromTypes(BenchmarkCatalog.Types).Run(options.BenchmarkArguments, config)];
if (options.IsInformational)
{
    return 0;
}

List<string> problems = RunChecks.Problems(summaries);
List<string> allocating = RunChecks.AllocatingLibraryCalls(summaries);
if (allocating.Count > 0)
{
    // Reported only: the diagnoser counts every thread (see RunChecks); AllocationTests is the check.
    Console.WriteLine($"The memory diagnoser saw {allocating.Count} library case(s) allocate (all threads counted; the unit test AllocationTests checks the calling thread exactly):");
    foreach (string line in allocating)
    {
        Console.WriteLine($"  {line}");
    }
}
if (summaries.Any(s => s.Reports.Any(r => r.ResultStatistics is not null)))
{
    // The smoke run writes its (meaningless) table where BenchmarkDotNet keeps its own reports, so
    // that CI exercises the report; the full run merges its cases into the results file.
    string resultsPath = smoke
        ? Path.Combine(summaries[0].ResultsDirectoryPath, "smoke-RESULTS.md")
        : options.ResultsPath;
    ResultsData run = ResultsData.FromRun(summaries, string.Join(' ', args), options.Selection);
    string dataPath = ResultsData.DataPath(resultsPath);
    bool merge = options.IsPartial && !smoke;
    if (merge && File.Exists(resultsPath) && !File.Exists(dataPath))
    {
        Console.WriteLine($"Warning: {resultsPath} has no data file {dataPath}: it is replaced by this partial run's cases alone.");
    }

    ResultsData data = merge ? ResultsData.Load(dataPath).Merge(run) : run;
    data.Save(dataPath);
    ResultsReport.Write(resultsPath, data, options.NoAvx512);
    Console.WriteLine($"Results table written to {resultsPath} (data: {dataPath})");

    List<TieringComparison.Pair> failures = TieringComparison.Report(TieringComparison.Pairs(run.Cases), enforced: !smoke);
    problems.AddRange(failures.Select(p => $"the default and TieredCompilation=0 medians differ by more than {TieringComparison.Tolerance:P0}: {p}"));
    if (!smoke)
    {
        JitReport(run.Cases);
    }
}

if (problems.Count > 0)
{
    Console.Error.WriteLine($"{problems.Count} problem(s) in the {options.Mode.ToString().ToLowerInvariant()} run:");
    foreach (string problem in problems)
    {
        Console.Error.WriteLine($"  {problem}");
    }

    return 1;
}

Console.WriteLine($"{options.Mode} run: {summaries.Sum(s => s.BenchmarksCases.Length)} benchmarks, all succeeded.");
return 0;

// Warns, without failing the run, about cases whose measured code was compiled while measured.
static void JitReport(List<CaseResult> cases)
{
    CaseResult[] unsettled = [.. cases.Where(c => c.Process is { } p && (p.MeasuredCodeCompiled != 0 || !p.WarmUpSettled))];
    if (unsettled.Length == 0)
    {
        Console.WriteLine($"JIT: no measured code compiled during the measured iterations in {cases.Count(c => c.Process is not null)} cases.");
        return;
    }

    Console.WriteLine($"JIT: warning: {unsettled.Length} case(s) compiled measured code during the measured iterations or did not settle:");
    foreach (CaseResult c in unsettled)
    {
        Console.WriteLine($"  {c.Benchmark}.{c.Variant}{(c.Activation is null ? string.Empty : $" {c.Activation}")} {c.Operation} N={c.N:N0} ({c.Job}): {c.Process!.MeasuredCodeCompiled} compiles {string.Join(", ", c.Process.MeasuredCodeMethods)}{(c.Process.WarmUpSettled ? string.Empty : ", warm-up unsettled")}");
    }
}
