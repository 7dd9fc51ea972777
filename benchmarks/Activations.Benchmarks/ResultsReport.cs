using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using BenchmarkDotNet.Mathematics;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Activations.Benchmarks;

/// <summary>
/// Writes the compact RESULTS.md from a run's summaries: per activation, operation and N, the
/// median nanoseconds per element of the four variants, the three ratios that answer "how does
/// the library compare", and the spread of the two vectorised variants; headed by the machine and
/// runtime lines BenchmarkDotNet prints.
/// </summary>
internal static class ResultsReport
{
    private static readonly string[] Variants =
    [
        nameof(OperationBenchmark.Library),
        nameof(OperationBenchmark.TensorPrimitives),
        nameof(OperationBenchmark.CopyTo),
        nameof(OperationBenchmark.ScalarLoop),
    ];

    /// <summary>Writes the report.</summary>
    /// <param name="path">The file to write (replaced).</param>
    /// <param name="summaries">The run's summaries.</param>
    /// <param name="selection">The filter arguments of a partial run, or null for the whole suite.</param>
    public static void Write(string path, IReadOnlyList<Summary> summaries, string? selection)
    {
        Dictionary<(Type Type, Operation Operation, int N), Dictionary<string, Statistics>> cells = Collect(summaries);
        var text = new StringBuilder();
        WriteHeader(text, summaries, selection);
        foreach (IGrouping<string, Type> family in BenchmarkCatalog.Types
            .Where(t => cells.Keys.Any(k => k.Type == t))
            .GroupBy(BenchmarkCatalog.Family))
        {
            WriteFamily(text, family, cells);
        }

        File.WriteAllText(path, text.ToString().ReplaceLineEndings("\n"));
    }

    private static Dictionary<(Type, Operation, int), Dictionary<string, Statistics>> Collect(IReadOnlyList<Summary> summaries)
    {
        var cells = new Dictionary<(Type, Operation, int), Dictionary<string, Statistics>>();
        foreach (Summary summary in summaries)
        {
            foreach (BenchmarkCase benchmarkCase in summary.BenchmarksCases)
            {
                if (summary[benchmarkCase]?.ResultStatistics is not { } statistics
                    || benchmarkCase.Parameters["N"] is not int n
                    || benchmarkCase.Parameters["Operation"] is not Operation operation)
                {
                    continue;
                }

                var key = (benchmarkCase.Descriptor.Type, operation, n);
                if (!cells.TryGetValue(key, out Dictionary<string, Statistics>? variants))
                {
                    cells[key] = variants = [];
                }

                variants[benchmarkCase.Descriptor.WorkloadMethod.Name] = statistics;
            }
        }

        return cells;
    }

    private static void WriteHeader(StringBuilder text, IReadOnlyList<Summary> summaries, string? selection)
    {
        Summary first = summaries[0];
        string tensorsVersion = typeof(System.Numerics.Tensors.TensorPrimitives).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "?";
        string job = first.BenchmarksCases.FirstOrDefault()?.Job.DisplayInfo ?? "?";

        text.AppendLine("# Benchmark results");
        text.AppendLine();
        text.AppendLine("Written by `dotnet run -c Release --project benchmarks/Activations.Benchmarks -- --full`"
            + $" on {DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.");
        if (selection is not null)
        {
            text.AppendLine();
            text.AppendLine($"**Partial run**: only the benchmarks selected by `{selection}`.");
        }

        text.AppendLine();
        text.AppendLine("Each cell is the median time per element, in nanoseconds, over the measured iterations of");
        text.AppendLine("one call on N doubles drawn uniformly from [−10, 10] with a fixed seed (the same inputs for every");
        text.AppendLine("variant). **Library**: this library's span overload. **TensorPrimitives** (TP):");
        text.AppendLine($"System.Numerics.Tensors {tensorsVersion}, the direct operation or the shortest composition of its");
        text.AppendLine("calls into preallocated buffers (each composition is described in the benchmark source). **CopyTo**:");
        text.AppendLine("copying N doubles, the memory-bandwidth bound. **ScalarLoop**: the textbook formula in a plain loop.");
        text.AppendLine("Library/TP below 1 means the library is faster than TensorPrimitives; ScalarLoop/Library is the");
        text.AppendLine("speed-up over the hand-written loop. Spread is (max − min)/median over the iterations, which ran");
        text.AppendLine("with memory randomization (arrays reallocated and the stack shifted before every iteration).");
        text.AppendLine();
        text.AppendLine("```text");
        foreach (string line in first.HostEnvironmentInfo.ToFormattedString())
        {
            text.AppendLine(line);
        }

        text.AppendLine(first.AllRuntimes);
        text.AppendLine($"Job: {job}");
        text.AppendLine("```");
    }

    private static void WriteFamily(
        StringBuilder text,
        IGrouping<string, Type> family,
        Dictionary<(Type Type, Operation Operation, int N), Dictionary<string, Statistics>> cells)
    {
        text.AppendLine();
        text.AppendLine($"## {family.Key}");
        text.AppendLine();
        text.AppendLine("| Activation | Op | N | Library | TP | CopyTo | ScalarLoop | Library/TP | Library/CopyTo | ScalarLoop/Library | Library spread | TP spread |");
        text.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (Type type in family)
        {
            string activation = ((OperationBenchmark)Activator.CreateInstance(type)!).Activation.ToString();
            foreach (var key in cells.Keys.Where(k => k.Type == type).OrderBy(k => k.Operation).ThenBy(k => k.N))
            {
                Dictionary<string, Statistics> variants = cells[key];
                double?[] medians = [.. Variants.Select(v => variants.TryGetValue(v, out Statistics? s) ? s.Median / key.N : (double?)null)];
                text.Append(CultureInfo.InvariantCulture, $"| {activation} | {key.Operation} | {key.N:N0} |");
                foreach (double? median in medians)
                {
                    text.Append(CultureInfo.InvariantCulture, $" {Cell(median, ResultsFormat.NsPerElement)} |");
                }

                text.Append(CultureInfo.InvariantCulture, $" {Cell(medians[0] / medians[1], ResultsFormat.Ratio)} |");
                text.Append(CultureInfo.InvariantCulture, $" {Cell(medians[0] / medians[2], ResultsFormat.Ratio)} |");
                text.Append(CultureInfo.InvariantCulture, $" {Cell(medians[3] / medians[0], ResultsFormat.Ratio)} |");
                text.Append(CultureInfo.InvariantCulture, $" {Cell(Spread(variants, Variants[0]), ResultsFormat.Percent)} |");
                text.AppendLine(CultureInfo.InvariantCulture, $" {Cell(Spread(variants, Variants[1]), ResultsFormat.Percent)} |");
            }
        }
    }

    private static double? Spread(Dictionary<string, Statistics> variants, string variant) =>
        variants.TryGetValue(variant, out Statistics? s) && s.Median > 0 ? (s.Max - s.Min) / s.Median : null;

    private static string Cell(double? value, Func<double, string> format) =>
        value is double v && double.IsFinite(v) ? format(v) : "—";
}
