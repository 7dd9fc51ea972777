using System.Runtime.CompilerServices;
using Activations.Numerics;

namespace Activations.Kernels;

// Kernels of Exponential and of the exponential linear units (ELU, and SELU as a scaled ELU).

/// <summary>e^x: Exponential's value and both its derivatives.</summary>
internal readonly struct ExpKernel : IUnaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, Core<T, TMask, TOps>.Exp(x));
}

/// <summary>
/// λx if x &gt; 0 else a(e^x − 1), with a = aHi + aLo carried in double-double so SELU's λα
/// (a product of two doubles) is exact; ELU is λ = 1.
/// </summary>
internal readonly struct EluFn(double scale, double alphaHi, double alphaLo) : IUnaryKernel
{
    public static bool IsLight => false;

    private readonly double _scale = scale;
    private readonly double _alphaHi = alphaHi;
    private readonly double _alphaLo = alphaLo;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask>
    {
        T negative = Core<T, TMask, TOps>.ScaledExpM1NonPositive(x, TOps.Create(_alphaHi), TOps.Create(_alphaLo));
        T positive = TOps.Multiply(TOps.Create(_scale), x);
        return Core<T, TMask, TOps>.PropagateNaN(x, TOps.Select(TOps.GreaterThan(x, TOps.Create(0.0)), positive, negative));
    }
}

/// <summary>The derivatives of <see cref="EluFn"/>: positive (λ, or 0 for the second) if x &gt; 0 else a·e^x.</summary>
internal readonly struct EluGrad(double positive, double alphaHi, double alphaLo) : IUnaryKernel
{
    public static bool IsLight => false;

    private readonly double _positive = positive;
    private readonly double _alphaHi = alphaHi;
    private readonly double _alphaLo = alphaLo;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask>
    {
        T negative = Core<T, TMask, TOps>.ScaledExp(x, TOps.Create(_alphaHi), TOps.Create(_alphaLo));
        return Core<T, TMask, TOps>.PropagateNaN(x, TOps.Select(TOps.GreaterThan(x, TOps.Create(0.0)), TOps.Create(_positive), negative));
    }
}
