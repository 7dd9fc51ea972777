using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Activations.Catalogue;

namespace Activations;

/// <summary>
/// Reads the text form of an activation in one left-to-right pass by recursive descent (a method
/// each for text, the arguments, value, number and name) over this grammar (EBNF; every
/// repetition takes as much as it can, so a name is the longest match):
/// <code>
/// text     = ws, name, ws, [ "(", ws, [ argument, { ",", ws, argument } ], ")", ws ] ;
/// argument = key, ws, "=", ws, value, ws ;
/// name     = letter, { alnum }, { sep, { sep }, alnum, { alnum } } ;
/// key      = letter, { alnum | "_" } ;
/// value    = number | "true" | "false" ;   (* true or false, in any case, for a boolean parameter only *)
/// number   = [ sign ], ( digits, [ ".", [ digits ] ] | ".", digits ), [ ( "e" | "E" ), [ sign ], digits ] ;
/// digits   = digit, { digit } ;   sign = "+" | "-" ;   sep = " " | "_" | "-" ;   alnum = letter | digit ;
/// letter   = "A" … "Z" | "a" … "z" ;   digit = "0" … "9" ;   ws = { ? char.IsWhiteSpace ? } ;
/// </code>
/// The name less its separators is an activation's name or alias in any case (an alias keeps
/// its own separators), looked up as soon as it is read. A key is one of that activation's
/// parameters in any case, not given before, both checked as soon as the key is read. A value
/// is checked as all the text after the '=' and white space up to the next ',' or ')' or the
/// end, less trailing white space, before anything after it; a number rounds to nearest and must
/// be finite. A parameter left out takes its default. The grammar, not
/// <see cref="double.TryParse(string?, out double)"/>, decides what a number is: .NET's parsing
/// also takes trailing NULs, for one. Each character is looked at a bounded number of times, so
/// the time is linear in the length of the text, whatever the text.
/// </summary>
internal static class ActivationParser
{
    // Longer than every name and alias in the catalogue (a test checks); anything longer is unknown.
    internal const int MaxNameLength = 16;

    // How much of the text an error message quotes, so that a huge input gives a short message.
    private const int MaxQuotedLength = 64;

    // What the grammar's number is, in .NET's terms: no white space, thousands, hexadecimal or currency.
    private const NumberStyles DecimalStyles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Reads <paramref name="text"/>; on failure, <paramref name="error"/> quotes the text and says what is wrong.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out ActivationFunction? result, [NotNullWhen(false)] out string? error) =>
        TryParse(text, KnownActivations.All, out result, out error);

    /// <summary>Reads <paramref name="text"/> as one of the activations of <paramref name="catalogue"/> (tests give their own).</summary>
    internal static bool TryParse(string text, ActivationDescriptor[] catalogue, [NotNullWhen(true)] out ActivationFunction? result, [NotNullWhen(false)] out string? error)
    {
        string? problem = ReadText(text, catalogue, out result);
        error = problem is null ? null : $"{Quote(text)} is not an activation: {problem}.";
        return problem is null;
    }

    /// <summary>Reads a <c>text</c>: the activation, or null and the first problem found.</summary>
    private static string? ReadText(ReadOnlySpan<char> text, ActivationDescriptor[] catalogue, out ActivationFunction? result)
    {
        result = null;
        int pos = Skip(text, 0, char.IsWhiteSpace);
        string? problem = pos == text.Length ? (text.IsEmpty ? "the text is empty" : "the text is only white space")
            : !char.IsAsciiLetter(text[pos]) ? Unexpected(text, pos, "an activation name")
            : null;
        if (problem is not null)
        {
            return problem;
        }

        ReadOnlySpan<char> name = text[pos..ScanName(text, pos)];
        ActivationDescriptor? activation = Find(name, catalogue);
        if (activation is null)
        {
            return $"unknown activation name {Quote(name)}; the names are {string.Join(", ", Array.ConvertAll(catalogue, d => d.Name))}";
        }

        double[] values = activation.Defaults();
        pos = Skip(text, pos + name.Length, char.IsWhiteSpace);
        bool hasArguments = pos < text.Length && text[pos] == '(';
        problem = hasArguments ? ReadArguments(text, ref pos, activation, values) : null;
        pos = Skip(text, pos, char.IsWhiteSpace);
        if (problem is not null || pos < text.Length)
        {
            return problem ?? Unexpected(text, pos, hasArguments ? "the end of the text" : "'(' or the end of the text");
        }

        try
        {
            result = activation.Create(values);
            return null;
        }
        catch (ArgumentException e)
        {
            // The values are finite, which is all the constructors ask today; should a constructor
            // ever refuse more, its reason still reaches the caller as a FormatException.
            return $"{activation.Name} rejects the parameters ({e.Message})";
        }
    }

    /// <summary>Reads the <c>argument</c>s in parentheses from the '(' at <paramref name="pos"/> into <paramref name="values"/>, leaving pos after the ')'.</summary>
    private static string? ReadArguments(ReadOnlySpan<char> text, ref int pos, ActivationDescriptor activation, double[] values)
    {
        // Each pass reads the white space after the '(' or ',' at pos, one argument and the ',' or
        // ')' after it. Bit i of given is set once parameter i is read, so given is 0 only in the
        // first pass, where the ')' may come at once.
        ParameterDescriptor[] parameters = activation.Parameters;
        int given = 0;
        while (true)
        {
            pos = Skip(text, pos + 1, char.IsWhiteSpace);
            if (given == 0 && pos < text.Length && text[pos] == ')')
            {
                pos++;
                return null;
            }

            string? problem = pos == text.Length ? Unclosed(text)
                : parameters.Length == 0 ? $"{activation.Name} takes no parameters, but found {Describe(text, pos)} at index {pos}"
                : !char.IsAsciiLetter(text[pos]) ? Unexpected(text, pos, $"a parameter name ({ParameterNames(parameters)}) followed by '='")
                : null;
            if (problem is not null)
            {
                return problem;
            }

            ReadOnlySpan<char> key = text[pos..Skip(text, pos, c => char.IsAsciiLetterOrDigit(c) || c == '_')];
            int i = parameters.Length - 1;
            while (i >= 0 && !key.Equals(parameters[i].Name, StringComparison.OrdinalIgnoreCase))
            {
                i--;
            }

            // The first problem of: an unknown key, a key given before, no '=', a bad value.
            pos = Skip(text, pos + key.Length, char.IsWhiteSpace);
            problem = i < 0 ? $"{activation.Name} has no parameter {Quote(key)}; it takes {ParameterNames(parameters)}"
                : (given & (1 << i)) != 0 ? $"the parameter '{parameters[i].Name}' is given twice"
                : pos == text.Length || text[pos] != '=' ? Unexpected(text, pos, $"'=' after '{parameters[i].Name}'")
                : ReadValue(text, ref pos, parameters[i], out values[i]);
            if (problem is not null || pos == text.Length)
            {
                return problem ?? Unclosed(text);
            }

            given |= 1 << i;
            if (text[pos] == ')')
            {
                pos++;
                return null;
            }
        }
    }

    /// <summary>Reads the <c>value</c> after the '=' at <paramref name="pos"/>, leaving pos at the ',' or ')' after it, or the end.</summary>
    private static string? ReadValue(ReadOnlySpan<char> text, ref int pos, ParameterDescriptor parameter, out double value)
    {
        int start = Skip(text, pos + 1, char.IsWhiteSpace);
        int length = text[start..].IndexOfAny(',', ')');
        pos = length < 0 ? text.Length : start + length;
        ReadOnlySpan<char> token = text[start..pos].TrimEnd();
        string name = parameter.Name;
        value = 0;
        if (token.IsEmpty)
        {
            return $"the parameter '{name}' has no value at index {start}";
        }

        if (parameter.Kind == ParameterKind.Boolean)
        {
            value = Ascii.EqualsIgnoreCase(token, "true") ? 1 : 0;
            return value == 1 || Ascii.EqualsIgnoreCase(token, "false") ? null : $"the value {Quote(token)} of '{name}' is not true or false";
        }

        // Every number of the grammar is in what these styles accept, so the parse succeeds; it
        // rounds to nearest, and an overflow such as 1e999 gives ∞. No activation takes NaN or ±∞:
        // when the text names one, the message says so rather than "not a number".
        bool isNumber = IsNumber(token);
        value = isNumber ? double.Parse(token, DecimalStyles, CultureInfo.InvariantCulture) : double.NaN;
        ReadOnlySpan<char> word = token[SkipSign(token, 0)..];
        return double.IsFinite(value) ? null
            : isNumber || Ascii.EqualsIgnoreCase(word, "NaN") || Ascii.EqualsIgnoreCase(word, "Infinity") ? $"the value {Quote(token)} of '{name}' is not a finite number"
            : $"the value {Quote(token)} of '{name}' is not a number";
    }

    /// <summary>Whether <paramref name="text"/> is all one <c>number</c>: at least one digit in the mantissa, and in the exponent if there is one.</summary>
    private static bool IsNumber(ReadOnlySpan<char> text)
    {
        int start = SkipSign(text, 0);
        int pos = Skip(text, start, char.IsAsciiDigit);
        int digits = pos - start;
        if (pos < text.Length && text[pos] == '.')
        {
            start = pos + 1;
            pos = Skip(text, start, char.IsAsciiDigit);
            digits += pos - start;
        }

        if (digits > 0 && pos < text.Length && text[pos] is 'e' or 'E')
        {
            start = SkipSign(text, pos + 1);
            pos = Skip(text, start, char.IsAsciiDigit);
            digits = pos - start;
        }

        return digits > 0 && pos == text.Length;
    }

    /// <summary>
    /// The end of the <c>name</c> starting at <paramref name="pos"/>: a run of separators belongs to
    /// it only when a letter or digit follows, so in <c>ReLU ()</c> the name ends before the space.
    /// </summary>
    private static int ScanName(ReadOnlySpan<char> text, int pos)
    {
        int next = pos;
        do
        {
            pos = Skip(text, next, char.IsAsciiLetterOrDigit);
            next = Skip(text, pos, IsNameSeparator);
        }
        while (next < text.Length && char.IsAsciiLetterOrDigit(text[next]));

        return pos;
    }

    /// <summary>The activation whose name or an alias is <paramref name="name"/> without its separators, in any case.</summary>
    private static ActivationDescriptor? Find(ReadOnlySpan<char> name, ActivationDescriptor[] catalogue)
    {
        Span<char> letters = stackalloc char[MaxNameLength];
        int length = 0;
        foreach (char c in name)
        {
            if (IsNameSeparator(c))
            {
                continue;
            }

            if (length == letters.Length)
            {
                return null;
            }

            letters[length++] = c;
        }

        ReadOnlySpan<char> key = letters[..length];
        foreach (ActivationDescriptor activation in catalogue)
        {
            bool found = key.Equals(activation.Name, StringComparison.OrdinalIgnoreCase);
            foreach (string alias in activation.Aliases)
            {
                found |= key.Equals(alias, StringComparison.OrdinalIgnoreCase);
            }

            if (found)
            {
                return activation;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="c"/> is a <c>sep</c>, which may join the parts of a name.</summary>
    private static bool IsNameSeparator(char c) => c is ' ' or '_' or '-';

    /// <summary>The index after the <c>sign</c> at <paramref name="pos"/>, if there is one.</summary>
    private static int SkipSign(ReadOnlySpan<char> text, int pos) => pos < text.Length && text[pos] is '+' or '-' ? pos + 1 : pos;

    /// <summary>The index of the first character at or after <paramref name="pos"/> that is not <paramref name="skipped"/>, or the length.</summary>
    private static int Skip(ReadOnlySpan<char> text, int pos, Func<char, bool> skipped)
    {
        while (pos < text.Length && skipped(text[pos]))
        {
            pos++;
        }

        return pos;
    }

    /// <summary>The parameters' names, comma-separated, for a message.</summary>
    private static string ParameterNames(ParameterDescriptor[] parameters) => string.Join(", ", Array.ConvertAll(parameters, p => p.Name));

    /// <summary>The problem of finding something else than <paramref name="expected"/> at <paramref name="pos"/>.</summary>
    private static string Unexpected(ReadOnlySpan<char> text, int pos, string expected) =>
        $"expected {expected} at index {pos}, but found {Describe(text, pos)}";

    /// <summary>The problem of a text that ends inside the parentheses.</summary>
    private static string Unclosed(ReadOnlySpan<char> text) =>
        $"the parameter list is not closed: expected ')' at index {text.Length}, but the text ends";

    /// <summary>The character at <paramref name="pos"/> in single quotes (both halves of a surrogate pair), or the end of the text.</summary>
    private static string Describe(ReadOnlySpan<char> text, int pos) =>
        pos == text.Length ? "the end of the text"
        : $"'{Escape(text.Slice(pos, pos + 1 < text.Length && char.IsSurrogatePair(text[pos], text[pos + 1]) ? 2 : 1))}'";

    /// <summary>The text in double quotes, cut to <see cref="MaxQuotedLength"/> characters (not inside a surrogate pair) and an ellipsis.</summary>
    private static string Quote(ReadOnlySpan<char> text)
    {
        if (text.Length <= MaxQuotedLength)
        {
            return $"\"{Escape(text)}\"";
        }

        int cut = char.IsHighSurrogate(text[MaxQuotedLength - 1]) ? MaxQuotedLength - 1 : MaxQuotedLength;
        return $"\"{Escape(text[..cut])}…\"";
    }

    /// <summary>
    /// The text as it is, but for each surrogate that is not half of a pair, written as
    /// <c>\uXXXX</c> in six ASCII characters: a message quotes the characters of any text, and
    /// must still be valid Unicode, which a strict UTF-8 encoder accepts.
    /// </summary>
    private static string Escape(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && char.IsSurrogatePair(text[i], text[i + 1]))
            {
                builder.Append(text[i]).Append(text[++i]);
            }
            else if (char.IsSurrogate(text[i]))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)text[i]:X4}");
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }
}
