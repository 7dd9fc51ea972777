using System.Runtime.CompilerServices;
using Activations.Numerics;

namespace Activations.Kernels;

/// <summary>
/// Two results of one input, element by element: f(x) and f′(x) in one pass, each with the bits
/// of the kernel that computes it alone, sharing the work the two have in common.
/// </summary>
internal interface IPairKernel
{
    /// <summary>The first result at every lane of <paramref name="x"/>; the second goes to <paramref name="second"/>.</summary>
    T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask>;

    /// <summary>True for few-instruction kernels, which the driver unrolls (see <see cref="IUnaryKernel.IsLight"/>).</summary>
    static abstract bool IsLight { get; }
}

/// <summary>Builds <see cref="PairOf{TFirst, TSecond}"/> with its types inferred.</summary>
internal static class Pair
{
    /// <summary>The pair kernel whose results are <paramref name="first"/>'s and <paramref name="second"/>'s.</summary>
    public static PairOf<TFirst, TSecond> Of<TFirst, TSecond>(TFirst first, TSecond second)
        where TFirst : struct, IUnaryKernel
        where TSecond : struct, IUnaryKernel =>
        new(first, second);
}

/// <summary>
/// The pair of two unary kernels that share nothing worth sharing (the piecewise-linear and
/// piecewise-quadratic activations, a few operations each): each result is its kernel's, so the
/// bits of each alone.
/// </summary>
internal readonly struct PairOf<TFirst, TSecond>(TFirst first, TSecond second) : IPairKernel
    where TFirst : struct, IUnaryKernel
    where TSecond : struct, IUnaryKernel
{
    private readonly TFirst _first = first;
    private readonly TSecond _second = second;

    public static bool IsLight => TFirst.IsLight && TSecond.IsLight;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask>
    {
        second = _second.Invoke<T, TMask, TOps>(x);
        return _first.Invoke<T, TMask, TOps>(x);
    }
}
