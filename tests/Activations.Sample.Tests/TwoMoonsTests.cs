using System;
using FluentAssertions;

namespace Activations.Sample.Tests;

public class TwoMoonsTests
{
    [Fact]
    public void Without_noise_every_point_lies_on_its_own_half_circle()
    {
        Dataset<double> data = TwoMoons.Generate<double>(500, noise: 0.0, new Random(7));

        ReadOnlySpan<double> features = data.Features.Span;
        ReadOnlySpan<double> labels = data.Labels.Span;
        for (int i = 0; i < data.Count; i++)
        {
            double x = features[2 * i];
            double y = features[(2 * i) + 1];

            // Class 0: the upper unit half circle centred at (−½, −¼); class 1: the lower one centred at (½, ¼).
            (double cx, double cy, double side) = labels[i] == 0.0 ? (-0.5, -0.25, 1.0) : (0.5, 0.25, -1.0);
            double radius = Math.Sqrt(((x - cx) * (x - cx)) + ((y - cy) * (y - cy)));
            radius.Should().BeApproximately(1.0, 1e-12, because: $"point {i} ({x}, {y}) has label {labels[i]}");
            (side * (y - cy)).Should().BeGreaterThanOrEqualTo(-1e-12, because: $"point {i} ({x}, {y}) is on the {(side > 0 ? "upper" : "lower")} half");
        }
    }

    [Fact]
    public void Both_classes_are_drawn_about_equally_often()
    {
        Dataset<double> data = TwoMoons.Generate<double>(2000, noise: 0.2, new Random(1));

        double ones = 0.0;
        foreach (double label in data.Labels.Span)
        {
            label.Should().BeOneOf(0.0, 1.0);
            ones += label;
        }

        // The count of class 1 is Binomial(2000, ½): standard deviation ≈ 22, so ±150 is about 7σ.
        ones.Should().BeInRange(850, 1150, because: "each point picks its moon with probability ½");
    }

    [Fact]
    public void The_same_random_state_gives_the_same_points()
    {
        Dataset<double> first = TwoMoons.Generate<double>(100, noise: 0.2, new Random(3));
        Dataset<double> second = TwoMoons.Generate<double>(100, noise: 0.2, new Random(3));

        first.Features.ToArray().Should().Equal(second.Features.ToArray());
        first.Labels.ToArray().Should().Equal(second.Labels.ToArray());
    }

    [Fact]
    public void In_float_the_same_random_state_gives_the_double_points_rounded()
    {
        Dataset<double> inDouble = TwoMoons.Generate<double>(100, noise: 0.2, new Random(3));
        Dataset<float> inFloat = TwoMoons.Generate<float>(100, noise: 0.2, new Random(3));

        inFloat.Features.ToArray().Should().Equal(Array.ConvertAll(inDouble.Features.ToArray(), x => (float)x));
        inFloat.Labels.ToArray().Should().Equal(Array.ConvertAll(inDouble.Labels.ToArray(), x => (float)x));
    }
}
