using System.Globalization;

namespace Activations.Benchmarks;

/// <summary>How numbers are printed in the console column and in RESULTS.md: three significant digits or so.</summary>
internal static class ResultsFormat
{
    /// <summary>Nanoseconds per element, e.g. <c>0.412</c>, <c>1.23</c>, <c>12.3</c>, <c>123</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string NsPerElement(double value) =>
        value.ToString(value >= 100 ? "F0" : value >= 10 ? "F1" : value >= 1 ? "F2" : "F3", CultureInfo.InvariantCulture);

    /// <summary>A ratio of two times, e.g. <c>0.87</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Ratio(double value) => value.ToString(value >= 100 ? "F0" : "F2", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a whole percentage, e.g. <c>12 %</c>.</summary>
    /// <param name="fraction">The fraction (0.12 for 12 %).</param>
    /// <returns>The text.</returns>
    public static string Percent(double fraction) => (100 * fraction).ToString("F0", CultureInfo.InvariantCulture) + " %";

    /// <summary>A count of compiles, with "?" for an unknown one (negative).</summary>
    /// <param name="count">The count.</param>
    /// <returns>The text.</returns>
    public static string Compiles(long count) => count < 0 ? "?" : count.ToString(CultureInfo.InvariantCulture);
}
