using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Activations.Benchmarks;

/// <summary>The suite's configurations.</summary>
internal enum RunMode
{
    /// <summary>One cold call of every benchmark at the smallest size, for CI.</summary>
    Smoke,

    /// <summary>Real measurements at every size; writes RESULTS.md.</summary>
    Full,
}

/// <summary>
/// The suite's own options (<c>--smoke</c>, <c>--full</c>, <c>--results PATH</c>); every other
/// argument goes to BenchmarkDotNet unchanged (<c>--filter</c>, <c>--list flat</c>, <c>--help</c>, …).
/// </summary>
/// <param name="Mode">The configuration; full when neither is given.</param>
/// <param name="ResultsPath">Where the full run writes its markdown table.</param>
/// <param name="Selection">The filter arguments as given, or null when the whole suite runs.</param>
/// <param name="BenchmarkArguments">The arguments for BenchmarkDotNet, with <c>--filter *</c> added when none was given.</param>
/// <param name="IsInformational">True for BenchmarkDotNet's listing and help options, which run nothing.</param>
internal sealed record SuiteOptions(RunMode Mode, string ResultsPath, string? Selection, string[] BenchmarkArguments, bool IsInformational)
{
    /// <summary>The usage text printed for a malformed command line.</summary>
    public const string Usage =
        """
        Usage: dotnet run -c Release --project benchmarks/Activations.Benchmarks -- (--smoke | --full) [--results PATH] [BenchmarkDotNet options]
          --smoke         one cold call of every benchmark at N = 1,024 (for CI); exits 1 if any fails
          --full          3 warm-up + 10 measured iterations at every N, memory randomization; writes RESULTS.md
          --results PATH  where --full writes its table (default: benchmarks/RESULTS.md of the repository)
        BenchmarkDotNet options pass through, e.g. --filter *SigmoidBenchmark*, --list flat, --help.
        """;

    private static readonly string[] InformationalOptions = ["--list", "--help", "-h", "-?", "--info", "--version"];

    /// <summary>Reads the command line.</summary>
    /// <param name="args">The arguments after <c>--</c>.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException">The arguments are contradictory or incomplete.</exception>
    public static SuiteOptions Parse(string[] args)
    {
        RunMode? mode = null;
        string? resultsPath = null;
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
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        int filter = rest.FindIndex(a => a is "--filter" or "-f");
        string[] patterns = filter < 0 ? [] : [.. rest.Skip(filter + 1).TakeWhile(a => !a.StartsWith('-'))];
        string? selection = patterns.All(p => p == "*") ? null : $"--filter {string.Join(' ', patterns)}";
        if (filter < 0)
        {
            // Without a filter BenchmarkDotNet asks interactively which class to run.
            rest.AddRange(["--filter", "*"]);
        }

        return new SuiteOptions(
            mode ?? RunMode.Full,
            resultsPath ?? DefaultResultsPath(),
            selection,
            [.. rest],
            rest.Any(a => InformationalOptions.Contains(a, StringComparer.OrdinalIgnoreCase)));
    }

    // benchmarks/RESULTS.md beside this project, found from the working directory (the repository
    // root in the documented command) or from the build output; else the working directory.
    private static string DefaultResultsPath()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Activations.sln")))
                {
                    return Path.Combine(directory.FullName, "benchmarks", "RESULTS.md");
                }
            }
        }

        return Path.Combine(Directory.GetCurrentDirectory(), "RESULTS.md");
    }
}
