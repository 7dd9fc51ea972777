using System;
using System.Collections.Generic;
using System.Linq;
using Activations.Catalogue;

namespace Activations.Tests;

/// <summary>
/// The catalogue every shared suite runs over, read from the library's own catalogue: each
/// activation with its defaults, then each parameter variant its description lists (a zero slope,
/// a zero alpha, a negative slope, ELU's huge and tiny alphas, which the kernels prepare
/// differently). A new activation joins every shared suite through its description alone.
/// Theories receive the activation's canonical name (a string, so that xunit can list every case
/// as its own test) and look the instance up with <see cref="Get"/>.
/// </summary>
public static class AllActivations
{
    /// <summary>Every activation the shared suites test.</summary>
    public static IReadOnlyList<ActivationFunction> Instances { get; } =
        KnownActivations.All
            .SelectMany(d => new[] { d.Defaults() }.Concat(d.Variants).Select(p => d.Create(p)))
            .ToArray();

    /// <summary>The three things an activation computes.</summary>
    public static IReadOnlyList<Operation> Operations { get; } = [Operation.Fn, Operation.Grad, Operation.Grad2];

    // Built once; ToDictionary throws on a duplicate name, so two catalogue entries can never
    // silently stand for the same test case.
    private static readonly Dictionary<string, ActivationFunction> ByName =
        Instances.ToDictionary(f => f.ToString(), StringComparer.Ordinal);

    /// <summary>The name of every catalogue entry, for <c>[MemberData]</c>.</summary>
    /// <returns>One row per activation.</returns>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (ActivationFunction f in Instances)
        {
            data.Add(f.ToString());
        }

        return data;
    }

    /// <summary>Every catalogue entry with every operation, for <c>[MemberData]</c>.</summary>
    /// <returns>One row per activation and operation.</returns>
    public static TheoryData<string, Operation> NamesAndOperations()
    {
        var data = new TheoryData<string, Operation>();
        foreach (ActivationFunction f in Instances)
        {
            foreach (Operation op in Operations)
            {
                data.Add(f.ToString(), op);
            }
        }

        return data;
    }

    /// <summary>The catalogue entry with the given canonical name.</summary>
    /// <param name="name">A name from <see cref="Names"/>.</param>
    /// <returns>The activation.</returns>
    public static ActivationFunction Get(string name) => ByName[name];

    /// <summary>The scalar overload of <paramref name="op"/>.</summary>
    /// <param name="f">The activation.</param>
    /// <param name="op">Which function.</param>
    /// <param name="x">The input.</param>
    /// <returns>f(x), f′(x) or f″(x).</returns>
    public static double Scalar(this ActivationFunction f, Operation op, double x) => op switch
    {
        Operation.Fn => f.Fn(x),
        Operation.Grad => f.Grad(x),
        Operation.Grad2 => f.Grad2(x),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary>The float scalar overload of <paramref name="op"/>.</summary>
    /// <param name="f">The activation.</param>
    /// <param name="op">Which function.</param>
    /// <param name="x">The input.</param>
    /// <returns>f(x), f′(x) or f″(x) rounded to float.</returns>
    public static float Scalar(this ActivationFunction f, Operation op, float x) => op switch
    {
        Operation.Fn => f.Fn(x),
        Operation.Grad => f.Grad(x),
        Operation.Grad2 => f.Grad2(x),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary>The float span overload of <paramref name="op"/>.</summary>
    /// <param name="f">The activation.</param>
    /// <param name="op">Which function.</param>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results.</param>
    public static void Span(this ActivationFunction f, Operation op, ReadOnlySpan<float> x, Span<float> destination)
    {
        switch (op)
        {
            case Operation.Fn:
                f.Fn(x, destination);
                break;
            case Operation.Grad:
                f.Grad(x, destination);
                break;
            case Operation.Grad2:
                f.Grad2(x, destination);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(op), op, null);
        }
    }

    /// <summary>The span overload of <paramref name="op"/>.</summary>
    /// <param name="f">The activation.</param>
    /// <param name="op">Which function.</param>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives the results.</param>
    public static void Span(this ActivationFunction f, Operation op, ReadOnlySpan<double> x, Span<double> destination)
    {
        switch (op)
        {
            case Operation.Fn:
                f.Fn(x, destination);
                break;
            case Operation.Grad:
                f.Grad(x, destination);
                break;
            case Operation.Grad2:
                f.Grad2(x, destination);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(op), op, null);
        }
    }

    /// <summary>The array overload of <paramref name="op"/>.</summary>
    /// <param name="f">The activation.</param>
    /// <param name="op">Which function.</param>
    /// <param name="x">The inputs (may be null, to test validation).</param>
    /// <returns>A new array of results.</returns>
    public static double[] Array(this ActivationFunction f, Operation op, double[] x) => op switch
    {
        Operation.Fn => f.Fn(x),
        Operation.Grad => f.Grad(x),
        Operation.Grad2 => f.Grad2(x),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };
}

/// <summary>One of the three functions an activation computes.</summary>
public enum Operation
{
    /// <summary>The activation f.</summary>
    Fn,

    /// <summary>The first derivative f′.</summary>
    Grad,

    /// <summary>The second derivative f″.</summary>
    Grad2,
}
