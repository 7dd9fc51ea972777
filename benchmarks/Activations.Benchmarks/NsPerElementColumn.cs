using System;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Mathematics;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Activations.Benchmarks;

/// <summary>
/// A statistic of the measured iterations divided by N: nanoseconds per element, comparable across
/// sizes. The 10th and 90th percentiles beside the median show a bimodal distribution, such as
/// the two alignment phases that memory randomization brings out.
/// </summary>
internal sealed class NsPerElementColumn : IColumn
{
    /// <summary>The median per element.</summary>
    public static readonly NsPerElementColumn Median = new("ns/element", "Median time per element, in nanoseconds", 1, s => s.Median);

    /// <summary>The 10th percentile per element.</summary>
    public static readonly NsPerElementColumn P10 = new("P10 ns/el", "10th percentile of the iterations' time per element, in nanoseconds", 0, s => s.Percentiles.Percentile(10));

    /// <summary>The 90th percentile per element.</summary>
    public static readonly NsPerElementColumn P90 = new("P90 ns/el", "90th percentile of the iterations' time per element, in nanoseconds", 2, s => s.Percentiles.Percentile(90));

    private readonly Func<Statistics, double> _statistic;

    private NsPerElementColumn(string columnName, string legend, int priority, Func<Statistics, double> statistic)
    {
        ColumnName = columnName;
        Legend = legend;
        PriorityInCategory = priority;
        _statistic = statistic;
    }

    /// <inheritdoc/>
    public string Id => $"{nameof(NsPerElementColumn)}.{ColumnName}";

    /// <inheritdoc/>
    public string ColumnName { get; }

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory { get; }

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend { get; }

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        Value(summary[benchmarkCase], benchmarkCase) is double value ? ResultsFormat.NsPerElement(value) : "NA";

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    private double? Value(BenchmarkReport? report, BenchmarkCase benchmarkCase) =>
        report?.ResultStatistics is { } statistics && benchmarkCase.Parameters["N"] is int n && n > 0
            ? _statistic(statistics) / n
            : null;
}
