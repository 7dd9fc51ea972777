using System.Diagnostics;
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

/// <summary>x if x &gt; 0 else α(eˣ − 1): ELU, with the steps that the factor's form <typeparamref name="TForm"/> needs.</summary>
internal readonly struct EluFn<TForm> : IUnaryKernel
    where TForm : struct, IFactorForm
{
    private readonly ExpFactor _alpha;

    public EluFn(ExpFactor alpha)
    {
        Debug.Assert(alpha.Admits<TForm>(), "The kernel's form must admit the factor.");
        _alpha = alpha;
    }

    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask>
    {
        T negative = _alpha.ExpM1NonPositive<T, TMask, TOps, TForm>(x);
        return Core<T, TMask, TOps>.PropagateNaN(x, TOps.Select(TOps.GreaterThan(x, TOps.Create(0.0)), x, negative));
    }
}

/// <summary>
/// λx if x &gt; 0 else λα(eˣ − 1): SELU, with λ = scaleHi + scaleLo in double-double (to 2⁻¹⁰⁹
/// relative). The positive branch is p + (e + λlo·x) with p = λhi·x rounded and e its exact error
/// (<see cref="Core{T, TMask, TOps}.MultiplyError"/>: one fused multiply-add where the processor
/// has it, Dekker's splitting where it does not — the same exact value): the tail e + λlo·x is
/// within 2⁻¹⁰⁴ of the exact λx − p, so the sum is λx correctly rounded except within 2⁻⁵¹ ulp of
/// a rounding midpoint. MultiplyError needs |x| &lt; 2^996 and |p| &gt; 2⁻⁹¹⁴, so an x outside
/// [2⁻⁹⁰⁰, 2⁹⁰⁰] is first scaled by 2∓²⁰⁰ (exactly) and the result scaled back: exactly, or to ∞
/// exactly when λx rounds to ∞, or (below 2⁻¹⁰²², only for subnormal x) with a second rounding
/// onto the subnormal grid after a first one of at most a quarter of its spacing, so within
/// 0.75 ulp. x = +∞ gives ∞.
/// </summary>
internal readonly struct SeluFn(double scaleHi, double scaleLo, ExpFactor scaledAlpha) : IUnaryKernel
{
    public static bool IsLight => false;

    private const double Large = 8.452712498170644e270;   // 2^900
    private const double Small = 1.1830521861667747e-271; // 2^−900
    private const double Up = 1.6069380442589903e60;      // 2^200
    private const double Down = 6.223015277861142e-61;    // 2^−200

    private readonly double _scaleHi = scaleHi;
    private readonly double _scaleLo = scaleLo;
    private readonly ExpFactor _scaledAlpha = scaledAlpha;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        WithNegative<T, TMask, TOps>(x, _scaledAlpha.ExpM1NonPositive<T, TMask, TOps, GeneralFactor>(x));

    /// <summary>
    /// The value given the negative branch λα(eˣ − 1) (meaningful for x ≤ 0): apart so that
    /// <see cref="SeluFnAndGrad{TForm}"/>, which has that branch from the reduction it shares with the
    /// derivative, applies the same operations.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal T WithNegative<T, TMask, TOps>(T x, T negative)
        where TOps : ISimdOps<T, TMask>
    {
        T positive = LambdaTimes<T, TMask, TOps>(x);
        T a = TOps.Abs(x);
        TMask large = TOps.GreaterThan(a, TOps.Create(Large));
        TMask small = TOps.LessThan(a, TOps.Create(Small));
        if (TOps.Any(TOps.Or(large, small)))
        {
            T up = TOps.Multiply(LambdaTimes<T, TMask, TOps>(TOps.Multiply(x, TOps.Create(Up))), TOps.Create(Down));
            T down = TOps.Multiply(LambdaTimes<T, TMask, TOps>(TOps.Multiply(x, TOps.Create(Down))), TOps.Create(Up));
            positive = TOps.Select(small, up, TOps.Select(large, down, positive));
            positive = TOps.Select(TOps.Equal(x, TOps.Create(double.PositiveInfinity)), x, positive);
        }

        return Core<T, TMask, TOps>.PropagateNaN(x, TOps.Select(TOps.GreaterThan(x, TOps.Create(0.0)), positive, negative));
    }

    /// <summary>λx as p + (e + λlo·x), valid for 2⁻⁹⁰⁰ ≤ |x| ≤ 2⁹⁰⁰ (see the type's summary).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private T LambdaTimes<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask>
    {
        T scaleHi = TOps.Create(_scaleHi);
        T p = TOps.Multiply(scaleHi, x);
        T e = Core<T, TMask, TOps>.MultiplyError(scaleHi, x, p);
        return TOps.Add(p, TOps.Add(e, TOps.Multiply(TOps.Create(_scaleLo), x)));
    }
}

/// <summary>
/// The derivatives of <see cref="EluFn{TForm}"/> and <see cref="SeluFn"/>: positive (1 or λ, or 0 for the
/// second) if x &gt; 0 else a·eˣ, with the steps that the factor's form <typeparamref name="TForm"/>
/// needs (<see cref="ExpFactor.Exp"/>: for ELU's and CELU's default a = 1, eˣ itself).
/// </summary>
internal readonly struct EluGrad<TForm> : IUnaryKernel
    where TForm : struct, IFactorForm
{
    private readonly double _positive;
    private readonly ExpFactor _alpha;

    public EluGrad(double positive, ExpFactor alpha)
    {
        Debug.Assert(alpha.Admits<TForm>(), "The kernel's form must admit the factor.");
        _positive = positive;
        _alpha = alpha;
    }

    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask>
    {
        T negative = _alpha.Exp<T, TMask, TOps, TForm>(x);
        return Core<T, TMask, TOps>.PropagateNaN(x, TOps.Select(TOps.GreaterThan(x, TOps.Create(0.0)), TOps.Create(_positive), negative));
    }
}
