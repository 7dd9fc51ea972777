using System;
using TP = System.Numerics.Tensors.TensorPrimitives;

namespace Activations.Benchmarks.RationalFamily;

// The rational family: softsign, an absolute value and a division per element (the library's
// carries 1 + |x| and the quotient in double-double). TensorPrimitives has no softsign; the
// compositions build 1 + |x| in two passes and divide.

/// <summary>Softsign: f = x/(1 + |x|), f′ = 1/(1 + |x|)², f″ = −2·sign(x)/(1 + |x|)³.</summary>
public class SoftsignBenchmark : OperationBenchmark
{
    private static readonly Softsign Function = new();

    /// <inheritdoc/>
    public override ActivationFunction Activation => Function;

    /// <inheritdoc/>
    protected override void ScalarFn(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] / (1.0 + Math.Abs(x[i]));
        }
    }

    /// <inheritdoc/>
    protected override void ScalarGrad(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double d = 1.0 + Math.Abs(x[i]);
            destination[i] = 1.0 / (d * d);
        }
    }

    // sign(x) taken as +1 at 0, the library's convention (Math.Sign would give 0 there).
    /// <inheritdoc/>
    protected override void ScalarGrad2(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double d = 1.0 + Math.Abs(x[i]);
            destination[i] = (x[i] > 0 ? -2.0 : 2.0) / (d * d * d);
        }
    }

    // 1 + |x| (two passes), then x over it.
    /// <inheritdoc/>
    protected override void TensorPrimitivesFn(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch)
    {
        TP.Abs(x, destination);
        TP.Add(destination, 1.0, destination);
        TP.Divide(x, destination, destination);
    }

    // 1 + |x|, its square, the reciprocal (four passes).
    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch)
    {
        TP.Abs(x, destination);
        TP.Add(destination, 1.0, destination);
        TP.Multiply(destination, destination, destination);
        TP.Reciprocal(destination, destination);
    }

    // d = 1 + |x|, d², d³, sign(x)·d³ by CopySign, then −2 over it (six passes; at x = +0 this gives −2
    // where the library's convention is +2, and the inputs are never 0).
    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad2(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch)
    {
        TP.Abs(x, destination);
        TP.Add(destination, 1.0, destination);
        TP.Multiply(destination, destination, scratch);
        TP.Multiply(scratch, destination, destination);
        TP.CopySign(destination, x, destination);
        TP.Divide(-2.0, destination, destination);
    }
}
