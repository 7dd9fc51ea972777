using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Activations.Benchmarks;

/// <summary>What makes a run fail: nothing ran, a validation error, a case without measurements, or an allocating library call.</summary>
internal static class RunChecks
{
    /// <summary>The problems of a run, one line each; empty when the run is good.</summary>
    /// <param name="summaries">The summaries BenchmarkDotNet returned, one per class.</param>
    /// <param name="checkAllocations">
    /// Whether an allocating library call is a problem. Only without memory randomization: with it,
    /// the longest calls sporadically show tens of bytes per call in any variant, the scalar loop
    /// included, which allocates nothing itself: the harness's own allocations.
    /// </param>
    /// <returns>The problems.</returns>
    public static List<string> Problems(IReadOnlyList<Summary> summaries, bool checkAllocations)
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
                string? problem = Problem(summary[benchmarkCase], benchmarkCase, checkAllocations);
                if (problem is not null)
                {
                    problems.Add($"{benchmarkCase.DisplayInfo}: {problem}");
                }
            }
        }

        return problems;
    }

    private static string? Problem(BenchmarkReport? report, BenchmarkCase benchmarkCase, bool checkAllocations)
    {
        if (report is null || !report.Success || report.ResultStatistics is null)
        {
            return "failed (no measurement; see its log above)";
        }

        // The span overloads promise not to allocate; the memory diagnoser measures it exactly.
        long? allocated = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
        if (checkAllocations && benchmarkCase.Descriptor.WorkloadMethod.Name == nameof(OperationBenchmark.Library) && allocated is > 0)
        {
            return $"the library call allocated {allocated} bytes per operation";
        }

        return null;
    }
}
