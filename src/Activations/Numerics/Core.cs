using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Activations.Numerics;

/// <summary>
/// The shared numerics, written once against <see cref="ISimdOps{T, TMask}"/> so that the scalar
/// overload and every vector width run the same sequence of correctly rounded operations.
/// Values that must be more accurate than a double are carried as unevaluated sums hi + lo
/// ("double-double"); each public result is rounded once at the end, so the error budget is
/// half an ulp for that rounding plus a few 2^−57 relative for everything before it. The one
/// exception to "the same sequence" is the fast float kernels of Core.FloatFast.cs, which fuse
/// multiply-adds where the processor can and make their float results the same on every path by a
/// rounding test instead.
/// </summary>
internal static partial class Core<T, TMask, TOps>
    where TOps : ISimdOps<T, TMask>
{
    /// <summary>NaN in gives the same NaN out, on every path and in every kernel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T PropagateNaN(T x, T result) => TOps.Select(TOps.IsNaN(x), x, result);

    /// <summary>s + err = a + b exactly, provided |a| ≥ |b| or a = 0 (Dekker).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T FastTwoSum(T a, T b, out T err)
    {
        T s = TOps.Add(a, b);
        err = TOps.Subtract(b, TOps.Subtract(s, a));
        return s;
    }

    /// <summary>s + err = a + b exactly, for any a and b (Knuth).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T TwoSum(T a, T b, out T err)
    {
        T s = TOps.Add(a, b);
        T bb = TOps.Subtract(s, a);
        err = TOps.Add(TOps.Subtract(a, TOps.Subtract(s, bb)), TOps.Subtract(b, bb));
        return s;
    }

    /// <summary>2^27 + 1: Veltkamp's splitting constant for 53-bit significands.</summary>
    private const double SplitFactor = 134217729.0;

    /// <summary>
    /// x·y − product exactly, for product = x·y rounded, when neither overflows and |product| is
    /// above 2^−914 (so no partial product below underflows). With a hardware fused multiply-add
    /// it is one instruction; without one, Dekker's product of Veltkamp halves (26 and 27 bits,
    /// whose partial products are all exact) gives the same exact value — so every processor gets
    /// the same bits without ever running a software fused multiply-add.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T MultiplyError(T x, T y, T product)
    {
        // Written out rather than asked of TOps: the JIT folds this test while importing, so the
        // unused branch never counts against the kernel's inlining limits.
        if (Fma.IsSupported || AdvSimd.IsSupported)
        {
            return TOps.FusedMultiplySubtract(x, y, product);
        }

        T cx = TOps.Multiply(x, TOps.Create(SplitFactor));
        T xHi = TOps.Subtract(cx, TOps.Subtract(cx, x));
        T xLo = TOps.Subtract(x, xHi);
        T cy = TOps.Multiply(y, TOps.Create(SplitFactor));
        T yHi = TOps.Subtract(cy, TOps.Subtract(cy, y));
        T yLo = TOps.Subtract(y, yHi);
        T e = TOps.Subtract(TOps.Multiply(xHi, yHi), product);
        e = TOps.Add(e, TOps.Multiply(xHi, yLo));
        e = TOps.Add(e, TOps.Multiply(xLo, yHi));
        return TOps.Add(e, TOps.Multiply(xLo, yLo));
    }

    /// <summary>
    /// n − q·d for operands whose exact difference is a double and for which n − (q·d rounded) is
    /// exact (Sterbenz's lemma: a quotient's or reciprocal's residual): one fused multiply-add
    /// where there is one, else the rounded product, the exact difference and the exact
    /// <see cref="MultiplyError"/>. Both give the exact value, so the same bits, zeros included
    /// (a zero residual is +0 on both, and −0 only where n is −0 and q·d is +0).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExactResidual(T n, T q, T d)
    {
        if (Fma.IsSupported || AdvSimd.IsSupported)
        {
            return TOps.FusedMultiplyAddNegated(q, d, n);
        }

        T p = TOps.Multiply(q, d);
        return TOps.Subtract(TOps.Subtract(n, p), MultiplyError(q, d, p));
    }

    /// <summary>
    /// x − y·c for an exact product y·c and an exact difference (the argument reductions: an
    /// integer times a constant's short leading part, subtracted by Sterbenz's lemma): one fused
    /// multiply-add where there is one, else the multiply and the subtraction. Both are exact, so
    /// the same bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SubtractExactProduct(T x, T y, double c)
    {
        if (Fma.IsSupported || AdvSimd.IsSupported)
        {
            return TOps.FusedMultiplyAdd(y, TOps.Create(-c), x);
        }

        return TOps.Subtract(x, TOps.Multiply(y, TOps.Create(c)));
    }

    /// <summary>(hi + lo) = (aHi + aLo)(bHi + bLo) to about 2^−104 relative.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MultiplyDD(T aHi, T aLo, T bHi, T bLo, out T lo)
    {
        T hi = TOps.Multiply(aHi, bHi);
        lo = TOps.Add(MultiplyError(aHi, bHi, hi), TOps.Add(TOps.Multiply(aHi, bLo), TOps.Multiply(aLo, bHi)));
        return hi;
    }

    /// <summary>
    /// (hi + lo) = (aHi + aLo)², the bits of <see cref="MultiplyDD"/>(aHi, aLo, aHi, aLo) with one
    /// product fewer: its two cross products aHi·aLo and aLo·aHi are the same rounded value p, and
    /// p + p = 2p is exact, which the JIT does not see (it computes both).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SquareDD(T aHi, T aLo, out T lo)
    {
        T hi = TOps.Multiply(aHi, aHi);
        T cross = TOps.Multiply(aHi, aLo);
        lo = TOps.Add(MultiplyError(aHi, aHi, hi), TOps.Add(cross, cross));
        return hi;
    }

    /// <summary>
    /// q + lo = (nHi + nLo)/(dHi + dLo) with one division: q = nHi·(1/dHi) may be an ulp off,
    /// but the residual nHi − q·dHi is exact (q·dHi = p + e exactly, nHi − p is exact by
    /// Sterbenz's lemma, and the residual, a small multiple of ulp(q)·ulp(dHi), is representable),
    /// and dividing it (with the low parts) by dHi gives the correction to 2^−52 of itself, far
    /// below an ulp of q.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T DivideDD(T nHi, T nLo, T dHi, T dLo, out T lo) => DivideDDGivenInverse(nHi, nLo, dHi, dLo, TOps.Divide(TOps.Create(1.0), dHi), out lo);

    /// <summary>
    /// <see cref="DivideDD"/> given inverse = 1/dHi rounded, so that a kernel
    /// that divides by the same dHi twice (a pair's value and gradient) divides once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T DivideDDGivenInverse(T nHi, T nLo, T dHi, T dLo, T inverse, out T lo)
    {
        T q = TOps.Multiply(nHi, inverse);
        T residual = TOps.Add(ExactResidual(nHi, q, dHi), TOps.Subtract(nLo, TOps.Multiply(q, dLo)));
        lo = TOps.Multiply(residual, inverse);
        return q;
    }

    /// <summary>
    /// hi + lo = 1/(dHi + dLo) given inverse = 1/dHi rounded: the residual 1 − inverse·dHi is exact
    /// (inverse·dHi = p + e exactly and 1 − p is exact by Sterbenz's lemma, p being within an ulp
    /// of 1), so, as in <see cref="DivideDDGivenInverse"/> with the numerator 1 (whose
    /// multiplications by 1 this leaves out), the pair is good to about 2^−104 relative.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ReciprocalDD(T dHi, T dLo, T inverse, out T lo)
    {
        T residual = TOps.Subtract(ExactResidual(TOps.Create(1.0), inverse, dHi), TOps.Multiply(inverse, dLo));
        lo = TOps.Multiply(residual, inverse);
        return inverse;
    }
}
