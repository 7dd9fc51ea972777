using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Activations.Catalogue;

namespace Activations;

/// <summary>
/// Reads the text form of an activation in one left-to-right pass, by this grammar (EBNF; each
/// repetition takes as much as it can, so <c>name</c> is the longest match):
/// <code>
/// text      = ws, name, ws, [ "(", ws, [ argument, { ",", ws, argument } ], ")", ws ] ;
/// argument  = key, ws, "=", ws, value, ws ;
/// name      = letter, { alnum }, { sep, { sep }, alnum, { alnum } } ;
/// key       = letter, { alnum | "_" } ;
/// value     = number | "true" | "false" ;     (* true or false, in any case, for a boolean parameter only *)
/// number    = [ sign ], ( digits, [ ".", [ digits ] ] | ".", digits ), [ ( "e" | "E" ), [ sign ], digits ] ;
/// sign      = "+" | "-" ;
/// digits    = digit, { digit } ;
/// alnum     = letter | digit ;
/// letter    = "A" … "Z" | "a" … "z" ;
/// digit     = "0" … "9" ;
/// sep       = " " | "_" | "-" ;
/// ws        = { ? a char for which char.IsWhiteSpace is true ? } ;
/// </code>
/// and these rules: the name without its separators equals an activation's name or alias (a
/// separator inside an alias is not removed) ignoring ASCII case, and is looked up as soon as
/// it is read; a key is one of that activation's parameter names ignoring case, not given
/// before (checked as soon as the key is read, before the '='); a parameter left out takes its
/// default; a value is checked as the text from after the '=' and white space to the next ','
/// or ')' (or the end), less trailing white space, before anything after it is; a number rounds
/// to nearest and must be finite. The grammar, not
/// <see cref="double.TryParse(string?, out double)"/>, decides what a number is: .NET's parsing
/// also takes trailing NULs, for one. No step looks back more than one run of name separators,
/// so the time is linear in the length of the text, whatever the text.
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
        string? problem = Read(text, catalogue, out result);
        error = problem is null ? null : $"{Quote(text)} is not an activation: {problem}.";
        return problem is null;
    }

    /// <summary>The activation, or null and a description of the first problem found.</summary>
    private static string? Read(ReadOnlySpan<char> text, ActivationDescriptor[] catalogue, out ActivationFunction? result)
    {
        result = null;
        int pos = SkipWhiteSpace(text, 0);
        if (pos == text.Length)
        {
            return text.IsEmpty ? "the text is empty" : "the text is only white space";
        }

        if (!char.IsAsciiLetter(text[pos]))
        {
            return Unexpected(text, pos, "an activation name");
        }

        int nameStart = pos;
        pos = ScanName(text, pos);
        ReadOnlySpan<char> name = text[nameStart..pos];
        ActivationDescriptor? signature = Find(name, catalogue);
        if (signature is null)
        {
            return $"unknown activation name {Quote(name)}; the names are {string.Join(", ", Array.ConvertAll(catalogue, d => d.Name))}";
        }

        double[] values = signature.Defaults();
        pos = SkipWhiteSpace(text, pos);
        bool hasArguments = pos < text.Length && text[pos] == '(';
        if (hasArguments)
        {
            string? problem = ReadArguments(text, ref pos, signature, values);
            if (problem is not null)
            {
                return problem;
            }

            pos = SkipWhiteSpace(text, pos);
        }

        if (pos < text.Length)
        {
            return Unexpected(text, pos, hasArguments ? "the end of the text" : "'(' or the end of the text");
        }

        try
        {
            result = signature.Create(values);
            return null;
        }
        catch (ArgumentException e)
        {
            // The values are finite, which is all the constructors ask today; should a constructor
            // ever refuse more, its reason still reaches the caller as a FormatException.
            return $"{signature.Name} rejects the parameters ({e.Message})";
        }
    }

    /// <summary>Reads <c>( … )</c> starting at the '(' at <paramref name="pos"/>, leaving pos after the ')'.</summary>
    private static string? ReadArguments(ReadOnlySpan<char> text, ref int pos, ActivationDescriptor signature, double[] values)
    {
        pos = SkipWhiteSpace(text, pos + 1);
        if (pos == text.Length)
        {
            return Unclosed(text);
        }

        if (text[pos] == ')')
        {
            pos++;
            return null;
        }

        if (signature.Parameters.Length == 0)
        {
            return $"{signature.Name} takes no parameters, but found {Describe(text, pos)} at index {pos}";
        }

        int given = 0; // bit i set once parameter i has been read
        while (true)
        {
            if (pos == text.Length)
            {
                return Unclosed(text);
            }

            if (!char.IsAsciiLetter(text[pos]))
            {
                return Unexpected(text, pos, $"a parameter name ({ParameterNames(signature)}) followed by '='");
            }

            int keyStart = pos;
            while (pos < text.Length && (char.IsAsciiLetterOrDigit(text[pos]) || text[pos] == '_'))
            {
                pos++;
            }

            ReadOnlySpan<char> key = text[keyStart..pos];
            int index = signature.Parameters.Length - 1;
            while (index >= 0 && !key.Equals(signature.Parameters[index].Name, StringComparison.OrdinalIgnoreCase))
            {
                index--;
            }

            if (index < 0)
            {
                return $"{signature.Name} has no parameter {Quote(key)}; it takes {ParameterNames(signature)}";
            }

            string parameter = signature.Parameters[index].Name;
            if ((given & (1 << index)) != 0)
            {
                return $"the parameter '{parameter}' is given twice";
            }

            given |= 1 << index;
            pos = SkipWhiteSpace(text, pos);
            if (pos == text.Length || text[pos] != '=')
            {
                return Unexpected(text, pos, $"'=' after '{parameter}'");
            }

            string? problem = ReadValue(text, ref pos, signature.Parameters[index], out values[index]);
            if (problem is not null)
            {
                return problem;
            }

            if (pos == text.Length)
            {
                return Unclosed(text);
            }

            pos++; // past the ',' or ')' that ended the number
            if (text[pos - 1] == ')')
            {
                return null;
            }

            pos = SkipWhiteSpace(text, pos);
        }
    }

    private static string ParameterNames(ActivationDescriptor signature) =>
        string.Join(", ", Array.ConvertAll(signature.Parameters, p => p.Name));

    /// <summary>
    /// Reads the value after the '=' at <paramref name="pos"/>, up to the next ',' or ')' (or the
    /// end): a number, or for a boolean parameter <c>true</c> or <c>false</c> in any case (stored as 1 or 0).
    /// </summary>
    private static string? ReadValue(ReadOnlySpan<char> text, ref int pos, ParameterDescriptor parameter, out double value)
    {
        value = 0;
        int start = SkipWhiteSpace(text, pos + 1);
        pos = start;
        while (pos < text.Length && text[pos] != ',' && text[pos] != ')')
        {
            pos++;
        }

        ReadOnlySpan<char> token = text[start..pos].TrimEnd();
        string name = parameter.Name;
        if (token.IsEmpty)
        {
            return $"the parameter '{name}' has no value at index {start}";
        }

        if (parameter.Kind == ParameterKind.Boolean)
        {
            bool isTrue = Ascii.EqualsIgnoreCase(token, "true");
            value = isTrue ? 1 : 0;
            return isTrue || Ascii.EqualsIgnoreCase(token, "false") ? null : $"the value {Quote(token)} of '{name}' is not true or false";
        }

        if (IsDecimal(token))
        {
            // Every decimal of the grammar is in what these styles accept, so this parse succeeds;
            // it rounds to nearest, and an overflow such as 1e999 gives ∞.
            value = double.Parse(token, DecimalStyles, CultureInfo.InvariantCulture);
            return double.IsFinite(value) ? null : $"the value {Quote(token)} of '{name}' is not a finite number";
        }

        // No activation takes NaN or ±∞; when the text names one, say so rather than "not a number".
        return IsNonFiniteWord(token)
            ? $"the value {Quote(token)} of '{name}' is not a finite number"
            : $"the value {Quote(token)} of '{name}' is not a number";
    }

    /// <summary>
    /// Whether <paramref name="text"/> is all one <c>number</c> of the grammar: an optional sign,
    /// ASCII digits with at most one '.' and at least one digit, then optionally 'e' or 'E', an
    /// optional sign and at least one digit.
    /// </summary>
    private static bool IsDecimal(ReadOnlySpan<char> text)
    {
        int integerStart = SkipSign(text, 0);
        int integerEnd = SkipDigits(text, integerStart);
        int mantissaEnd = integerEnd < text.Length && text[integerEnd] == '.' ? SkipDigits(text, integerEnd + 1) : integerEnd;
        if (integerEnd == integerStart && mantissaEnd <= integerEnd + 1)
        {
            return false; // no digit before or after the point
        }

        int pos = mantissaEnd;
        if (pos < text.Length && text[pos] is 'e' or 'E')
        {
            int exponentStart = SkipSign(text, pos + 1);
            pos = SkipDigits(text, exponentStart);
            if (pos == exponentStart)
            {
                return false;
            }
        }

        return pos == text.Length;
    }

    /// <summary>Whether <paramref name="text"/> is NaN or Infinity as the invariant culture writes them, in any case, after an optional sign.</summary>
    private static bool IsNonFiniteWord(ReadOnlySpan<char> text)
    {
        ReadOnlySpan<char> word = text[SkipSign(text, 0)..];
        return Ascii.EqualsIgnoreCase(word, "NaN") || Ascii.EqualsIgnoreCase(word, "Infinity");
    }

    private static int SkipSign(ReadOnlySpan<char> text, int pos) => pos < text.Length && text[pos] is '+' or '-' ? pos + 1 : pos;

    private static int SkipDigits(ReadOnlySpan<char> text, int pos)
    {
        while (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            pos++;
        }

        return pos;
    }

    /// <summary>
    /// The end of the name starting at <paramref name="pos"/>: runs of ASCII letters and digits
    /// joined by runs of ' ', '_' or '-'. A separator run belongs to the name only when a letter or
    /// digit follows it, so in <c>ReLU ()</c> the name ends before the space; each separator is
    /// looked at at most twice.
    /// </summary>
    private static int ScanName(ReadOnlySpan<char> text, int pos)
    {
        while (true)
        {
            while (pos < text.Length && char.IsAsciiLetterOrDigit(text[pos]))
            {
                pos++;
            }

            int next = pos;
            while (next < text.Length && IsNameSeparator(text[next]))
            {
                next++;
            }

            if (next == pos || next == text.Length || !char.IsAsciiLetterOrDigit(text[next]))
            {
                return pos;
            }

            pos = next;
        }
    }

    /// <summary>The activation whose name equals <paramref name="name"/> ignoring case and separators.</summary>
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
        foreach (ActivationDescriptor signature in catalogue)
        {
            if (key.Equals(signature.Name, StringComparison.OrdinalIgnoreCase))
            {
                return signature;
            }

            foreach (string alias in signature.Aliases)
            {
                if (key.Equals(alias, StringComparison.OrdinalIgnoreCase))
                {
                    return signature;
                }
            }
        }

        return null;
    }

    private static bool IsNameSeparator(char c) => c is ' ' or '_' or '-';

    private static int SkipWhiteSpace(ReadOnlySpan<char> text, int pos)
    {
        while (pos < text.Length && char.IsWhiteSpace(text[pos]))
        {
            pos++;
        }

        return pos;
    }

    private static string Unexpected(ReadOnlySpan<char> text, int pos, string expected) =>
        string.Create(CultureInfo.InvariantCulture, $"expected {expected} at index {pos}, but found {Describe(text, pos)}");

    private static string Unclosed(ReadOnlySpan<char> text) =>
        string.Create(CultureInfo.InvariantCulture, $"the parameter list is not closed: expected ')' at index {text.Length}, but the text ends");

    /// <summary>The character at <paramref name="pos"/> in single quotes (both halves of a surrogate pair), or the end of the text.</summary>
    private static string Describe(ReadOnlySpan<char> text, int pos)
    {
        if (pos == text.Length)
        {
            return "the end of the text";
        }

        int length = pos + 1 < text.Length && char.IsSurrogatePair(text[pos], text[pos + 1]) ? 2 : 1;
        return $"'{EscapeUnpairedSurrogates(text.Slice(pos, length))}'";
    }

    /// <summary>The text in double quotes, cut to <see cref="MaxQuotedLength"/> characters and an ellipsis.</summary>
    private static string Quote(ReadOnlySpan<char> text)
    {
        if (text.Length <= MaxQuotedLength)
        {
            return $"\"{EscapeUnpairedSurrogates(text)}\"";
        }

        // Do not split a surrogate pair.
        int cut = char.IsHighSurrogate(text[MaxQuotedLength - 1]) ? MaxQuotedLength - 1 : MaxQuotedLength;
        return $"\"{EscapeUnpairedSurrogates(text[..cut])}…\"";
    }

    /// <summary>
    /// The text as it is, but for each surrogate that is not half of a pair, written as
    /// <c>\uXXXX</c> in six ASCII characters: a message quotes the characters of any text, and
    /// must still be valid Unicode, which a strict UTF-8 encoder accepts.
    /// </summary>
    private static string EscapeUnpairedSurrogates(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && char.IsSurrogatePair(text[i], text[i + 1]))
            {
                builder.Append(text.Slice(i++, 2));
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
