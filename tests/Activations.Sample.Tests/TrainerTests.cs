using System.Collections.Generic;
using System.Linq;
using FluentAssertions;

namespace Activations.Sample.Tests;

public class TrainerTests
{
    [Fact]
    public void The_program_defaults_reach_95_percent_held_out_accuracy()
    {
        CommandLine.DefaultActivation.Should().Be(new Tanh(), because: "the program documents Tanh as its default");

        TrainingResult result = Trainer.Train(CommandLine.DefaultActivation, new TrainingOptions());

        result.TestAccuracy.Should().BeGreaterThanOrEqualTo(0.95, because: "two moons with noise 0.2 is about 97 % separable by a curved boundary");
        result.Final.Accuracy.Should().BeGreaterThanOrEqualTo(0.95, because: "the training set comes from the same distribution");
    }

    [Fact]
    public void A_linear_activation_cannot_separate_the_moons()
    {
        // With Identity the network is an affine map, i.e. logistic regression: the straight
        // boundary misclassifies the tips of the moons, about 13 % of the points.
        TrainingResult result = Trainer.Train(new Identity(), new TrainingOptions { Epochs = 10 });

        result.TestAccuracy.Should().BeInRange(0.80, 0.92, because: "no straight line separates two interleaved half circles");
    }

    [Fact]
    public void Equal_options_give_bit_identical_runs()
    {
        var options = new TrainingOptions { Epochs = 2, Seed = 5 };

        TrainingResult first = Trainer.Train(new ELU(0.5), options);
        TrainingResult second = Trainer.Train(new ELU(0.5), options);

        second.Should().Be(first, because: "the seed fixes the data, the initial weights and the shuffling");
    }

    [Fact]
    public void Progress_is_reported_the_requested_number_of_times_ending_at_the_last_epoch()
    {
        var reports = new List<EpochReport>();

        TrainingResult result = Trainer.Train(new ReLU(), new TrainingOptions { Epochs = 6, Reports = 3 }, reports.Add);

        reports.Select(r => r.Epoch).Should().Equal([2, 4, 6], because: "6 epochs in 3 reports is one report every 2 epochs");
        result.Final.Should().Be(reports[^1]);
    }
}
