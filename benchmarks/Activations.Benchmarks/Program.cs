using System;
using System.Collections.Generic;
using System.Linq;
using Activations.Benchmarks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

SuiteOptions options;
try
{
    options = SuiteOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(SuiteOptions.Usage);
    return 2;
}

IConfig config = options.Mode == RunMode.Smoke ? SuiteConfig.Smoke() : SuiteConfig.Full();
List<Summary> summaries = [.. BenchmarkSwitcher.FromTypes(BenchmarkCatalog.Types).Run(options.BenchmarkArguments, config)];
if (options.IsInformational)
{
    return 0;
}

List<string> problems = RunChecks.Problems(summaries, checkAllocations: options.Mode == RunMode.Smoke);
if (options.Mode == RunMode.Full && summaries.Any(s => s.Reports.Any(r => r.ResultStatistics is not null)))
{
    ResultsReport.Write(options.ResultsPath, summaries, options.Selection);
    Console.WriteLine($"Results table written to {options.ResultsPath}");
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
