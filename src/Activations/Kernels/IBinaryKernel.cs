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
}
