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
        Core<T, TMask, TOps>.Exp(x);
}

/// <summary>x if x &gt; 0 else α(eˣ − 1): ELU.</summary>
internal readonly struct EluFn(ExpFactor alpha) : IUnaryKernel
{
    public static bool IsLight => false;

    private readonly ExpFactor _alpha = alpha;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask>
    {
        T negative = _alpha.ExpM1NonPositive<T, TMask, TOps>(x);
        return Core<T, TMask, TOps>.PropagateNaN(x, TOps.Select(TOps.GreaterThan(x, TOps.Create(0.0)), x, negative));
    }
}

/// <summary>
/// λx if x &gt; 0 else λα(eˣ − 1): SELU, with λ = scaleHi + scaleLo in double-double (to 2⁻¹⁰⁹
/// relative). The positive branch is λhi·x + round(λlo·x) rounded once (fused). While λlo·x is
/// normal (|λx| ≥ 2⁻⁹⁶⁸) its rounding moves the sum by under 2⁻¹⁰⁷|λx|, so the result is within
/// 0.5 + 2⁻⁵⁴ ulp of λx; below that the rounding of λlo·x is at most 2⁻¹⁰⁷⁵, a quarter of the
/// spacing where |λx| ≥ 2⁻¹⁰²¹, and below 2⁻¹⁰²¹ it is at most |λlo·x| &lt; 0.35·2⁻¹⁰⁷⁴: within
/// 0.85 ulp in all. It overflows to ∞ exactly when λx rounds to ∞: for the two doubles either side
/// of (2¹⁰²⁴ − 2⁹⁷⁰)/λ, the rounding boundary, λx lies 4.7e−17 above and 7.0e−17 below it
/// (relative), far outside that 2⁻¹⁰⁷. scaleLo &gt; 0, so x = +∞ gives ∞ + ∞ = ∞, not ∞ − ∞.
/// </summary>
internal readonly struct SeluFn(double scaleHi, double scaleLo, ExpFactor scaledAlpha) : IUnaryKernel
{
    public static bool IsLight => false;

    private readonly double _scaleHi = scaleHi;
    private readonly double _scaleLo = scaleLo;
    private readonly ExpFactor _scaledAlpha = scaledAlpha;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask>
    {
        T negative = _scaledAlpha.ExpM1NonPositive<T, TMask, TOps>(x);
        T positive = TOps.FusedMultiplyAdd(TOps.Create(_scaleHi), x, TOps.Multiply(TOps.Create(_scaleLo), x));
        return Core<T, TMask, TOps>.PropagateNaN(x, TOps.Select(TOps.GreaterThan(x, TOps.Create(0.0)), positive, negative));
    }
}

/// <summary>The derivatives of <see cref="EluFn"/> and <see cref="SeluFn"/>: positive (1 or λ, or 0 for the second) if x &gt; 0 else a·eˣ.</summary>
internal readonly struct EluGrad(double positive, ExpFactor alpha) : IUnaryKernel
{
    public static bool IsLight => false;

    private readonly double _positive = positive;
    private readonly ExpFactor _alpha = alpha;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask>
    {
        T negative = _alpha.Exp<T, TMask, TOps>(x);
        return Core<T, TMask, TOps>.PropagateNaN(x, TOps.Select(TOps.GreaterThan(x, TOps.Create(0.0)), TOps.Create(_positive), negative));
    }
}
