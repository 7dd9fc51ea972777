using System;
using System.Diagnostics.CodeAnalysis;

namespace Activations;

public abstract partial class ActivationFunction
{
    /// <summary>Reads an activation from its canonical form (see <see cref="ToString"/>) or numpy-ml's.</summary>
    /// <param name="s">The text, e.g. <c>ELU(alpha=1)</c>, <c>leaky_relu(alpha=0.1)</c>, <c>Hard Sigmoid</c>.</param>
    /// <returns>The activation.</returns>
    /// <exception cref="FormatException">The text is not a valid activation; the message quotes it.</exception>
    public static ActivationFunction Parse(string s) => throw new NotImplementedException(s);

    /// <summary>Reads an activation like <see cref="Parse(string)"/>, without throwing.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The activation, or null when the text is not valid.</param>
    /// <returns>Whether the text was valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, [NotNullWhen(true)] out ActivationFunction? result)
    {
        result = null;
        return false;
    }
}
