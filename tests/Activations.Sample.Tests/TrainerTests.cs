using System.Collections.Generic;
using System.Linq;
using FluentAssertions;

namespace Activations.Sample.Tests;

public class TrainerTests
{
    [Theory]
    [InlineData("float")]
    [InlineData("double")]
    public void The_program_defaults_reach_95_percent_held_out_accuracy(string precision)
    {
        CommandLine.DefaultActivation.Should().Be(new Tanh(), because: "the program documents Tanh as its default");

        TrainingResult result = Trainer.Train(CommandLine.DefaultActivation, Options(precision));

        result.TestAccuracy.Should().BeGreaterThanOrEqualTo(0.95, because: $"two moons with noise 0.2 is about 97 % separable by a curved boundary, in {precision} as well");
        result.Final.Accuracy.Should().BeGreaterThanOrEqualTo(0.95, because: "the training set comes from the same distribution");
    }

    [Theory]
    [InlineData("float")]
    [InlineData("double")]
    public void A_linear_activation_cannot_separate_the_moons(string precision)
    {
        // With Identity the network is an affine map, i.e. logistic regression: the straight
        // boundary misclassifies the tips of the moons, about 13 % of the points.
        TrainingResult result = Trainer.Train(new Identity(), Options(precision) with { Epochs = 10 });

        result.TestAccuracy.Should().BeInRange(0.80, 0.92, because: "no straight line separates two interleaved half circles");
    }

    [Fact]
    public void Training_is_in_float_unless_double_is_asked_for()
    {
        var options = new TrainingOptions { Epochs = 2, Seed = 5 };

        options.Precision.Should().Be(Precision.Float);
        TrainingResult inFloat = Trainer.Train(new Tanh(), options);
        TrainingResult inDouble = Trainer.Train(new Tanh(), options with { Precision = Precision.Double });

        inFloat.Should().Be(Trainer.Train<float>(new Tanh(), options));
        inDouble.Should().Be(Trainer.Train<double>(new Tanh(), options));
        inFloat.Should().NotBe(inDouble, because: "float rounds every weight and product to 24 bits");
        inFloat.TestLoss.Should().BeApproximately(inDouble.TestLoss, 1e-3, because: "the same data and initial weights, rounded, train to nearly the same network");
    }

    [Theory]
    [InlineData("float")]
    [InlineData("double")]
    public void Equal_options_give_bit_identical_runs(string precision)
    {
        TrainingOptions options = Options(precision) with { Epochs = 2, Seed = 5 };

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

    private static TrainingOptions Options(string precision) =>
        new() { Precision = precision == "double" ? Precision.Double : Precision.Float };
}
