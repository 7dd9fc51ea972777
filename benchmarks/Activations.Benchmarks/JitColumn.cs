using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Activations.Benchmarks;

/// <summary>
/// The compiles of measured code during the actual stage (0 when tiering had finished before it),
/// then in parentheses all the methods compiled while the measured iterations ran, harness
/// included; marked "unsettled" when the tiering warm-up hit its time limit.
/// </summary>
internal sealed class JitColumn : IColumn
{
    /// <summary>The instance to add to a configuration.</summary>
    public static readonly JitColumn Instance = new();

    private JitColumn()
    {
    }

    /// <inheritdoc/>
    public string Id => nameof(JitColumn);

    /// <inheritdoc/>
    public string ColumnName => "JIT";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 3;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => "Compiles of the measured code during the measured iterations (in parentheses: all methods compiled meanwhile, harness included; unsettled: the warm-up hit its time limit)";

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        ProcessReport.From(summary[benchmarkCase]) is { } report
            ? string.Create(CultureInfo.InvariantCulture, $"{ResultsFormat.Compiles(report.MeasuredCodeCompiled)} ({report.CompiledWhileMeasured}){(report.WarmUp is { Settled: false } ? " unsettled" : string.Empty)}")
            : "NA";

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
