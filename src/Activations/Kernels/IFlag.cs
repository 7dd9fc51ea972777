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
