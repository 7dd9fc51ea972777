using System;
using System.Runtime.CompilerServices;
using Activations.Numerics;

namespace Activations.Kernels;

// Kernels of CELU, x if x > 0 else α(e^(x/α) − 1), and its derivatives e^(x/α) and e^(x/α)/α
// (the math, with its error analysis, is in Numerics/Core.CELU.cs).

/// <summary>
/// CELU's α = Mantissa·2^Exponent (|Mantissa| in [1, 2)), prepared once per activation:
/// DownFirst·DownSecond = 2^−Exponent, each a normal power of two; Inverse = 1/Mantissa rounded, and
/// InverseLo its remainder (1 − Inverse·Mantissa)/Mantissa rounded, so that Inverse + InverseLo is
/// 1/Mantissa to about 2^−106 relative.
/// </summary>
internal readonly struct CeluFactor
{
    private CeluFactor(double mantissa, double exponent, double downFirst, double downSecond, double inverse, double inverseLo)
    {
        Mantissa = mantissa;
        Exponent = exponent;
        DownFirst = downFirst;
        DownSecond = downSecond;
        Inverse = inverse;
        InverseLo = inverseLo;
    }

    public double Mantissa { get; }

    public double Exponent { get; }

    public double DownFirst { get; }

    public double DownSecond { get; }

    public double Inverse { get; }

    public double InverseLo { get; }

    /// <summary>The factor of a finite nonzero α.</summary>
    public static CeluFactor Of(double alpha)
    {
        int e = Math.ILogB(alpha);
        double mantissa = Math.ScaleB(alpha, -e);
        int first = e / 2;
        double inverse = 1.0 / mantissa;

        // The remainder 1 − inverse·mantissa of a correctly rounded quotient is exact in one fused multiply-add.
        double inverseLo = Math.FusedMultiplyAdd(-inverse, mantissa, 1.0) / mantissa;
        return new CeluFactor(mantissa, e, Math.ScaleB(1.0, -first), Math.ScaleB(1.0, first - e), inverse, inverseLo);
    }
}

/// <summary>x if x &gt; 0 else α(e^(x/α) − 1): CELU.</summary>
internal readonly struct CeluFn(CeluFactor alpha) : IUnaryKernel
{
    public static bool IsLight => false;

    private readonly CeluFactor _alpha = alpha;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.Celu(x, _alpha.Mantissa, _alpha.Exponent, _alpha.DownFirst, _alpha.DownSecond, _alpha.Inverse);
}

/// <summary>1 if x &gt; 0 else e^(x/α) (CELU′), or with <c>second</c> 0 if x &gt; 0 else e^(x/α)/α (CELU″).</summary>
internal readonly struct CeluGrad(CeluFactor alpha, bool second) : IUnaryKernel
{
    public static bool IsLight => false;

    private readonly CeluFactor _alpha = alpha;
    private readonly bool _second = second;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.CeluGrad(x, _second, _alpha.Mantissa, _alpha.Exponent, _alpha.DownFirst, _alpha.DownSecond, _alpha.Inverse, _alpha.InverseLo);
}

/// <summary>dy if x &gt; 0 else dy·e^(x/α), the exact product rounded once: CELU's backward pass (no from-output form).</summary>
internal readonly struct CeluBackward(CeluFactor alpha) : IBinaryKernel
{
    public static bool IsLight => false;

    private readonly CeluFactor _alpha = alpha;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.CeluBackward(x, dy, _alpha.Mantissa, _alpha.DownFirst, _alpha.DownSecond, _alpha.Inverse);
}

/// <summary>
/// CELU and its derivative: <see cref="CeluFn"/> and <see cref="CeluGrad"/>, from one quotient x/α
/// and one table reduction of e^(x/α) (<see cref="Core{T, TMask, TOps}.CeluAndGrad"/>).
/// </summary>
internal readonly struct CeluFnAndGrad(CeluFactor alpha) : IPairKernel
{
    public static bool IsLight => false;

    private readonly CeluFactor _alpha = alpha;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.CeluAndGrad(x, _alpha.Mantissa, _alpha.Exponent, _alpha.DownFirst, _alpha.DownSecond, _alpha.Inverse, out second);
}

/// <summary>
/// A value kernel of CELU with α = 1 made from ELU's (with α = 1 the two functions are the same but
/// for the sign of f(−0)): <typeparamref name="TKernel"/>'s value, but x itself at x = ±0, since
/// CELU(±0) = ±0 and ELU's kernels give +0 at both.
/// </summary>
internal readonly struct KeepZeroSign<TKernel>(TKernel kernel) : IUnaryKernel
    where TKernel : struct, IUnaryKernel
{
    private readonly TKernel _kernel = kernel;

    public static bool IsLight => TKernel.IsLight;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        TOps.Select(TOps.Equal(x, TOps.Create(0.0)), x, _kernel.Invoke<T, TMask, TOps>(x));
}

/// <summary>The pair kernel of <see cref="KeepZeroSign{TKernel}"/>: the value keeps the sign of a zero x, the derivative is <typeparamref name="TPair"/>'s.</summary>
internal readonly struct KeepZeroSignPair<TPair>(TPair pair) : IPairKernel
    where TPair : struct, IPairKernel
{
    private readonly TPair _pair = pair;

    public static bool IsLight => TPair.IsLight;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask> =>
        TOps.Select(TOps.Equal(x, TOps.Create(0.0)), x, _pair.Invoke<T, TMask, TOps>(x, out second));
}
