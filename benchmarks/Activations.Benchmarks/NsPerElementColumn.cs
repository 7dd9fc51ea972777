using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Activations.Benchmarks;

/// <summary>The median time divided by N: nanoseconds per element, comparable across sizes.</summary>
internal sealed class NsPerElementColumn : IColumn
{
    /// <summary>The instance to add to a configuration.</summary>
    public static readonly NsPerElementColumn Instance = new();

    private NsPerElementColumn()
    {
    }

    /// <inheritdoc/>
    public string Id => nameof(NsPerElementColumn);

    /// <inheritdoc/>
    public string ColumnName => "ns/element";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 0;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => "Median time per element, in nanoseconds";

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        double? perElement = PerElement(summary[benchmarkCase], benchmarkCase);
        return perElement is double value ? ResultsFormat.NsPerElement(value) : "NA";
    }

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <summary>The median nanoseconds per element of a report, or null when it has no measurements.</summary>
    /// <param name="report">The report, if any.</param>
    /// <param name="benchmarkCase">Its case, whose N parameter is the element count.</param>
    /// <returns>The median per element, or null.</returns>
    public static double? PerElement(BenchmarkReport? report, BenchmarkCase benchmarkCase)
    {
        if (report?.ResultStatistics is not { } statistics || benchmarkCase.Parameters["N"] is not int n || n <= 0)
        {
            return null;
        }

        return statistics.Median / n;
    }
}
