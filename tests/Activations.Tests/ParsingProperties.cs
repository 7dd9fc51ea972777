using System;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;
using FluentAssertions;

namespace Activations.Tests;

/// <summary>
/// Parse and TryParse on arbitrary text, surrogates, NUL and control characters included: Parse
/// returns an activation or throws <see cref="FormatException"/> whose message is valid Unicode,
/// and TryParse agrees with it.
/// </summary>
[Trait("Isa", "Independent")]
public sealed class ParsingProperties
{
    private const int Cases = 3000;

    // Throws on a lone surrogate, as a strict encoder writing the message to a log or a terminal would.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Starts that get past the name and into the parameter list, so random text reaches every state of the parser.</summary>
    private static readonly Gen<string> Start = Gen.OneOf("", "elu", "ELU(alpha=", "ReLU(", "Affine(slope=1, intercept=", "leaky relu(alpha");

    /// <summary>
    /// The grammar's tokens and near misses, the characters most likely to break a message
    /// (surrogates paired, unpaired and reversed; NUL; control, format and non-characters), and any character.
    /// </summary>
    private static readonly Gen<string> Piece = Gen.Frequency(
        (6, Gen.OneOf("elu", "SELU", "alpha", "slope", "(", ")", "=", ",", " ", "\t", "_", "0.5", "-1e-3", "1e999", "NaN", ".", "e", "+")),
        (3, Gen.OneOf("\0", "\uD83D", "\uDE00", "😀", "\uDE00\uD83D", "\uDBFF\uDFFF", "\u0085", "\u00A0", "\u200B", "\u2028", "\uFEFF", "\uFFFF")),
        (1, Gen.Char['\0', '\u001F'].Select(c => c.ToString())),
        (2, Gen.Char['\uD800', '\uDFFF'].Select(c => c.ToString())),
        (1, Gen.Char.Select(c => c.ToString())));

    /// <summary>Up to about 100 characters, so some messages cut the quoted text at 64.</summary>
    private static readonly Gen<string> Text = Gen.Select(Start, Piece.Array[0, 30], (start, pieces) => start + string.Concat(pieces));

    [Fact]
    public void Parse_gives_an_activation_or_a_FormatException_with_a_valid_Unicode_message_and_TryParse_agrees()
    {
        DeterministicSample.Run(Text, Cases, ParseAndTryParseAgree, Escaped);
    }

    /// <summary>Fails unless <paramref name="message"/> is valid UTF-16, with no surrogate outside a pair.</summary>
    /// <param name="message">The text to check.</param>
    internal static void AssertValidUnicode(string message)
    {
        Action encode = () => StrictUtf8.GetBytes(message);

        encode.Should().NotThrow(because: $"the message \"{Escaped(message)}\" must be valid Unicode");
    }

    private static void ParseAndTryParseAgree(string text)
    {
        bool accepted = ActivationFunction.TryParse(text, out ActivationFunction? tried);
        ActivationFunction parsed;
        try
        {
            parsed = ActivationFunction.Parse(text);
        }
        catch (FormatException e)
        {
            accepted.Should().BeFalse(because: $"Parse refused it: {Escaped(e.Message)}");
            tried.Should().BeNull();
            e.Message.Should().StartWith("\"", because: "the message quotes the text");
            AssertValidUnicode(e.Message);
            return;
        }

        accepted.Should().BeTrue(because: $"Parse read it as {parsed}");
        tried.Should().Be(parsed);
    }

    /// <summary>The text as a C# literal would write it, so that a failure shows every character.</summary>
    private static string Escaped(string text) =>
        string.Concat(text.Select(c => c is >= ' ' and <= '~' and not '\\' ? c.ToString() : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}")));
}
