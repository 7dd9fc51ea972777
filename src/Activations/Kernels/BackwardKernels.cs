using System.Diagnostics;
using System.Runtime.CompilerServices;
using Activations.Numerics;

namespace Activations.Kernels;

// The fused backward kernels: Invoke(x, dy) = dy·f′(x), or Invoke(y, dy) = dy·g(y) for the
// from-output forms, the exact product rounded once (see Core.Backward.cs for the error analysis).
// The piecewise-linear ones serve both forms: their derivative in x and in y is the same step.

/// <summary>dy·eˣ: Exponential's backward pass, windowed (see <see cref="IBinaryKernel.IsWindowed"/>).</summary>
internal readonly struct ExpBackward : IBinaryKernel
{
    public static bool IsLight => false;

    public static bool IsWindowed => true;

    public double WindowLimit => Core<double, bool, ScalarOps>.BackwardDirectLimit;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.ExpBackward(x, dy);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T InvokeFast<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.ExpBackwardFast(x, dy);
}

/// <summary>dy·y: Exponential's backward pass from its output, one IEEE multiplication.</summary>
internal readonly struct ExpBackwardFromOutput : IBinaryKernel
{
    public static bool IsLight => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T y, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(y, TOps.Multiply(dy, y));
}

/// <summary>
/// dy·P if x &gt; 0 else dy·α·eˣ: ELU (P = 1, α) and SELU (P = λ = positiveHi + positiveLo, α = λα),
/// with α prepared by <see cref="BackwardFactor.Of"/>. <typeparamref name="TUnitPositive"/> says
/// that P is 1 (the positive branch is dy itself) and <typeparamref name="TUnitAlpha"/> that α is
/// 1 (ELU's and CELU's default), so that the product with it is left out: type arguments, so that
/// the loop tests neither.
/// </summary>
internal readonly struct EluBackward<TUnitPositive, TUnitAlpha> : IBinaryKernel
    where TUnitPositive : struct, IFlag
    where TUnitAlpha : struct, IFlag
{
    private readonly double _positiveHi;
    private readonly double _positiveLo;
    private readonly BackwardFactor _alpha;

    public EluBackward(double positiveHi, double positiveLo, BackwardFactor alpha)
    {
        Debug.Assert(!TUnitPositive.Value || (positiveHi == 1.0 && positiveLo == 0.0), "The unit form needs P = 1.");
        Debug.Assert(!TUnitAlpha.Value || alpha.IsOne, "The unit form needs α = 1.");
        _positiveHi = positiveHi;
        _positiveLo = positiveLo;
        _alpha = alpha;
    }

    public static bool IsLight => false;

    public static bool IsWindowed => true;

    public double WindowLimit => _alpha.DirectLimit;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.EluBackward(
            x, dy, _positiveHi, _positiveLo, TUnitPositive.Value,
            _alpha.DirectHi, _alpha.DirectLo, TUnitAlpha.Value, _alpha.DirectLimit, _alpha.Hi, _alpha.Lo, _alpha.Exponent);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T InvokeFast<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.EluBackwardInside(x, dy, _positiveHi, _positiveLo, TUnitPositive.Value, _alpha.DirectHi, _alpha.DirectLo, TUnitAlpha.Value);
}

/// <summary>
/// dy·P if y &gt; 0 else dy·(y + α), from the saved output (α &gt; 0 for the form to be meaningful):
/// ELU (P = 1, α, 0, 0) and SELU (P = λ, α = λα as the triple alphaHi + alphaLo + alphaLo2).
/// <typeparamref name="TUnitPositive"/> says that P is 1 and <typeparamref name="THasLow"/> that α
/// has low parts: type arguments, so that the loop tests neither (see <see cref="IFlag"/>).
/// </summary>
internal readonly struct EluBackwardFromOutput<TUnitPositive, THasLow> : IBinaryKernel
    where TUnitPositive : struct, IFlag
    where THasLow : struct, IFlag
{
    private readonly double _positiveHi;
    private readonly double _positiveLo;
    private readonly double _alphaHi;
    private readonly double _alphaLo;
    private readonly double _alphaLo2;

    public EluBackwardFromOutput(double positiveHi, double positiveLo, double alphaHi, double alphaLo, double alphaLo2)
    {
        Debug.Assert(!TUnitPositive.Value || (positiveHi == 1.0 && positiveLo == 0.0), "The unit form needs P = 1.");
        Debug.Assert(THasLow.Value || (alphaLo == 0.0 && alphaLo2 == 0.0), "Low parts need THasLow.");
        _positiveHi = positiveHi;
        _positiveLo = positiveLo;
        _alphaHi = alphaHi;
        _alphaLo = alphaLo;
        _alphaLo2 = alphaLo2;
    }

    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T y, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.EluOutputBackward(
            y, dy, _positiveHi, _positiveLo, TUnitPositive.Value,
            _alphaHi, _alphaLo, _alphaLo2, THasLow.Value);
}

/// <summary>dy·σ′(x) = dy·σ(x)(1 − σ(x)): Sigmoid's backward pass.</summary>
internal readonly struct SigmoidBackward : IBinaryKernel
{
    public static bool IsLight => false;

    public static bool IsWindowed => true;

    public double WindowLimit => Core<double, bool, ScalarOps>.BackwardDirectLimit;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T InvokeFast<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.SigmoidGradBackwardFast(x, dy, 1.0, 1.0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.SigmoidGradBackward(x, dy, 1.0, 1.0, 0.0);
}

/// <summary>dy·y(1 − y): Sigmoid's backward pass from its output.</summary>
internal readonly struct SigmoidBackwardFromOutput : IBinaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T y, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.SigmoidOutputBackward(y, dy);
}

/// <summary>dy·(1 − tanh²x) = dy·4σ′(2x): Tanh's backward pass.</summary>
internal readonly struct TanhBackward : IBinaryKernel
{
    public static bool IsLight => false;

    public static bool IsWindowed => true;

    public double WindowLimit => Core<double, bool, ScalarOps>.BackwardDirectLimit / 2.0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T InvokeFast<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.SigmoidGradBackwardFast(x, dy, 2.0, 4.0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.SigmoidGradBackward(x, dy, 2.0, 4.0, 2.0);
}

/// <summary>dy·(1 − y²): Tanh's backward pass from its output.</summary>
internal readonly struct TanhBackwardFromOutput : IBinaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T y, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.TanhOutputBackward(y, dy);
}

/// <summary>dy·σ(x): SoftPlus's backward pass (SoftPlus has no from-output form).</summary>
internal readonly struct SoftPlusBackward : IBinaryKernel
{
    public static bool IsLight => false;

    public static bool IsWindowed => true;

    public double WindowLimit => Core<double, bool, ScalarOps>.BackwardDirectLimit;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T InvokeFast<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.SigmoidBackwardFast(x, dy);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.SigmoidBackward(x, dy);
}

/// <summary>dy (NaN x gives x): Identity's backward pass, in x or in y.</summary>
internal readonly struct IdentityBackward : IBinaryKernel
{
    public static bool IsLight => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, dy);
}

/// <summary>s·dy rounded once (a zero slope gives ±0, or NaN for dy = ±∞): Affine's backward pass, in x or in y.</summary>
internal readonly struct AffineBackward(double slope) : IBinaryKernel
{
    public static bool IsLight => true;

    private readonly double _slope = slope;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.PropagateNaN(x, Core<T, TMask, TOps>.TimesConstant(dy, _slope));
}

/// <summary>
/// dy if x &gt; 0 else dy·otherwise rounded once: ReLU (otherwise = 0, so ±0, or NaN for dy = ±∞)
/// and LeakyReLU (otherwise = α), in x, or in y when α &gt; 0 (y &gt; 0 exactly when x &gt; 0).
/// </summary>
internal readonly struct StepBackward(double otherwise) : IBinaryKernel
{
    public static bool IsLight => true;

    private readonly double _otherwise = otherwise;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask>
    {
        T v = TOps.Select(TOps.GreaterThan(x, TOps.Create(0.0)), dy, Core<T, TMask, TOps>.TimesConstant(dy, _otherwise));
        return Core<T, TMask, TOps>.PropagateNaN(x, v);
    }
}

/// <summary>dy/5 (correctly rounded) on [−2.5, 2.5], dy·0 outside: HardSigmoid's backward pass (no from-output form).</summary>
internal readonly struct HardSigmoidBackward : IBinaryKernel
{
    public static bool IsLight => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask>
    {
        TMask inside = TOps.LessThanOrEqual(TOps.Abs(x), TOps.Create(2.5));
        T v = TOps.Select(inside, Core<T, TMask, TOps>.FifthOf(dy), Core<T, TMask, TOps>.TimesConstant(dy, 0.0));
        return Core<T, TMask, TOps>.PropagateNaN(x, v);
    }
}
