using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Activations.Benchmarks;

/// <summary>The suite's configurations.</summary>
internal enum RunMode
{
    /// <summary>One cold call of every benchmark at the smallest size, for CI.</summary>
    Smoke,

    /// <summary>Real measurements at every size; writes the results file.</summary>
    Full,
}

/// <summary>
/// The suite's own options (<c>--smoke</c>, <c>--full</c>, <c>--no-avx512</c>, <c>--sizes</c>,
/// <c>--activations</c>, <c>--results PATH</c>); every other argument goes to BenchmarkDotNet unchanged (<c>--filter</c>,
/// <c>--list flat</c>, <c>--help</c>, …).
/// </summary>
/// <param name="Mode">The configuration; full when neither is given.</param>
/// <param name="NoAvx512">
/// Whether both jobs run with <c>DOTNET_EnableAVX512=0</c>: given as <c>--no-avx512</c>, or set to 0
/// in the runner's own environment.
/// </param>
/// <param name="Sizes">The values of N to run, or null for all of them.</param>
/// <param name="Activations">The names of the activations to run (as <see cref="ActivationFunction.Names"/> spells them), or null for all of them.</param>
/// <param name="ResultsPath">Where the full run writes its markdown table; its data file is beside it (<c>.json</c>).</param>
/// <param name="Selection">The filter and size arguments as given, or null when the whole suite runs.</param>
/// <param name="BenchmarkArguments">The arguments for BenchmarkDotNet, with <c>--filter *</c> added when none was given.</param>
/// <param name="IsInformational">True for BenchmarkDotNet's listing and help options, which run nothing.</param>
internal sealed record SuiteOptions(
    RunMode Mode,
    bool NoAvx512,
    IReadOnlySet<int>? Sizes,
    IReadOnlySet<string>? Activations,
    string ResultsPath,
    string? Selection,
    string[] BenchmarkArguments,
    bool IsInformational)
{
    /// <summary>The usage text printed for a malformed command line.</summary>
    public const string Usage =
        """
        Usage: dotnet run -c Release --project benchmarks/Activations.Benchmarks -- (--smoke | --full) [--no-avx512] [--sizes N,N,…] [--results PATH] [BenchmarkDotNet options]
           or: dotnet run -c Release --project benchmarks/Activations.Benchmarks -- --baseline-accuracy
          --smoke         one call of every benchmark at N = 1,024 (for CI); exits 1 if any fails
          --full          the default job and the DOTNET_TieredCompilation=0 job, each warmed up until the JIT is
                          quiet, then 3 warm-up + 10 measured iterations at every N with memory randomization;
                          writes the results file and exits 1 if the library's medians differ by more than 15 %
                          between the two jobs
          --no-avx512     both jobs with DOTNET_EnableAVX512=0 (also when the variable is 0 for the runner);
                          the default results file is then benchmarks/RESULTS-AVX2.md
          --sizes LIST    only these N (comma-separated, from 1024, 16384, 1048576, 16777216)
          --activations LIST  only these activations, by name (comma-separated, e.g. Sigmoid,ReLU), in every family
          --results PATH  where --full writes its table (default: benchmarks/RESULTS.md or RESULTS-AVX2.md);
                          a run of part of the suite merges its cases into the existing file
          --baseline-accuracy  alone, instead of timing: how often TensorPrimitives' float Exp, Sigmoid and Tanh
                          (and the library's) differ from the correctly rounded float; writes benchmarks/BASELINE-ACCURACY.md
        BenchmarkDotNet options pass through, e.g. --filter *SigmoidBenchmark* or *TrainingLoopFamily*, --list flat, --help.
        """;

    private static readonly string[] InformationalOptions = ["--list", "--help", "-h", "-?", "--info", "--version"];

    /// <summary>Whether the run covers part of the suite only (a filter or a subset of sizes).</summary>
    public bool IsPartial => Selection is not null;

    /// <summary>Reads the command line.</summary>
    /// <param name="args">The arguments after <c>--</c>.</param>
    /// <param name="environmentAvx512">The runner's <c>DOTNET_EnableAVX512</c>, if set.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException">The arguments are contradictory or incomplete.</exception>
    public static SuiteOptions Parse(string[] args, string? environmentAvx512)
    {
        RunMode? mode = null;
        string? resultsPath = null;
        bool noAvx512 = environmentAvx512 == "0";
        HashSet<int>? sizes = null;
        HashSet<string>? activations = null;
        var rest = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--smoke" or "--full":
                    RunMode chosen = args[i] == "--smoke" ? RunMode.Smoke : RunMode.Full;
                    if (mode is not null && mode != chosen)
                    {
                        throw new ArgumentException("Give either --smoke or --full, not both.");
                    }

                    mode = chosen;
                    break;
                case "--results":
                    resultsPath = i + 1 < args.Length ? args[++i] : throw new ArgumentException("--results needs a path.");
                    break;
                case "--no-avx512":
                    noAvx512 = true;
                    break;
                case "--sizes":
                    sizes = ParseSizes(i + 1 < args.Length ? args[++i] : throw new ArgumentException("--sizes needs a list of N."));
                    break;
                case "--activations":
                    activations = ParseActivations(i + 1 < args.Length ? args[++i] : throw new ArgumentException("--activations needs a list of names."));
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        int filter = rest.FindIndex(a => a is "--filter" or "-f");
        string[] patterns = filter < 0 ? [] : [.. rest.Skip(filter + 1).TakeWhile(a => !a.StartsWith('-'))];
        var selection = new List<string>();
        if (!patterns.All(p => p == "*"))
        {
            selection.Add($"--filter {string.Join(' ', patterns)}");
        }

        if (sizes is not null && !OperationBenchmark.Sizes.All(sizes.Contains))
        {
            selection.Add($"--sizes {string.Join(',', sizes.Order())}");
        }

        if (activations is not null && !ActivationFunction.Names.All(activations.Contains))
        {
            selection.Add($"--activations {string.Join(',', ActivationFunction.Names.Where(activations.Contains))}");
        }

        if (filter < 0)
        {
            // Without a filter BenchmarkDotNet asks interactively which class to run.
            rest.AddRange(["--filter", "*"]);
        }

        return new SuiteOptions(
            mode ?? RunMode.Full,
            noAvx512,
            sizes,
            activations,
            resultsPath ?? DefaultResultsPath(noAvx512),
            selection.Count > 0 ? string.Join(' ', selection) : null,
            [.. rest],
            rest.Any(a => InformationalOptions.Contains(a, StringComparer.OrdinalIgnoreCase)));
    }

    private static HashSet<int> ParseSizes(string list)
    {
        var sizes = new HashSet<int>();
        foreach (string item in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(item.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out int n)
                || !OperationBenchmark.Sizes.Contains(n))
            {
                throw new ArgumentException($"--sizes: '{item}' is not one of {string.Join(", ", OperationBenchmark.Sizes)}.");
            }

            sizes.Add(n);
        }

        return sizes.Count > 0 ? sizes : throw new ArgumentException("--sizes needs at least one N.");
    }

    private static HashSet<string> ParseActivations(string list)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (string item in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string name = ActivationFunction.Names.FirstOrDefault(n => string.Equals(n, item, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"--activations: '{item}' is not one of {string.Join(", ", ActivationFunction.Names)}.");
            names.Add(name);
        }

        return names.Count > 0 ? names : throw new ArgumentException("--activations needs at least one name.");
    }

    private static string DefaultResultsPath(bool noAvx512) => BenchmarksFile(noAvx512 ? "RESULTS-AVX2.md" : "RESULTS.md");

    /// <summary>
    /// benchmarks/<paramref name="name"/> beside this project, found from the working directory (the
    /// repository root in the documented command) or from the build output; else the working directory.
    /// </summary>
    /// <param name="name">The file's name.</param>
    /// <returns>Its path.</returns>
    internal static string BenchmarksFile(string name)
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Activations.sln")))
                {
                    return Path.Combine(directory.FullName, "benchmarks", name);
                }
            }
        }

        return Path.Combine(Directory.GetCurrentDirectory(), name);
    }
}
