using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;

namespace Activations.Benchmarks;

/// <summary>
/// Writes a results file from its <see cref="ResultsData"/>: a header with the configuration and,
/// per run, the machine, runtime and jobs BenchmarkDotNet reports; the check of the two jobs
/// against each other and of the JIT during the measured iterations; then per family a table of
/// the default job (median with the 10th and 90th percentiles, the ratios to TensorPrimitives, to
/// CopyTo and of the scalar loop) and a table of each variant's default/TieredCompilation=0 ratio.
/// </summary>
internal static partial class ResultsReport
{
    private const string Library = nameof(OperationBenchmark.Library);
    private const string Tp = nameof(OperationBenchmark.TensorPrimitives);
    private const string CopyTo = nameof(OperationBenchmark.CopyTo);
    private const string ScalarLoop = nameof(OperationBenchmark.ScalarLoop);
    private static readonly string[] Variants = [Library, Tp, CopyTo, ScalarLoop];

    /// <summary>Writes the markdown file.</summary>
    /// <param name="path">The file to write (replaced).</param>
    /// <param name="data">The cases and runs to show.</param>
    /// <param name="noAvx512">Whether the runs had <c>DOTNET_EnableAVX512=0</c>.</param>
    public static void Write(string path, ResultsData data, bool noAvx512)
    {
        Dictionary<(string Benchmark, string? Activation, string Operation, int N, string Variant, string Job), CaseResult> cases = data.Cases.ToDictionary(c => c.Key);
        List<TieringComparison.Pair> pairs = TieringComparison.Pairs(data.Cases);
        var text = new StringBuilder();
        WriteHeader(text, data, noAvx512);
        WriteChecks(text, data, pairs);
        foreach (IGrouping<string, Type> family in BenchmarkCatalog.Types
            .Where(t => data.Cases.Any(c => c.Benchmark == t.Name))
            .GroupBy(BenchmarkCatalog.Family))
        {
            if (family.All(BenchmarkCatalog.IsParameterised))
            {
                WriteCatalogueFamily(text, family, cases, data.Runs.Count > 1);
            }
            else
            {
                WriteFamily(text, family, cases, data.Runs.Count > 1);
            }
        }

        File.WriteAllText(path, text.ToString().ReplaceLineEndings("\n"));
    }

    private static void WriteHeader(StringBuilder text, ResultsData data, bool noAvx512)
    {
        string tensorsVersion = typeof(System.Numerics.Tensors.TensorPrimitives).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "?";
        text.AppendLine(noAvx512 ? "# Benchmark results without AVX-512" : "# Benchmark results");
        text.AppendLine();
        text.AppendLine("Written by the benchmark suite, `benchmarks/Activations.Benchmarks`; the runs that measured the");
        text.AppendLine("cases are listed below, each with its command, machine and runtime.");
        text.AppendLine();
        text.AppendLine("Two BenchmarkDotNet jobs measure every case: **default**, the runtime as users run it");
        text.AppendLine("(tiered compilation and dynamic PGO on, no runtime setting), and **TieredCompilation=0**");
        text.AppendLine("(`DOTNET_TieredCompilation=0`: fully optimised code from the first call, no PGO)"
            + (noAvx512 ? "; both with `DOTNET_EnableAVX512=0`, so that the widest vectors are 256 bits." : ", on the widest vectors the processor has."));
        text.AppendLine(CultureInfo.InvariantCulture, $"Each benchmark process first calls the operation until the JIT has compiled nothing for {TieringWarmUp.QuietPeriod.TotalMilliseconds:F0} ms and");
        text.AppendLine(CultureInfo.InvariantCulture, $"{TieringWarmUp.QuietCalls} calls in a row (so that tiering has finished), then runs BenchmarkDotNet's {SuiteConfig.WarmupCount} warm-up and {SuiteConfig.IterationCount} measured");
        text.AppendLine("iterations of at least 100 ms with memory randomization (arrays reallocated and the stack shifted");
        text.AppendLine("before every iteration), so that an alignment-dependent speed shows all its phases in one run.");
        text.AppendLine();
        text.AppendLine("Each time is nanoseconds per element of one call on N doubles drawn uniformly from [−10, 10] with");
        text.AppendLine("a fixed seed (the same inputs for every variant): the **median** of the measured iterations and,");
        text.AppendLine("as **P10–P90**, their 10th and 90th percentiles. A wide P10–P90 with the median at one end is a");
        text.AppendLine("bimodal distribution: two speeds, in the proportion of the iterations that fell on each (such as");
        text.AppendLine("TensorPrimitives' Vector512 Exp, 3–4× slower in one 16-byte phase of the stack).");
        text.AppendLine("**Library**: this library's span overload. **TensorPrimitives** (TP): System.Numerics.Tensors");
        text.AppendLine(CultureInfo.InvariantCulture, $"{tensorsVersion}, the direct operation or the shortest composition of its calls into preallocated");
        text.AppendLine("buffers (each composition is described in the benchmark source). **CopyTo**: copying N doubles,");
        text.AppendLine("the memory-bandwidth bound. **ScalarLoop**: the textbook formula in a plain loop. Library/TP below");
        text.AppendLine("1 means the library is faster than TensorPrimitives; ScalarLoop/Library is the speed-up over the");
        text.AppendLine("hand-written loop. Default/TC=0 is the default job's median over the TieredCompilation=0 job's.");
        if (data.Cases.Any(c => c.Activation is not null))
        {
            text.AppendLine();
            text.AppendLine("The training-loop and float families take every activation of the library's catalogue");
            text.AppendLine("(`ActivationFunction.Names`). The training loop's output gradients dy are N doubles drawn uniformly");
            text.AppendLine(CultureInfo.InvariantCulture, $"from [−{BenchmarkInputs.GradientBound:0}, {BenchmarkInputs.GradientBound:0}] with a second fixed seed, and its saved outputs y = f(x) are the library's; the float");
            text.AppendLine("family's inputs are the same x rounded to float. Each of their tables gives the ratios the targets are");
            text.AppendLine("stated in and whether the row meets them (**Targets**), and lists the TensorPrimitives compositions.");
        }
        foreach (RunInfo run in data.Runs)
        {
            text.AppendLine();
            string part = run.Selection is null ? "the whole suite" : $"only the benchmarks selected by `{run.Selection}`";
            string label = data.Runs.Count > 1 ? $"Run {run.Id}" : "The run";
            text.AppendLine(CultureInfo.InvariantCulture, $"{label}, on {run.Date}, measured {part}, with");
            text.AppendLine(CultureInfo.InvariantCulture, $"`dotnet run -c Release --project benchmarks/Activations.Benchmarks -- {run.Command}`:");
            text.AppendLine();
            text.AppendLine("```text");
            foreach (string line in run.Environment.Concat(run.Jobs))
            {
                text.AppendLine(line);
            }

            text.AppendLine("```");
        }
    }

    private static void WriteChecks(StringBuilder text, ResultsData data, List<TieringComparison.Pair> pairs)
    {
        text.AppendLine();
        text.AppendLine("## Checks");
        text.AppendLine();
        List<TieringComparison.Pair> failing = [.. pairs.Where(p => p.IsChecked && p.IsOutside)];
        int libraryPairs = pairs.Count(p => p.IsChecked);
        text.AppendLine(libraryPairs == 0
            ? "- **Default vs TieredCompilation=0**: no library case was measured in both jobs."
            : failing.Count == 0
            ? Invariant($"- **Default vs TieredCompilation=0**: all {libraryPairs} library cases within ±{TieringComparison.Tolerance:P0} (a full run fails otherwise).")
            : Invariant($"- **Default vs TieredCompilation=0**: {failing.Count} of {libraryPairs} library cases differ by more than {TieringComparison.Tolerance:P0} (a full run fails on them):"));
        foreach (TieringComparison.Pair pair in failing)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  - {pair}");
        }

        foreach (IGrouping<string, TieringComparison.Pair> variant in pairs.Where(p => !p.IsChecked).GroupBy(p => p.Variant))
        {
            int beyond = variant.Count(p => p.IsOutside);
            text.AppendLine(CultureInfo.InvariantCulture, $"  - {variant.Key} (reported, not checked): {beyond} of {variant.Count()} cases beyond ±{TieringComparison.Tolerance:P0}.");
        }

        // A cold-start run (the smoke run) has no warm-up and no steady state to check.
        List<CaseResult> withProcess = [.. data.Cases.Where(c => c.Process is { WarmUpCalls: > 0 })];
        List<CaseResult> compiled = [.. withProcess.Where(c => c.Process!.MeasuredCodeCompiled != 0)];
        List<CaseResult> unsettled = [.. withProcess.Where(c => !c.Process!.WarmUpSettled)];
        text.AppendLine(withProcess.Count == 0
            ? "- **JIT during the measured iterations**: not checked (no case was warmed up)."
            : compiled.Count == 0 && unsettled.Count == 0
            ? Invariant($"- **JIT during the measured iterations**: in all {withProcess.Count} cases the warm-up settled and no method of the measured code (the library, the benchmarks, TensorPrimitives, BenchmarkDotNet's generated loop) was compiled from the first measured iteration to the last.")
            : Invariant($"- **JIT during the measured iterations**: {compiled.Count} cases compiled measured code, {unsettled.Count} warm-ups did not settle:"));
        foreach (CaseResult c in compiled.Concat(unsettled).Distinct())
        {
            ProcessFacts p = c.Process!;
            string methods = p.MeasuredCodeMethods.Count > 0 ? $" ({string.Join(", ", p.MeasuredCodeMethods.Select(m => $"`{m}`"))}…)" : string.Empty;
            text.AppendLine(CultureInfo.InvariantCulture, $"  - {c.Benchmark}.{c.Variant}{(c.Activation is null ? string.Empty : $" {c.Activation}")} {c.Operation} N={c.N:N0}, {JobName(c.Job)}: {ResultsFormat.Compiles(p.MeasuredCodeCompiled)} compiles{methods}{(p.WarmUpSettled ? string.Empty : ", warm-up unsettled")}");
        }

        if (withProcess.Count > 0)
        {
            long[] harness = [.. withProcess.Where(c => c.Job == SuiteConfig.DefaultJobId).Select(c => c.Process!.CompiledWhileMeasured)];
            long[] off = [.. withProcess.Where(c => c.Job == SuiteConfig.TieringOffJobId).Select(c => c.Process!.CompiledWhileMeasured)];
            text.AppendLine(CultureInfo.InvariantCulture, $"  All methods compiled while an iteration ran, harness included: {Range(harness)} per case in the default job (BenchmarkDotNet's and the framework's per-iteration code reaching its 30 calls), {Range(off)} with TieredCompilation=0.");
        }

        List<CaseResult> reported = [.. data.Cases.Where(c => c.Process is not null)];
        int[] bits = [.. reported.Select(c => c.Process!.VectorBits).Distinct().Order()];
        if (bits.Length > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- **Widest vectors** in the benchmark processes: {string.Join(", ", bits.Select(b => $"{b} bits"))}.");
        }

        foreach (IGrouping<string, CaseResult> job in reported.GroupBy(c => c.Job).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            string[] settings = [.. job.SelectMany(c => c.Process!.RuntimeSettings).Distinct().Order(StringComparer.Ordinal)];
            text.AppendLine(CultureInfo.InvariantCulture, $"- **Runtime settings** seen by the {JobName(job.Key)} job's processes: {(settings.Length == 0 ? "none" : string.Join(", ", settings.Select(s => $"`{s}`")))}.");
        }
    }

    private static void WriteFamily(
        StringBuilder text,
        IGrouping<string, Type> family,
        Dictionary<(string Benchmark, string? Activation, string Operation, int N, string Variant, string Job), CaseResult> cases,
        bool showRun)
    {
        var rows = family
            .SelectMany(type => cases.Keys
                .Where(k => k.Benchmark == type.Name)
                .Select(k => (Type: type, k.Operation, k.N))
                .Distinct()
                .OrderBy(r => Enum.Parse<Operation>(r.Operation))
                .ThenBy(r => r.N))
            .ToList();
        string run = showRun ? " Run |" : string.Empty;
        string runRule = showRun ? "--:|" : string.Empty;

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"## {family.Key}");
        text.AppendLine();
        text.AppendLine("Default job, ns per element:");
        text.AppendLine();
        text.AppendLine($"| Activation | Op | N | Library | Library P10–P90 | TP | TP P10–P90 | CopyTo | ScalarLoop | Library/TP | Library/CopyTo | ScalarLoop/Library |{run}");
        text.AppendLine($"|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|{runRule}");
        foreach ((Type type, string operation, int n) in rows)
        {
            CaseResult? Get(string variant) => cases.GetValueOrDefault((type.Name, null, operation, n, variant, SuiteConfig.DefaultJobId));
            CaseResult? library = Get(Library), tp = Get(Tp), copy = Get(CopyTo), scalar = Get(ScalarLoop);
            text.Append(CultureInfo.InvariantCulture, $"| {ActivationName(type)} | {operation} | {n:N0} |");
            text.Append(CultureInfo.InvariantCulture, $" {Time(library)} | {Range(library)} | {Time(tp)} | {Range(tp)} | {Time(copy)} | {Time(scalar)} |");
            text.Append(CultureInfo.InvariantCulture, $" {Ratio(library, tp)} | {Ratio(library, copy)} | {Ratio(scalar, library)} |");
            text.AppendLine(showRun ? $" {RunsOf(cases.Values.Where(c => c.Benchmark == type.Name && c.Operation == operation && c.N == n))} |" : string.Empty);
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Default over TieredCompilation=0 (the library's beyond ±{TieringComparison.Tolerance:P0} in bold, failing the run); JIT: compiles of measured code during the measured iterations, all eight cases of the row:");
        text.AppendLine();
        text.AppendLine("| Activation | Op | N | Library | Library TC=0 | Library default/TC=0 | TP default/TC=0 | CopyTo default/TC=0 | ScalarLoop default/TC=0 | JIT |");
        text.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach ((Type type, string operation, int n) in rows)
        {
            CaseResult? Get(string variant, string job) => cases.GetValueOrDefault((type.Name, null, operation, n, variant, job));
            text.Append(CultureInfo.InvariantCulture, $"| {ActivationName(type)} | {operation} | {n:N0} |");
            text.Append(CultureInfo.InvariantCulture, $" {Time(Get(Library, SuiteConfig.DefaultJobId))} | {Time(Get(Library, SuiteConfig.TieringOffJobId))} |");
            foreach (string variant in Variants)
            {
                CaseResult? d = Get(variant, SuiteConfig.DefaultJobId), t = Get(variant, SuiteConfig.TieringOffJobId);
                string ratio = Ratio(d, t);
                bool bold = variant == TieringComparison.CheckedVariant && d is not null && t is not null
                    && new TieringComparison.Pair(type.Name, null, operation, n, variant, d.Median, t.Median).IsOutside;
                text.Append(CultureInfo.InvariantCulture, $" {(bold ? $"**{ratio}**" : ratio)} |");
            }

            CaseResult?[] all = [.. Variants.SelectMany(v => new[] { Get(v, SuiteConfig.DefaultJobId), Get(v, SuiteConfig.TieringOffJobId) })];
            text.AppendLine(CultureInfo.InvariantCulture, $" {Jit(all)} |");
        }
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private static string JobName(string job) => job == SuiteConfig.DefaultJobId ? "default" : "TieredCompilation=0";

    private static string ActivationName(Type type) => ((OperationBenchmark)Activator.CreateInstance(type)!).Activation.ToString();

    private static string Time(CaseResult? c) => c is null ? "—" : ResultsFormat.NsPerElement(c.Median);

    private static string Range(CaseResult? c) => c is null ? "—" : $"{ResultsFormat.NsPerElement(c.P10)}–{ResultsFormat.NsPerElement(c.P90)}";

    private static string Range(long[] values) => values.Length == 0 ? "—" : values.Min() == values.Max() ? $"{values[0]}" : $"{values.Min()}–{values.Max()}";

    private static string Ratio(CaseResult? numerator, CaseResult? denominator) =>
        numerator is null || denominator is null || !(denominator.Median > 0) ? "—" : ResultsFormat.Ratio(numerator.Median / denominator.Median);

    private static string RunsOf(IEnumerable<CaseResult> row) => string.Join(", ", row.Select(c => c.Run).Distinct().Order());

    private static string Jit(CaseResult?[] cases)
    {
        ProcessFacts[] facts = [.. cases.Where(c => c?.Process is { WarmUpCalls: > 0 }).Select(c => c!.Process!)];
        if (facts.Length == 0)
        {
            return "—";
        }

        string count = facts.Any(f => f.MeasuredCodeCompiled < 0) ? "?" : facts.Sum(f => f.MeasuredCodeCompiled).ToString(CultureInfo.InvariantCulture);
        return facts.All(f => f.WarmUpSettled) ? count : $"{count}, unsettled";
    }
}
