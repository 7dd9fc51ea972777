using System;
using TP = System.Numerics.Tensors.TensorPrimitives;

namespace Activations.Benchmarks.ExponentialFamily;

/// <summary>CELU(alpha = 1), PyTorch's default: f = (x &gt; 0 ? x : α(e^(x/α) − 1)), f′ = (x &gt; 0 ? 1 : e^(x/α)), f″ = (x &gt; 0 ? 0 : e^(x/α)/α).</summary>
public class CELUBenchmark : OperationBenchmark
{
    private const double Alpha = 1.0;
    private static readonly CELU Function = new(Alpha);

    /// <inheritdoc/>
    public override ActivationFunction Activation => Function;

    /// <inheritdoc/>
    protected override void ScalarFn(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] > 0 ? x[i] : Alpha * (Math.Exp(x[i] / Alpha) - 1.0);
        }
    }

    /// <inheritdoc/>
    protected override void ScalarGrad(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] > 0 ? 1.0 : Math.Exp(x[i] / Alpha);
        }
    }

    /// <inheritdoc/>
    protected override void ScalarGrad2(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] > 0 ? 0.0 : Math.Exp(x[i] / Alpha) / Alpha;
        }
    }

    // max(x, 0) + α·expm1(min(x, 0)/α): min, divide, expm1, max, multiply-add (five passes).
    /// <inheritdoc/>
    protected override void TensorPrimitivesFn(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch)
    {
        TP.Min(x, 0.0, scratch);
        TP.Divide(scratch, Alpha, scratch);
        TP.ExpM1(scratch, scratch);
        TP.Max(x, 0.0, destination);
        TP.MultiplyAdd(scratch, Alpha, destination, destination);
    }

    // e^(min(x, 0)/α), which is e⁰ = 1 on the linear branch (three passes).
    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch)
    {
        TP.Min(x, 0.0, destination);
        TP.Divide(destination, Alpha, destination);
        TP.Exp(destination, destination);
    }

    // (e^(min(x, 0)/α) − H(x))/α: 0 on the linear branch (seven passes with the step's two).
    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad2(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch)
    {
        TP.Min(x, 0.0, scratch);
        TP.Divide(scratch, Alpha, scratch);
        TP.Exp(scratch, scratch);
        TensorPrimitivesSteps.Heaviside(x, destination);
        TP.Subtract(scratch, destination, destination);
        TP.Divide(destination, Alpha, destination);
    }
}
