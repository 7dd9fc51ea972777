using Activations.Numerics;

namespace Activations.Kernels;

/// <summary>
/// A function of two inputs, element by element: the fused backward passes, dy·f′(x) from the
/// input x or dy·g(y) from the saved output y. Like <see cref="IUnaryKernel"/>, a small struct
/// holding its parameters, so the driver's loop is specialised per kernel and vector width.
/// </summary>
internal interface IBinaryKernel
{
    /// <summary>The value at every lane of (<paramref name="x"/>, <paramref name="dy"/>), written against <typeparamref name="TOps"/> only.</summary>
    T Invoke<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask>;

    /// <summary>True for few-instruction kernels, which the driver unrolls (see <see cref="IUnaryKernel.IsLight"/>).</summary>
    static abstract bool IsLight { get; }

    /// <summary>
    /// True for a kernel whose <see cref="Invoke"/> tests every vector for its fast path's window
    /// (|x| ≤ <see cref="WindowLimit"/>, dy ±0 or within [2^−330, 2^400], the one window on dy that
    /// every such kernel has, <see cref="SpanDriver.WindowGradientLow"/>) and has
    /// <see cref="InvokeFast"/>, that fast path without the test: the driver then tests whole runs of
    /// vectors at once before the kernel runs, and runs those that pass through
    /// <see cref="InvokeFast"/> (see <see cref="SpanDriver"/>).
    /// </summary>
    static virtual bool IsWindowed => false;

    /// <summary>The window's bound on |x| (see <see cref="IsWindowed"/>); negative when no input is in the window.</summary>
    double WindowLimit => -1.0;

    /// <summary>
    /// <see cref="Invoke"/>'s value on a vector inside the window (see <see cref="IsWindowed"/>),
    /// by the same operations as its fast path, without the test; called only for windowed kernels.
    /// </summary>
    T InvokeFast<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> => Invoke<T, TMask, TOps>(x, dy);
}
