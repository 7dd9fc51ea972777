using System;
using System.Collections.Generic;
using System.Linq;
using Activations.Benchmarks.FloatFamily;
using Activations.Benchmarks.TrainingLoopFamily;
using BenchmarkDotNet.Parameters;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Validators;

namespace Activations.Benchmarks;

/// <summary>
/// Before anything is timed, checks that the variants of every selected class compute the same
/// function: on the smallest size, the TensorPrimitives composition and the scalar loop must agree
/// with the library to 1e-9 relative (plus 1e-12 absolute, for values near zero). A composition with
/// a wrong sign or factor would otherwise be timed and compared as if it were equivalent. The output
/// is filled with NaN before each variant, so an element left unwritten also disagrees. A
/// disagreement is a critical validation error, so the run stops and exits non-zero.
/// <para>
/// The training-loop family (doubles) is held to the same tolerance: its TensorPrimitives
/// compositions and the library's Grad then Multiply against Backward, its compositions of dy·g(y)
/// and Backward from x against BackwardFromOutput, and Fn alone and Fn then Grad against FnAndGrad;
/// the variants that compute something else (Grad alone, the three-stream bound) must write every
/// element. The float family's compositions are held to 1e-2 relative (plus 1e-5 absolute): a float
/// composition loses up to about 2⁻²⁴/(1 − σ) relative where it forms 1 − σ near σ = 1
/// (1.3e-3 at x = 10), and where a factor is a difference that one float ulp changes wholly: Mish″ =
/// 2σ(g² − 1)·B with g = tanh(softplus x) within an ulp of 1 and B ≈ 7.9 at x ≈ 8.92 (exactly
/// −1.14e-6), where an ulp of g moves the result by 2⁻²³·2σB ≈ 1.9e-6 (TensorPrimitives' vectorized
/// float Tanh gives g = 1 there, and the composition 0), far below what a wrong sign, factor or
/// branch gives. Each activation of the
/// catalogue must have a composition; one without is reported as a disagreement.
/// </para>
/// </summary>
internal sealed class VariantAgreementValidator : IValidator
{
    private const double RelativeTolerance = 1e-9;
    private const double AbsoluteTolerance = 1e-12;
    private const double SingleRelativeTolerance = 1e-2;
    private const double SingleAbsoluteTolerance = 1e-5;

    /// <summary>The instance to add to a configuration.</summary>
    public static readonly VariantAgreementValidator Instance = new();

    private VariantAgreementValidator()
    {
    }

    /// <inheritdoc/>
    public bool TreatsWarningsAsErrors => true;

    /// <inheritdoc/>
    public IEnumerable<ValidationError> Validate(ValidationParameters validationParameters)
    {
        IEnumerable<Type> types = validationParameters.Benchmarks
            .Select(b => b.Descriptor.Type)
            .Where(t => t.IsSubclassOf(typeof(OperationBenchmark)))
            .Distinct();
        foreach (Type type in types)
        {
            foreach (Operation operation in Enum.GetValues<Operation>())
            {
                string? problem = Check(type, operation);
                if (problem is not null)
                {
                    yield return new ValidationError(true, $"{type.Name}, {operation}: {problem}");
                }
            }
        }

        // The catalogue-driven classes: once per selected combination of their parameters other than N.
        IEnumerable<BenchmarkCase> parameterised = validationParameters.Benchmarks
            .Where(b => BenchmarkCatalog.IsParameterised(b.Descriptor.Type))
            .DistinctBy(b => (b.Descriptor.Type, string.Join(", ", b.Parameters.Items.Where(p => p.Name != "N").Select(p => $"{p.Name}={p.Value}"))));
        foreach (BenchmarkCase benchmarkCase in parameterised)
        {
            foreach (string problem in CheckParameterised(benchmarkCase))
            {
                yield return new ValidationError(true, $"{benchmarkCase.Descriptor.Type.Name}, {string.Join(", ", benchmarkCase.Parameters.Items.Where(p => p.Name != "N").Select(p => p.Value))}: {problem}");
            }
        }
    }

    /// <summary>The first element where <paramref name="actual"/> and the library's <paramref name="expected"/> differ by more than the tolerance, or null.</summary>
    /// <param name="variant">The variant's name.</param>
    /// <param name="actual">Its output.</param>
    /// <param name="expected">The library's output.</param>
    /// <param name="x">The inputs, for the message.</param>
    /// <returns>The problem, or null.</returns>
    internal static string? Compare(string variant, ReadOnlySpan<double> actual, ReadOnlySpan<double> expected, ReadOnlySpan<double> x)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            double tolerance = AbsoluteTolerance + (RelativeTolerance * Math.Abs(expected[i]));
            if (!(Math.Abs(actual[i] - expected[i]) <= tolerance))
            {
                return $"{variant} gives {actual[i]:R} at x = {x[i]:R} where Library gives {expected[i]:R}.";
            }
        }

        return null;
    }

    /// <summary>As <see cref="Compare"/> for floats, with the float tolerance.</summary>
    /// <param name="variant">The variant's name.</param>
    /// <param name="actual">Its output.</param>
    /// <param name="expected">The library's output.</param>
    /// <param name="x">The inputs, for the message.</param>
    /// <returns>The problem, or null.</returns>
    internal static string? CompareSingle(string variant, ReadOnlySpan<float> actual, ReadOnlySpan<float> expected, ReadOnlySpan<float> x)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            double tolerance = SingleAbsoluteTolerance + (SingleRelativeTolerance * Math.Abs(expected[i]));
            if (!(Math.Abs((double)actual[i] - expected[i]) <= tolerance))
            {
                return $"{variant} gives {actual[i]:R} at x = {x[i]:R} where Library gives {expected[i]:R}.";
            }
        }

        return null;
    }

    /// <summary>The first element a variant left unwritten (still NaN, from finite inputs), or null.</summary>
    /// <param name="variant">The variant's name.</param>
    /// <param name="actual">Its output.</param>
    /// <returns>The problem, or null.</returns>
    internal static string? Unwritten(string variant, ReadOnlySpan<double> actual)
    {
        int i = FirstNaN(actual);
        return i < 0 ? null : $"{variant} leaves element {i} unwritten (or gives NaN from finite inputs).";
    }

    /// <summary>As <see cref="Unwritten"/> for floats.</summary>
    /// <param name="variant">The variant's name.</param>
    /// <param name="actual">Its output.</param>
    /// <returns>The problem, or null.</returns>
    internal static string? UnwrittenSingle(string variant, ReadOnlySpan<float> actual)
    {
        for (int i = 0; i < actual.Length; i++)
        {
            if (float.IsNaN(actual[i]))
            {
                return $"{variant} leaves element {i} unwritten (or gives NaN from finite inputs).";
            }
        }

        return null;
    }

    private static int FirstNaN(ReadOnlySpan<double> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static List<string> CheckParameterised(BenchmarkCase benchmarkCase)
    {
        Type type = benchmarkCase.Descriptor.Type;
        object benchmark = Activator.CreateInstance(type)!;
        foreach (ParameterInstance parameter in benchmarkCase.Parameters.Items)
        {
            type.GetProperty(parameter.Name)!.SetValue(benchmark, parameter.Value);
        }

        try
        {
            // Enumerated here, so that a throwing variant is caught.
            return benchmark switch
            {
                TrainingLoopBenchmark trainingLoop => [.. trainingLoop.Disagreements()],
                FloatBenchmark single => [.. single.Disagreements()],
                _ => [$"no agreement check for {type.Name}"],
            };
        }
        catch (Exception e)
        {
            return [$"threw {e.GetType().Name}: {e.Message}"];
        }
    }

    private static string? Check(Type type, Operation operation)
    {
        var benchmark = (OperationBenchmark)Activator.CreateInstance(type)!;
        benchmark.N = OperationBenchmark.SmallestSize;
        benchmark.Operation = operation;
        try
        {
            benchmark.Allocate(OperationBenchmark.SmallestSize);
            benchmark.PoisonDestination();
            benchmark.Library();
            double[] expected = benchmark.Destination.ToArray();
            benchmark.PoisonDestination();
            benchmark.TensorPrimitives();
            string? problem = Compare("TensorPrimitives", benchmark.Destination, expected);
            if (problem is not null)
            {
                return problem;
            }

            benchmark.PoisonDestination();
            benchmark.ScalarLoop();
            return Compare("ScalarLoop", benchmark.Destination, expected);
        }
        catch (Exception e)
        {
            // A throwing variant is reported like a disagreement instead of stopping the validation.
            return $"threw {e.GetType().Name}: {e.Message}";
        }
        finally
        {
            benchmark.Cleanup();
        }
    }

    private static string? Compare(string variant, ReadOnlySpan<double> actual, double[] expected) =>
        Compare(variant, actual, expected, BenchmarkInputs.Create(expected.Length));
}
