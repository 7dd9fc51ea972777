namespace Activations.Benchmarks;

/// <summary>Which of an activation's three span overloads a benchmark measures.</summary>
public enum Operation
{
    /// <summary>The activation f.</summary>
    Fn,

    /// <summary>The first derivative f′.</summary>
    Grad,

    /// <summary>The second derivative f″.</summary>
    Grad2,
}
