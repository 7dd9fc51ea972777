using System.Runtime.CompilerServices;
using Activations.Numerics;

namespace Activations.Kernels;

/// <summary>
/// One activation or derivative, element by element. A kernel is a small struct holding its
/// parameters; <see cref="SpanDriver"/> is generic over it, so the JIT compiles one specialised
/// loop per kernel and per vector width, with no virtual call or delegate per element.
/// </summary>
internal interface IUnaryKernel
{
    /// <summary>The value at every lane of <paramref name="x"/>, written against <typeparamref name="TOps"/> only.</summary>
    T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask>;

    /// <summary>
    /// True for the few-instruction kernels (the piecewise-linear ones): the driver then runs four
    /// vectors per iteration, since loop overhead, not arithmetic, would bound them. A constant
    /// for each kernel type, declared by every kernel (not a default implementation), so the JIT
    /// folds the test and a heavy kernel's loop never contains the unrolled copies.
    /// </summary>
    static abstract bool IsLight { get; }

    /// <summary>
    /// True for the kernels whose float results the driver may compute on float lanes (sixteen
    /// to a 512-bit vector instead of eight widened doubles): kernels that only compare x with
    /// constants that are floats and return x or constants, so that float arithmetic gives the
    /// double result rounded to float, bit for bit (the float lanes round each constant to float,
    /// as the narrowing of the double result would). False unless a kernel type declares it.
    /// </summary>
    static virtual bool ExactInFloat => false;
}

/// <summary>
/// A kernel that is exact in float for the parameters it was built with, though not for every
/// parameter of its type (a clamp to bounds that are floats): runs as <typeparamref name="TKernel"/>,
/// and declares <see cref="IUnaryKernel.ExactInFloat"/>. The caller checks the parameters.
/// </summary>
internal readonly struct FloatExact<TKernel>(TKernel kernel) : IUnaryKernel
    where TKernel : struct, IUnaryKernel
{
    private readonly TKernel _kernel = kernel;

    public static bool IsLight => TKernel.IsLight;

    public static bool ExactInFloat => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        _kernel.Invoke<T, TMask, TOps>(x);
}
