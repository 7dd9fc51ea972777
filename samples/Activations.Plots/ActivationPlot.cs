using System;
using System.Linq;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Activations.Plots;

/// <summary>The chart of one activation: f, f′ and f″ over [−5, 5], with a legend and axis labels.</summary>
internal static class ActivationPlot
{
    private const double Left = -5.0;
    private const double Right = 5.0;
    private const int Width = 640;
    private const int Height = 420;

    // 0.05 apart: smooth curves at this size, and about 200 path points per curve keeps the SVG small.
    private const int Samples = 201;

    // A kink or jump at 0 (ReLU′, ELU″, …) is drawn as a vertical step by also sampling just either
    // side of it; 0 itself is on the grid, so the plotted value there is the library's convention.
    private const double Beside = 1e-9;

    /// <summary>The file name: the class name in lower case, e.g. <c>leakyrelu.svg</c>.</summary>
    /// <param name="activation">The activation.</param>
    /// <returns>The file name.</returns>
    public static string FileName(ActivationFunction activation) => activation.GetType().Name.ToLowerInvariant() + ".svg";

    /// <summary>Renders the chart as SVG.</summary>
    /// <param name="activation">The activation.</param>
    /// <param name="path">The file to write.</param>
    public static void SaveSvg(ActivationFunction activation, string path) => Create(activation).SaveSvg(path, Width, Height);

    /// <summary>Renders the chart as PNG, for a quick look.</summary>
    /// <param name="activation">The activation.</param>
    /// <param name="path">The file to write.</param>
    public static void SavePng(ActivationFunction activation, string path) => Create(activation).SavePng(path, Width, Height);

    // ScottPlot falls back to the system default, which is a serif face on many Linux machines;
    // the first installed of these common sans-serif families reads better in small labels.
    private static readonly Lazy<string> SansFont = new(() =>
        new[] { "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica" }
            .FirstOrDefault(SkiaSharp.SKFontManager.Default.FontFamilies.Contains) ?? Fonts.Sans);

    private static Plot Create(ActivationFunction activation)
    {
        double[] x = Grid();
        var plot = new Plot();
        plot.Font.Set(SansFont.Value);
        plot.Title(activation.ToString());
        plot.XLabel("x");
        plot.YLabel("f(x), f′(x), f″(x)");

        // Thin axes through the origin make signs and saturation levels easy to read.
        plot.Add.HorizontalLine(0.0, 1, Colors.Gray.WithAlpha(0.6));
        plot.Add.VerticalLine(0.0, 1, Colors.Gray.WithAlpha(0.6));

        // Different widths and dash patterns keep coinciding curves (all three for Exponential) visible.
        AddCurve(plot, x, activation.Fn(x), "f(x)", Colors.C0, 3f, LinePattern.Solid);
        AddCurve(plot, x, activation.Grad(x), "f′(x) = df/dx", Colors.C1, 2f, LinePattern.Dashed);
        AddCurve(plot, x, activation.Grad2(x), "f″(x) = d²f/dx²", Colors.C2, 2f, LinePattern.Dotted);

        plot.Axes.SetLimitsX(Left, Right);

        // Minor ticks add nothing at this size but a hundred SVG paths.
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { MinorTickGenerator = new EvenlySpacedMinorTickGenerator(1) };
        plot.Axes.Left.TickGenerator = new NumericAutomatic { MinorTickGenerator = new EvenlySpacedMinorTickGenerator(1) };
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static void AddCurve(Plot plot, double[] x, double[] y, string label, Color color, float width, LinePattern pattern)
    {
        var line = plot.Add.ScatterLine(x, y, color);
        line.LegendText = label;
        line.LineWidth = width;
        line.LinePattern = pattern;
    }

    /// <summary>The uniform grid on [−5, 5] including 0, plus the points just either side of 0.</summary>
    private static double[] Grid()
    {
        // i·10 / 200 is exact for the middle index, so 0 itself is a grid point.
        return Enumerable.Range(0, Samples)
            .Select(i => Left + ((Right - Left) * i / (Samples - 1)))
            .Append(-Beside)
            .Append(Beside)
            .Order()
            .ToArray();
    }
}
