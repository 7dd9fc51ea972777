using System;
using FluentAssertions;

namespace Activations.Sample.Tests;

public class MlpTests
{
    [Theory]
    [MemberData(nameof(Activations))]
    public void A_small_step_lowers_the_loss_of_its_batch(ActivationFunction activation)
    {
        Dataset batch = TwoMoons.Generate(16, noise: 0.2, new Random(11));
        var network = new Mlp(activation, hiddenWidth: 8, maxBatchSize: 16, new Random(12));
        (double before, _) = network.Evaluate(batch.Features.Span, batch.Labels.Span);

        network.TrainStep(batch.Features.Span, batch.Labels.Span, learningRate: 1e-3);
        (double after, _) = network.Evaluate(batch.Features.Span, batch.Labels.Span);

        after.Should().BeLessThan(before, because: $"a small step against the gradient descends (activation {activation}); a wrong sign or a missing f′ would not");
    }

    [Fact]
    public void The_loss_is_the_binary_cross_entropy_of_the_predicted_probabilities()
    {
        Dataset batch = TwoMoons.Generate(8, noise: 0.2, new Random(13));
        var network = new Mlp(new Tanh(), hiddenWidth: 4, maxBatchSize: 8, new Random(14));

        double[] logits = network.Forward(batch.Features.Span).ToArray();
        (double lossSum, int correct) = network.Evaluate(batch.Features.Span, batch.Labels.Span);

        double expectedLoss = 0.0;
        int expectedCorrect = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            double y = batch.Labels.Span[i];
            double p = 1.0 / (1.0 + Math.Exp(-logits[i]));
            expectedLoss -= (y * Math.Log(p)) + ((1.0 - y) * Math.Log(1.0 - p));
            expectedCorrect += (p > 0.5) == (y == 1.0) ? 1 : 0;
        }

        lossSum.Should().BeApproximately(expectedLoss, 1e-12 * Math.Max(1.0, expectedLoss));
        correct.Should().Be(expectedCorrect);
    }

    public static TheoryData<ActivationFunction> Activations() =>
    [
        new Tanh(), new ReLU(), new ELU(0.5), new LeakyReLU(0.1), new Sigmoid(), new SoftPlus(), new SELU(),
    ];
}
