using System;
using System.IO;
using System.Linq;
using FluentAssertions;

namespace Activations.Sample.Tests;

public class ProgramTests
{
    [Fact]
    public void Help_prints_the_usage_and_succeeds()
    {
        (int exitCode, string output, string error) = Run("--help");

        exitCode.Should().Be(0);
        output.Should().Contain("Usage: Activations.Sample [activation] [--double] [--epochs N] [--seed N]");
        output.Should().Contain("--double     Trains in double instead of float.");
        error.Should().BeEmpty();
    }

    [Fact]
    public void Help_names_every_activation()
    {
        (_, string output, _) = Run("--help");

        string[] words = output.Split([' ', ',', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        words.Should().Contain(ActivationFunction.Names);
    }

    [Theory]
    [InlineData("float")]
    [InlineData("double")]
    public void A_short_run_prints_the_header_the_progress_and_the_final_accuracy(string precision)
    {
        string[] args = precision == "double" ? ["--epochs", "2", "--double", "--seed", "3"] : ["--epochs", "2", "--seed", "3"];
        (int exitCode, string output, string error) = Run(args);

        exitCode.Should().Be(0, because: $"the run should succeed; stderr: {error}");
        error.Should().BeEmpty();
        string[] lines = Lines(output);
        lines.Should().HaveCount(6, because: "three header lines, one progress line per epoch, one final line");
        lines[0].Should().Be("Data: two moons, 1500 training + 1000 held-out points, noise 0.2, seed 3");
        string backward = new Tanh().CanBackwardFromOutput ? "output" : "input";
        lines[1].Should().Be($"Network: 2-16-16-1 in {precision}, hidden activation Tanh (backward from its {backward}), sigmoid output, binary cross-entropy");
        lines[3].Should().MatchRegex(@"^epoch +1  loss +\d\.\d{4}  training accuracy +\d+\.\d %$");
        lines[4].Should().MatchRegex(@"^epoch +2  loss +\d\.\d{4}  training accuracy +\d+\.\d %$");
        lines[5].Should().MatchRegex(@"^Final accuracy: \d+\.\d % \(1000 held-out points\)$");
    }

    [Theory]
    [InlineData("float")]
    [InlineData("double")]
    public void A_diverging_run_says_so_on_one_line_and_exits_with_1(string precision)
    {
        // eˣ grows without bound: the pre-activations feed back through the weights until they overflow.
        (int exitCode, string output, string error) = precision == "double" ? Run("exponential", "--epochs", "2", "--double") : Run("exponential", "--epochs", "2");

        exitCode.Should().Be(Program.Diverged);
        Lines(output)[^1].Should().StartWith("Final accuracy: ");
        Lines(error).Should().ContainSingle().Which.Should().Be("error: training diverged (the loss is not finite) with Exponential");
    }

    [Theory]
    [InlineData("nosuchthing", "nosuchthing")]
    [InlineData("elu(alpha=x)", "elu(alpha=x)")]
    [InlineData("--epochs", "--epochs")]
    [InlineData("--epochs 0", "'0'")]
    [InlineData("--epochs ten", "'ten'")]
    [InlineData("--seed -1", "'-1'")]
    [InlineData("--learning-rate 0.1", "--learning-rate")]
    [InlineData("relu tanh", "'tanh'")]
    [InlineData("--double=true", "--double=true")]
    [InlineData("--double --epochs", "--epochs")]
    [InlineData("--double nosuchthing", "nosuchthing")]
    public void Bad_arguments_give_one_line_naming_them_and_exit_code_2(string arguments, string quoted)
    {
        (int exitCode, string output, string error) = Run(arguments.Split(' '));

        exitCode.Should().Be(Program.UsageError, because: $"'{arguments}' is not a valid command line");
        output.Should().BeEmpty();
        string[] lines = Lines(error);
        lines.Should().ContainSingle(because: $"one line is enough to say what is wrong with '{arguments}'");
        lines[0].Should().StartWith("error: ").And.Contain(quoted);
        lines[0].Should().NotContain(" at ", because: "a usage error is not a crash and shows no stack trace");
    }

    [Theory]
    [MemberData(nameof(EveryName))]
    public void Every_activation_is_accepted_by_name(string name)
    {
        CommandLine.TryParse([name, "--double"], out CommandLine? commandLine, out string? error).Should().BeTrue(because: error);

        commandLine!.Activation.Should().Be(ActivationFunction.Parse(name));
        commandLine.Activation.ToString().Should().StartWith(name);
    }

    [Fact]
    public void Main_returns_2_for_an_unknown_activation()
    {
        Program.Main(["nosuchthing"]).Should().Be(Program.UsageError);
    }

    [Theory]
    [MemberData(nameof(ActivationNames))]
    public void The_activation_is_read_by_the_library_parser(string text, ActivationFunction expected)
    {
        CommandLine.TryParse([text], out CommandLine? commandLine, out string? error).Should().BeTrue(because: error);

        commandLine!.Activation.Should().Be(expected, because: $"'{text}' names {expected}");
    }

    [Fact]
    public void Parsed_activations_have_the_documented_parameters()
    {
        CommandLine.TryParse(["elu(alpha=0.5)", "--epochs", "7"], out CommandLine? commandLine, out _).Should().BeTrue();

        commandLine!.Activation.Should().Be(new ELU(0.5));
        commandLine.Options.Should().Be(new TrainingOptions { Epochs = 7 });
        commandLine.ShowHelp.Should().BeFalse();
    }

    [Fact]
    public void Double_selects_double_precision_anywhere_on_the_line()
    {
        CommandLine.TryParse(["--epochs", "7", "--double", "relu"], out CommandLine? commandLine, out _).Should().BeTrue();

        commandLine!.Activation.Should().Be(new ReLU());
        commandLine.Options.Should().Be(new TrainingOptions { Epochs = 7, Precision = Precision.Double });
    }

    [Fact]
    public void Without_arguments_the_defaults_apply()
    {
        CommandLine.TryParse([], out CommandLine? commandLine, out _).Should().BeTrue();

        commandLine!.Activation.Should().Be(new Tanh());
        commandLine.Options.Should().Be(new TrainingOptions());
        commandLine.Options.Precision.Should().Be(Precision.Float, because: "the sample trains in float unless --double is given");
    }

    public static TheoryData<string> EveryName() => new(ActivationFunction.Names);

    public static TheoryData<string, ActivationFunction> ActivationNames() => new()
    {
        { "Tanh", new Tanh() },
        { "relu", new ReLU() },
        { "elu(alpha=0.5)", new ELU(0.5) },
        { "LeakyReLU(alpha=0.1)", new LeakyReLU(0.1) },
        { "sigmoid", new Sigmoid() },
        { "softplus", new SoftPlus() },
        { "selu", new SELU() },
    };

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = Program.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static string[] Lines(string text) =>
        text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
}
