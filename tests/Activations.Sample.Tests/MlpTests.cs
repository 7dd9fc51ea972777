using System;
using System.Linq;
using System.Numerics;
using FluentAssertions;

namespace Activations.Sample.Tests;

public class MlpTests
{
    [Theory]
    [MemberData(nameof(ActivationsInBothPrecisions))]
    public void A_small_step_lowers_the_loss_of_its_batch(ActivationFunction activation, string precision)
    {
        (double before, double after) = precision == "double" ? LossBeforeAndAfterAStep<double>(activation) : LossBeforeAndAfterAStep<float>(activation);

        after.Should().BeLessThan(before, because: $"a small step against the gradient descends (activation {activation} in {precision}); a wrong sign or a missing f′ would not");
    }

    [Theory]
    [InlineData("float", 1e-5)]
    [InlineData("double", 1e-12)]
    public void The_loss_is_the_binary_cross_entropy_of_the_predicted_probabilities(string precision, double tolerance)
    {
        if (precision == "double")
        {
            LossIsTheCrossEntropy<double>(tolerance);
        }
        else
        {
            LossIsTheCrossEntropy<float>(tolerance);
        }
    }

    public static TheoryData<ActivationFunction, string> ActivationsInBothPrecisions()
    {
        var data = new TheoryData<ActivationFunction, string>();
        // Every activation with its defaults, and two with other parameters.
        foreach (ActivationFunction activation in ActivationFunction.Names.Select(ActivationFunction.Parse).Append(new ELU(0.5)).Append(new LeakyReLU(0.1)))
        {
            data.Add(activation, "float");
            data.Add(activation, "double");
        }

        return data;
    }

    private static (double Before, double After) LossBeforeAndAfterAStep<T>(ActivationFunction activation)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Dataset<T> batch = TwoMoons.Generate<T>(16, noise: 0.2, new Random(11));
        var network = new Mlp<T>(activation, hiddenWidth: 8, maxBatchSize: 16, new Random(12));
        (T before, _) = network.Evaluate(batch.Features.Span, batch.Labels.Span);

        network.TrainStep(batch.Features.Span, batch.Labels.Span, T.CreateChecked(1e-3));
        (T after, _) = network.Evaluate(batch.Features.Span, batch.Labels.Span);

        return (double.CreateChecked(before), double.CreateChecked(after));
    }

    private static void LossIsTheCrossEntropy<T>(double tolerance)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Dataset<T> batch = TwoMoons.Generate<T>(8, noise: 0.2, new Random(13));
        var network = new Mlp<T>(new Tanh(), hiddenWidth: 4, maxBatchSize: 8, new Random(14));

        T[] logits = network.Forward(batch.Features.Span).ToArray();
        (T lossSum, int correct) = network.Evaluate(batch.Features.Span, batch.Labels.Span);

        double expectedLoss = 0.0;
        int expectedCorrect = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            double y = double.CreateChecked(batch.Labels.Span[i]);
            double p = 1.0 / (1.0 + Math.Exp(-double.CreateChecked(logits[i])));
            expectedLoss -= (y * Math.Log(p)) + ((1.0 - y) * Math.Log(1.0 - p));
            expectedCorrect += (p > 0.5) == (y == 1.0) ? 1 : 0;
        }

        double.CreateChecked(lossSum).Should().BeApproximately(expectedLoss, tolerance * Math.Max(1.0, expectedLoss), because: $"the loss in {typeof(T).Name} is the cross-entropy of its own logits");
        correct.Should().Be(expectedCorrect);
    }
}
