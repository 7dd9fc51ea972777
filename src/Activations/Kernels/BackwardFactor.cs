using System;

namespace Activations.Kernels;

/// <summary>
/// The factor a = hi + lo of the fused backward kernels' a·eˣ (ELU's α, SELU's λα), prepared once
/// per activation: a = (Hi + Lo)·2^Exponent with |Hi| in [1, 2) (or a = 0), so that the kernel
/// multiplies mantissas of moderate size only and adds the exponents, and no finite a (from the
/// smallest subnormal to <see cref="double.MaxValue"/>) overflows or underflows an intermediate.
/// <see cref="Limit"/> bounds |x| on the fast path so that the table's k plus <see cref="Exponent"/>
/// stays within [−1022, 1023]: |k| ≤ |x|/ln 2 + 1, so |x| ≤ (1020 − |E|)·0.69 gives
/// |k| ≤ 1021 − |E|; for |E| ≥ 1020 the limit is negative, below every |x|, so every vector takes the general path.
/// </summary>
internal readonly struct BackwardFactor
{
    private BackwardFactor(double hi, double lo, double exponent, double limit)
    {
        Hi = hi;
        Lo = lo;
        Exponent = exponent;
        Limit = limit;
    }

    public double Hi { get; }

    public double Lo { get; }

    public double Exponent { get; }

    public double Limit { get; }

    /// <summary>Whether Hi + Lo is exactly 1 (a is a positive power of two), so that the mantissa product can be skipped.</summary>
    public bool IsUnit => Hi == 1.0 && Lo == 0.0;

    /// <summary>The factor hi + lo (|lo| ≤ ulp(hi)/2, or 0), both finite.</summary>
    public static BackwardFactor Of(double hi, double lo)
    {
        if (hi == 0)
        {
            return new BackwardFactor(0.0, 0.0, 0.0, 704.0);
        }

        int e = Math.ILogB(hi);
        double limit = Math.Abs(e) >= 1020 ? -1.0 : Math.Min(704.0, (1020 - Math.Abs(e)) * 0.69);
        return new BackwardFactor(Math.ScaleB(hi, -e), Math.ScaleB(lo, -e), e, limit);
    }
}
