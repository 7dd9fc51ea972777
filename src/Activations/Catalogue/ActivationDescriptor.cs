using System;
using Activations.Kernels;

namespace Activations.Catalogue;

/// <summary>How a parameter is written in the text form.</summary>
internal enum ParameterKind
{
    /// <summary>A finite decimal number.</summary>
    Number,

    /// <summary><c>True</c> or <c>False</c> (any case), stored as 1 or 0.</summary>
    Boolean,
}

/// <summary>One constructor parameter: its name in the text form (the constructor's, in camel case) and its default.</summary>
internal sealed record ParameterDescriptor(string Name, double Default, ParameterKind Kind = ParameterKind.Number);

/// <summary>
/// Everything that is specific to one activation, in one place: the name and aliases that
/// <see cref="ActivationFunction.Parse(string)"/> reads and <see cref="ActivationFunction.ToString"/>
/// writes, the parameters with their defaults and validation, the kernels, the formulas (which the
/// README's table must repeat) and the parameter variants the shared test suites run over.
/// Equality, hashing, formatting, parsing and validation read it and are written once.
/// </summary>
internal sealed class ActivationDescriptor
{
    /// <summary>The canonical name, as ToString writes it.</summary>
    public required string Name { get; init; }

    /// <summary>Other names Parse accepts (matched like the name: any case, ' ', '_' and '-' ignored).</summary>
    public string[] Aliases { get; init; } = [];

    /// <summary>The parameters in constructor order.</summary>
    public ParameterDescriptor[] Parameters { get; init; } = [];

    /// <summary>
    /// Validation beyond "finite" (every number parameter must be finite): null when the values
    /// are valid, else the name of the offending parameter and the reason, which the constructor
    /// throws as <see cref="ArgumentOutOfRangeException"/> and Parse reports as a
    /// <see cref="FormatException"/>.
    /// </summary>
    public Func<double[], (string Parameter, string Reason)?>? Check { get; init; }

    /// <summary>The kernels for valid parameter values.</summary>
    public required Func<double[], KernelSet> Kernels { get; init; }

    /// <summary>The public instance for valid parameter values (the public constructor).</summary>
    public required Func<double[], ActivationFunction> Create { get; init; }

    /// <summary>f(x), f′(x) and f″(x) in plain text, as README.md's table of activations gives them (a test compares the two).</summary>
    public required (string Fn, string Grad, string Grad2) Formulas { get; init; }

    /// <summary>Parameter values besides the defaults that reach different branches of the kernels; the shared test suites run over each.</summary>
    public double[][] Variants { get; init; } = [];

    /// <summary>The defaults of every parameter, in order.</summary>
    public double[] Defaults() => Array.ConvertAll(Parameters, p => p.Default);
}
