using System;
using TP = System.Numerics.Tensors.TensorPrimitives;

namespace Activations.Benchmarks.PiecewiseLinearFamily;

// The piecewise-linear family: no transcendental function, so every variant should run near the
// CopyTo bound once the data leaves the cache.

/// <summary>
/// The family's common part: f″ = 0 everywhere (also at the kinks, by the library's convention),
/// and constant derivatives. On the TensorPrimitives side a constant is written with Span.Fill or
/// Span.Clear: TensorPrimitives has no operation that writes a constant, and Fill is the vectorised
/// call its user would make; on the scalar side, a plain loop.
/// </summary>
public abstract class PiecewiseLinearBenchmark : OperationBenchmark
{
    /// <inheritdoc/>
    protected sealed override void ScalarGrad2(ReadOnlySpan<double> x, Span<double> destination) => ScalarFill(x, destination, 0.0);

    /// <inheritdoc/>
    protected sealed override void TensorPrimitivesGrad2(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        destination[..x.Length].Clear();

    /// <summary>Writes <paramref name="value"/> to the first x.Length elements, one at a time.</summary>
    /// <param name="x">The inputs (only their count matters).</param>
    /// <param name="destination">The outputs.</param>
    /// <param name="value">The constant.</param>
    protected static void ScalarFill(ReadOnlySpan<double> x, Span<double> destination, double value)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = value;
        }
    }
}

/// <summary>Affine(slope = 0.5, intercept = 1): f = s·x + b, f′ = s, f″ = 0 (parameters other than the identity on purpose).</summary>
public class AffineBenchmark : PiecewiseLinearBenchmark
{
    private const double Slope = 0.5;
    private const double Intercept = 1.0;
    private static readonly Affine Function = new(Slope, Intercept);

    /// <inheritdoc/>
    public override ActivationFunction Activation => Function;

    /// <inheritdoc/>
    protected override void ScalarFn(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = (Slope * x[i]) + Intercept;
        }
    }

    /// <inheritdoc/>
    protected override void ScalarGrad(ReadOnlySpan<double> x, Span<double> destination) => ScalarFill(x, destination, Slope);

    // s·x, then + b: TensorPrimitives' multiply-add takes at most one scalar operand, so two
    // passes (and two roundings, where the library rounds once).
    /// <inheritdoc/>
    protected override void TensorPrimitivesFn(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch)
    {
        TP.Multiply(x, Slope, destination);
        TP.Add(destination, Intercept, destination);
    }

    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        destination[..x.Length].Fill(Slope);
}

/// <summary>Identity: f = x, f′ = 1, f″ = 0.</summary>
public class IdentityBenchmark : PiecewiseLinearBenchmark
{
    private static readonly Identity Function = new();

    /// <inheritdoc/>
    public override ActivationFunction Activation => Function;

    /// <inheritdoc/>
    protected override void ScalarFn(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = x[i];
        }
    }

    /// <inheritdoc/>
    protected override void ScalarGrad(ReadOnlySpan<double> x, Span<double> destination) => ScalarFill(x, destination, 1.0);

    // TensorPrimitives has no copy; a copy is what its user would write (the same as the CopyTo variant).
    /// <inheritdoc/>
    protected override void TensorPrimitivesFn(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        x.CopyTo(destination);

    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        destination[..x.Length].Fill(1.0);
}

/// <summary>ReLU: f = max(x, 0), f′ = (x &gt; 0 ? 1 : 0), f″ = 0.</summary>
public class ReLUBenchmark : PiecewiseLinearBenchmark
{
    private static readonly ReLU Function = new();

    /// <inheritdoc/>
    public override ActivationFunction Activation => Function;

    /// <inheritdoc/>
    protected override void ScalarFn(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] > 0 ? x[i] : 0.0;
        }
    }

    /// <inheritdoc/>
    protected override void ScalarGrad(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] > 0 ? 1.0 : 0.0;
        }
    }

    /// <inheritdoc/>
    protected override void TensorPrimitivesFn(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        TP.Max(x, 0.0, destination);

    // H(x): clamp to [0, 1], then ceiling (two passes).
    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        TensorPrimitivesSteps.Heaviside(x, destination);
}

/// <summary>LeakyReLU(alpha = 0.3), numpy-ml's default: f = (x &gt; 0 ? x : α·x), f′ = (x &gt; 0 ? 1 : α), f″ = 0.</summary>
public class LeakyReLUBenchmark : PiecewiseLinearBenchmark
{
    private const double Alpha = 0.3;
    private static readonly LeakyReLU Function = new(Alpha);

    /// <inheritdoc/>
    public override ActivationFunction Activation => Function;

    /// <inheritdoc/>
    protected override void ScalarFn(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] > 0 ? x[i] : Alpha * x[i];
        }
    }

    /// <inheritdoc/>
    protected override void ScalarGrad(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] > 0 ? 1.0 : Alpha;
        }
    }

    // max(x, α·x) (two passes), which equals the definition for 0 ≤ α ≤ 1: α·x ≤ x exactly when x ≥ 0.
    /// <inheritdoc/>
    protected override void TensorPrimitivesFn(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch)
    {
        TP.Multiply(x, Alpha, destination);
        TP.Max(x, destination, destination);
    }

    // max(H(x), α) (three passes): 1 where x > 0 and α elsewhere, for 0 ≤ α ≤ 1.
    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch)
    {
        TensorPrimitivesSteps.Heaviside(x, destination);
        TP.Max(destination, Alpha, destination);
    }
}

/// <summary>HardSigmoid: f = clamp(x/5 + 1/2, 0, 1), f′ = (−2.5 ≤ x ≤ 2.5 ? 1/5 : 0), f″ = 0.</summary>
public class HardSigmoidBenchmark : PiecewiseLinearBenchmark
{
    private static readonly HardSigmoid Function = new();

    /// <inheritdoc/>
    public override ActivationFunction Activation => Function;

    // numpy-ml's np.clip(0.2 * z + 0.5, 0.0, 1.0).
    /// <inheritdoc/>
    protected override void ScalarFn(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = Math.Clamp((0.2 * x[i]) + 0.5, 0.0, 1.0);
        }
    }

    /// <inheritdoc/>
    protected override void ScalarGrad(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] >= -2.5 && x[i] <= 2.5 ? 0.2 : 0.0;
        }
    }

    // 0.2·x, + 0.5, clamp to [0, 1] (three passes; no multiply-add with two scalar operands).
    /// <inheritdoc/>
    protected override void TensorPrimitivesFn(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch)
    {
        TP.Multiply(x, 0.2, destination);
        TP.Add(destination, 0.5, destination);
        TP.Clamp(destination, 0.0, 1.0, destination);
    }

    // 0.2·floor(clamp(3.5 − |x|, 0, 1)) (five passes): 3.5 − |x| ≥ 1 exactly when |x| ≤ 2.5, and is
    // below 1 otherwise (the subtraction is exact near the boundary), so the floor is the indicator
    // of the closed interval [−2.5, 2.5].
    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch)
    {
        TP.Abs(x, destination);
        TP.Subtract(3.5, destination, destination);
        TP.Clamp(destination, 0.0, 1.0, destination);
        TP.Floor(destination, destination);
        TP.Multiply(destination, 0.2, destination);
    }
}

/// <summary>HardTanh(min = −1, max = 1), the defaults: f = clamp(x, −1, 1), f′ = (−1 ≤ x ≤ 1 ? 1 : 0), f″ = 0.</summary>
public class HardTanhBenchmark : PiecewiseLinearBenchmark
{
    private static readonly HardTanh Function = new();
    private static readonly TensorPrimitivesCompositions<double> Compositions = TensorPrimitivesCompositions<double>.For(Function)!;

    /// <inheritdoc/>
    public override ActivationFunction Activation => Function;

    /// <inheritdoc/>
    protected override void ScalarFn(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = Math.Clamp(x[i], -1.0, 1.0);
        }
    }

    /// <inheritdoc/>
    protected override void ScalarGrad(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] >= -1.0 && x[i] <= 1.0 ? 1.0 : 0.0;
        }
    }

    // Clamp (one pass), as the training-loop and float families compose it.
    /// <inheritdoc/>
    protected override void TensorPrimitivesFn(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        Compositions.Fn.Run(x, destination, scratch);

    // floor(clamp(2 − |x|, 0, 1)) (four passes; see TensorPrimitivesCompositions).
    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        Compositions.Grad.Run(x, destination, scratch);
}

/// <summary>
/// HardSwish: f = x·clamp(x + 3, 0, 6)/6, f′ = (x &lt; −3 ? 0 : x &gt; 3 ? 1 : (2x + 3)/6), f″ = (−3 ≤ x ≤ 3 ? 1/3 : 0).
/// Piecewise quadratic rather than linear, but of this family: no transcendental function, so it too
/// should run near the CopyTo bound.
/// </summary>
public class HardSwishBenchmark : OperationBenchmark
{
    private static readonly HardSwish Function = new();
    private static readonly TensorPrimitivesCompositions<double> Compositions = TensorPrimitivesCompositions<double>.For(Function)!;

    /// <inheritdoc/>
    public override ActivationFunction Activation => Function;

    // PyTorch's x·relu6(x + 3)/6.
    /// <inheritdoc/>
    protected override void ScalarFn(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] * Math.Clamp(x[i] + 3.0, 0.0, 6.0) / 6.0;
        }
    }

    /// <inheritdoc/>
    protected override void ScalarGrad(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] < -3.0 ? 0.0 : x[i] > 3.0 ? 1.0 : ((2.0 * x[i]) + 3.0) / 6.0;
        }
    }

    /// <inheritdoc/>
    protected override void ScalarGrad2(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] >= -3.0 && x[i] <= 3.0 ? 1.0 / 3.0 : 0.0;
        }
    }

    // Add, Clamp, Multiply, Multiply (four passes; see TensorPrimitivesCompositions).
    /// <inheritdoc/>
    protected override void TensorPrimitivesFn(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        Compositions.Fn.Run(x, destination, scratch);

    // c = clamp(x, −3, 3), then c/3 plus a correction of 1/2, 1 or 0 from x − c (six passes).
    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        Compositions.Grad.Run(x, destination, scratch);

    // (1/3)·floor(clamp(4 − |x|, 0, 1)) (five passes).
    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad2(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        Compositions.Grad2.Run(x, destination, scratch);
}
