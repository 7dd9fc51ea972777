using System;
using System.Collections.Generic;
using System.Linq;

namespace Activations.Benchmarks;

/// <summary>
/// Compares each case's median in the default job with its median in the tiering-off job. The
/// library must be as fast where users run it (tiered compilation and dynamic PGO on) as with
/// fully optimised code from the first call: a library case whose two medians differ by more than
/// <see cref="Tolerance"/> (the larger more than 1.15 times the smaller) fails the full run. The
/// other variants are reported but never fail it: TensorPrimitives, CopyTo and the scalar loop are
/// not this library's code, and how the runtime's tiers treat them is not ours to fix.
/// </summary>
internal static class TieringComparison
{
    /// <summary>The largest accepted difference between the two medians, as a fraction.</summary>
    public const double Tolerance = 0.15;

    /// <summary>The variant whose cases the check applies to.</summary>
    public const string CheckedVariant = nameof(OperationBenchmark.Library);

    /// <summary>One case measured in both jobs.</summary>
    /// <param name="Benchmark">The benchmark class.</param>
    /// <param name="Activation">The activation of a catalogue-driven class, or null.</param>
    /// <param name="Operation">Fn, Grad or Grad2 (or the training-loop operation).</param>
    /// <param name="N">The number of elements.</param>
    /// <param name="Variant">The variant.</param>
    /// <param name="Default">The median in the default job, ns per element.</param>
    /// <param name="TieringOff">The median in the tiering-off job, ns per element.</param>
    internal sealed record Pair(string Benchmark, string? Activation, string Operation, int N, string Variant, double Default, double TieringOff)
    {
        /// <summary>The default median over the tiering-off median.</summary>
        public double Ratio => Default / TieringOff;

        /// <summary>Whether the two medians differ by more than the tolerance.</summary>
        public bool IsOutside => Ratio > 1 + Tolerance || Ratio < 1 / (1 + Tolerance);

        /// <summary>Whether this pair can fail the run.</summary>
        public bool IsChecked => Variant == CheckedVariant;

        /// <summary>One line for the console.</summary>
        /// <returns>The text.</returns>
        public override string ToString() =>
            $"{Benchmark}.{Variant}{(Activation is null ? string.Empty : $" {Activation}")} {Operation} N={N:N0}: default {ResultsFormat.NsPerElement(Default)} ns/element, " +
            $"TieredCompilation=0 {ResultsFormat.NsPerElement(TieringOff)} ns/element, ratio {ResultsFormat.Ratio(Ratio)}";
    }

    /// <summary>The cases measured in both jobs.</summary>
    /// <param name="cases">The cases.</param>
    /// <returns>The pairs, in the order of the cases.</returns>
    public static List<Pair> Pairs(IEnumerable<CaseResult> cases)
    {
        List<CaseResult> all = [.. cases];
        var tieringOff = all
            .Where(c => c.Job == SuiteConfig.TieringOffJobId)
            .ToDictionary(c => (c.Benchmark, c.Activation, c.Operation, c.N, c.Variant));
        return [.. all
            .Where(c => c.Job == SuiteConfig.DefaultJobId && tieringOff.ContainsKey((c.Benchmark, c.Activation, c.Operation, c.N, c.Variant)))
            .Select(c => new Pair(c.Benchmark, c.Activation, c.Operation, c.N, c.Variant, c.Median, tieringOff[(c.Benchmark, c.Activation, c.Operation, c.N, c.Variant)].Median))];
    }

    /// <summary>Prints the comparison; returns the checked cases outside the tolerance.</summary>
    /// <param name="pairs">The pairs of this run.</param>
    /// <param name="enforced">Whether the check fails the run (the full run) or is only reported (the smoke run, whose single calls are no measurement).</param>
    /// <returns>The library cases outside the tolerance, empty when the check is not enforced.</returns>
    public static List<Pair> Report(List<Pair> pairs, bool enforced)
    {
        List<Pair> outside = [.. pairs.Where(p => p.IsOutside)];
        string mode = enforced ? string.Empty : " (reported only: the smoke run times single calls)";
        Console.WriteLine();
        Console.WriteLine($"Default job vs DOTNET_TieredCompilation=0, limit ±{Tolerance:P0} on the library's medians{mode}:");
        foreach (IGrouping<string, Pair> variant in pairs.GroupBy(p => p.Variant))
        {
            Pair[] beyond = [.. variant.Where(p => p.IsOutside)];
            double[] ratios = [.. variant.Select(p => p.Ratio)];
            Console.WriteLine(
                $"  {variant.Key}: {variant.Count()} cases, ratios {ResultsFormat.Ratio(ratios.Min())}–{ResultsFormat.Ratio(ratios.Max())}, " +
                $"{beyond.Length} beyond ±{Tolerance:P0}{(variant.Key == CheckedVariant ? string.Empty : " (not checked)")}");
        }

        if (!enforced)
        {
            return [];
        }

        List<Pair> failures = [.. outside.Where(p => p.IsChecked)];
        foreach (Pair pair in outside.Where(p => !p.IsChecked))
        {
            Console.WriteLine($"  note: {pair}");
        }

        return failures;
    }
}
