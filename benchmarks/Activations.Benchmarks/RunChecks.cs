using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Activations.Benchmarks;

/// <summary>
/// What makes a run fail: nothing ran, a validation error, or a case without measurements. Allocations
/// of the library's calls are reported, not failed: the memory diagnoser counts every thread's
/// allocations, so a cold call (the smoke run) or memory randomization (the full run) can show the
/// runtime's or the harness's bytes. The exact check is the unit test <c>AllocationTests</c>, which
/// counts the calling thread's allocations after a warm-up.
/// </summary>
internal static class RunChecks
{
    /// <summary>The problems of a run, one line each; empty when the run is good.</summary>
    /// <param name="summaries">The summaries BenchmarkDotNet returned, one per class.</param>
    /// <returns>The problems.</returns>
    public static List<string> Problems(IReadOnlyList<Summary> summaries)
    {
        var problems = new List<string>();
        if (summaries.Count == 0 || summaries.All(s => s.BenchmarksCases.Length == 0))
        {
            problems.Add("No benchmark ran: does the filter match any?");
        }

        foreach (Summary summary in summaries)
        {
            problems.AddRange(summary.ValidationErrors
                .Where(e => e.IsCritical)
                .Select(e => $"{summary.Title}: validation error: {e.Message}"));
            foreach (BenchmarkCase benchmarkCase in summary.BenchmarksCases)
            {
                string? problem = Problem(summary[benchmarkCase]);
                if (problem is not null)
                {
                    problems.Add($"{benchmarkCase.DisplayInfo}: {problem}");
                }
            }
        }

        return problems;
    }

    /// <summary>The library calls that the memory diagnoser saw allocate, one line each.</summary>
    /// <param name="summaries">The summaries BenchmarkDotNet returned, one per class.</param>
    /// <returns>The cases and their bytes per operation.</returns>
    public static List<string> AllocatingLibraryCalls(IReadOnlyList<Summary> summaries)
    {
        var lines = new List<string>();
        foreach (Summary summary in summaries)
        {
            foreach (BenchmarkCase benchmarkCase in summary.BenchmarksCases)
            {
                BenchmarkReport? report = summary[benchmarkCase];
                long? allocated = report?.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
                if (benchmarkCase.Descriptor.WorkloadMethod.Name == nameof(OperationBenchmark.Library) && allocated is > 0)
                {
                    lines.Add($"{benchmarkCase.DisplayInfo}: {allocated} bytes per operation");
                }
            }
        }

        return lines;
    }

    private static string? Problem(BenchmarkReport? report) =>
        report is null || !report.Success || report.ResultStatistics is null
            ? "failed (no measurement; see its log above)"
            : null;
}
