using System;
using TP = System.Numerics.Tensors.TensorPrimitives;

namespace Activations.Benchmarks.ExponentialFamily;

// The exponential family: one exp per element dominates. TensorPrimitives.Exp is the direct
// comparison for Exponential; ELU and SELU are compositions around ExpM1 (for f) or Exp (for the
// derivatives), shared below with λ = 1 for ELU.

/// <summary>Exponential: f = f′ = f″ = eˣ.</summary>
public class ExponentialBenchmark : OperationBenchmark
{
    private static readonly Exponential Function = new();

    /// <inheritdoc/>
    public override ActivationFunction Activation => Function;

    /// <inheritdoc/>
    protected override void ScalarFn(ReadOnlySpan<double> x, Span<double> destination) => ScalarExp(x, destination);

    /// <inheritdoc/>
    protected override void ScalarGrad(ReadOnlySpan<double> x, Span<double> destination) => ScalarExp(x, destination);

    /// <inheritdoc/>
    protected override void ScalarGrad2(ReadOnlySpan<double> x, Span<double> destination) => ScalarExp(x, destination);

    /// <inheritdoc/>
    protected override void TensorPrimitivesFn(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        TP.Exp(x, destination);

    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        TP.Exp(x, destination);

    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad2(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        TP.Exp(x, destination);

    private static void ScalarExp(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = Math.Exp(x[i]);
        }
    }
}

/// <summary>ELU(alpha = 1), numpy-ml's default: f = (x &gt; 0 ? x : α(eˣ − 1)), f′ = (x &gt; 0 ? 1 : α·eˣ), f″ = (x &gt; 0 ? 0 : α·eˣ).</summary>
public class ELUBenchmark : OperationBenchmark
{
    private const double Alpha = 1.0;
    private static readonly ELU Function = new(Alpha);

    /// <inheritdoc/>
    public override ActivationFunction Activation => Function;

    /// <inheritdoc/>
    protected override void ScalarFn(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] > 0 ? x[i] : Alpha * (Math.Exp(x[i]) - 1.0);
        }
    }

    /// <inheritdoc/>
    protected override void ScalarGrad(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] > 0 ? 1.0 : Alpha * Math.Exp(x[i]);
        }
    }

    /// <inheritdoc/>
    protected override void ScalarGrad2(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] > 0 ? 0.0 : Alpha * Math.Exp(x[i]);
        }
    }

    /// <inheritdoc/>
    protected override void TensorPrimitivesFn(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        EluCompositions.Fn(x, 1.0, Alpha, destination, scratch);

    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        EluCompositions.Grad(x, 1.0, Alpha, destination, scratch);

    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad2(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        EluCompositions.Grad2(x, Alpha, destination, scratch);
}

/// <summary>SELU: f = λ·(x &gt; 0 ? x : α(eˣ − 1)), f′ = (x &gt; 0 ? λ : λα·eˣ), f″ = (x &gt; 0 ? 0 : λα·eˣ), with the library's α and λ.</summary>
public class SELUBenchmark : OperationBenchmark
{
    private const double Alpha = SELU.Alpha;
    private const double Scale = SELU.Scale;
    private static readonly SELU Function = new();

    /// <inheritdoc/>
    public override ActivationFunction Activation => Function;

    /// <inheritdoc/>
    protected override void ScalarFn(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] > 0 ? Scale * x[i] : Scale * Alpha * (Math.Exp(x[i]) - 1.0);
        }
    }

    /// <inheritdoc/>
    protected override void ScalarGrad(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] > 0 ? Scale : Scale * Alpha * Math.Exp(x[i]);
        }
    }

    /// <inheritdoc/>
    protected override void ScalarGrad2(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] > 0 ? 0.0 : Scale * Alpha * Math.Exp(x[i]);
        }
    }

    /// <inheritdoc/>
    protected override void TensorPrimitivesFn(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        EluCompositions.Fn(x, Scale, Alpha, destination, scratch);

    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        EluCompositions.Grad(x, Scale, Scale * Alpha, destination, scratch);

    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad2(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        EluCompositions.Grad2(x, Scale * Alpha, destination, scratch);
}

/// <summary>
/// The scaled ELU λ·(x &gt; 0 ? x : α(eˣ − 1)) and its derivatives as TensorPrimitives calls, valid
/// for every α and λ. The branch is removed by evaluating the exponential at min(x, 0), which is x
/// on the exponential branch and 0 (e⁰ = 1, e⁰ − 1 = 0) on the linear one.
/// </summary>
internal static class EluCompositions
{
    /// <summary>λ·(max(x, 0) + α·expm1(min(x, 0))): min, expm1, max, multiply-add, and the scaling when λ ≠ 1 (four or five passes).</summary>
    public static void Fn(ReadOnlySpan<double> x, double scale, double alpha, Span<double> destination, Span<double> scratch)
    {
        TP.Min(x, 0.0, scratch);
        TP.ExpM1(scratch, scratch);
        TP.Max(x, 0.0, destination);
        TP.MultiplyAdd(scratch, alpha, destination, destination);
        if (scale != 1.0)
        {
            TP.Multiply(destination, scale, destination);
        }
    }

    /// <summary>
    /// s·exp(min(x, 0)) + (λ − s)·H(x) with s = λα: the exponential term is s·eˣ on x ≤ 0 and s on
    /// x &gt; 0, where the step adds the missing λ − s (six passes).
    /// </summary>
    public static void Grad(ReadOnlySpan<double> x, double scale, double scaledAlpha, Span<double> destination, Span<double> scratch)
    {
        TP.Min(x, 0.0, scratch);
        TP.Exp(scratch, scratch);
        TP.Multiply(scratch, scaledAlpha, scratch);
        TensorPrimitivesSteps.Heaviside(x, destination);
        TP.MultiplyAdd(destination, scale - scaledAlpha, scratch, destination);
    }

    /// <summary>s·(exp(min(x, 0)) − H(x)) with s = λα: eˣ on x ≤ 0, and 1 − 1 = 0 on x &gt; 0 (six passes).</summary>
    public static void Grad2(ReadOnlySpan<double> x, double scaledAlpha, Span<double> destination, Span<double> scratch)
    {
        TP.Min(x, 0.0, scratch);
        TP.Exp(scratch, scratch);
        TensorPrimitivesSteps.Heaviside(x, destination);
        TP.Subtract(scratch, destination, destination);
        TP.Multiply(destination, scaledAlpha, destination);
    }
}
