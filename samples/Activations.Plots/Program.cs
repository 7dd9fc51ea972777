using System;
namespace Activations.Plots;
internal static class Program
{
    private static int Main(string[] args)
    {
        var plot = new ScottPlot.Plot();
        plot.Add.Scatter(new double[] { 1, 2, 3 }, new double[] { 1, 4, 9 });
        plot.SaveSvg("/tmp/plottest.svg", 600, 400);
        plot.SavePng("/tmp/plottest.png", 600, 400);
        Console.WriteLine(args.Length);
        return 0;
    }
}
