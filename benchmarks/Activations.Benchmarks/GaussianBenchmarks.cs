using System;

namespace Activations.Benchmarks.GaussianFamily;

// The Gaussian family: GELU, x·Φ(x) and its tanh approximation. The approximation is one exponential
// and a division per element in the library (σ of a double-double cubic); TensorPrimitives composes
// it from its Sigmoid. .NET has no erf, so the exact form's scalar loop calls the textbook one below
// and its compositions a fitted erfc (see TensorPrimitivesCompositions).

/// <summary>GELU(approximate: true): f = (x/2)(1 + tanh(√(2/π)(x + 0.044715x³))), f′ and f″ its exact derivatives.</summary>
public class GELUBenchmark : OperationBenchmark
{
    private static readonly GELU Function = new(approximate: true);
    private static readonly TensorPrimitivesCompositions<double> Compositions = TensorPrimitivesCompositions<double>.For(Function)!;
    private static readonly double SqrtTwoOverPi = Math.Sqrt(2 / Math.PI);

    /// <inheritdoc/>
    public override ActivationFunction Activation => Function;

    // The formula as the papers print it.
    /// <inheritdoc/>
    protected override void ScalarFn(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            destination[i] = 0.5 * v * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (v + (0.044715 * v * v * v))));
        }
    }

    // d/dx of the same: (1 + tanh y)/2 + (x/2)(1 − tanh²y)·y′, y′ = √(2/π)(1 + 3·0.044715x²).
    /// <inheritdoc/>
    protected override void ScalarGrad(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            double th = Math.Tanh(SqrtTwoOverPi * (v + (0.044715 * v * v * v)));
            double dy = SqrtTwoOverPi * (1 + (3 * 0.044715 * v * v));
            destination[i] = (0.5 * (1 + th)) + (0.5 * v * (1 - (th * th)) * dy);
        }
    }

    // (1 − tanh²y)·y′ + (x/2)(1 − tanh²y)(y″ − 2 tanh y·y′²), y″ = 6·0.044715·√(2/π)x.
    /// <inheritdoc/>
    protected override void ScalarGrad2(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            double th = Math.Tanh(SqrtTwoOverPi * (v + (0.044715 * v * v * v)));
            double dy = SqrtTwoOverPi * (1 + (3 * 0.044715 * v * v));
            double d2y = SqrtTwoOverPi * 6 * 0.044715 * v;
            double sech2 = 1 - (th * th);
            destination[i] = (sech2 * dy) + (0.5 * v * sech2 * (d2y - (2 * th * dy * dy)));
        }
    }

    // x², k1 + k3x² (two), b, σ(b), x·σ(b) (six passes).
    /// <inheritdoc/>
    protected override void TensorPrimitivesFn(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        Compositions.Fn.Run(x, destination, scratch);

    // σ(b) + x·b′·σ(1 − σ) (twelve passes; see TensorPrimitivesCompositions).
    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        Compositions.Grad.Run(x, destination, scratch);

    // σ′(b)(G + H(1 − 2σ)) with σ′ = 1/(2 + 2 cosh b) (24 passes; see TensorPrimitivesCompositions).
    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad2(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        Compositions.Grad2.Run(x, destination, scratch);
}

/// <summary>GELU(approximate: false): f = x·Φ(x) = (x/2)(1 + erf(x/√2)), f′ = Φ(x) + x·φ(x), f″ = (2 − x²)·φ(x).</summary>
public class GELUExactBenchmark : OperationBenchmark
{
    private static readonly GELU Function = new(approximate: false);
    private static readonly TensorPrimitivesCompositions<double> Compositions = TensorPrimitivesCompositions<double>.For(Function)!;
    private static readonly double InverseSqrtTwoPi = 1 / Math.Sqrt(2 * Math.PI);

    /// <inheritdoc/>
    public override ActivationFunction Activation => Function;

    /// <summary>
    /// The textbook erf: the Maclaurin series 2/√π·Σ (−1)ⁿz^(2n+1)/(n!(2n + 1)) while |z| &lt; 2.5 (summed until
    /// the terms stop changing the sum), beyond it 1 − erfc(z) from erfc's continued fraction
    /// e^(−z²)/√π · 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + …)))), evaluated from 60 levels down.
    /// </summary>
    /// <param name="z">The argument.</param>
    /// <returns>erf(z), to about 1e−15.</returns>
    internal static double Erf(double z)
    {
        double a = Math.Abs(z);
        if (a < 2.5)
        {
            double z2 = z * z;
            double term = z;
            double sum = z;
            for (int n = 1; n < 100; n++)
            {
                term *= -z2 / n;
                double next = sum + (term / ((2 * n) + 1));
                if (next == sum)
                {
                    break;
                }

                sum = next;
            }

            return 2 / Math.Sqrt(Math.PI) * sum;
        }

        double f = a;
        for (int k = 60; k >= 1; k--)
        {
            f = a + (k * 0.5 / f);
        }

        double erfc = Math.Exp(-a * a) / (Math.Sqrt(Math.PI) * f);
        return z > 0 ? 1 - erfc : erfc - 1;
    }

    /// <inheritdoc/>
    protected override void ScalarFn(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            destination[i] = 0.5 * v * (1 + Erf(v / Math.Sqrt(2)));
        }
    }

    /// <inheritdoc/>
    protected override void ScalarGrad(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            destination[i] = (0.5 * (1 + Erf(v / Math.Sqrt(2)))) + (v * Math.Exp(-0.5 * v * v) * InverseSqrtTwoPi);
        }
    }

    /// <inheritdoc/>
    protected override void ScalarGrad2(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            destination[i] = (2 - (v * v)) * Math.Exp(-0.5 * v * v) * InverseSqrtTwoPi;
        }
    }

    // Φ from a fitted erfc (27 passes), then x·Φ.
    /// <inheritdoc/>
    protected override void TensorPrimitivesFn(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        Compositions.Fn.Run(x, destination, scratch);

    // Φ and e^(−x²/2), then Φ + x·φ (29 passes).
    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        Compositions.Grad.Run(x, destination, scratch);

    // (2 − x²)·φ (six passes; no erf).
    /// <inheritdoc/>
    protected override void TensorPrimitivesGrad2(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch) =>
        Compositions.Grad2.Run(x, destination, scratch);
}
