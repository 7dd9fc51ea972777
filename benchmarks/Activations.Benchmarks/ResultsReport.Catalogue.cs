using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Activations.Benchmarks.FloatFamily;
using Activations.Benchmarks.TrainingLoopFamily;

namespace Activations.Benchmarks;

/// <summary>
/// The tables of the catalogue-driven classes (the training-loop and float families): one per
/// class, a row per activation, operation and N, with the variants' medians, the ratios the
/// issue's targets are stated in, and whether the row meets those targets; then each variant's
/// default/TieredCompilation=0 ratio.
/// </summary>
internal static partial class ResultsReport
{
    private static readonly string[] ExponentialFamilyNames = ["Exponential", "ELU", "SELU", "Sigmoid", "Tanh", "SoftPlus", "LogSigmoid"];

    private static readonly int[] CacheSizes = [1_024, 16_384];

    private static readonly Dictionary<string, TableSpec> Tables = new()
    {
        [nameof(BackwardBenchmark)] = new(
            "Backward: dy·f′(x)",
            "Library: `Backward(x, dy, d)`. TP: the TensorPrimitives composition, f′ by its calls then `Multiply` by dy (for a constant f′, the one call that gives dy·f′: Identity copies dy, Affine multiplies it by s). LibraryGrad: our `Grad(x, d)` alone. Grad+Mul: our `Grad` into scratch, then `TensorPrimitives.Multiply`. 3 streams: `TensorPrimitives.Multiply(x, dy, d)`, the bytes-moved bound.",
            [nameof(BackwardBenchmark.Library), nameof(BackwardBenchmark.TensorPrimitives), nameof(BackwardBenchmark.LibraryGrad), nameof(BackwardBenchmark.LibraryGradThenMultiply), nameof(BackwardBenchmark.ThreeStreams)],
            ["Library", "TP", "LibraryGrad", "Grad+Mul", "3 streams"],
            [
                new("Library/TP", nameof(BackwardBenchmark.Library), nameof(BackwardBenchmark.TensorPrimitives)),
                new("Library/LibraryGrad", nameof(BackwardBenchmark.Library), nameof(BackwardBenchmark.LibraryGrad)),
                new("Library/3 streams", nameof(BackwardBenchmark.Library), nameof(BackwardBenchmark.ThreeStreams)),
                new("Library/Grad+Mul", nameof(BackwardBenchmark.Library), nameof(BackwardBenchmark.LibraryGradThenMultiply)),
            ],
            [
                new("Library/TP ≤ 0.6 (TP two or more calls)", r => BackwardCalls(r) >= 2, nameof(BackwardBenchmark.Library), nameof(BackwardBenchmark.TensorPrimitives), 0.6),
                new("Library/3 streams ≤ 1.2 (TP one call)", r => BackwardCalls(r) == 1, nameof(BackwardBenchmark.Library), nameof(BackwardBenchmark.ThreeStreams), 1.2),
                new("Library/LibraryGrad ≤ 1.1 (N = 1,024 and 16,384)", r => CacheSizes.Contains(r.N), nameof(BackwardBenchmark.Library), nameof(BackwardBenchmark.LibraryGrad), 1.1),
                new("Library/3 streams ≤ 1.2 (N = 16,777,216)", r => r.N == 16_777_216, nameof(BackwardBenchmark.Library), nameof(BackwardBenchmark.ThreeStreams), 1.2),
            ],
            r => TensorPrimitivesCompositions<double>.For(ActivationFunction.Parse(r.Activation))?.Backward.ToString()),
        [nameof(BackwardFromOutputBenchmark)] = new(
            "BackwardFromOutput: dy·g(y), y = f(x)",
            "Library: `BackwardFromOutput(y, dy, d)`. TP: the TensorPrimitives composition of dy·g(y) (e.g. Sigmoid: 1 − y, × y, × dy). LibraryBackward: our `Backward(x, dy, d)` from the input. 3 streams: `TensorPrimitives.Multiply(y, dy, d)`. No target of its own: measured like Backward.",
            [nameof(BackwardFromOutputBenchmark.Library), nameof(BackwardFromOutputBenchmark.TensorPrimitives), nameof(BackwardFromOutputBenchmark.LibraryBackward), nameof(BackwardFromOutputBenchmark.ThreeStreams)],
            ["Library", "TP", "LibraryBackward", "3 streams"],
            [
                new("Library/TP", nameof(BackwardFromOutputBenchmark.Library), nameof(BackwardFromOutputBenchmark.TensorPrimitives)),
                new("Library/LibraryBackward", nameof(BackwardFromOutputBenchmark.Library), nameof(BackwardFromOutputBenchmark.LibraryBackward)),
                new("Library/3 streams", nameof(BackwardFromOutputBenchmark.Library), nameof(BackwardFromOutputBenchmark.ThreeStreams)),
            ],
            [],
            r => TensorPrimitivesCompositions<double>.For(ActivationFunction.Parse(r.Activation))?.BackwardFromOutput?.ToString()),
        [nameof(FnAndGradBenchmark)] = new(
            "FnAndGrad: f and f′ in one pass",
            "Library: `FnAndGrad(x, value, gradient)`. LibraryFn: our `Fn(x, d)` alone. Fn+Grad: our `Fn` then our `Grad`, two passes.",
            [nameof(FnAndGradBenchmark.Library), nameof(FnAndGradBenchmark.LibraryFn), nameof(FnAndGradBenchmark.LibraryFnThenGrad)],
            ["Library", "LibraryFn", "Fn+Grad"],
            [
                new("Library/LibraryFn", nameof(FnAndGradBenchmark.Library), nameof(FnAndGradBenchmark.LibraryFn)),
                new("Library/Fn+Grad", nameof(FnAndGradBenchmark.Library), nameof(FnAndGradBenchmark.LibraryFnThenGrad)),
            ],
            [
                new("Library/LibraryFn ≤ 1.3 (exponential family)", r => ExponentialFamilyNames.Contains(CatalogueActivations.NameOf(r.Activation)), nameof(FnAndGradBenchmark.Library), nameof(FnAndGradBenchmark.LibraryFn), 1.3),
            ],
            _ => null),
        [nameof(FloatBenchmark)] = new(
            "Float overloads: Fn, Grad, Grad2 on floats",
            "Library: the float span overload. TP: TensorPrimitives' float operation or the double suite's composition in float. CopyTo: copying N floats.",
            [nameof(FloatBenchmark.Library), nameof(FloatBenchmark.TensorPrimitives), nameof(FloatBenchmark.CopyTo)],
            ["Library", "TP", "CopyTo"],
            [
                new("Library/TP", nameof(FloatBenchmark.Library), nameof(FloatBenchmark.TensorPrimitives)),
                new("Library/CopyTo", nameof(FloatBenchmark.Library), nameof(FloatBenchmark.CopyTo)),
            ],
            [
                new("Library/TP ≤ 1.0", _ => true, nameof(FloatBenchmark.Library), nameof(FloatBenchmark.TensorPrimitives), 1.0),
            ],
            r => FloatComposition(r)),
    };

    private static void WriteCatalogueFamily(
        StringBuilder text,
        IGrouping<string, Type> family,
        Dictionary<(string Benchmark, string? Activation, string Operation, int N, string Variant, string Job), CaseResult> cases,
        bool showRun)
    {
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"## {family.Key}");
        foreach (Type type in family)
        {
            if (Tables.TryGetValue(type.Name, out TableSpec? spec) && cases.Keys.Any(k => k.Benchmark == type.Name))
            {
                WriteCatalogueTable(text, type.Name, spec, cases, showRun);
            }
        }
    }

    private static void WriteCatalogueTable(
        StringBuilder text,
        string benchmark,
        TableSpec spec,
        Dictionary<(string Benchmark, string? Activation, string Operation, int N, string Variant, string Job), CaseResult> cases,
        bool showRun)
    {
        List<string> order = [.. CatalogueActivations.All];
        List<CatalogueRow> rows = [.. cases.Keys
            .Where(k => k.Benchmark == benchmark && k.Activation is not null)
            .Select(k => new CatalogueRow(k.Activation!, k.Operation, k.N))
            .Distinct()
            .OrderBy(r => order.IndexOf(r.Activation) is int i and >= 0 ? i : int.MaxValue)
            .ThenBy(r => r.Activation, StringComparer.Ordinal)
            .ThenBy(r => Enum.TryParse(r.Operation, out Operation o) ? (int)o : 0)
            .ThenBy(r => r.N)];
        CaseResult? Get(CatalogueRow r, string variant, string job) => cases.GetValueOrDefault((benchmark, r.Activation, r.Operation, r.N, variant, job));
        string run = showRun ? " Run |" : string.Empty;
        string runRule = showRun ? "--:|" : string.Empty;

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"### {spec.Title}");
        text.AppendLine();
        text.AppendLine(spec.Description);
        text.AppendLine();
        List<(CatalogueRow Row, List<string> Missed, int Checked)> verdicts = [.. rows.Select(r => Verdict(spec, r, v => Get(r, v, SuiteConfig.DefaultJobId)))];
        if (spec.Targets.Length > 0)
        {
            int met = verdicts.Count(v => v.Checked > 0 && v.Missed.Count == 0);
            int checkedRows = verdicts.Count(v => v.Checked > 0);
            text.AppendLine(CultureInfo.InvariantCulture, $"Targets (default job): {string.Join("; ", spec.Targets.Select(t => t.Text))}. **{met} of {checkedRows} rows meet them.**");
            text.AppendLine();
        }

        text.AppendLine("Default job, ns per element:");
        text.AppendLine();
        text.Append("| Activation | Op | N |");
        for (int i = 0; i < spec.Headers.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $" {spec.Headers[i]} |");
            if (i < 2)
            {
                text.Append(CultureInfo.InvariantCulture, $" {spec.Headers[i]} P10–P90 |");
            }
        }

        foreach (RatioSpec ratio in spec.Ratios)
        {
            text.Append(CultureInfo.InvariantCulture, $" {ratio.Header} |");
        }

        text.AppendLine(spec.Targets.Length > 0 ? $" Targets |{run}" : run);
        int numeric = 1 + spec.Variants.Length + 2 + spec.Ratios.Length;
        text.AppendLine("|---|---|" + string.Concat(Enumerable.Repeat("--:|", numeric)) + (spec.Targets.Length > 0 ? "---|" : string.Empty) + runRule);
        foreach ((CatalogueRow row, List<string> missed, int checkedTargets) in verdicts)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {row.Activation} | {row.Operation} | {row.N:N0} |");
            for (int i = 0; i < spec.Variants.Length; i++)
            {
                CaseResult? c = Get(row, spec.Variants[i], SuiteConfig.DefaultJobId);
                text.Append(CultureInfo.InvariantCulture, $" {Time(c)} |");
                if (i < 2)
                {
                    text.Append(CultureInfo.InvariantCulture, $" {Range(c)} |");
                }
            }

            foreach (RatioSpec ratio in spec.Ratios)
            {
                text.Append(CultureInfo.InvariantCulture, $" {Ratio(Get(row, ratio.Numerator, SuiteConfig.DefaultJobId), Get(row, ratio.Denominator, SuiteConfig.DefaultJobId))} |");
            }

            if (spec.Targets.Length > 0)
            {
                text.Append(checkedTargets == 0 ? " — |" : missed.Count == 0 ? " met |" : $" **missed**: {string.Join("; ", missed)} |");
            }

            text.AppendLine(showRun ? $" {RunsOf(cases.Values.Where(c => c.Benchmark == benchmark && c.Activation == row.Activation && c.Operation == row.Operation && c.N == row.N))} |" : string.Empty);
        }

        // The compositions, once per activation and operation.
        (string Activation, string Operation, string? Steps)[] compositions = [.. rows
            .Select(r => (r.Activation, r.Operation))
            .Distinct()
            .Select(r => (r.Activation, r.Operation, spec.Composition(new CatalogueRow(r.Activation, r.Operation, 0))))
            .Where(r => r.Item3 is not null)];
        if (compositions.Length > 0)
        {
            text.AppendLine();
            text.AppendLine("The TensorPrimitives compositions (calls in order, each one pass over the data; number of calls):");
            text.AppendLine();
            text.AppendLine("| Activation | Op | TP calls |");
            text.AppendLine("|---|---|---|");
            foreach ((string activation, string operation, string? steps) in compositions)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {activation} | {operation} | {steps} |");
            }
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Default over TieredCompilation=0 (the library's beyond ±{TieringComparison.Tolerance:P0} in bold, failing the run); JIT: compiles of measured code during the measured iterations, all cases of the row:");
        text.AppendLine();
        text.Append("| Activation | Op | N | Library | Library TC=0 |");
        foreach (string header in spec.Headers)
        {
            text.Append(CultureInfo.InvariantCulture, $" {header} default/TC=0 |");
        }

        text.AppendLine(" JIT |");
        text.AppendLine("|---|---|" + string.Concat(Enumerable.Repeat("--:|", 4 + spec.Headers.Length)));
        foreach (CatalogueRow row in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {row.Activation} | {row.Operation} | {row.N:N0} |");
            text.Append(CultureInfo.InvariantCulture, $" {Time(Get(row, spec.Variants[0], SuiteConfig.DefaultJobId))} | {Time(Get(row, spec.Variants[0], SuiteConfig.TieringOffJobId))} |");
            foreach (string variant in spec.Variants)
            {
                CaseResult? d = Get(row, variant, SuiteConfig.DefaultJobId), t = Get(row, variant, SuiteConfig.TieringOffJobId);
                string ratio = Ratio(d, t);
                bool bold = variant == TieringComparison.CheckedVariant && d is not null && t is not null
                    && new TieringComparison.Pair(benchmark, row.Activation, row.Operation, row.N, variant, d.Median, t.Median).IsOutside;
                text.Append(CultureInfo.InvariantCulture, $" {(bold ? $"**{ratio}**" : ratio)} |");
            }

            CaseResult?[] all = [.. spec.Variants.SelectMany(v => new[] { Get(row, v, SuiteConfig.DefaultJobId), Get(row, v, SuiteConfig.TieringOffJobId) })];
            text.AppendLine(CultureInfo.InvariantCulture, $" {Jit(all)} |");
        }
    }

    // The targets that apply to the row and have both cases measured; those missed, with their ratio.
    private static (CatalogueRow Row, List<string> Missed, int Checked) Verdict(TableSpec spec, CatalogueRow row, Func<string, CaseResult?> get)
    {
        var missed = new List<string>();
        int checkedTargets = 0;
        foreach (TargetSpec target in spec.Targets.Where(t => t.Applies(row)))
        {
            if (get(target.Numerator) is not { } numerator || get(target.Denominator) is not { Median: > 0 } denominator)
            {
                continue;
            }

            checkedTargets++;
            double ratio = numerator.Median / denominator.Median;
            if (ratio > target.Bound)
            {
                missed.Add($"{target.Text.Split(' ')[0]} {ResultsFormat.Ratio(ratio)} > {target.Bound.ToString("0.0#", CultureInfo.InvariantCulture)}");
            }
        }

        return (row, missed, checkedTargets);
    }

    private static int BackwardCalls(CatalogueRow row) =>
        TensorPrimitivesCompositions<double>.For(ActivationFunction.Parse(row.Activation))?.Backward.Calls ?? 0;

    private static string? FloatComposition(CatalogueRow row)
    {
        TensorPrimitivesCompositions<float>? compositions = TensorPrimitivesCompositions<float>.For(ActivationFunction.Parse(row.Activation));
        return compositions is null ? null : row.Operation switch
        {
            nameof(Operation.Fn) => compositions.Fn.ToString(),
            nameof(Operation.Grad) => compositions.Grad.ToString(),
            _ => compositions.Grad2.ToString(),
        };
    }

    /// <summary>A row of a catalogue table.</summary>
    /// <param name="Activation">The activation's canonical form.</param>
    /// <param name="Operation">The operation.</param>
    /// <param name="N">The number of elements.</param>
    private sealed record CatalogueRow(string Activation, string Operation, int N);

    /// <summary>A ratio column: the numerator variant's median over the denominator's.</summary>
    private sealed record RatioSpec(string Header, string Numerator, string Denominator);

    /// <summary>A target of the issue: the ratio of two variants at most <paramref name="Bound"/> where it applies.</summary>
    private sealed record TargetSpec(string Text, Func<CatalogueRow, bool> Applies, string Numerator, string Denominator, double Bound);

    /// <summary>A class's table: its variants (the first two with their P10–P90), their column headers, ratios, targets and compositions.</summary>
    private sealed record TableSpec(
        string Title,
        string Description,
        string[] Variants,
        string[] Headers,
        RatioSpec[] Ratios,
        TargetSpec[] Targets,
        Func<CatalogueRow, string?> Composition);
}
