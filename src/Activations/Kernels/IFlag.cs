namespace Activations.Kernels;

/// <summary>
/// A Boolean parameter of a kernel known when its loop is compiled: a type argument instead of a
/// field, so that the JIT keeps only the branch it selects, where a field would be read and tested
/// in every iteration (the JIT does not move such a test out of the loop).
/// </summary>
internal interface IFlag
{
    /// <summary>The flag's value.</summary>
    static abstract bool Value { get; }
}

/// <summary>The flag that is set.</summary>
internal readonly struct Yes : IFlag
{
    public static bool Value => true;
}

/// <summary>The flag that is clear.</summary>
internal readonly struct No : IFlag
{
    public static bool Value => false;
}

/// <summary>
/// The form of the factor a of a·eˣ in the exponential linear units (<see cref="ExpFactor"/>), known
/// when the loop is compiled, like an <see cref="IFlag"/>: the kernels leave out the steps that
/// the form does not need instead of testing the factor in every iteration.
/// </summary>
internal interface IFactorForm
{
    /// <summary>a = 1: a·eˣ is eˣ itself.</summary>
    static abstract bool IsUnit { get; }

    /// <summary>a is passed to the core as it is: neither scaled nor shifted for a far range (<see cref="ExpFactor.IsPlain"/>).</summary>
    static abstract bool IsPlain { get; }
}

/// <summary>a = 1 (ELU's and CELU's default α).</summary>
internal readonly struct UnitFactor : IFactorForm
{
    public static bool IsUnit => true;

    public static bool IsPlain => true;
}

/// <summary>An a of moderate size, 2⁻⁵¹² ≤ |a| &lt; 2^367 (ELU's α other than 1 in that range, and SELU's λα).</summary>
internal readonly struct PlainFactor : IFactorForm
{
    public static bool IsUnit => false;

    public static bool IsPlain => true;
}

/// <summary>Any a: the core gets it scaled, and shifted below −700 for |a| ≥ 2^367.</summary>
internal readonly struct GeneralFactor : IFactorForm
{
    public static bool IsUnit => false;

    public static bool IsPlain => false;
}
