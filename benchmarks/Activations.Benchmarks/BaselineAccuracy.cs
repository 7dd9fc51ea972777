using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Numerics.Tensors;
using System.Reflection;
using System.Runtime.Intrinsics;
using System.Text;
using BenchmarkDotNet.Environments;

namespace Activations.Benchmarks;

/// <summary>
/// What the float baselines compute (<c>--baseline-accuracy</c>): TensorPrimitives' float <c>Exp</c>,
/// <c>Sigmoid</c> and <c>Tanh</c>, beside the library's float Fn of the same functions, on every
/// seventh float bit pattern in (−100, 100) (about 3.2·10^8 inputs per function) whose result is a
/// normal float, each compared with the double function (<see cref="Math.Exp"/>, 1/(1 + e^−x),
/// <see cref="Math.Tanh"/>) rounded once to float. That reference is the correctly rounded float but
/// where the exact value lies within a double's error of a midpoint between two floats, and the
/// library's float results are correctly rounded but within 2^−20 ulp of a midpoint (its accuracy
/// bound, 0.5 ulp + 2^−20): so a library line that is not 0 should count only inputs whose exact
/// value lies that close to a midpoint. The report lists them (up to eight per function), to be
/// checked against the arbitrary-precision reference of the tests. The speed targets compare the
/// library with these functions; this says what they give for the time they take.
/// </summary>
internal static class BaselineAccuracy
{
    /// <summary>The option that runs the survey instead of the benchmarks.</summary>
    public const string Option = "--baseline-accuracy";

    private const uint Stride = 7;

    private const float Bound = 100f;

    private const int Batch = 1 << 22;

    private delegate void SpanFunction(ReadOnlySpan<float> x, Span<float> destination);

    private sealed record Survey(string Name, SpanFunction Run, Func<double, double> Reference, bool Library = false);

    /// <summary>How many of a library function's differing inputs the report lists.</summary>
    private const int Listed = 8;

    /// <summary>Runs the survey, prints it and writes it to <paramref name="path"/>.</summary>
    /// <param name="path">The report file (Markdown).</param>
    /// <returns>0.</returns>
    public static int Run(string path)
    {
        ActivationFunction exponential = ActivationFunction.Parse("exponential");
        ActivationFunction sigmoid = ActivationFunction.Parse("sigmoid");
        ActivationFunction tanh = ActivationFunction.Parse("tanh");
        static double Logistic(double x) => 1.0 / (1.0 + Math.Exp(-x));
        Survey[] surveys =
        [
            new("TensorPrimitives.Exp", (x, d) => TensorPrimitives.Exp(x, d), Math.Exp),
            new("Exponential.Fn", (x, d) => exponential.Fn(x, d), Math.Exp, Library: true),
            new("TensorPrimitives.Sigmoid", (x, d) => TensorPrimitives.Sigmoid(x, d), Logistic),
            new("Sigmoid.Fn", (x, d) => sigmoid.Fn(x, d), Logistic, Library: true),
            new("TensorPrimitives.Tanh", (x, d) => TensorPrimitives.Tanh(x, d), Math.Tanh),
            new("Tanh.Fn", (x, d) => tanh.Fn(x, d), Math.Tanh, Library: true),
        ];

        var text = new StringBuilder();
        text.AppendLine("# What the float baselines compute");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"`dotnet run -c Release --project benchmarks/Activations.Benchmarks -- {Option}`, {DateTime.UtcNow:yyyy-MM-dd}, on {HostEnvironmentInfo.GetCurrent().Cpu.Value.ProcessorName ?? "an unnamed processor"} ({VectorWidthName()}), System.Numerics.Tensors {TensorsVersion()}.");
        text.AppendLine();
        text.AppendLine("Every seventh float bit pattern in (−100, 100) whose result is a normal float, compared with the double function rounded once to float (see `BaselineAccuracy.cs`). The library's differing inputs are listed below the table: each should be an exact value within a double's error, or within the library's 2⁻²⁰-ulp hair, of a midpoint between two floats, to be checked against the tests' arbitrary-precision reference.");
        text.AppendLine();
        text.AppendLine("| function | inputs | not correctly rounded | share | largest error (ulp) | at x |");
        text.AppendLine("|---|--:|--:|--:|--:|--:|");
        var listed = new StringBuilder();
        foreach (Survey survey in surveys)
        {
            (long inputs, long wrong, double largest, float at, List<float> differing) = Measure(survey);
            if (survey.Library && differing.Count > 0)
            {
                listed.AppendLine(CultureInfo.InvariantCulture, $"- `{survey.Name}` differs at x = {string.Join(", ", differing.ConvertAll(v => string.Create(CultureInfo.InvariantCulture, $"{v:R} (0x{BitConverter.SingleToUInt32Bits(v):X8})")))}{(wrong > differing.Count ? ", …" : string.Empty)}");
            }

            string line = string.Create(CultureInfo.InvariantCulture, $"| `{survey.Name}` | {inputs:N0} | {wrong:N0} | {100.0 * wrong / inputs:F1} % | {(largest < 1e6 ? largest.ToString("F3", CultureInfo.InvariantCulture) : largest.ToString("0.00E+0", CultureInfo.InvariantCulture))} | {at:R} |");
            Console.WriteLine(line);
            text.AppendLine(line);
        }

        // A span of a few vectors: the vector path, not the scalar one TensorPrimitives takes for a single element.
        if (listed.Length > 0)
        {
            Console.Write(listed);
            text.AppendLine();
            text.Append(listed);
        }

        float[] zeros = new float[64];
        float[] result = new float[zeros.Length];
        TensorPrimitives.Exp(zeros, result);
        float exp0 = result[0];
        TensorPrimitives.Tanh(zeros, result);
        float tanh0 = result[0];
        exponential.Fn(zeros, result);
        float libraryExp0 = result[0];
        tanh.Fn(zeros, result);
        float libraryTanh0 = result[0];
        string atZero = string.Create(CultureInfo.InvariantCulture, $"At x = 0 (in a span of {zeros.Length}): `TensorPrimitives.Exp` gives {exp0:R} (e^0 is 1), `TensorPrimitives.Tanh` gives {tanh0:R} (tanh 0 is 0); the library gives {libraryExp0:R} and {libraryTanh0:R}.");
        Console.WriteLine(atZero);
        text.AppendLine();
        text.AppendLine(atZero);
        File.WriteAllText(path, text.ToString());
        Console.WriteLine($"Written to {path}");
        return 0;
    }

    private static (long Inputs, long Wrong, double Largest, float At, List<float> Differing) Measure(Survey survey)
    {
        long inputs = 0, wrong = 0;
        var differing = new List<float>();
        double largest = 0;
        float at = 0;
        float[] x = new float[Batch];
        float[] y = new float[Batch];
        int count = 0;
        void Check()
        {
            survey.Run(x.AsSpan(0, count), y);
            for (int i = 0; i < count; i++)
            {
                double exact = survey.Reference(x[i]);
                float rounded = (float)exact;
                if (!float.IsNormal(rounded))
                {
                    continue;
                }

                inputs++;
                if (y[i] != rounded)
                {
                    wrong++;
                    if (differing.Count < Listed)
                    {
                        differing.Add(x[i]);
                    }

                    double ulp = Math.Abs((double)MathF.BitIncrement(Math.Abs(rounded)) - Math.Abs(rounded));
                    double error = Math.Abs(y[i] - exact) / ulp;
                    if (error > largest)
                    {
                        (largest, at) = (error, x[i]);
                    }
                }
            }

            count = 0;
        }

        for (uint bits = 0; ; bits += Stride)
        {
            float magnitude = BitConverter.UInt32BitsToSingle(bits);
            if (magnitude >= Bound)
            {
                break;
            }

            x[count++] = magnitude;
            x[count++] = -magnitude;
            if (count == Batch)
            {
                Check();
            }
        }

        Check();
        return (inputs, wrong, largest, at, differing);
    }

    private static string TensorsVersion() =>
        typeof(TensorPrimitives).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "(version unknown)";

    private static string VectorWidthName() =>
        Vector512.IsHardwareAccelerated ? "512-bit vectors" : Vector256.IsHardwareAccelerated ? "256-bit vectors" : "128-bit vectors or none";
}
