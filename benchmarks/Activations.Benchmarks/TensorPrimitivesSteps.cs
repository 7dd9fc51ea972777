using System;
using TP = System.Numerics.Tensors.TensorPrimitives;

namespace Activations.Benchmarks;

/// <summary>
/// Compositions of TensorPrimitives calls shared by several activations. TensorPrimitives has no
/// element-wise comparison or select for doubles, so a branch point is built from clamping and
/// rounding; each helper says how many passes over the data it makes.
/// </summary>
internal static class TensorPrimitivesSteps
{
    /// <summary>
    /// The step H(x) = 1 if x &gt; 0, else 0 (0 at x = 0, the library's convention), in two passes:
    /// clamping to [0, 1] maps x ≤ 0 to ±0 and x &gt; 0 to (0, 1], and the ceiling of that is exactly
    /// 0 or 1 (a positive subnormal also clamps to a positive value, whose ceiling is 1).
    /// </summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives H(x); may be x.</param>
    public static void Heaviside(ReadOnlySpan<double> x, Span<double> destination)
    {
        TP.Clamp(x, 0.0, 1.0, destination);
        TP.Ceiling(destination, destination);
    }

    /// <summary>The logistic derivative σ(1 − σ) from the sigmoid: σ, then 1 − σ, then the product (three passes).</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives σ′(x).</param>
    /// <param name="scratch">Holds σ(x).</param>
    public static void SigmoidGrad(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch)
    {
        TP.Sigmoid(x, scratch);
        TP.Subtract(1.0, scratch, destination);
        TP.Multiply(scratch, destination, destination);
    }
}
