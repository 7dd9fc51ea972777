using System;
using System.Collections.Generic;
using System.Linq;

namespace Activations.Benchmarks;

/// <summary>
/// The activations of the catalogue-driven benchmark classes (the training-loop and float
/// families): every name of <see cref="ActivationFunction.Names"/>, read back with
/// <see cref="ActivationFunction.Parse(string)"/>, so that an activation added to the library is
/// benchmarked (and, without a TensorPrimitives composition, reported by the agreement validator).
/// Where the double suite has a class for the activation, its parameters are used (Affine with
/// slope 0.5 and intercept 1 rather than the identity), so that the families measure the same functions.
/// </summary>
internal static class CatalogueActivations
{
    /// <summary>The canonical form of each activation, in the order of <see cref="ActivationFunction.Names"/>, e.g. <c>Affine(slope=0.5, intercept=1)</c>, <c>ELU(alpha=1)</c>, <c>Sigmoid</c>.</summary>
    public static IReadOnlyList<string> All { get; } = [.. ActivationFunction.Names.Select(WithSuiteParameters)];

    /// <summary>Those whose output determines the derivative (<see cref="ActivationFunction.CanBackwardFromOutput"/>).</summary>
    public static IReadOnlyList<string> WithBackwardFromOutput { get; } = [.. All.Where(a => ActivationFunction.Parse(a).CanBackwardFromOutput)];

    /// <summary>The name without parameters, e.g. <c>Affine</c> for <c>Affine(slope=0.5, intercept=1)</c>.</summary>
    /// <param name="activation">A canonical form.</param>
    /// <returns>The name.</returns>
    public static string NameOf(string activation)
    {
        int parenthesis = activation.IndexOf('(', StringComparison.Ordinal);
        return parenthesis < 0 ? activation : activation[..parenthesis];
    }

    private static string WithSuiteParameters(string name) =>
        BenchmarkCatalog.Types
            .Where(t => t.IsSubclassOf(typeof(OperationBenchmark)) && !t.IsAbstract)
            .Select(t => ((OperationBenchmark)Activator.CreateInstance(t)!).Activation.ToString())
            .FirstOrDefault(a => NameOf(a) == name)
        ?? ActivationFunction.Parse(name).ToString();
}
