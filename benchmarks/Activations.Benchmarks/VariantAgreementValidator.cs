using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Validators;

namespace Activations.Benchmarks;

/// <summary>
/// Before anything is timed, checks that the four variants of every selected class compute the same
/// function: on the smallest size, the TensorPrimitives composition and the scalar loop must agree
/// with the library to 1e-9 relative (plus 1e-12 absolute, for values near zero). A composition with
/// a wrong sign or factor would otherwise be timed and compared as if it were equivalent. The output
/// is filled with NaN before each variant, so an element left unwritten also disagrees. A
/// disagreement is a critical validation error, so the run stops and exits non-zero.
/// </summary>
internal sealed class VariantAgreementValidator : IValidator
{
    private const double RelativeTolerance = 1e-9;
    private const double AbsoluteTolerance = 1e-12;

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

    private static string? Compare(string variant, ReadOnlySpan<double> actual, double[] expected)
    {
        double[] x = BenchmarkInputs.Create(expected.Length);
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
}
