using System;
using System.Runtime.CompilerServices;
using Activations.Numerics;

namespace Activations.Kernels;

/// <summary>
/// The factor a = hi + lo of a·eˣ and a·(eˣ − 1) in the exponential linear units (ELU's α, SELU's
/// λα), prepared once per activation so that every finite a gives results within 1 ulp. The core
/// rounds a·eˣ once for moderate a; three ranges of a need help, and each gets it from a uniform
/// parameter, never from a per-element branch:
/// <list type="bullet">
/// <item>|a| ≥ 2^990: the core's intermediate a·(1 + p), with a mantissa 1 + p up to √2,
/// overflows once |a| &gt; MaxValue/√2 ≈ 1.27e308, and without a hardware fused multiply-add the
/// exact error of a product is found by splitting each factor, which overflows above 2^996.
/// The core gets a·2⁻³², and its rounded result is multiplied by 2³². For the results that use it
/// (a·eˣ with −700 ≤ x ≤ 0, a(eˣ − 1) with x ≤ 0) the core's result is 0 or a normal number:
/// |a|·2⁻³²·eˣ ≥ 2^958·e⁻⁷⁰⁰ ≈ 2⁻⁵², and |a|·2⁻³²·|eˣ − 1| ≥ 2^958·2⁻¹⁰⁷⁴ for x ≠ 0. So the
/// product with 2³² is exact, adds no rounding and does not overflow (|a·eˣ| and |a(eˣ − 1)| are
/// at most |a| there).</item>
/// <item>|a| ≥ 2^367: the core clamps its argument (below −1000; a clamp must lie below
/// −745.13, ln of half the smallest subnormal, for a = 1 to underflow correctly), and a·e^clamp
/// stops underflowing once |a| ≥ 2^367.69: ELU(MaxValue)′(−1100) = e^(709.78 − 1100) would come
/// out as e^(709.78 − 1000). So the core only sees arguments it does not clamp for such a
/// factor: x itself for x ≥ −700, and for x &lt; −700 the form a·eˣ = a′·e^(x + 710) with
/// a′ = a·e⁻⁷¹⁰, where |a′| &lt; 2^1024·e⁻⁷¹⁰ = 2^−0.31 is an ordinary factor (a clamped argument
/// then means a result below 2⁻¹⁰⁷⁵, 0 either way), and the core rounds once, into the subnormal
/// range as for any a &lt; 1. x + 710 is exact: 710 is a multiple of ulp(x) for |x| &lt; 2^53, and
/// for x ≤ −355 the sum is no larger than x in magnitude, so it fits in 53 bits (beyond 2^53 the
/// result is 0 either way). a′ = (a·2⁻¹⁰²⁴)(e⁻⁷¹⁰·2¹⁰²⁴) is formed in double-double to 2⁻¹⁰⁴
/// relative: a·2⁻¹⁰²⁴ is exact (it is at least 2⁻⁶⁵⁷), and so is the error of the product,
/// recovered by a fused multiply-add.</item>
/// <item>|a| &lt; 2⁻⁵¹²: a(eˣ − 1) would be formed with its low-order term a·(low part of eˣ − 1)
/// underflowing, a second rounding that can reach half an ulp of a result near 2⁻¹⁰²². The core
/// gets a·2⁵¹² (normal, below 1) and the result is multiplied by 2⁻⁵¹². Whenever the final value
/// can be nonzero (at least 2⁻¹⁰⁷⁵), the core's result is at least 2⁻⁵⁶³ and every intermediate
/// of the core is normal, so the core rounds once as for an ordinary a; below that both the
/// final and the exact value round to 0. The product with 2⁻⁵¹² is exact above 2⁻¹⁰²², and into
/// the subnormal range it rounds a second time, within 0.5 + 0.25 ulp in all: an ulp of the
/// core's result, scaled by 2⁻⁵¹² to below 2⁻¹⁰²², is at most 2⁻¹⁰⁷⁵, half the subnormal spacing.</item>
/// </list>
/// For every other a (2⁻⁵¹² ≤ |a| &lt; 2^367) the core receives a itself and the results are the
/// core's bits times 1.
/// </summary>
internal readonly struct ExpFactor
{
    /// <summary>2^1024·e⁻⁷¹⁰ = e^(1024 ln 2 − 710) = e^−0.217287106616… = ScaledExpMinusShiftHi + ScaledExpMinusShiftLo + O(2⁻¹⁰⁹).</summary>
    private const double ScaledExpMinusShiftHi = 0.8046989017574928;    // 0x3FE9C017E9459E18
    private const double ScaledExpMinusShiftLo = 3.296385786614977e-17; // 0x3C83009B571BA366

    /// <summary>x below this takes the shifted form a′·e^(x + <see cref="Shift"/>) when <see cref="_hasFarRange"/>.</summary>
    private const double FarBelow = -700.0;

    private const double Shift = 710.0;

    private readonly double _hi;
    private readonly double _lo;
    private readonly double _unscale;
    private readonly double _farHi;
    private readonly double _farLo;
    private readonly bool _hasFarRange;

    private ExpFactor(double hi, double lo, double unscale, double farHi, double farLo, bool hasFarRange)
    {
        _hi = hi;
        _lo = lo;
        _unscale = unscale;
        _farHi = farHi;
        _farLo = farLo;
        _hasFarRange = hasFarRange;
    }

    /// <summary>The factor hi + lo (|lo| ≤ ulp(hi)/2, or 0), both finite.</summary>
    public static ExpFactor Of(double hi, double lo)
    {
        double magnitude = Math.Abs(hi);
        double farHi = 0.0;
        double farLo = 0.0;
        bool hasFarRange = magnitude >= Math.ScaleB(1.0, 367);
        if (hasFarRange)
        {
            // hi·2⁻¹⁰²⁴ is exact (at least 2⁻⁶⁵⁷); lo·2⁻¹⁰²⁴ is exact or below 2⁻¹⁰⁷⁴, far under 2⁻¹⁰⁴·|h|.
            double h = Math.ScaleB(hi, -1024);
            double l = Math.ScaleB(lo, -1024);
            farHi = h * ScaledExpMinusShiftHi;
            double error = Math.FusedMultiplyAdd(h, ScaledExpMinusShiftHi, -farHi);
            farLo = Math.FusedMultiplyAdd(h, ScaledExpMinusShiftLo, Math.FusedMultiplyAdd(l, ScaledExpMinusShiftHi, error));
        }

        int scale = magnitude >= Math.ScaleB(1.0, 990) ? -32 : magnitude < Math.ScaleB(1.0, -512) ? 512 : 0;
        return new ExpFactor(Math.ScaleB(hi, scale), Math.ScaleB(lo, scale), Math.ScaleB(1.0, -scale), farHi, farLo, hasFarRange);
    }

    /// <summary>Whether a is 1 (and so neither scaled nor shifted): the kernels may then leave out the product with it.</summary>
    public bool IsUnit => _hi == 1.0 && _lo == 0.0 && IsPlain;

    /// <summary>Whether the core gets a as it is, neither scaled nor shifted (2⁻⁵¹² ≤ |a| &lt; 2^367).</summary>
    public bool IsPlain => _unscale == 1.0 && !_hasFarRange;

    /// <summary>Whether kernels of the form <typeparamref name="TForm"/> may take this factor.</summary>
    public bool Admits<TForm>()
        where TForm : struct, IFactorForm =>
        (!TForm.IsUnit || IsUnit) && (!TForm.IsPlain || IsPlain);

    /// <summary>
    /// a·eˣ within 1 ulp, for x in [−∞, ∞] (NaN is the caller's; x &gt; 0 may overflow to ∞), for a
    /// factor that <typeparamref name="TForm"/> admits. For a = 1 the value is eˣ itself
    /// (<see cref="Core{T, TMask, TOps}.Exp"/>, within 0.56 ulp), which skips the product with a and
    /// the general scaling; for a plain factor the core's result needs neither the far range's
    /// selects nor the product by 1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Exp<T, TMask, TOps, TForm>(T x)
        where TOps : ISimdOps<T, TMask>
        where TForm : struct, IFactorForm
    {
        if (TForm.IsUnit)
        {
            return Core<T, TMask, TOps>.Exp(x);
        }

        if (TForm.IsPlain)
        {
            return Core<T, TMask, TOps>.ScaledExp(x, TOps.Create(_hi), TOps.Create(_lo));
        }

        T argument = x;
        T hi = TOps.Create(_hi);
        T lo = TOps.Create(_lo);
        T unscale = TOps.Create(_unscale);
        if (_hasFarRange)
        {
            TMask far = TOps.LessThan(x, TOps.Create(FarBelow));
            argument = TOps.Select(far, TOps.Add(x, TOps.Create(Shift)), x);
            hi = TOps.Select(far, TOps.Create(_farHi), hi);
            lo = TOps.Select(far, TOps.Create(_farLo), lo);
            unscale = TOps.Select(far, TOps.Create(1.0), unscale);
        }

        return TOps.Multiply(Core<T, TMask, TOps>.ScaledExp(argument, hi, lo), unscale);
    }

    /// <summary>
    /// <see cref="ExpM1NonPositive"/>(x), and <see cref="Exp"/>(x) in <paramref name="exp"/>, each
    /// with the bits it has alone for x ≤ 0 (the kernels discard both above), from one
    /// table reduction: the two take it at the same argument wherever the first is used, as the
    /// core's <see cref="Core{T, TMask, TOps}.ScaledExpM1NonPositiveAndScaledExp"/> explains. The
    /// factor's parts are chosen exactly as the two methods choose them.
    /// </summary>
    /// <remarks>
    /// <paramref name="lowIsTiny"/> must be <see cref="HasTinyLow"/> (taken once by the kernel's
    /// constructor, not per vector), and <typeparamref name="TForm"/> must admit the factor (it is
    /// a constant of the caller's type: a plain factor skips the far range's selects).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T ExpM1NonPositiveAndExp<T, TMask, TOps, TForm>(T x, bool lowIsTiny, out T exp)
        where TOps : ISimdOps<T, TMask>
        where TForm : struct, IFactorForm
    {
        T argument = x;
        T hi = TOps.Create(_hi);
        T lo = TOps.Create(_lo);
        T unscale = TOps.Create(_unscale);
        T expHi = hi;
        T expLo = lo;
        T expUnscale = unscale;
        if (!TForm.IsPlain && _hasFarRange)
        {
            TMask far = TOps.LessThan(x, TOps.Create(FarBelow));
            argument = TOps.Select(far, TOps.Add(x, TOps.Create(Shift)), x);
            expHi = TOps.Select(far, TOps.Create(_farHi), hi);
            expLo = TOps.Select(far, TOps.Create(_farLo), lo);
            expUnscale = TOps.Select(far, TOps.Create(1.0), unscale);
        }

        return Core<T, TMask, TOps>.ScaledExpM1NonPositiveAndScaledExp(x, hi, lo, unscale, argument, expHi, expLo, expUnscale, lowIsTiny, TForm.IsUnit, out exp);
    }

    /// <summary>
    /// Whether the low part, as the core receives it, is nonzero and below 2⁻⁸⁷⁰ (never ELU's 0
    /// nor SELU's): the shortcut of <see cref="ExpM1NonPositiveAndExp"/> for a·eˣ could then round
    /// differently, so that method takes the unshared steps.
    /// </summary>
    public bool HasTinyLow => _lo != 0.0 && Math.Abs(_lo) < Core<double, bool, ScalarOps>.SmallestShortcutLow;

    /// <summary>
    /// a(eˣ − 1) within 1 ulp, for x ≤ 0 (the core's eˣ − 1 is relative-accurate at every x ≤ 0, so
    /// no shift is needed), for a factor that <typeparamref name="TForm"/> admits (a = 1 leaves the product out).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T ExpM1NonPositive<T, TMask, TOps, TForm>(T x)
        where TOps : ISimdOps<T, TMask>
        where TForm : struct, IFactorForm =>
        Core<T, TMask, TOps>.ScaledExpM1NonPositive(x, TOps.Create(_hi), TOps.Create(_lo), TOps.Create(_unscale), TForm.IsUnit);
}
