using System;

namespace Activations.Kernels;

/// <summary>
/// The factor a = hi + lo of the fused backward kernels' a·eˣ (ELU's α, SELU's λα), prepared once
/// per activation, in two forms. The direct form is a itself (<see cref="DirectHi"/> +
/// <see cref="DirectLo"/>) for 2^−32 ≤ |a| &lt; 2^64, where the kernel's fast path multiplies it
/// into e^u = s(1 + t) for |u| ≤ <see cref="DirectLimit"/>: min(400, (583 + e)·0.69) with
/// 2^e ≤ |a| &lt; 2^(e+1), so that with dy within [2^−330, 2^400] every product dy·a·s lies within
/// [2^−914, 2^465] (e^−L ≥ 2^(−583−e) and s ≥ e^u/(1 + 2^−5.4), so |dy·a·s| ≥ 2^−913.1)
/// and every product error is exact with and without a fused multiply-add; for any other a the
/// direct limit is −1, below every |u|, so every vector takes the general path. The general form is a = (Hi + Lo)·2^Exponent with |Hi| in [1, 2) (or a = 0),
/// so that the general path multiplies mantissas of moderate size only and adds the exponents, and
/// no finite a (from the smallest subnormal to <see cref="double.MaxValue"/>) overflows or
/// underflows an intermediate.
/// </summary>
internal readonly struct BackwardFactor
{
    /// <summary>|u| up to at most this takes the fast path (see <see cref="Numerics.Core{T, TMask, TOps}.EluBackward"/>).</summary>
    private const double DirectArgumentLimit = 400.0;

    /// <summary>The direct form is for 2^e ≤ |a| &lt; 2^(e+1) with e in [this, <see cref="DirectExponentMax"/>].</summary>
    private const int DirectExponentMin = -32;

    private const int DirectExponentMax = 63;

    private BackwardFactor(double hi, double lo, double exponent, double directHi, double directLo, double directLimit)
    {
        Hi = hi;
        Lo = lo;
        Exponent = exponent;
        DirectHi = directHi;
        DirectLo = directLo;
        DirectLimit = directLimit;
    }

    public double Hi { get; }

    public double Lo { get; }

    public double Exponent { get; }

    /// <summary>a's high part, as given, when a has a direct form (2^−32 ≤ |a| &lt; 2^64), else 0.</summary>
    public double DirectHi { get; }

    /// <summary>a's low part, as given, when a has a direct form, else 0.</summary>
    public double DirectLo { get; }

    /// <summary>The fast path's bound on |u| when a has a direct form (at least 380, 400 for 2^−3 ≤ |a|), else −1 (every vector takes the general path).</summary>
    public double DirectLimit { get; }

    /// <summary>Whether a is exactly 1, so that the kernel may leave the product with it out.</summary>
    public bool IsOne => Hi == 1.0 && Lo == 0.0 && Exponent == 0.0;

    /// <summary>The factor hi + lo (|lo| ≤ ulp(hi)/2, or 0), both finite.</summary>
    public static BackwardFactor Of(double hi, double lo)
    {
        if (hi == 0)
        {
            return new BackwardFactor(0.0, 0.0, 0.0, 0.0, 0.0, DirectArgumentLimit);
        }

        int e = Math.ILogB(hi);
        bool direct = e >= DirectExponentMin && e <= DirectExponentMax;
        return new BackwardFactor(
            Math.ScaleB(hi, -e), Math.ScaleB(lo, -e), e,
            direct ? hi : 0.0, direct ? lo : 0.0, direct ? Math.Min(DirectArgumentLimit, (583 + e) * 0.69) : -1.0);
    }
}
