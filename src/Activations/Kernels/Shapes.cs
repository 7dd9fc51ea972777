using System.Runtime.CompilerServices;
using Activations.Numerics;

namespace Activations.Kernels;

/// <summary>
/// What <see cref="SpanDriver"/>'s loop calls: up to two inputs to up to two outputs. The three
/// kernel interfaces are adapted to it by <see cref="OneToOne{TKernel}"/>, <see cref="TwoToOne{TKernel}"/>
/// and <see cref="OneToTwo{TKernel}"/>, so that one loop serves every shape; the flags are constants
/// of each adapter type, so the JIT drops the loads and stores a shape does not have.
/// </summary>
internal interface IShape
{
    static abstract bool IsLight { get; }

    static abstract bool TwoInputs { get; }

    static abstract bool TwoOutputs { get; }

    /// <summary>Whether the float overloads may run on float lanes (<see cref="IUnaryKernel.ExactInFloat"/>; one input and one output only).</summary>
    static abstract bool ExactInFloat { get; }

    /// <summary>The first result at (a, b), the second in <paramref name="second"/> (unset, unused, for one output).</summary>
    T Invoke<T, TMask, TOps>(T a, T b, out T second)
        where TOps : ISimdOps<T, TMask>;

    /// <summary>Whether the kernel is windowed (<see cref="IBinaryKernel.IsWindowed"/>; two inputs and one output only).</summary>
    static virtual bool IsWindowed => false;

    /// <summary>The window's bound on the first input (<see cref="IBinaryKernel.WindowLimit"/>).</summary>
    double WindowLimit => -1.0;

    /// <summary>The first result at (a, b) inside the window (<see cref="IBinaryKernel.InvokeFast"/>).</summary>
    T InvokeFast<T, TMask, TOps>(T a, T b)
        where TOps : ISimdOps<T, TMask> => Invoke<T, TMask, TOps>(a, b, out _);
}

/// <summary>f(x): the activation and its derivatives.</summary>
internal readonly struct OneToOne<TKernel>(TKernel kernel) : IShape
    where TKernel : struct, IUnaryKernel
{
    private readonly TKernel _kernel = kernel;

    public static bool IsLight => TKernel.IsLight;

    public static bool TwoInputs => false;

    public static bool TwoOutputs => false;

    public static bool ExactInFloat => TKernel.ExactInFloat;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T a, T b, out T second)
        where TOps : ISimdOps<T, TMask>
    {
        second = a;
        return _kernel.Invoke<T, TMask, TOps>(a);
    }
}

/// <summary>g(x, dy): the backward passes.</summary>
internal readonly struct TwoToOne<TKernel>(TKernel kernel) : IShape
    where TKernel : struct, IBinaryKernel
{
    private readonly TKernel _kernel = kernel;

    public static bool IsLight => TKernel.IsLight;

    public static bool TwoInputs => true;

    public static bool TwoOutputs => false;

    public static bool ExactInFloat => false;

    public static bool IsWindowed => TKernel.IsWindowed;

    public double WindowLimit => _kernel.WindowLimit;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T a, T b, out T second)
        where TOps : ISimdOps<T, TMask>
    {
        second = a;
        return _kernel.Invoke<T, TMask, TOps>(a, b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T InvokeFast<T, TMask, TOps>(T a, T b)
        where TOps : ISimdOps<T, TMask> =>
        _kernel.InvokeFast<T, TMask, TOps>(a, b);
}

/// <summary>(f(x), f′(x)): value and gradient in one pass.</summary>
internal readonly struct OneToTwo<TKernel>(TKernel kernel) : IShape
    where TKernel : struct, IPairKernel
{
    private readonly TKernel _kernel = kernel;

    public static bool IsLight => TKernel.IsLight;

    public static bool TwoInputs => false;

    public static bool TwoOutputs => true;

    public static bool ExactInFloat => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T a, T b, out T second)
        where TOps : ISimdOps<T, TMask> =>
        _kernel.Invoke<T, TMask, TOps>(a, out second);
}
