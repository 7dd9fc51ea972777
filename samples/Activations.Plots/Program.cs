using System;
using System.IO;

namespace Activations.Plots;

/// <summary>
/// Writes one SVG per activation (default parameters) showing f, f′ and f″ on [−5, 5]:
/// <c>dotnet run --project samples/Activations.Plots -- docs/img</c>.
/// </summary>
internal static class Program
{
    /// <summary>The entry point.</summary>
    /// <param name="args">The output folder (default <c>docs/img</c>), and <c>--png</c> to also write PNG previews.</param>
    /// <returns>0 on success, 2 for bad arguments.</returns>
    public static int Main(string[] args)
    {
        string folder = "docs/img";
        bool png = false;
        foreach (string arg in args)
        {
            if (arg == "--png")
            {
                png = true;
            }
            else if (arg.StartsWith('-'))
            {
                Console.Error.WriteLine($"error: unknown option '{arg}'; usage: Activations.Plots [folder] [--png]");
                return 2;
            }
            else
            {
                folder = arg;
            }
        }

        Directory.CreateDirectory(folder);
        // Every activation in the library, with its default parameters (a bare name reads as the defaults).
        foreach (string name in ActivationFunction.Names)
        {
            ActivationFunction activation = ActivationFunction.Parse(name);
            string path = Path.Combine(folder, ActivationPlot.FileName(activation));
            ActivationPlot.SaveSvg(activation, path);
            Console.WriteLine(path);
            if (png)
            {
                ActivationPlot.SavePng(activation, Path.ChangeExtension(path, ".png"));
            }
        }

        return 0;
    }
}
