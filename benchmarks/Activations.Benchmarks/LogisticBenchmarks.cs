using System;
using TP = System.Numerics.Tensors.TensorPrimitives;

namespace Activations.Benchmarks.LogisticFamily;

// The logistic family: sigmoid, tanh and softplus, one exponential (or tanh) and a division or a
// logarithm per element. TensorPrimitives has Sigmoid and Tanh directly; the derivatives are
// short compositions on their result.

/// <summary>Sigmoid: f = σ = 1/(1 + e⁻ˣ), f′ = σ(1 − σ), f″ = σ(1 − σ)(1 − 2σ).</summary>
public class SigmoidBenchmark : OperationBenchmark
{
    private static readonly Sigmoid Function = new();

    /// <inheritdoc/>
    public override ActivationFunction Activation => Function;

    /// <inheritdoc/>
    protected override void ScalarFn(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = 1.0 / (1.0 + Math.Exp(-x[i]));
        }
    }

    /// <inheritdoc/>
    protected override void ScalarGrad(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double s = 1.0 / (1.0 + Math.Exp(-x[i]));
            destination[i] = s * (1.0 - s);
        }
    }

    /// <inheritdoc/>
    protected override void ScalarGrad2(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double s = 1.0 / (1.0 + Math.Exp(-x[i]));
            destination[i] = s * (1.0 - s) * (1.0 - (2.0 * s));
        }
    }

    /// <inheritdoc/>
    protected override void TensorPrimitivesFn(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        TP.Sigmoid(x, destination);

    // σ, 1 − σ, product (three passes).
    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        TensorPrimitivesSteps.SigmoidGrad(x, destination, scratch);

    // σ, then (σ − 1)·σ, then (σ − ½)·that, then ×2 (four passes): 2(σ − ½)(σ − 1)σ = σ(1 − σ)(1 − 2σ).
    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad2(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch)
    {
        TP.Sigmoid(x, scratch);
        TP.AddMultiply(scratch, -1.0, scratch, destination);
        TP.AddMultiply(scratch, -0.5, destination, destination);
        TP.Multiply(destination, 2.0, destination);
    }
}

/// <summary>Tanh: f = t = tanh x, f′ = 1 − t², f″ = −2t(1 − t²).</summary>
public class TanhBenchmark : OperationBenchmark
{
    private static readonly Tanh Function = new();

    /// <inheritdoc/>
    public override ActivationFunction Activation => Function;

    /// <inheritdoc/>
    protected override void ScalarFn(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = Math.Tanh(x[i]);
        }
    }

    /// <inheritdoc/>
    protected override void ScalarGrad(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double t = Math.Tanh(x[i]);
            destination[i] = 1.0 - (t * t);
        }
    }

    /// <inheritdoc/>
    protected override void ScalarGrad2(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double t = Math.Tanh(x[i]);
            destination[i] = -2.0 * t * (1.0 - (t * t));
        }
    }

    /// <inheritdoc/>
    protected override void TensorPrimitivesFn(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        TP.Tanh(x, destination);

    // t, t², 1 − t² (three passes, in place).
    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch)
    {
        TP.Tanh(x, destination);
        TP.Multiply(destination, destination, destination);
        TP.Subtract(1.0, destination, destination);
    }

    // t, t², (t² − 1)·t, ×2 (four passes): 2t(t² − 1) = −2t(1 − t²).
    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad2(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch)
    {
        TP.Tanh(x, scratch);
        TP.Multiply(scratch, scratch, destination);
        TP.AddMultiply(destination, -1.0, scratch, destination);
        TP.Multiply(destination, 2.0, destination);
    }
}

/// <summary>SoftPlus: f = ln(1 + eˣ), f′ = σ(x), f″ = σ(x)(1 − σ(x)).</summary>
public class SoftPlusBenchmark : OperationBenchmark
{
    private static readonly SoftPlus Function = new();

    /// <inheritdoc/>
    public override ActivationFunction Activation => Function;

    // The naive formula: it overflows for x > 709 and loses everything below about −37, which the
    // [−10, 10] inputs never reach.
    /// <inheritdoc/>
    protected override void ScalarFn(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = Math.Log(1.0 + Math.Exp(x[i]));
        }
    }

    // numpy-ml's np.exp(z) / (np.exp(z) + 1), with the exponential computed once.
    /// <inheritdoc/>
    protected override void ScalarGrad(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double e = Math.Exp(x[i]);
            destination[i] = e / (e + 1.0);
        }
    }

    // numpy-ml's np.exp(z) / ((np.exp(z) + 1) ** 2).
    /// <inheritdoc/>
    protected override void ScalarGrad2(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double e = Math.Exp(x[i]);
            destination[i] = e / ((e + 1.0) * (e + 1.0));
        }
    }

    // eˣ, then ln(1 + ·) by LogP1 (two passes; shorter and more accurate than Exp, Add, Log).
    /// <inheritdoc/>
    protected override void TensorPrimitivesFn(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch)
    {
        TP.Exp(x, destination);
        TP.LogP1(destination, destination);
    }

    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        TP.Sigmoid(x, destination);

    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad2(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        TensorPrimitivesSteps.SigmoidGrad(x, destination, scratch);
}

/// <summary>LogSigmoid: f = ln σ(x), f′ = σ(−x) = 1 − σ(x), f″ = −σ(x)(1 − σ(x)).</summary>
public class LogSigmoidBenchmark : OperationBenchmark
{
    private static readonly LogSigmoid Function = new();

    /// <inheritdoc/>
    public override ActivationFunction Activation => Function;

    // The textbook formula: log(1/(1 + e⁻ˣ)), which overflows for x < −709 and rounds σ to 1 (so
    // gives 0) above about 37, which the [−10, 10] inputs never reach.
    /// <inheritdoc/>
    protected override void ScalarFn(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = Math.Log(1.0 / (1.0 + Math.Exp(-x[i])));
        }
    }

    // 1 − σ(x), as written in the definition.
    /// <inheritdoc/>
    protected override void ScalarGrad(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = 1.0 - (1.0 / (1.0 + Math.Exp(-x[i])));
        }
    }

    /// <inheritdoc/>
    protected override void ScalarGrad2(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double s = 1.0 / (1.0 + Math.Exp(-x[i]));
            destination[i] = -s * (1.0 - s);
        }
    }

    // σ, then its logarithm (two passes).
    /// <inheritdoc/>
    protected override void TensorPrimitivesFn(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch)
    {
        TP.Sigmoid(x, destination);
        TP.Log(destination, destination);
    }

    // −x, then σ (two passes).
    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch)
    {
        TP.Negate(x, destination);
        TP.Sigmoid(destination, destination);
    }

    // σ, then (σ − 1)·σ (two passes).
    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad2(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch)
    {
        TP.Sigmoid(x, scratch);
        TP.AddMultiply(scratch, -1.0, scratch, destination);
    }
}

/// <summary>Mish: f = x·g with g = tanh(ln(1 + eˣ)), f′ = g + x·σ·(1 − g²), f″ = σ(1 − g²)(2 + x(1 − σ − 2gσ)).</summary>
public class MishBenchmark : OperationBenchmark
{
    private static readonly Mish Function = new();
    private static readonly TensorPrimitivesCompositions<double> Compositions = TensorPrimitivesCompositions<double>.For(Function)!;

    /// <inheritdoc/>
    public override ActivationFunction Activation => Function;

    // The textbook formula (PyTorch's reference definition), exact enough on the [−10, 10] inputs.
    /// <inheritdoc/>
    protected override void ScalarFn(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] * Math.Tanh(Math.Log(1.0 + Math.Exp(x[i])));
        }
    }

    // g + x·σ(x)·(1 − g²), as the chain rule writes it.
    /// <inheritdoc/>
    protected override void ScalarGrad(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double g = Math.Tanh(Math.Log(1.0 + Math.Exp(x[i])));
            double s = 1.0 / (1.0 + Math.Exp(-x[i]));
            destination[i] = g + (x[i] * s * (1.0 - (g * g)));
        }
    }

    // σ(1 − g²)(2 + x(1 − σ − 2gσ)).
    /// <inheritdoc/>
    protected override void ScalarGrad2(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double g = Math.Tanh(Math.Log(1.0 + Math.Exp(x[i])));
            double s = 1.0 / (1.0 + Math.Exp(-x[i]));
            destination[i] = s * (1.0 - (g * g)) * (2.0 + (x[i] * (1.0 - s - (2.0 * g * s))));
        }
    }

    // Exp, LogP1, Tanh, Multiply by x (four passes), as the training-loop and float families compose it.
    /// <inheritdoc/>
    protected override void TensorPrimitivesFn(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        Compositions.Fn.Run(x, destination, scratch);

    // Ten passes (see TensorPrimitivesCompositions).
    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        Compositions.Grad.Run(x, destination, scratch);

    // Fifteen passes (see TensorPrimitivesCompositions).
    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad2(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        Compositions.Grad2.Run(x, destination, scratch);
}

/// <summary>SiLU (Swish): f = x·σ(x), f′ = σ(1 + x(1 − σ)), f″ = σ(1 − σ)(2 + x(1 − 2σ)).</summary>
public class SiLUBenchmark : OperationBenchmark
{
    private static readonly SiLU Function = new();

    /// <inheritdoc/>
    public override ActivationFunction Activation => Function;

    // The textbook formula x/(1 + e⁻ˣ) (for x < −709, e⁻ˣ overflows and the quotient is −0, which the
    // [−10, 10] inputs never reach).
    /// <inheritdoc/>
    protected override void ScalarFn(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] / (1.0 + Math.Exp(-x[i]));
        }
    }

    /// <inheritdoc/>
    protected override void ScalarGrad(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double s = 1.0 / (1.0 + Math.Exp(-x[i]));
            destination[i] = s * (1.0 + (x[i] * (1.0 - s)));
        }
    }

    /// <inheritdoc/>
    protected override void ScalarGrad2(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double s = 1.0 / (1.0 + Math.Exp(-x[i]));
            destination[i] = s * (1.0 - s) * (2.0 + (x[i] * (1.0 - (2.0 * s))));
        }
    }

    // σ, then ×x (two passes).
    /// <inheritdoc/>
    protected override void TensorPrimitivesFn(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch)
    {
        TP.Sigmoid(x, destination);
        TP.Multiply(destination, x, destination);
    }

    // σ, (σ − 1)·x, 1 − that, ×σ (four passes).
    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch)
    {
        TP.Sigmoid(x, scratch);
        TP.AddMultiply(scratch, -1.0, x, destination);
        TP.Subtract(1.0, destination, destination);
        TP.Multiply(destination, scratch, destination);
    }

    // σ, (σ − 1)·σ = −σ′, q = (σ − 1/2)·x, (q − 1)·(−σ′), ×2: σ′(2 − x·tanh(x/2)) (five passes).
    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad2(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch)
    {
        TP.Sigmoid(x, scratch);
        TP.AddMultiply(scratch, -1.0, scratch, destination);
        TP.AddMultiply(scratch, -0.5, x, scratch);
        TP.AddMultiply(scratch, -1.0, destination, destination);
        TP.Multiply(destination, 2.0, destination);
    }
}
