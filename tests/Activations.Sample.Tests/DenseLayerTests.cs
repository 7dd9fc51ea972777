using System;
using System.Linq;
using System.Numerics;
using FluentAssertions;

namespace Activations.Sample.Tests;

public class DenseLayerTests
{
    private const int Inputs = 3;
    private const int Outputs = 4;
    private const int Rows = 5;

    [Fact]
    public void A_layer_keeps_its_pre_activation_only_when_the_output_does_not_determine_the_derivative()
    {
        foreach (string name in ActivationFunction.Names)
        {
            ActivationFunction activation = ActivationFunction.Parse(name);

            new DenseLayer<float>(Inputs, Outputs, activation, Rows, new Random(1)).KeepsPreActivation
                .Should().Be(!activation.CanBackwardFromOutput, because: $"{activation} {(activation.CanBackwardFromOutput ? "gives" : "does not give")} f′ from its output");
        }
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void The_input_gradient_is_the_finite_difference_of_the_loss(ActivationFunction activation)
    {
        // L = Σ c ⊙ y for fixed weights c, so ∂L/∂y = c and ∂L/∂a is the slope of L in each input.
        double[] input = Values(Rows * Inputs, seed: 2);
        double[] c = Values(Rows * Outputs, seed: 3);
        var layer = new DenseLayer<double>(Inputs, Outputs, activation, Rows, new Random(4));
        double Loss(double[] a) => layer.Forward(a).ToArray().Zip(c, (y, w) => y * w).Sum();

        double[] inputGradient = InputGradient(layer, input, c);

        const double h = 1e-6;
        for (int i = 0; i < input.Length; i++)
        {
            double[] up = (double[])input.Clone();
            double[] down = (double[])input.Clone();
            up[i] += h;
            down[i] -= h;
            double slope = (Loss(up) - Loss(down)) / (2 * h);
            inputGradient[i].Should().BeApproximately(slope, 1e-6 * Math.Max(1.0, Math.Abs(slope)), because: $"∂L/∂a[{i}] for {activation}");
        }
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void In_float_the_gradient_is_the_double_gradient_to_float_precision(ActivationFunction activation)
    {
        double[] input = Values(Rows * Inputs, seed: 5);
        double[] c = Values(Rows * Outputs, seed: 6);
        double[] inDouble = InputGradient(new DenseLayer<double>(Inputs, Outputs, activation, Rows, new Random(7)), input, c);

        float[] inFloat = InputGradient(
            new DenseLayer<float>(Inputs, Outputs, activation, Rows, new Random(7)),
            Array.ConvertAll(input, x => (float)x),
            Array.ConvertAll(c, x => (float)x));

        for (int i = 0; i < inDouble.Length; i++)
        {
            ((double)inFloat[i]).Should().BeApproximately(inDouble[i], 1e-5, because: $"∂L/∂a[{i}] for {activation}: the same layer in float");
        }
    }

    public static TheoryData<ActivationFunction> Activations() =>
    [
        new Tanh(), new ReLU(), new ELU(0.5), new LeakyReLU(0.1), new Sigmoid(), new SoftPlus(), new SELU(), new HardSigmoid(), new Identity(), new Exponential(),
    ];

    private static T[] InputGradient<T>(DenseLayer<T> layer, T[] input, T[] outputGradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        layer.Forward(input);
        T[] dy = (T[])outputGradient.Clone();
        var inputGradient = new T[input.Length];
        layer.Backward(input, dy, inputGradient);
        return inputGradient;
    }

    private static double[] Values(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (2.0 * random.NextDouble()) - 1.0).ToArray();
    }
}
