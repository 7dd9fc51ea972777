using System.Runtime.CompilerServices;

namespace Activations.Numerics;

/// <summary>
/// HardSwish, f(x) = x(x + 3)/6 on (−3, 3), and its derivative (2x + 3)/6 = (x + 3/2)/3 on [−3, 3],
/// each rounded once from a value carried to about 2^−100 relative, with no division.
/// <para>
/// Neither 1/6 nor 1/3 is a double, but their nearest doubles are exactly a factor 1 − 2^−54 below
/// them: 6·0x1.5555555555555p−3 = 1 − 2^−54 and 3·0x1.5555555555555p−2 = 1 − 2^−54. So a/6 =
/// a·c6·(1 + 2^−54 + 2^−108 + …) for c6 = <see cref="OneSixth"/>, and with q = a·c6 rounded and its
/// exact error, a/6 = q + [(a·c6 − q) + q·2^−54] to 2^−106 relative; the same holds for 1/3.
/// </para>
/// <para>
/// The textbook x(x + 3)/6 rounds three times (x + 3, the product, the quotient), and two correct
/// roundings already reach 1.5 ulp. The value needs more: near its zeros x = 0 and x = −3 every
/// digit counts, and at the minimum (x = −3/2) the product form's two factors are of the same size.
/// </para>
/// </summary>
internal static partial class Core<T, TMask, TOps>
{
    /// <summary>The double nearest 1/6, (1/6)(1 − 2^−54).</summary>
    private const double OneSixth = 0.16666666666666666;

    /// <summary>The double nearest 1/3, (1/3)(1 − 2^−54).</summary>
    private const double OneThird = 0.3333333333333333;

    private const double TwoToMinus54 = 5.551115123125783e-17;

    /// <summary>Below this |dy| (but for ±0) and above <see cref="HardSwishBackwardHigh"/>, the backward pass takes the general product.</summary>
    private const double HardSwishBackwardLow = 1.3319983461951343e-256;   // 2^−850

    /// <summary>2^990: with |f′| ≤ 3/2 every product stays below 2^996.</summary>
    private const double HardSwishBackwardHigh = TwoTo990;

    /// <summary>
    /// 0 for x ≤ −3, x for x ≥ 3 (and NaN, which no comparison passes), else x(x + 3)/6 within
    /// 0.5 + 2^−48 ulp, in 21 operations (14 of them the quadratic, 3 the reflection, 4 the pieces).
    /// <para>
    /// The parabola is symmetric about −3/2: f(x) = f(−3 − x). So z = x for x ≥ −3/2 and z = −3 − x
    /// below (exact by Sterbenz's lemma for x in [−3, −3/2]; lanes below −3 get 0 at the end) brings
    /// every input into [−3/2, 3), where f = z/2 + z²/6: z/2 is exact, |z²/6| ≤ |z/2| (so the sum needs no test of
    /// which is larger), and |z²/6| ≤ |f| (at z = −3/2 they are equal; |z|/|3 + z| ≤ 1), so an error
    /// in z²/6 is at most the same error relative to f. z² = w + (z² − w) exactly
    /// (<see cref="NegatedMultiplyError"/>), w/6 = e + (w·c6 − e) + e·2^−54 (see the type's summary),
    /// and the three small terms, each below 2^−52 of e, are summed into one tail el with
    /// rounding errors near 2^−105 of e; z²/6 = e + el to about 2^−102. Then z/2 + e is split exactly
    /// (Dekker's fast two-sum, |z/2| ≥ |e|), and the result is that sum plus (its error + el), rounded
    /// once: within 2^−101 of f before the last rounding, so 0.5 ulp plus 2^−48.
    /// </para>
    /// <para>
    /// Every path gives the same bits: the exact product errors are exact with and without a fused
    /// multiply-add while the products are above 2^−968, that is for |z| ≥ 2^−483. For 2^−900 ≤ |z| &lt; 2^−483,
    /// z²/6 is below 2^−428 of half an ulp of z/2 and the error terms, whose bits may differ between
    /// the paths, are below 2^−1070, under 2^−115 of it, so the sum rounds to z/2 (exact) on every path;
    /// for |z| &lt; 2^−900 every partial product underflows to 0 on both. A subnormal z/2 is rounded
    /// once, as f is: within 0.5 ulp plus z²/6.
    /// </para>
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T HardSwish(T x)
    {
        T three = TOps.Create(3.0);
        T minusThree = TOps.Create(-3.0);
        T z = TOps.Select(TOps.LessThan(x, TOps.Create(-1.5)), TOps.Subtract(minusThree, x), x);
        T half = TOps.Multiply(z, TOps.Create(0.5));
        T sixth = TOps.Create(OneSixth);
        T w = TOps.Multiply(z, z);
        T negatedSquareError = NegatedMultiplyError(z, z, w);
        T e = TOps.Multiply(w, sixth);
        T negatedSixthError = NegatedMultiplyError(w, sixth, e);
        T el = TOps.Subtract(TOps.Subtract(TOps.Multiply(e, TOps.Create(TwoToMinus54)), negatedSixthError), TOps.Multiply(negatedSquareError, sixth));
        T s = TOps.Add(half, e);
        T sumError = TOps.Subtract(e, TOps.Subtract(s, half));
        T v = TOps.Add(s, TOps.Add(sumError, el));
        v = TOps.Select(TOps.LessThanOrEqual(x, minusThree), TOps.Create(0.0), v);
        return TOps.Select(TOps.LessThan(x, three), v, x);
    }

    /// <summary>
    /// (2x + 3)/6 = d/3 with d = x + 3/2, as hi + lo with |lo| ≤ 2^−51|hi| and hi + lo within 2^−104
    /// of it (relative), for x in [−3, 3] (other lanes get meaningless values). d = dh + dl exactly
    /// (Dekker's fast two-sum of 3/2 and x, valid here: for |x| &lt; 2 the exponent of x is at most that of
    /// 3/2, for x in [−3, −2] the sum and the difference dh − 3/2 = x are exact, for x in [2, 3] the
    /// difference dh − 3/2 is exact on the grid of ulp(dh)/2 and so is x − (dh − 3/2)). Near the root
    /// x = −3/2, dh is x + 3/2 itself (Sterbenz) and dl = 0, so hi + lo is accurate relative to the
    /// tiny value, not to 1; d/3 = q + [(dh·c3 − q) + q·2^−54 + dl·c3] to 2^−104 (see the type's
    /// summary), the bracket's roundings near 2^−105 of q. At x = −3/2 both are +0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T HardSwishGradPair(T x, out T lo)
    {
        T threeHalves = TOps.Create(1.5);
        T dh = TOps.Add(threeHalves, x);
        T dl = TOps.Subtract(x, TOps.Subtract(dh, threeHalves));
        T third = TOps.Create(OneThird);
        T q = TOps.Multiply(dh, third);
        T negatedError = NegatedMultiplyError(dh, third, q);
        lo = TOps.Subtract(TOps.Add(TOps.Multiply(dl, third), TOps.Multiply(q, TOps.Create(TwoToMinus54))), negatedError);
        return q;
    }

    /// <summary>
    /// 0 for x &lt; −3, 1 for x &gt; 3, (2x + 3)/6 on [−3, 3] (−1/2 at −3, 3/2 at 3, +0 at −3/2), the
    /// pair of <see cref="HardSwishGradPair"/> rounded once: 0.5 ulp plus 2^−50. NaN gives NaN.
    /// Products are at least |dh|/3 ≥ 2^−54 (dh is a nonzero multiple of 2^−52 or 0), so both paths agree.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T HardSwishGrad(T x)
    {
        T hi = HardSwishGradPair(x, out T lo);
        T v = TOps.Add(hi, lo);
        v = TOps.Select(TOps.LessThan(x, TOps.Create(-3.0)), TOps.Create(0.0), v);
        v = TOps.Select(TOps.GreaterThan(x, TOps.Create(3.0)), TOps.Create(1.0), v);
        return PropagateNaN(x, v);
    }

    /// <summary>
    /// HardSwish at an input that is a float (exactly widened), for float results: x(x + 3)·c6 in
    /// double, c6 = <see cref="OneSixth"/> = (1/6)(1 − 2^−54). For floats x + 3 is exact from
    /// |x| = 2^−28 up (x is then a multiple of 2^−51, and of 2^−23 from 1 up, where the sum passes 4;
    /// smaller x round it by at most 2^−53 relative, the sum being about 3), and the product and the
    /// multiplication by c6 round once each: within 2^−51.2 relative of the exact value, nothing
    /// cancelling (the sum is exact near −3, where it is small), so within 0.5 + 2^−27 ulp once
    /// rounded to float. Adding +0 gives +0 at x = −0, as <see cref="HardSwish"/> does. 0 for
    /// x ≤ −3, x for x ≥ 3 and NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T HardSwishForFloat(T x)
    {
        T zero = TOps.Create(0.0);
        T v = TOps.Add(TOps.Multiply(TOps.Multiply(x, TOps.Add(x, TOps.Create(3.0))), TOps.Create(OneSixth)), zero);
        v = TOps.Select(TOps.LessThanOrEqual(x, TOps.Create(-3.0)), zero, v);
        return TOps.Select(TOps.LessThan(x, TOps.Create(3.0)), v, x);
    }

    /// <summary>
    /// HardSwish′ at an input that is a float, for float results: (x + 3/2)·c3 in double, c3 =
    /// <see cref="OneThird"/> = (1/3)(1 − 2^−54). The sum is exact from |x| = 2^−29 up (x is then a
    /// multiple of 2^−52, and of 2^−24 from 1/2 up, where the sum passes 2; smaller x round it by at
    /// most 2^−53 relative), the product rounds once: within 2^−51.7 relative, exact where the sum is
    /// small (+0 at −3/2), so within 0.5 + 2^−27 ulp once rounded to float. 0 below −3, 1 above 3, NaN
    /// gives NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T HardSwishGradForFloat(T x)
    {
        T v = TOps.Multiply(TOps.Add(x, TOps.Create(1.5)), TOps.Create(OneThird));
        v = TOps.Select(TOps.LessThan(x, TOps.Create(-3.0)), TOps.Create(0.0), v);
        v = TOps.Select(TOps.GreaterThan(x, TOps.Create(3.0)), TOps.Create(1.0), v);
        return PropagateNaN(x, v);
    }

    /// <summary>
    /// dy·f′(x) rounded once: dy for x &gt; 3; dy·0 for x &lt; −3 (±0, NaN for dy = ±∞,
    /// <see cref="TimesConstant"/>); on [−3, 3] the exact dy·(hi + lo) of <see cref="HardSwishGradPair"/>
    /// by <see cref="ExactProduct"/> (within 0.5 + 2^−49 ulp) while dy is ±0 or within
    /// [2^−850, 2^990] (then |dy·hi| is 0 or within [2^−904, 2^991], since a nonzero |hi| is at least
    /// 2^−53.6), else by <see cref="ProductWide"/>, which also gives the IEEE results for dy = ±∞ and
    /// NaN (∞·0 = NaN at x = −3/2, where f′ is exactly 0). A NaN x gives x.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T HardSwishBackward(T x, T dy)
    {
        T hi = HardSwishGradPair(x, out T lo);
        T inside = ExactProduct(dy, hi, lo);
        if (TOps.AnyMagnitudeOutside(dy, HardSwishBackwardLow, HardSwishBackwardHigh))
        {
            T wide = ProductWide(dy, hi, lo, TOps.Create(0.0));
            inside = TOps.Select(MagnitudeOutside(dy, HardSwishBackwardLow, HardSwishBackwardHigh), wide, inside);
        }

        T v = TOps.Select(TOps.LessThan(x, TOps.Create(-3.0)), TimesConstant(dy, 0.0), inside);
        v = TOps.Select(TOps.GreaterThan(x, TOps.Create(3.0)), dy, v);
        return PropagateNaN(x, v);
    }
}
