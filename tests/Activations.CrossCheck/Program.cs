// Evaluates every activation's Fn, Grad and Grad2, its training-loop operations and its float
// overloads (FusedKernels) at a fixed set of inputs (CrossCheckInputs)
// through the scalar overload and the span overload (whole, in chunks of odd lengths at odd
// offsets, and in place) and writes every result as its raw bit pattern, one line per kernel and
// input:
//
//   <activation>\t<kernel>\t<x>\t<scalar> <span> <chunked> <in place>\t<x in decimal>
//
// with each double as 16 hex digits (the decimal x is only for people reading a report). The output depends only on the library's promise of identical
// bits everywhere, not on any particular value, so two runs on different processors or
// instruction-set paths must produce identical files; .ci/arm64-check.sh compares them.
// Usage: Activations.CrossCheck [output file]   (standard output when no file is given)
using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
using System.Text;
using Activations;
using Activations.Catalogue;
using Activations.CrossCheck;

// Every activation of the library's catalogue, with its defaults and then each parameter variant
// its description lists (the variants reach other branches of the numerics, and the tests run over
// the same ones): a new activation joins the check through its catalogue entry alone.
ActivationFunction[] activations =
[
    .. KnownActivations.All.SelectMany(d => new[] { d.Defaults() }.Concat(d.Variants).Select(p => d.Create(p))),
];

Kernel[] kernels =
[
    new("Fn", static (f, x) => f.Fn(x), static (f, x, destination) => f.Fn(x, destination)),
    new("Grad", static (f, x) => f.Grad(x), static (f, x, destination) => f.Grad(x, destination)),
    new("Grad2", static (f, x) => f.Grad2(x), static (f, x, destination) => f.Grad2(x, destination)),
    .. FusedKernels.All,
];

var covered = activations.Select(a => a.GetType()).ToHashSet();
Type[] missing = [.. typeof(ActivationFunction).Assembly.GetExportedTypes()
    .Where(t => t.IsSealed && t.IsSubclassOf(typeof(ActivationFunction)) && !covered.Contains(t))
    .OrderBy(t => t.Name, StringComparer.Ordinal)];
if (missing.Length > 0)
{
    Console.Error.WriteLine($"cross-check: {string.Join(", ", missing.Select(t => t.Name))} not in the catalogue (src/Activations/Catalogue/KnownActivations.cs)");
    return 2;
}

double[] allInputs = CrossCheckInputs.Create();

// Chunk lengths for the chunked pass: every remainder modulo 2, 4 and 8 lanes, shorter than one
// vector, and just past one and several vectors.
int[] chunkLengths = [1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 16, 17, 30, 31, 33, 64, 97];

using Stream stream = args.Length > 0 ? File.Create(args[0]) : Console.OpenStandardOutput();
using var output = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };

var whole = new double[allInputs.Length];
var chunkedInput = new double[allInputs.Length + 1];
var chunked = new double[allInputs.Length + 3];
var inPlace = new double[allInputs.Length + 2];
long lines = 0;
foreach (ActivationFunction f in activations)
{
    string name = f.ToString();
    foreach (Kernel kernel in kernels)
    {
        if (kernel.AppliesTo?.Invoke(f) == false)
        {
            continue;
        }

        double[] inputs = kernel.InputStride == 1 ? allInputs : [.. allInputs.Where((_, i) => i % kernel.InputStride == 0)];
        kernel.Span(f, inputs, whole);

        // Input one element and output three elements past the array start, so neither is
        // aligned to a vector, and the chunks start at varying offsets modulo the vector width.
        inputs.CopyTo(chunkedInput, 1);
        for (int start = 0, i = 0; start < inputs.Length; i++)
        {
            int length = Math.Min(chunkLengths[i % chunkLengths.Length], inputs.Length - start);
            kernel.Span(f, chunkedInput.AsSpan(1 + start, length), chunked.AsSpan(3 + start, length));
            start += length;
        }

        Span<double> inPlaceSpan = inPlace.AsSpan(2, inputs.Length);
        inputs.CopyTo(inPlaceSpan);
        kernel.Span(f, inPlaceSpan, inPlaceSpan);

        for (int i = 0; i < inputs.Length; i++)
        {
            double x = inputs[i];
            output.Write(name);
            output.Write('\t');
            output.Write(kernel.Name);
            output.Write('\t');
            output.Write(Hex(x));
            output.Write('\t');
            output.Write(Hex(kernel.Scalar(f, x)));
            output.Write(' ');
            output.Write(Hex(whole[i]));
            output.Write(' ');
            output.Write(Hex(chunked[3 + i]));
            output.Write(' ');
            output.Write(Hex(inPlaceSpan[i]));
            output.Write('\t');
            output.WriteLine(x.ToString("R", CultureInfo.InvariantCulture));
            lines++;
        }
    }
}

// Which path this process took, so that a log shows that an environment setting had its effect.
Console.Error.WriteLine(
    $"cross-check: {activations.Length} activations × {kernels.Length} kernels × {allInputs.Length} inputs (every {FusedKernels.Stride}th for the fused and float ones) = {lines} lines, " +
    $"4 evaluations each; {RuntimeInformation.ProcessArchitecture}, widest accelerated vector " +
    $"{(Vector512.IsHardwareAccelerated ? "512-bit" : Vector256.IsHardwareAccelerated ? "256-bit" : Vector128.IsHardwareAccelerated ? "128-bit" : "none")}" +
    $", fused multiply-add intrinsics {(Fma.IsSupported || AdvSimd.IsSupported ? "on" : "off")}");
return 0;

static string Hex(double value) => BitConverter.DoubleToUInt64Bits(value).ToString("X16", CultureInfo.InvariantCulture);
