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
