using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace Activations.Sample;

/// <summary>
/// Trains a small perceptron on two moons with the activation named on the command line and
/// prints its progress and held-out accuracy. See <see cref="CommandLine.Usage"/>.
/// </summary>
internal static class Program
{
    /// <summary>The exit code when the loss overflowed during training.</summary>
    public const int Diverged = 1;

    /// <summary>The exit code for invalid arguments.</summary>
    public const int UsageError = 2;

    /// <summary>The entry point.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>0 on success, <see cref="Diverged"/> or <see cref="UsageError"/> on failure.</returns>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>The program with its output streams as parameters.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Receives the help text and the progress report.</param>
    /// <param name="error">Receives the one-line message for invalid arguments.</param>
    /// <returns>0 on success, <see cref="Diverged"/> or <see cref="UsageError"/> on failure.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!CommandLine.TryParse(args, out CommandLine? commandLine, out string? message))
        {
            error.WriteLine($"error: {message.TrimEnd('.')} (see --help)");
            return UsageError;
        }

        if (commandLine.ShowHelp)
        {
            output.WriteLine(CommandLine.Usage);
            return 0;
        }

        TrainingOptions options = commandLine.Options;
        output.WriteLine(Invariant($"Data: two moons, {options.TrainingPoints} training + {options.TestPoints} held-out points, noise {options.Noise}, seed {options.Seed}"));
        string precision = options.Precision == Precision.Double ? "double" : "float";
        string backward = commandLine.Activation.CanBackwardFromOutput ? "backward from its output" : "backward from its input";
        output.WriteLine(Invariant($"Network: 2-{options.HiddenWidth}-{options.HiddenWidth}-1 in {precision}, hidden activation {commandLine.Activation} ({backward}), sigmoid output, binary cross-entropy"));
        output.WriteLine(Invariant($"Training: {options.Epochs} epochs of mini-batch gradient descent, batch {options.BatchSize}, learning rate {options.LearningRate} falling to {options.FinalLearningRate}"));

        TrainingResult result = Trainer.Train(
            commandLine.Activation,
            options,
            report => output.WriteLine(Invariant($"epoch {report.Epoch,6}  loss {report.Loss,8:F4}  training accuracy {100 * report.Accuracy,5:F1} %")));

        output.WriteLine(Invariant($"Final accuracy: {100 * result.TestAccuracy:F1} % ({options.TestPoints} held-out points)"));
        if (!double.IsFinite(result.Final.Loss))
        {
            // An unbounded activation (Exponential) can overflow; the accuracy above is then meaningless.
            error.WriteLine($"error: training diverged (the loss is not finite) with {commandLine.Activation}");
            return Diverged;
        }

        return 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
