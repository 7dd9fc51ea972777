using System;
using System.Linq;
using System.Reflection;
using Activations.Catalogue;
using FluentAssertions;

namespace Activations.Tests;

/// <summary>ActivationFunction.Parse and TryParse: the round trip, the accepted spellings, and every kind of malformed text.</summary>
[Trait("Isa", "Independent")]
public class ParsingTests
{
    /// <summary>Parameter values at the edges of the double format, where a lossy print or parse would show.</summary>
    public static TheoryData<double> EdgeValues =>
    [
        0.0, -0.0, 1.0, -1.0, 0.1, -0.1, 0.3, 1.0 / 3.0, 1e-300, -1e-300, 1e300, 123456789.123,
        double.Epsilon, -double.Epsilon, 2.2250738585072009e-308 /* largest subnormal */, 2.2250738585072014e-308 /* smallest normal */,
        double.MaxValue, -double.MaxValue, 9007199254740993.0, 0.30000000000000004, Math.PI, -Math.E,
    ];

    /// <summary>Every activation's canonical name, from the catalogue.</summary>
    public static TheoryData<string> Defaults => [.. ActivationFunction.Names];

    /// <summary>Text that Parse accepts, and the canonical form of what it must read.</summary>
    public static TheoryData<string, string> Spellings => new()
    {
        { "relu", "ReLU" },
        { "RELU", "ReLU" },
        { "ReLU()", "ReLU" },
        { "  ReLU ( )  ", "ReLU" },
        { "leakyrelu", "LeakyReLU(alpha=0.3)" },
        { "leaky_relu(alpha=0.1)", "LeakyReLU(alpha=0.1)" },
        { "LeakyReLU()", "LeakyReLU(alpha=0.3)" },
        { "Leaky ReLU(alpha=0.3)", "LeakyReLU(alpha=0.3)" },
        { "leaky-relu(ALPHA=2)", "LeakyReLU(alpha=2)" },
        { "Hard Sigmoid", "HardSigmoid" },
        { "hard-sigmoid", "HardSigmoid" },
        { "hard_sigmoid()", "HardSigmoid" },
        { "soft_plus", "SoftPlus" },
        { "SoftPlus", "SoftPlus" },
        { "logsigmoid", "LogSigmoid" },
        { "log_sigmoid()", "LogSigmoid" },
        { "mish", "Mish" },
        { "Mish()", "Mish" },
        { "softsign", "Softsign" },
        { "silu", "SiLU" },
        { "swish", "SiLU" },
        { "Swish()", "SiLU" },
        { "celu", "CELU(alpha=1)" },
        { "celu(alpha=0.5)", "CELU(alpha=0.5)" },
        { "CELU(alpha=-2.5e-3)", "CELU(alpha=-0.0025)" },
        { "gelu", "GELU(approximate=True)" },
        { "gelu(approximate=false)", "GELU(approximate=False)" },
        { "GELU(approximate=True)", "GELU(approximate=True)" },
        { "GELU(approximate=False)", "GELU(approximate=False)" },
        { "Soft Sign", "Softsign" },
        { "Tanh", "Tanh" },
        { "Sigmoid", "Sigmoid" },
        { "SELU", "SELU" },
        { "selu()", "SELU" },
        { "Identity", "Identity" },
        { "Exponential", "Exponential" },
        { "ELU(alpha=1.0)", "ELU(alpha=1)" },
        { "elu", "ELU(alpha=1)" },
        { "ELU( alpha = 2.5 )", "ELU(alpha=2.5)" },
        { "\tELU(alpha=1e-3)\r\n", "ELU(alpha=0.001)" },
        { "ELU(alpha=+.5)", "ELU(alpha=0.5)" },
        { "ELU(alpha=-7.E+2)", "ELU(alpha=-700)" },
        { "Affine(slope=2, intercept=-1)", "Affine(slope=2, intercept=-1)" },
        { "affine(intercept=-1,slope=2)", "Affine(slope=2, intercept=-1)" },
        { "Affine(SLOPE=3)", "Affine(slope=3, intercept=0)" },
        { "Affine(Intercept=0.25)", "Affine(slope=1, intercept=0.25)" },
        { "Affine", "Affine(slope=1, intercept=0)" },
        { "ELU(alpha=5.)", "ELU(alpha=5)" },
        { "ELU(alpha=.5e1)", "ELU(alpha=5)" },
        { "ELU(alpha=0005E-0)", "ELU(alpha=5)" },
        { "ELU(alpha=-0.0e0)", "ELU(alpha=-0)" },
        { "ELU(alpha=1e-400)", "ELU(alpha=0)" }, // underflows to 0, which is finite
        { "ELU(alpha=\u00A00.5\u2003)", "ELU(alpha=0.5)" }, // any Unicode white space may surround a token
    };

    /// <summary>
    /// Values that .NET's number parsing might read but the grammar's decimal numbers exclude, each
    /// with the text the message quotes: a trailing NUL (which <c>double.TryParse</c> ignores),
    /// white space or a stray character inside the number, a sign or exponent without digits,
    /// non-ASCII digits and minus signs, other notations and other spellings of infinity.
    /// </summary>
    public static TheoryData<string, string> NotNumbers => new()
    {
        { "0.5\0", "0.5\0" },
        { "0.5\0\0", "0.5\0\0" },
        { "0.5 \0", "0.5 \0" },
        { "0.5\0 ", "0.5\0" },
        { "\00.5", "\00.5" },
        { "1\u200B", "1\u200B" }, // a zero-width space is not white space
        { "1\u00A02", "1\u00A02" },
        { "- 1", "- 1" },
        { "\u22121", "\u22121" },
        { "--1", "--1" },
        { "+", "+" },
        { ".", "." },
        { "-.", "-." },
        { "e5", "e5" },
        { "1e", "1e" },
        { "1e+", "1e+" },
        { "1e1.5", "1e1.5" },
        { "1.5.", "1.5." },
        { "\u0661", "\u0661" }, // Arabic-Indic digit one
        { "\uFF15", "\uFF15" }, // fullwidth digit five
        { "0x1p3", "0x1p3" },
        { "&H10", "&H10" },
        { "1_000", "1_000" },
        { "1d", "1d" },
        { "1f", "1f" },
        { "$1", "$1" },
        { "(1", "(1" },
        { "\u221E", "\u221E" },
        { "-\u221E", "-\u221E" },
        { "inf", "inf" },
        { "Infinity1", "Infinity1" },
    };

    /// <summary>
    /// Text with a character outside the Basic Multilingual Plane (a surrogate pair) or a surrogate
    /// without its pair, and the message: a pair is quoted whole, an unpaired surrogate as
    /// <c>\uXXXX</c> in ASCII, so that the message is valid Unicode.
    /// </summary>
    public static TheoryData<string, string> Surrogates => new()
    {
        { "elu(alpha=1)😀", "\"elu(alpha=1)😀\" is not an activation: expected the end of the text at index 12, but found '😀'." },
        { "😀", "\"😀\" is not an activation: expected an activation name at index 0, but found '😀'." },
        { "ReLU(😀)", "\"ReLU(😀)\" is not an activation: ReLU takes no parameters, but found '😀' at index 5." },
        { "ELU(😀=1)", "\"ELU(😀=1)\" is not an activation: expected a parameter name (alpha) followed by '=' at index 4, but found '😀'." },
        { "ELU(alpha=1😀)", "\"ELU(alpha=1😀)\" is not an activation: the value \"1😀\" of 'alpha' is not a number." },
        { "elu(alpha=1)\uD83D", "\"elu(alpha=1)\\uD83D\" is not an activation: expected the end of the text at index 12, but found '\\uD83D'." },
        { "elu(alpha=1)\uDE00", "\"elu(alpha=1)\\uDE00\" is not an activation: expected the end of the text at index 12, but found '\\uDE00'." },
        { "elu\uDE00\uD83D", "\"elu\\uDE00\\uD83D\" is not an activation: expected '(' or the end of the text at index 3, but found '\\uDE00'." },
        { "\uD83D", "\"\\uD83D\" is not an activation: expected an activation name at index 0, but found '\\uD83D'." },
        { "\uD83D\uD83D\uDE00", "\"\\uD83D😀\" is not an activation: expected an activation name at index 0, but found '\\uD83D'." },
        { "ELU(alpha=1\uD83D)", "\"ELU(alpha=1\\uD83D)\" is not an activation: the value \"1\\uD83D\" of 'alpha' is not a number." },
        { "ELU(alpha=\uDE001)", "\"ELU(alpha=\\uDE001)\" is not an activation: the value \"\\uDE001\" of 'alpha' is not a number." },
    };

    /// <summary>The words that name a non-finite double, as the invariant culture writes them, in other cases and with a sign.</summary>
    public static TheoryData<string> NonFiniteWords =>
    [
        "NaN", "nan", "-NaN", "+nan", "Infinity", "INFINITY", "+infinity", "-Infinity", "-iNfInItY",
    ];

    /// <summary>Malformed text, and a word the message must use to say what is wrong.</summary>
    public static TheoryData<string, string> Malformed => new()
    {
        { "", "empty" },
        { "   \t ", "white space" },
        { "Swash", "unknown activation name" },
        { "Relu6", "unknown activation name" },
        { "ReLU x", "unknown activation name" },
        { "(alpha=1)", "activation name" },
        { "1", "activation name" },
        { "relu_", "end of the text" },
        { "ELU(alpha=abc)", "not a number" },
        { "ELU(alpha=1 2)", "not a number" },
        { "ELU(alpha=1.0.0)", "not a number" },
        { "ELU(alpha=0x10)", "not a number" },
        { "ELU(alpha=1;)", "not a number" },
        { "elu(alpha=0.5\0)", "not a number" },
        { "ELU(alpha=)", "no value" },
        { "ELU(alpha= ,)", "no value" },
        { "ELU(alpha)", "'='" },
        { "ELU(alpha 1)", "'='" },
        { "ELU(1)", "parameter name" },
        { "ELU(alpha=1,)", "parameter name" },
        { "ELU(alpha=1,5)", "parameter name" },
        { "ELU(alpha=NaN)", "finite" },
        { "ELU(alpha=Infinity)", "finite" },
        { "LeakyReLU(alpha=-Infinity)", "finite" },
        { "ELU(alpha=1e999)", "finite" },
        { "Affine(slope=-1e309)", "finite" },
        { "ELU(", "not closed" },
        { "ELU(alpha=1", "not closed" },
        { "ELU(alpha=1,", "not closed" },
        { "ELU)", "'('" },
        { "ELU((alpha=1))", "parameter name" },
        { "ReLU()x", "end of the text" },
        { "ReLU() ()", "end of the text" },
        { "ELU(alpha=1))", "end of the text" },
        { "ReLU(alpha=1)", "takes no parameters" },
        { "Sigmoid(x=1)", "takes no parameters" },
        { "SELU(1)", "takes no parameters" },
        { "SELU(", "not closed" },
        { "ELU(x=1)", "no parameter \"x\"" },
        { "Affine(alpha=1)", "no parameter \"alpha\"" },
        { "ELU(alpha=1, alpha=2)", "twice" },
        { "Affine(slope=1, SLOPE=1)", "twice" },
        { "Affine(slope=1, intercept=0, slope=1)", "twice" },
    };

    /// <summary>More text that Parse accepts, and the canonical form of what it must read: separators, white space and numbers in other places.</summary>
    public static TheoryData<string, string> MoreSpellings => new()
    {
        { "l-e-a-k-y r_e_l_u", "LeakyReLU(alpha=0.3)" },
        { "Leaky _-ReLU ( alpha = 1 )", "LeakyReLU(alpha=1)" },
        { "leaky relu  (alpha=2)", "LeakyReLU(alpha=2)" },
        { "hard  sigmoid", "HardSigmoid" },
        { "SOFT-PLUS", "SoftPlus" },
        { "LOG-SIGMOID ( )", "LogSigmoid" },
        { "MISH ( )", "Mish" },
        { "soft_sign", "Softsign" },
        { "Si-LU ( )", "SiLU" },
        { "S_W_I_S_H", "SiLU" },
        { "C-E-L-U ( alpha = 3 )", "CELU(alpha=3)" },
        { "Ge-LU ( APPROXIMATE = fAlSe )", "GELU(approximate=False)" },
        { "gelu(approximate=TRUE)", "GELU(approximate=True)" },
        { "E L U", "ELU(alpha=1)" },
        { "Tanh ()", "Tanh" },
        { "relu\u2003", "ReLU" },
        { "\u3000ReLU\u3000(\u3000)\u3000", "ReLU" },
        { "ELU(\talpha\t=\t1\t)", "ELU(alpha=1)" },
        { "Affine( intercept = 2 , slope = 3 )", "Affine(slope=3, intercept=2)" },
        { "Affine(slope=3,\nintercept=2)", "Affine(slope=3, intercept=2)" },
        { "ELU(alpha=00.00)", "ELU(alpha=0)" },
        { "ELU(alpha=1E5)", "ELU(alpha=100000)" },
        { "ELU(alpha=1e+0)", "ELU(alpha=1)" },
        { "ELU(alpha=-1e-0)", "ELU(alpha=-1)" },
        { "ELU(alpha=9007199254740993)", "ELU(alpha=9007199254740992)" },
    };

    /// <summary>The canonical names, comma-separated, as the message for an unknown name lists them.</summary>
    private const string NameList = "the names are Affine, CELU, ELU, Exponential, GELU, HardSigmoid, HardSwish, HardTanh, Identity, LeakyReLU, LogSigmoid, Mish, ReLU, SELU, SiLU, Sigmoid, SoftPlus, Softsign, Tanh";

    /// <summary>
    /// Malformed text and what the message says is wrong, word for word: every message the parser
    /// gives (but that of a constructor that refuses, which no activation has yet; see
    /// <see cref="Boolean_parameters_and_a_refusing_constructor_give_these_results_and_messages"/>),
    /// with the index it names, the spelling it uses for the name and the parameter, and which
    /// problem it reports when the text has more than one.
    /// </summary>
    public static TheoryData<string, string> ExactMessages => new()
    {
        { "", "the text is empty" },
        { " \t\n", "the text is only white space" },
        { "1relu", "expected an activation name at index 0, but found '1'" },
        { "  (alpha=1)", "expected an activation name at index 2, but found '('" },
        { "_relu", "expected an activation name at index 0, but found '_'" },
        { "Swash", $"unknown activation name \"Swash\"; {NameList}" },
        { "Hard\tSigmoid", $"unknown activation name \"Hard\"; {NameList}" }, // a tab is white space, not a separator
        { "leaky - relu x", $"unknown activation name \"leaky - relu x\"; {NameList}" },
        { "relu-6", $"unknown activation name \"relu-6\"; {NameList}" },
        { "LeakyReLULeakyReLU", $"unknown activation name \"LeakyReLULeakyReLU\"; {NameList}" },
        { new string('x', 70), $"unknown activation name \"{new string('x', 64)}…\"; {NameList}" },
        { "relu_()", "expected '(' or the end of the text at index 4, but found '_'" },
        { "relu -", "expected '(' or the end of the text at index 5, but found '-'" },
        { "ELU(alpha=1) (", "expected the end of the text at index 13, but found '('" },
        { "ReLU()\0", "expected the end of the text at index 6, but found '\0'" },
        { "ReLU( ", "the parameter list is not closed: expected ')' at index 6, but the text ends" },
        { "ELU(alpha=1 ", "the parameter list is not closed: expected ')' at index 12, but the text ends" },
        { "ELU(alpha=1, ", "the parameter list is not closed: expected ')' at index 13, but the text ends" },
        { "relu( 1)", "ReLU takes no parameters, but found '1' at index 6" },
        { "SELU(,", "SELU takes no parameters, but found ',' at index 5" },
        { "Affine(slope=1, )", "expected a parameter name (slope, intercept) followed by '=' at index 16, but found ')'" },
        { "ELU(alpha=1,,", "expected a parameter name (alpha) followed by '=' at index 12, but found ','" },
        { "ELU(9=1)", "expected a parameter name (alpha) followed by '=' at index 4, but found '9'" },
        { "ELU(al_pha2=1)", "ELU has no parameter \"al_pha2\"; it takes alpha" },
        { "affine(x", "Affine has no parameter \"x\"; it takes slope, intercept" },
        { "Affine(Slope=1, SLOPE", "the parameter 'slope' is given twice" },
        { "Affine(slope=1,intercept=2,slope=x", "the parameter 'slope' is given twice" },
        { "elu(ALPHA", "expected '=' after 'alpha' at index 9, but found the end of the text" },
        { "elu(ALPHA -1)", "expected '=' after 'alpha' at index 10, but found '-'" },
        { "ELU(alpha=", "the parameter 'alpha' has no value at index 10" },
        { "ELU(alpha =  )", "the parameter 'alpha' has no value at index 13" },
        { "ELU(alpha=abc", "the value \"abc\" of 'alpha' is not a number" },
        { "ELU(alpha= 1 2 )", "the value \"1 2\" of 'alpha' is not a number" },
        { "ELU(alpha=1=2)", "the value \"1=2\" of 'alpha' is not a number" },
        { "ELU(alpha=true)", "the value \"true\" of 'alpha' is not a number" },
        { "ELU(alpha=-nan,", "the value \"-nan\" of 'alpha' is not a finite number" },
        { "ELU(alpha=1e400)", "the value \"1e400\" of 'alpha' is not a finite number" },
        { "GELU(approximate=1)", "the value \"1\" of 'approximate' is not true or false" },
        { "gelu(approximate=yes)", "the value \"yes\" of 'approximate' is not true or false" },
        { "GELU(approximate=)", "the parameter 'approximate' has no value at index 17" },
        { "GELU(alpha=1)", "GELU has no parameter \"alpha\"; it takes approximate" },
    };

    [Theory]
    [MemberData(nameof(AllActivations.Names), MemberType = typeof(AllActivations))]
    public void Every_catalogue_activation_round_trips(string name)
    {
        ActivationFunction original = AllActivations.Get(name);

        ActivationFunction.Parse(original.ToString()).Should().Be(original, because: $"the text was \"{original}\"");
    }

    [Theory]
    [MemberData(nameof(Defaults))]
    public void Bare_name_reads_the_default_parameters(string name)
    {
        // The public class of that name, through its constructor with every argument left at its declared default.
        ConstructorInfo constructor = typeof(ActivationFunction).Assembly.GetType("Activations." + name, throwOnError: true)!.GetConstructors().Single();
        var original = (ActivationFunction)constructor.Invoke([.. constructor.GetParameters().Select(p => p.DefaultValue)]);

        ActivationFunction.Parse(name).Should().Be(original, because: "a missing parameter takes the constructor's default");
        ActivationFunction.Parse(name + "()").Should().Be(original, because: "empty parentheses leave every parameter at its default");
    }

    [Theory]
    [MemberData(nameof(EdgeValues))]
    public void Parameterised_activations_round_trip_edge_values(double value)
    {
        // Each number parameter of every activation at the value (the others at their defaults), and all at once.
        foreach (ActivationDescriptor d in KnownActivations.All)
        {
            for (int i = 0; i < d.Parameters.Length; i++)
            {
                AssertRoundTripsIfValid(d, d.Parameters.Select((p, j) => j == i ? value : p.Default).ToArray());
            }

            AssertRoundTripsIfValid(d, d.Parameters.Select(p => value).ToArray());
        }
    }

    [Fact]
    public void Parameterised_activations_round_trip_any_finite_value()
    {
        // Uniformly random bit patterns cover every binade, both signs and the subnormals; the
        // fixed seed makes every run test the same 2000 values, and a failure shows the bits.
        var random = new Random(20261129);
        ActivationDescriptor[] parameterised = [.. KnownActivations.All.Where(d => d.Parameters.Length > 0)];
        for (int i = 0; i < 2000; i++)
        {
            foreach (ActivationDescriptor d in parameterised)
            {
                AssertRoundTripsIfValid(d, d.Parameters.Select(_ => RandomFinite(random)).ToArray());
            }
        }
    }

    /// <summary>Round-trips the instance with these values, unless the activation's own validation refuses them.</summary>
    private static void AssertRoundTripsIfValid(ActivationDescriptor d, double[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (d.Parameters[i].Kind == ParameterKind.Boolean)
            {
                values[i] = values[i] == 0 ? 0 : 1;
            }
        }

        if (d.Check?.Invoke(values) is null)
        {
            AssertRoundTrips(d.Create(values));
        }
    }

    private static double RandomFinite(Random random)
    {
        double value;
        do
        {
            value = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
        }
        while (!double.IsFinite(value));

        return value;
    }

    [Fact]
    public void Negative_zero_keeps_its_sign()
    {
        var parsed = (ELU)ActivationFunction.Parse("ELU(alpha=-0)");

        BitConverter.DoubleToInt64Bits(parsed.Alpha).Should().Be(BitConverter.DoubleToInt64Bits(-0.0), because: "-0 and 0 are different parameters");
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Accepted_spelling_reads_the_intended_activation(string text, string canonical)
    {
        ActivationFunction.Parse(text).ToString().Should().Be(canonical, because: $"the text was \"{text}\"");

        ActivationFunction.TryParse(text, out ActivationFunction? result).Should().BeTrue(because: $"the text was \"{text}\"");
        result!.ToString().Should().Be(canonical);
    }

    [Fact]
    public void Parse_reads_the_type_and_the_parameters()
    {
        ActivationFunction.Parse("Leaky ReLU(alpha=0.3)").Should().BeOfType<LeakyReLU>().Which.Alpha.Should().Be(0.3);
        ActivationFunction.Parse("Affine(intercept=-1, slope=2)").Should().BeOfType<Affine>()
            .Which.Should().Match<Affine>(a => a.Slope == 2 && a.Intercept == -1);
        ActivationFunction.Parse("ELU(alpha=1e-300)").Should().BeOfType<ELU>().Which.Alpha.Should().Be(1e-300);
        ActivationFunction.Parse("Hard Sigmoid").Should().BeOfType<HardSigmoid>();
        ActivationFunction.Parse("soft_plus").Should().BeOfType<SoftPlus>();
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_text_is_a_FormatException_that_quotes_it_and_says_why(string text, string reason)
    {
        Action parse = () => ActivationFunction.Parse(text);

        parse.Should().ThrowExactly<FormatException>(because: $"the text was \"{text}\"")
            .Which.Message.Should().Contain($"\"{text}\"").And.Contain(reason);
        ActivationFunction.TryParse(text, out ActivationFunction? result).Should().BeFalse(because: $"the text was \"{text}\"");
        result.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(NotNumbers))]
    public void Value_outside_the_number_grammar_is_not_a_number(string value, string quoted)
    {
        AssertValueRefused($"ELU(alpha={value})", $"the value \"{quoted}\" of 'alpha' is not a number");
        AssertValueRefused($"Affine(slope=1, intercept={value})", $"the value \"{quoted}\" of 'intercept' is not a number");
        AssertValueRefused($"Affine(intercept={value}, slope=1)", $"the value \"{quoted}\" of 'intercept' is not a number");
    }

    [Theory]
    [MemberData(nameof(NonFiniteWords))]
    public void Word_for_a_non_finite_double_is_not_a_finite_number(string value)
    {
        AssertValueRefused($"ELU(alpha={value})", $"the value \"{value}\" of 'alpha' is not a finite number");
        AssertValueRefused($"LeakyReLU(alpha= {value} )", $"the value \"{value}\" of 'alpha' is not a finite number");
    }

    [Theory]
    [MemberData(nameof(Surrogates), DisableDiscoveryEnumeration = true)] // serialising a case would turn an unpaired surrogate into U+FFFD
    public void Message_quotes_a_surrogate_pair_whole_and_an_unpaired_surrogate_escaped(string text, string message)
    {
        Action parse = () => ActivationFunction.Parse(text);

        string actual = parse.Should().ThrowExactly<FormatException>().Which.Message;
        actual.Should().Be(message);
        ParsingProperties.AssertValidUnicode(actual);
        ActivationFunction.TryParse(text, out _).Should().BeFalse();
    }

    [Fact]
    public void Quote_cut_at_64_characters_keeps_a_surrogate_pair_whole_and_escapes_an_unpaired_one()
    {
        string prefix = new('a', 63);

        string pair = ActivationMessage(prefix + "😀" + "bc");
        string unpaired = ActivationMessage(prefix + "b\uDE00c");

        pair.Should().StartWith($"\"{prefix}…\" is not an activation", because: "the pair at 63 and 64 does not fit whole");
        unpaired.Should().StartWith($"\"{prefix}b…\" is not an activation");
        ActivationMessage(prefix[1..] + "b\uDE00c").Should().StartWith($"\"{prefix[1..]}b\\uDE00…\"", because: "an unpaired surrogate counts as one character");
    }

    [Fact]
    public void Null_is_an_ArgumentNullException_for_Parse_and_false_for_TryParse()
    {
        Action parse = () => ActivationFunction.Parse(null!);

        parse.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("s");
        ActivationFunction.TryParse(null, out ActivationFunction? result).Should().BeFalse();
        result.Should().BeNull();
    }

    [Theory]
    [InlineData("ELU(alpha=", "1", ")", "finite")] // a million digits overflow to ∞
    [InlineData("ELU(alpha=", "0", ")", "")] // a million zeros are just 0: the text is valid
    [InlineData("", "a", "", "unknown activation name")]
    [InlineData("", "(", "", "activation name")]
    [InlineData("ReLU", "\t", "x", "end of the text")]
    [InlineData("ReLU", " ", "x", "unknown activation name")] // spaces join "ReLU" and "x" into one name
    [InlineData("Leaky", " _-", "ReLU(alpha=0.1)(", "end of the text")]
    [InlineData("ELU(alpha=1", " ", "", "not closed")]
    [InlineData("Affine(slope=1, intercept=", "-", ")", "not a number")]
    [InlineData("ELU(", "x", "=1)", "no parameter")]
    public void Megabyte_text_is_read_in_one_pass(string prefix, string repeated, string suffix, string reason)
    {
        const int Megabyte = 1 << 20;
        var builder = new System.Text.StringBuilder(prefix, Megabyte + 64);
        while (builder.Length < Megabyte)
        {
            builder.Append(repeated);
        }

        string text = builder.Append(suffix).ToString();
        Action parse = () => ActivationFunction.Parse(text);

        if (reason.Length == 0)
        {
            parse.Should().NotThrow();
            return;
        }

        string message = parse.Should().ThrowExactly<FormatException>().Which.Message;
        message.Should().Contain("\"" + text[..64] + "…\"", because: "the message quotes the start of the text").And.Contain(reason);
        message.Length.Should().BeLessThan(1000, because: "a huge input must not make a huge message");
        ActivationFunction.TryParse(text, out _).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(MoreSpellings))]
    public void Other_accepted_spelling_reads_the_intended_activation(string text, string canonical)
    {
        Accepted_spelling_reads_the_intended_activation(text, canonical);
    }

    [Theory]
    [MemberData(nameof(ExactMessages))]
    public void Malformed_text_gives_exactly_this_message(string text, string problem)
    {
        AssertRefused(text, problem);
    }

    /// <summary>
    /// A boolean parameter reads true or false in any case, as 1 or 0, and refuses anything else;
    /// a constructor's refusal is a FormatException too; aliases are matched. No activation has a
    /// refusing constructor yet, so this reads a catalogue of one made for the test, with a boolean
    /// and a number parameter, which creates an Affine whose slope is the boolean and whose intercept is the number.
    /// </summary>
    [Fact]
    public void Boolean_parameters_and_a_refusing_constructor_give_these_results_and_messages()
    {
        ActivationDescriptor flagged = new()
        {
            Name = "Flagged",
            Aliases = ["Switch", "on off"],
            Parameters = [new("on", 0, ParameterKind.Boolean), new("scale", 1)],
            Kernels = p => throw new InvalidOperationException("not for parsing"),
            Create = p => p[1] < 0 ? throw new ArgumentOutOfRangeException("scale", "must not be negative") : new Affine(p[0], p[1]),
            Formulas = ("", "", ""),
        };
        ActivationDescriptor[] catalogue = [flagged];

        string? Read(string text) => ActivationParser.TryParse(text, catalogue, out ActivationFunction? result, out string? error) ? result.ToString() : error;

        Read("Flagged").Should().Be("Affine(slope=0, intercept=1)");
        Read("flagged(on=true)").Should().Be("Affine(slope=1, intercept=1)");
        Read("Flagged( ON = TrUe , scale=2)").Should().Be("Affine(slope=1, intercept=2)");
        Read("Flagged(scale=3, on=FALSE)").Should().Be("Affine(slope=0, intercept=3)");
        Read("switch(on=True)").Should().Be("Affine(slope=1, intercept=1)");
        Read("Flagged(on=1)").Should().Be("\"Flagged(on=1)\" is not an activation: the value \"1\" of 'on' is not true or false.");
        Read("Flagged(on=true false)").Should().Be("\"Flagged(on=true false)\" is not an activation: the value \"true false\" of 'on' is not true or false.");
        Read("Flagged(on=true\0)").Should().Be("\"Flagged(on=true\0)\" is not an activation: the value \"true\0\" of 'on' is not true or false.");
        Read("Flagged(on=NaN)").Should().Be("\"Flagged(on=NaN)\" is not an activation: the value \"NaN\" of 'on' is not true or false.");
        Read("Flagged(on= )").Should().Be("\"Flagged(on= )\" is not an activation: the parameter 'on' has no value at index 12.");
        Read("Flagged(scale=NaN)").Should().Be("\"Flagged(scale=NaN)\" is not an activation: the value \"NaN\" of 'scale' is not a finite number.");
        Read("Flagged(scale=true)").Should().Be("\"Flagged(scale=true)\" is not an activation: the value \"true\" of 'scale' is not a number.");
        Read("Flagged(scale=-1)").Should().Be("\"Flagged(scale=-1)\" is not an activation: Flagged rejects the parameters (must not be negative (Parameter 'scale')).");
        Read("ELU").Should().Be("\"ELU\" is not an activation: unknown activation name \"ELU\"; the names are Flagged.");

        // The separators are taken out of the text's name only, so an alias with one is never matched.
        Read("on off").Should().Be("\"on off\" is not an activation: unknown activation name \"on off\"; the names are Flagged.");
        Read("onoff").Should().Be("\"onoff\" is not an activation: unknown activation name \"onoff\"; the names are Flagged.");
    }

    private static string ActivationMessage(string text)
    {
        Action parse = () => ActivationFunction.Parse(text);

        string message = parse.Should().ThrowExactly<FormatException>().Which.Message;
        ParsingProperties.AssertValidUnicode(message);
        return message;
    }

    private static void AssertRefused(string text, string problem)
    {
        Action parse = () => ActivationFunction.Parse(text);

        parse.Should().ThrowExactly<FormatException>(because: $"the text was \"{text}\"")
            .Which.Message.Should().Be($"{Quoted(text)} is not an activation: {problem}.");
        ActivationFunction.TryParse(text, out ActivationFunction? result).Should().BeFalse(because: $"the text was \"{text}\"");
        result.Should().BeNull();
    }

    /// <summary>The text in double quotes, as a message quotes it: at most 64 characters, then an ellipsis (the texts here have no surrogates).</summary>
    private static string Quoted(string text) => text.Length <= 64 ? $"\"{text}\"" : $"\"{text[..64]}…\"";

    private static void AssertValueRefused(string text, string problem)
    {
        Action parse = () => ActivationFunction.Parse(text);

        parse.Should().ThrowExactly<FormatException>(because: $"the text was \"{text}\"")
            .Which.Message.Should().Be($"\"{text}\" is not an activation: {problem}.");
        ActivationFunction.TryParse(text, out ActivationFunction? result).Should().BeFalse(because: $"the text was \"{text}\"");
        result.Should().BeNull();
    }

    private static void AssertRoundTrips(ActivationFunction original)
    {
        string text = original.ToString();
        ActivationFunction parsed = ActivationFunction.Parse(text);

        parsed.Should().Be(original, because: $"Parse(\"{text}\") must give back the same parameters, bit for bit");
        parsed.ToString().Should().Be(text);
    }
}
