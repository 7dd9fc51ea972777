using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Activations.Sample;

/// <summary>The program's arguments: <c>[activation] [--double] [--epochs N] [--seed N] [--help]</c>.</summary>
/// <param name="Activation">The hidden activation.</param>
/// <param name="Options">The training settings.</param>
/// <param name="ShowHelp">Whether to print the usage text instead of training.</param>
internal sealed record CommandLine(ActivationFunction Activation, TrainingOptions Options, bool ShowHelp)
{
    /// <summary>The hidden activation when none is named.</summary>
    public static readonly ActivationFunction DefaultActivation = new Tanh();

    /// <summary>The largest accepted <c>--epochs</c>, so that a typo cannot start an hours-long run.</summary>
    public const int MaxEpochs = 100_000;

    private const string Indent = "               ";

    /// <summary>The usage text printed by <c>--help</c>.</summary>
    public static string Usage { get; } = string.Join(
        Environment.NewLine,
        "Trains a 2-16-16-1 perceptron on the two-moons data set with the chosen hidden activation.",
        string.Empty,
        "Usage: Activations.Sample [activation] [--double] [--epochs N] [--seed N]",
        string.Empty,
        $"  activation   One of {Wrap(string.Join(", ", ActivationFunction.Names), Indent.Length + "One of ".Length)}",
        $"{Indent}(default: {DefaultActivation}), read by ActivationFunction.Parse: case, spaces, '_' and",
        $"{Indent}'-' do not matter, and parameters may follow in parentheses, e.g. relu,",
        $"{Indent}\"elu(alpha=0.5)\", \"LeakyReLU(alpha=0.1)\" (quote parentheses and spaces for",
        $"{Indent}the shell).",
        "  --double     Trains in double instead of float.",
        $"  --epochs N   Passes over the training set, 1 to {MaxEpochs} (default: {new TrainingOptions().Epochs}).",
        $"  --seed N     Seeds the data, the initial weights and the shuffling, 0 or more (default: {new TrainingOptions().Seed}).",
        "  -h, --help   Shows this text.",
        string.Empty,
        "Exit code: 0 after training or help, 1 if training diverged, 2 for bad arguments.");

    /// <summary>Reads the arguments; on failure, says why in one line.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="commandLine">The parsed arguments, or null on failure.</param>
    /// <param name="error">A one-line reason for the failure, or null on success.</param>
    /// <returns>Whether the arguments were valid.</returns>
    public static bool TryParse(IReadOnlyList<string> args, [NotNullWhen(true)] out CommandLine? commandLine, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        commandLine = null;
        string? activationText = null;
        var options = new TrainingOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "-h" or "--help" or "-?":
                    commandLine = new CommandLine(DefaultActivation, options, ShowHelp: true);
                    error = null;
                    return true;
                case "--double":
                    options = options with { Precision = Precision.Double };
                    break;
                case "--epochs" or "--seed":
                    if (!TryReadInt(args, ++i, arg, min: arg == "--epochs" ? 1 : 0, max: arg == "--epochs" ? MaxEpochs : int.MaxValue, out int value, out error))
                    {
                        return false;
                    }

                    options = arg == "--epochs" ? options with { Epochs = value } : options with { Seed = value };
                    break;
                case { Length: > 0 } when arg[0] == '-':
                    error = $"unknown option '{arg}'";
                    return false;
                default:
                    if (activationText is not null)
                    {
                        error = $"unexpected argument '{arg}': the activation is already '{activationText}'";
                        return false;
                    }

                    activationText = arg;
                    break;
            }
        }

        ActivationFunction activation = DefaultActivation;
        if (activationText is not null && !TryParseActivation(activationText, out activation, out error))
        {
            return false;
        }

        commandLine = new CommandLine(activation, options, ShowHelp: false);
        error = null;
        return true;
    }

    private static bool TryParseActivation(string text, out ActivationFunction activation, [NotNullWhen(false)] out string? error)
    {
        try
        {
            activation = ActivationFunction.Parse(text);
            error = null;
            return true;
        }
        catch (FormatException ex)
        {
            // Parse's message normally quotes the text; name it here when it does not, so the
            // user always sees which argument was rejected.
            string message = OneLine(ex.Message);
            error = message.Contains(text, StringComparison.Ordinal) ? message : $"cannot read activation '{text}': {message}";
            activation = DefaultActivation;
            return false;
        }
    }

    private static bool TryReadInt(IReadOnlyList<string> args, int index, string option, int min, int max, out int value, [NotNullWhen(false)] out string? error)
    {
        if (index >= args.Count)
        {
            error = $"option '{option}' needs a value";
            value = 0;
            return false;
        }

        string text = args[index];
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < min || value > max)
        {
            error = $"option '{option}' needs a whole number from {min} to {max}, not '{text}'";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Breaks a list at ", " into lines of at most 100 characters, the first starting at <paramref name="column"/>, the others at <see cref="Indent"/>.</summary>
    private static string Wrap(string list, int column)
    {
        var text = new StringBuilder();
        foreach (string item in list.Split(' '))
        {
            if (column + 1 + item.Length > 100)
            {
                text.Append(Environment.NewLine).Append(Indent);
                column = Indent.Length;
            }
            else if (text.Length > 0)
            {
                text.Append(' ');
                column++;
            }

            text.Append(item);
            column += item.Length;
        }

        return text.ToString();
    }

    /// <summary>Joins the lines of a message so that the error stays on one line.</summary>
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
