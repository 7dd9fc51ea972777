using System.Diagnostics;
using System.Runtime.CompilerServices;
using Activations.Numerics;

namespace Activations.Kernels;

// The value and the first derivative of each activation in one pass (IPairKernel): the first
// result has the bits of the activation's Fn kernel, the second those of its Grad kernel. The
// exponential family shares its expensive steps (see Core.Pairs.cs); the piecewise-linear ones
// simply run both kernels, which are a few instructions each (PairOf, in IPairKernel.cs).

/// <summary>eˣ twice: <see cref="ExpKernel"/> is both Exponential's value and its derivative, so it runs once.</summary>
internal readonly struct ExpFnAndGrad : IPairKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask>
    {
        T v = default(ExpKernel).Invoke<T, TMask, TOps>(x);
        second = v;
        return v;
    }
}

/// <summary>
/// ELU and its derivative: <see cref="EluFn{TForm}"/>(α) and <see cref="EluGrad{TForm}"/>(1, α), with α(eˣ − 1)
/// and α·eˣ from one table reduction (<see cref="ExpFactor.ExpM1NonPositiveAndExp"/>); the
/// branches for x &gt; 0 and NaN are applied as in the two kernels, and the factor's form as in the derivative's.
/// </summary>
internal readonly struct EluFnAndGrad<TForm> : IPairKernel
    where TForm : struct, IFactorForm
{
    private readonly ExpFactor _alpha;
    private readonly bool _lowIsTiny;

    public EluFnAndGrad(ExpFactor alpha)
    {
        Debug.Assert(alpha.Admits<TForm>(), "The kernel's form must admit the factor.");
        _alpha = alpha;
        _lowIsTiny = alpha.HasTinyLow;
    }

    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask>
    {
        T negative = _alpha.ExpM1NonPositiveAndExp<T, TMask, TOps, TForm>(x, _lowIsTiny, out T exp);
        TMask positive = TOps.GreaterThan(x, TOps.Create(0.0));
        second = Core<T, TMask, TOps>.PropagateNaN(x, TOps.Select(positive, TOps.Create(1.0), exp));
        return Core<T, TMask, TOps>.PropagateNaN(x, TOps.Select(positive, x, negative));
    }
}

/// <summary>
/// SELU and its derivative: <see cref="SeluFn"/>(λhi, λlo, λα) and <see cref="EluGrad{TForm}"/>(λhi, λα),
/// with λα(eˣ − 1) and λα·eˣ from one table reduction (<see cref="ExpFactor.ExpM1NonPositiveAndExp"/>);
/// the positive branch λx is SeluFn's own (<see cref="SeluFn.WithNegative"/>).
/// </summary>
internal readonly struct SeluFnAndGrad<TForm> : IPairKernel
    where TForm : struct, IFactorForm
{
    private readonly SeluFn _fn;
    private readonly double _scaleHi;
    private readonly ExpFactor _scaledAlpha;
    private readonly bool _lowIsTiny;

    public SeluFnAndGrad(double scaleHi, double scaleLo, ExpFactor scaledAlpha)
    {
        Debug.Assert(scaledAlpha.Admits<TForm>(), "The kernel's form must admit the factor.");
        _fn = new(scaleHi, scaleLo, scaledAlpha);
        _scaleHi = scaleHi;
        _scaledAlpha = scaledAlpha;
        _lowIsTiny = scaledAlpha.HasTinyLow;
    }

    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask>
    {
        T negative = _scaledAlpha.ExpM1NonPositiveAndExp<T, TMask, TOps, TForm>(x, _lowIsTiny, out T exp);
        second = Core<T, TMask, TOps>.PropagateNaN(x, TOps.Select(TOps.GreaterThan(x, TOps.Create(0.0)), TOps.Create(_scaleHi), exp));
        return _fn.WithNegative<T, TMask, TOps>(x, negative);
    }
}

/// <summary>σ and σ′: <see cref="SigmoidFn"/> and <see cref="SigmoidGrad"/>, sharing e^−|x| and 1 + e^−|x|.</summary>
internal readonly struct SigmoidFnAndGrad : IPairKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask>
    {
        T v = Core<T, TMask, TOps>.SigmoidAndGrad(x, out T grad);
        second = Core<T, TMask, TOps>.PropagateNaN(x, grad);
        return Core<T, TMask, TOps>.PropagateNaN(x, v);
    }
}

/// <summary>tanh and 1 − tanh²: <see cref="TanhFn"/> and <see cref="TanhGrad"/>, sharing e^−2|x|.</summary>
internal readonly struct TanhFnAndGrad : IPairKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask>
    {
        T v = Core<T, TMask, TOps>.TanhAndGrad(x, out T grad);
        second = Core<T, TMask, TOps>.PropagateNaN(x, grad);
        return Core<T, TMask, TOps>.PropagateNaN(x, v);
    }
}

/// <summary>ln(1 + eˣ) and σ: <see cref="SoftPlusFn"/> and <see cref="SigmoidFn"/>, sharing e^−|x| and the far-range eˣ.</summary>
internal readonly struct SoftPlusFnAndGrad : IPairKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask>
    {
        T v = Core<T, TMask, TOps>.SoftPlusAndSigmoid(x, out T sigmoid);
        second = Core<T, TMask, TOps>.PropagateNaN(x, sigmoid);
        return Core<T, TMask, TOps>.PropagateNaN(x, v);
    }
}
