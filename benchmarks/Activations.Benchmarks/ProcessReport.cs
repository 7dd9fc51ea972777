using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Reports;

namespace Activations.Benchmarks;

/// <summary>
/// What a benchmark process reports to the host in one output line: the tiering warm-up's outcome;
/// how many methods the JIT compiled while the measured iterations ran (<see cref="CompiledWhileMeasured"/>,
/// whatever code they belong to) and which of the measured code's methods it compiled from the first
/// measured iteration's start to the last one's end (<see cref="MeasuredCodeCompiled"/>, the
/// check that tiering had finished); the widest vectors the process accelerates; and the runtime
/// settings in its environment, to show what each job really ran with.
/// </summary>
/// <param name="WarmUp">The warm-up's outcome, or null when none ran.</param>
/// <param name="Iterations">The measured iterations.</param>
/// <param name="CompiledWhileMeasured">Methods compiled while a measured iteration ran.</param>
/// <param name="MeasuredCodeCompiled">The number of compiles of measured code during the actual stage, or -1 when the JIT events were not complete.</param>
/// <param name="MeasuredCodeMethods">The first few of those methods.</param>
/// <param name="VectorBits">The widest hardware-accelerated vector, in bits (0 for none).</param>
/// <param name="RuntimeSettings">The <c>DOTNET_</c> and <c>COMPlus_</c> runtime settings in the process's environment, as <c>NAME=value</c>, sorted.</param>
internal sealed record ProcessReport(
    WarmUpOutcome? WarmUp,
    int Iterations,
    long CompiledWhileMeasured,
    int MeasuredCodeCompiled,
    IReadOnlyList<string> MeasuredCodeMethods,
    int VectorBits,
    IReadOnlyList<string> RuntimeSettings)
{
    private const string Prefix = "// ActivationsBenchmarkProcess ";
    private const int MethodsShown = 3;

    // Variables of the SDK and the host, not of the runtime.
    private static readonly string[] NotRuntimeSettings =
        ["DOTNET_CLI_", "DOTNET_ROOT", "DOTNET_NOLOGO", "DOTNET_SKIP_FIRST_TIME_EXPERIENCE", "DOTNET_GENERATE_ASPNET_CERTIFICATE", "DOTNET_HOST_PATH", "DOTNET_MULTILEVEL_LOOKUP", "DOTNET_ADD_GLOBAL_TOOLS_TO_PATH"];

    /// <summary>The runtime settings of this process's environment.</summary>
    /// <returns>The settings, as <c>NAME=value</c>, sorted.</returns>
    public static List<string> CurrentRuntimeSettings() =>
        [.. Environment.GetEnvironmentVariables()
            .Cast<DictionaryEntry>()
            .Select(e => (Name: (string)e.Key, Value: e.Value as string))
            .Where(e => (e.Name.StartsWith("DOTNET_", StringComparison.OrdinalIgnoreCase) || e.Name.StartsWith("COMPlus_", StringComparison.OrdinalIgnoreCase))
                && !NotRuntimeSettings.Any(p => e.Name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .Select(e => $"{e.Name}={e.Value}")
            .Order(StringComparer.Ordinal)];

    /// <summary>Gathers the report in the benchmark process.</summary>
    /// <param name="warmUp">The warm-up's outcome, if any.</param>
    /// <param name="iterations">The measured iterations.</param>
    /// <param name="compiledWhileMeasured">Methods compiled inside them.</param>
    /// <param name="measuredCode">The measured code's methods compiled during the actual stage, or null when the JIT events were not complete.</param>
    /// <returns>The report.</returns>
    public static ProcessReport Collect(WarmUpOutcome? warmUp, int iterations, long compiledWhileMeasured, List<string>? measuredCode) =>
        new(
            warmUp,
            iterations,
            compiledWhileMeasured,
            measuredCode?.Count ?? -1,
            measuredCode?.Take(MethodsShown).ToArray() ?? [],
            Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0,
            CurrentRuntimeSettings());

    /// <summary>The report of a benchmark case, read from its process's output; null when there is none.</summary>
    /// <param name="report">The case's report.</param>
    /// <returns>The process report, or null.</returns>
    public static ProcessReport? From(BenchmarkReport? report)
    {
        string? line = report?.ExecuteResults
            .SelectMany(r => r.PrefixedLines)
            .LastOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        return line is null ? null : Parse(line[Prefix.Length..]);
    }

    /// <summary>The line the benchmark process prints.</summary>
    /// <returns>The line.</returns>
    public string ToLine()
    {
        string warmUp = WarmUp is { } w
            ? string.Create(CultureInfo.InvariantCulture, $"warmUpCalls={w.Calls} warmUpMs={w.Elapsed.TotalMilliseconds:F0} settled={w.Settled}")
            : "warmUpCalls=0";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Prefix}{warmUp} iterations={Iterations} compiledWhileMeasured={CompiledWhileMeasured} measuredCodeCompiled={MeasuredCodeCompiled} vectorBits={VectorBits} settings={string.Join(';', RuntimeSettings)} methods={string.Join(';', MeasuredCodeMethods).Replace(' ', '_')}");
    }

    private static ProcessReport Parse(string text)
    {
        Dictionary<string, string> fields = text
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split('=', 2))
            .ToDictionary(f => f[0], f => f.Length > 1 ? f[1] : string.Empty);
        long Number(string name) => fields.TryGetValue(name, out string? v) && long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n) ? n : 0;
        WarmUpOutcome? warmUp = Number("warmUpCalls") > 0
            ? new WarmUpOutcome((int)Number("warmUpCalls"), TimeSpan.FromMilliseconds(Number("warmUpMs")), fields.GetValueOrDefault("settled") == bool.TrueString)
            : null;
        string[] List(string name) => fields.GetValueOrDefault(name, string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries);
        return new ProcessReport(
            warmUp,
            (int)Number("iterations"),
            Number("compiledWhileMeasured"),
            fields.ContainsKey("measuredCodeCompiled") ? (int)Number("measuredCodeCompiled") : -1,
            List("methods"),
            (int)Number("vectorBits"),
            List("settings"));
    }
}
