using System.Runtime.CompilerServices;

namespace Activations.Numerics;

/// <summary>e^y as a double-double to about 2^−63 relative, for the kernels whose cancellations need more than <see cref="ExpPair"/>'s 2^−57.</summary>
internal static partial class Core<T, TMask, TOps>
{
    /// <summary>
    /// e^y = hi + lo for y in [−700, 0], to within 2^−63 relative, with |lo| ≤ ulp(hi)/2.
    /// The reduction of <see cref="ExpTable"/> (n = round(16y/ln 2) = 16k + j, m = 2^(j/16) rounded with its
    /// relative tail τ) is kept in more pieces than <see cref="ExpPair"/> keeps it:
    /// r = (y − n·Ln2Over16Hi) − n·Ln2Over16Lo = rh + rl, with the first difference exact (Sterbenz) and the
    /// rounding error of the second recovered (rl, to 2^−80 absolute; |r| ≤ 0.0217); r² = r2 + r2l exactly;
    /// e^r = 1 + rh + r2/2 + [r2l/2 + rh·r2·q(rh) + rl(1 + rh)] with q the degree-4 fit of
    /// <see cref="ExpSixteenthsT"/> (|r³(q − fit)| &lt; 2^−63.5), where rh + r2/2 is split exactly (uh + ul)
    /// and the bracket, below 2^−18, rounds to 2^−71. The tail enters as τ(1 + rh) (τ·r²/2 &lt; 2^−64.8 is left
    /// out). Then m·(1 + uh + ul′) = m + m·uh (split exactly) + m·ul′: hi is the fast two-sum of m and m·uh
    /// rounded, lo its error plus the rest (up to 2^−18 of m), each rounded to 2^−71 of m and the pair normalized
    /// by a last fast two-sum, so that products of it may drop lo·lo. In all: the fit's 2^−63.5, the
    /// omitted τ·r²/2 and the roundings, below 2^−63 relative. Finally both parts are multiplied by 2^k,
    /// k ∈ [−1010, 0], exactly (lo is at least 2^−60 of hi, so far above the subnormals, or 0).
    /// Only multiplies and adds, the same operations on every path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExpPairPrecise(T y, out T lo)
    {
        T z = ReduceSixteenths(y);
        T n = TOps.Subtract(z, TOps.Create(RoundingShifter));
        T r1 = SubtractExactProduct(y, n, Ln2Over16Hi);
        T nLo = TOps.Multiply(n, TOps.Create(Ln2Over16Lo));
        T rh = TOps.Subtract(r1, nLo);
        T rl = TOps.Subtract(TOps.Subtract(r1, rh), nLo);

        T r2 = TOps.Multiply(rh, rh);
        T r2l = MultiplyError(rh, rh, r2);
        T q = TOps.Add(MulAdd(rh, E4, E3), TOps.Multiply(r2, TOps.Add(MulAdd(rh, E6, E5), TOps.Multiply(r2, TOps.Create(E7)))));
        T tail = TOps.Lookup16(Exp2SixteenthsTail, z);
        T half = TOps.Create(0.5);
        T uh = FastTwoSum(rh, TOps.Multiply(half, r2), out T ul);
        T rest = TOps.Add(TOps.Multiply(half, r2l), TOps.Multiply(TOps.Multiply(r2, rh), q));
        rest = TOps.Add(rest, TOps.Add(MulAdd(rh, rl, rl), MulAdd(rh, tail, tail)));
        ul = TOps.Add(ul, rest);

        T m = TOps.Lookup16(Exp2Sixteenths, z);
        T p = TOps.Multiply(m, uh);
        T pe = MultiplyError(m, uh, p);
        T hi = FastTwoSum(m, p, out T e);
        hi = FastTwoSum(hi, TOps.Add(e, TOps.Add(pe, TOps.Multiply(m, ul))), out T l);
        T scale = Pow2(SixteenthsExponent(z));
        lo = TOps.Multiply(l, scale);
        return TOps.Multiply(hi, scale);
    }
}
