using System;
using System.Diagnostics.CodeAnalysis;

namespace Activations;

public abstract partial class ActivationFunction
{
    /// <summary>
    /// Reads an activation from its canonical form (see <see cref="ToString"/>) or numpy-ml's.
    /// The name is matched ignoring case and any ' ', '_' or '-' inside it (<c>Leaky ReLU</c>,
    /// <c>leaky_relu</c> and <c>LeakyReLU</c> are the same); it may be followed by parentheses
    /// holding <c>name=value</c> parameters separated by commas, in any order, each at most once,
    /// with case-insensitive names. A parameter left out takes the constructor's default. A boolean
    /// parameter's value is <c>true</c> or <c>false</c> in any case; any other value is
    /// a decimal number: an optional sign ('+' or '-'), ASCII digits with at most one '.' and at
    /// least one digit, and optionally an exponent, 'e' or 'E' with an optional sign and digits
    /// (<c>1.5</c>, <c>-2e-3</c>, <c>.5</c>, <c>7.</c>, <c>+1E+10</c>). It is rounded to the
    /// nearest double, which must be finite (<c>1e999</c> is refused; <c>1e-400</c> reads as 0).
    /// Nothing else is a number, whatever the current culture: no white space or NUL inside it, no
    /// thousands separator, hexadecimal, other digits or minus signs, NaN or infinity. White space
    /// (<see cref="char.IsWhiteSpace(char)"/>) may surround every token.
    /// <c>Parse(f.ToString())</c> equals <c>f</c> for every activation. Takes time linear in the
    /// length of the text.
    /// </summary>
    /// <param name="s">The text, e.g. <c>ELU(alpha=1)</c>, <c>leaky_relu(alpha=0.1)</c>, <c>Hard Sigmoid</c>.</param>
    /// <returns>The activation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException">
    /// The text is not a valid activation: empty, an unknown name, a parameter the activation does
    /// not take or given twice, a value that is missing, not a number or not finite, unbalanced
    /// parentheses, or anything after them. The message quotes the text (its first 64 characters)
    /// and says what is wrong and where. It quotes the characters as they are, a surrogate pair
    /// whole, but a surrogate without its pair as <c>\uXXXX</c> in ASCII, so that the message is
    /// valid Unicode whatever the text.
    /// </exception>
    public static ActivationFunction Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return ActivationParser.TryParse(s, out ActivationFunction? result, out string? error)
            ? result
            : throw new FormatException(error);
    }

    /// <summary>Reads an activation like <see cref="Parse(string)"/>, without throwing.</summary>
    /// <param name="s">The text; null is not valid.</param>
    /// <param name="result">The activation, or null when the text is not valid.</param>
    /// <returns>Whether the text was valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, [NotNullWhen(true)] out ActivationFunction? result)
    {
        if (s is null)
        {
            result = null;
            return false;
        }

        return ActivationParser.TryParse(s, out result, out _);
    }
}
