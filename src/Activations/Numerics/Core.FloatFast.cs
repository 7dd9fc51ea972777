using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Activations.Numerics;

/// <summary>
/// The fast float kernels of e^x, σ and tanh and their derivatives, of softplus (with a table-free
/// ln(1 + u)), of ELU's and SELU's (their
/// parts here, their kernels in Kernels/FloatKernels.cs), of SiLU's x·σ(x) and its derivatives and of the approximate
/// GELU's x·σ(b(x)): a shorter evaluation in double,
/// to within 2^−40.5 relative, fused multiply-adds where the processor has them, then the rounding
/// test, so that every float they return is the same on every path.
/// <para>
/// The rounding test (<see cref="ISimdOps{T, TMask}.AnyNearFloatMidpoint"/>): a value v within
/// 2^−40.5 of the exact value e rounds to float as e does unless a midpoint between two floats lies
/// within 2^−40.5 of v; the test sends every vector with a lane within 2^−39 of a midpoint to the
/// precise kernel of Core.Float.cs (error below 2^−45), inlined after the fast one (a call would
/// return its vector through memory, and the fast path's with it). So a value passed by the test is e
/// correctly rounded, which does not depend on how v was computed; and where e lies within 2^−45 of
/// a midpoint, the only place where the precise kernel could round otherwise, every path's v lies
/// within 2^−40.5 + 2^−45 &lt; 2^−39 of it, every path takes the precise kernel, and all return its
/// bits. The precise kernels are the same operations on every path. The test holds for results in
/// the normal float range: each kernel sends the inputs whose results could leave it (and NaN) to
/// the precise kernel first (and, with them, ±0 where the domain has a lower bound, though the
/// evaluations hold there too) — but for tanh and tanh″ at a subnormal float x, where the exact values
/// lie within 2^−250 of the floats x and −2x, so that every value within 2^−40 of them rounds to
/// those floats whatever the test says. About one lane in 2^14 takes the precise kernel.
/// </para>
/// <para>
/// The shared step (<see cref="FastExpParts"/>) is that of <see cref="FloatExpParts"/> with a
/// shorter polynomial: e^y ≈ s(1 + p), s = 2^k·m from the 16-entry table and p = r·g(r) ≈ e^r − 1,
/// g = 1 + r(H1 + r(H2 + r(H3 + rH4))) a fit of (e^r − 1)/r on |r| ≤ ln 2/32·(1 + 2^−10) whose
/// relative error as e^r − 1 is below 2^−41.1 (and as e^r below 2^−46.6). For |y| ≤ 88, r lies
/// within 2^−45.4 of the exact reduced argument (2^−47 where the products are fused; for |y| ≤ 1,
/// within 2^−53), so e^y carries below 2^−45 from it and p below 2^−41.1 + 2^−52; e^y − 1, where
/// n ≠ 0, at most 1.6 times e^y's error from r for |y| &gt; 1 and 46 times r's 2^−53 for |y| ≤ 1:
/// below 2^−44.7. The evaluations round a few times by 2^−53.
/// </para>
/// </summary>
internal static partial class Core<T, TMask, TOps>
{
    // The fit of (e^r − 1)/r = 1 + r/2 + r²/6 + … of degree 4, constant term 1, on |r| ≤ ln 2/32·(1 + 2^−10)
    // (Chebyshev interpolation in 200-bit arithmetic, rounded to doubles; the error bound is the
    // rounded polynomial's, checked in 200-bit arithmetic on a dense grid).
    private const double H1 = 0.4999999999040777;
    private const double H2 = 0.1666666666529635;
    private const double H3 = 0.041667482835384996;
    private const double H4 = 0.008333449928647013;

    /// <summary>Up to this |x| e^x, σ(x) and its derivatives are normal floats (e^−87 &gt; 2^−126).</summary>
    private const double FastLogisticLimit = 87.0;

    /// <summary>Up to this |x| tanh′ and tanh″ (about 4e^−2|x|) are normal floats.</summary>
    private const double FastTanhLimit = 43.0;

    /// <summary>
    /// Up to this |x| the approximate GELU's b(x) = x(k1 + k3x²) stays within ±87.32 (b(10) = 87.313), so
    /// that x·σ(b) is a normal float (10·e^−87.313 &gt; 2^−126) and e^−|b| is in the fast step's range.
    /// </summary>
    internal const double FastGeluLimit = 10.0;

    /// <summary>
    /// The half-width of the window around the root of the approximate GELU′ (x ≈ −0.75246) whose vectors
    /// take the double kernel (2^−6; see <see cref="GeluApproximateGradForFloatFastValue"/>).
    /// </summary>
    internal const double FastGeluGradRootWindow = 0.015625;

    /// <summary>
    /// The half-width of the windows around the roots ±r2 of the approximate GELU″ (r2 ≈ 1.41850) whose
    /// vectors take the double kernel (2^−6; see <see cref="GeluApproximateGrad2ForFloatFastValue"/>).
    /// </summary>
    internal const double FastGeluGrad2RootWindow = 0.015625;

    /// <summary>
    /// The half-width of the window around the root of SiLU′ (x ≈ −1.27846) whose vectors take the
    /// precise kernel (2^−6; see <see cref="SiLUGradForFloatFastValue"/>).
    /// </summary>
    internal const double FastSiLUGradRootWindow = 0.015625;

    /// <summary>
    /// The half-width of the windows around the roots ±b₀ of SiLU″ (b₀ ≈ 2.39936) whose vectors take
    /// the precise kernel (2^−5; see <see cref="SiLUGrad2ForFloatFastValue"/>).
    /// </summary>
    internal const double FastSiLUGrad2RootWindow = 0.03125;

    /// <summary>From this |x| on (2^−120) σ″(x) ≈ −x/8, SiLU's x·σ(x) ≈ x/2 and GELU's x·σ(b(x)) ≈ x/2 are normal floats.</summary>
    private const double FastSigmoidGrad2Smallest = 7.52316384526264E-37;

    /// <summary>x·y + z, fused where the processor has it (only for the fast float kernels, whose results do not depend on it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T FastMulAdd(T x, T y, T z) =>
        Fma.IsSupported || AdvSimd.IsSupported ? TOps.FusedMultiplyAdd(x, y, z) : TOps.Add(TOps.Multiply(x, y), z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T FastMulAdd(T x, double y, double z) => FastMulAdd(x, TOps.Create(y), TOps.Create(z));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T FastMulAdd(T x, T y, double z) => FastMulAdd(x, y, TOps.Create(z));

    /// <summary>s and p with e^y ≈ s(1 + p), for |y| ≤ 88 (see the type's remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T FastExpParts(T y, out T p)
    {
        T z = FastMulAdd(y, SixteenOverLn2, RoundingShifter);
        T n = TOps.Subtract(z, TOps.Create(RoundingShifter));
        T r = FastMulAdd(n, TOps.Create(-Ln2Over16), y);
        T g = FastMulAdd(r, FastMulAdd(r, FastMulAdd(r, FastMulAdd(r, H4, H3), H2), H1), 1.0);
        p = TOps.Multiply(r, g);
        return TOps.AddShiftedBits(TOps.Lookup16(Exp2SixteenthsLessIndex, z), z);
    }

    /// <summary>
    /// e^y = s + s·p (2^−44.9) and, in <paramref name="m"/>, e^y − 1 = (s − 1) + s·p (2^−40.9: the
    /// fit's 2^−41.1 where n = 0, 2^−44.7 elsewhere), for |y| ≤ 88 (see the type's remarks).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T FastExpAndExpM1(T y, out T m)
    {
        T s = FastExpParts(y, out T p);
        m = FastMulAdd(s, p, TOps.Subtract(s, TOps.Create(1.0)));
        return FastMulAdd(s, p, s);
    }

    /// <summary>e^x = s + s·p for a float x, |x| ≤ 88: 2^−44.9 (see the type's remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T ExpForFloatFastValue(T x) => FastExpAndExpM1(x, out _);

    /// <summary>e^x for a float x: <see cref="ExpForFloatFastValue"/> where it passes the rounding test, else <see cref="ExpForFloat"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ExpForFloatFast(T x)
    {
        if (!TOps.AnyMagnitudeAbove(x, FastLogisticLimit))
        {
            T v = ExpForFloatFastValue(x);
            if (!TOps.AnyNearFloatMidpoint(v))
            {
                return v;
            }
        }

        return ExpForFloat(x);
    }

    /// <summary>
    /// u = e^−|x| and m = u − 1 (<see cref="FastExpAndExpM1"/>) and r = 1/(1 + u) (two more
    /// roundings), for |x| ≤ 88: the fast counterpart of <see cref="LogisticForFloat"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T FastLogistic(T x, out T u, out T m)
    {
        u = FastExpAndExpM1(TOps.Negate(TOps.Abs(x)), out m);
        return ReciprocalOneToTwo(TOps.Add(TOps.Create(1.0), u));
    }

    /// <summary>σ(x) for a float x, |x| ≤ 88: <see cref="SigmoidFromParts"/> of the fast parts (2^−44.5).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T SigmoidForFloatFastValue(T x)
    {
        T r = FastLogistic(x, out T u, out _);
        return SigmoidFromParts(x, u, r);
    }

    /// <summary>σ′(x) for a float x, |x| ≤ 88: <see cref="SigmoidGradFromParts"/> of the fast parts (2^−44.3).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T SigmoidGradForFloatFastValue(T x)
    {
        T r = FastLogistic(x, out T u, out _);
        return SigmoidGradFromParts(u, r);
    }

    /// <summary>σ″(x) for a float x, 2^−120 ≤ |x| ≤ 88 or x = ±0: as <see cref="SigmoidGrad2ForFloat"/> from the fast parts (m's 2^−40.9, the rest below 2^−44: 2^−40.7).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T SigmoidGrad2ForFloatFastValue(T x)
    {
        T r = FastLogistic(x, out T u, out T m);
        return TOps.CopySign(TOps.Multiply(SigmoidGradFromParts(u, r), TOps.Multiply(m, r)), TOps.Negate(x));
    }

    /// <summary>σ(x) for a float x: <see cref="SigmoidForFloatFastValue"/> where it passes the rounding test, else <see cref="SigmoidForFloat"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SigmoidForFloatFast(T x)
    {
        if (!TOps.AnyMagnitudeAbove(x, FastLogisticLimit))
        {
            T v = SigmoidForFloatFastValue(x);
            if (!TOps.AnyNearFloatMidpoint(v))
            {
                return v;
            }
        }

        return SigmoidForFloat(x);
    }

    /// <summary>σ′(x) for a float x: <see cref="SigmoidGradForFloatFastValue"/> where it passes the rounding test, else <see cref="SigmoidGradForFloat"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SigmoidGradForFloatFast(T x)
    {
        if (!TOps.AnyMagnitudeAbove(x, FastLogisticLimit))
        {
            T v = SigmoidGradForFloatFastValue(x);
            if (!TOps.AnyNearFloatMidpoint(v))
            {
                return v;
            }
        }

        return SigmoidGradForFloat(x);
    }

    /// <summary>σ″(x) for a float x: <see cref="SigmoidGrad2ForFloatFastValue"/> where it passes the rounding test, else <see cref="SigmoidGrad2ForFloat"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SigmoidGrad2ForFloatFast(T x)
    {
        if (!TOps.AnyMagnitudeBelowOrAbove(x, FastSigmoidGrad2Smallest, FastLogisticLimit))
        {
            T v = SigmoidGrad2ForFloatFastValue(x);
            if (!TOps.AnyNearFloatMidpoint(v))
            {
                return v;
            }
        }

        return SigmoidGrad2ForFloat(x);
    }

    /// <summary>σ and σ′ with the bits of <see cref="SigmoidForFloatFast"/> and <see cref="SigmoidGradForFloatFast"/>: both pass the test, or both come from <see cref="SigmoidAndGradForFloat"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SigmoidAndGradForFloatFast(T x, out T grad)
    {
        if (!TOps.AnyMagnitudeAbove(x, FastLogisticLimit))
        {
            T r = FastLogistic(x, out T u, out _);
            T v = SigmoidFromParts(x, u, r);
            grad = SigmoidGradFromParts(u, r);
            if (!TOps.AnyNearFloatMidpoint(v) && !TOps.AnyNearFloatMidpoint(grad))
            {
                return v;
            }
        }

        return SigmoidAndGradForFloat(x, out grad);
    }

    // The fit of R(z) = (2 atanh s − 2s)/s³ = 2/3 + 2z/5 + 2z²/7 + … in z = s², degree 4, on
    // 0 ≤ z ≤ 0.02944 (|s| ≤ 3 − 2√2 = 0.171573 has z ≤ 0.0294373): Chebyshev interpolation in 200-bit
    // arithmetic, rounded to doubles; 2s + s·z·R(z) is then within 2^−43.1 of 2 atanh s, relative
    // (checked in 200-bit arithmetic on a dense grid of s).
    private const double AtanhR0 = 0.6666666666737543;
    private const double AtanhR1 = 0.3999999879688111;
    private const double AtanhR2 = 0.28571754629111484;
    private const double AtanhR3 = 0.22191394913518414;
    private const double AtanhR4 = 0.19362768670384808;

    /// <summary>
    /// ln(1 + u) for u ∈ (0, 1] to 2^−42.9 relative, with no table: ln(1 + f) + k·ln 2 where f = u, k = 0 for
    /// u ≤ √2 − 1 and f = (1 + u)/2 − 1 = (u − 1)/2, k = 1 above, so that f ∈ (1/√2 − 1, √2 − 1]; then
    /// ln(1 + f) = 2 atanh s with s = f/(2 + f), |s| ≤ 3 − 2√2, as 2s + s·z·R(z) (the fit above, 2^−43.1).
    /// f is exact for u ≤ √2 − 1 and within 2^−54 above (u − 1 may round below 1/2), 2^−52 of the result;
    /// s is within 2^−52 of f/(2 + f) (two roundings), and ln(1 + f) moves by at most 1.03 times that;
    /// R's evaluation and s·z enter scaled by z/2 ≤ 2^−6; the last fused step and the sum with ln 2
    /// (whose rounding is 2^−54.5 relative) round once each. Where k = 1 the result is at least
    /// ln(1 + (√2 − 1)) = 0.3466 and 2 atanh s ∈ (−0.347, 0] at most as large, so no error is amplified.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T FastLog1PZeroToOne(T u)
    {
        TMask halved = TOps.GreaterThan(u, TOps.Create(Sqrt2Minus1));
        T f = TOps.Select(halved, FastMulAdd(u, 0.5, -0.5), u);
        T s = TOps.Divide(f, TOps.Add(TOps.Create(2.0), f));
        T z = TOps.Multiply(s, s);
        T r = FastMulAdd(z, FastMulAdd(z, FastMulAdd(z, FastMulAdd(z, AtanhR4, AtanhR3), AtanhR2), AtanhR1), AtanhR0);
        T l = FastMulAdd(TOps.Multiply(s, z), r, TOps.Add(s, s));
        return TOps.Add(l, TOps.Select(halved, TOps.Create(Ln2Hi53), TOps.Create(0.0)));
    }

    /// <summary>
    /// softplus x = max(x, 0) + ln(1 + u), u = e^−|x|, for a float x, |x| ≤ 88: u carries 2^−44.9
    /// (<see cref="FastExpAndExpM1"/>), which moves ln(1 + u) by at most that times
    /// u/((1 + u) ln(1 + u)) ≤ 1; the logarithm adds 2^−42.9 (<see cref="FastLog1PZeroToOne"/>), and for
    /// x &gt; 0 the sum of the two positive terms rounds once more: under 2^−42.5 in all.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T SoftPlusForFloatFastValue(T x) => FastSoftPlusFromExp(x, FastExpAndExpM1(TOps.Negate(TOps.Abs(x)), out _));

    /// <summary>max(x, 0) + ln(1 + u) from the fast u = e^−|x|: the fast counterpart of <see cref="SoftPlusFromExp"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T FastSoftPlusFromExp(T x, T u)
    {
        T l = FastLog1PZeroToOne(u);
        return TOps.Select(TOps.GreaterThan(x, TOps.Create(0.0)), TOps.Add(x, l), l);
    }

    /// <summary>
    /// softplus x for a float x: <see cref="SoftPlusForFloatFastValue"/> where it passes the rounding
    /// test, else <see cref="SoftPlusForFloat"/>. For |x| ≤ 87 the result is at least e^−87 &gt; 2^−126, a
    /// normal float.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SoftPlusForFloatFast(T x)
    {
        if (!TOps.AnyMagnitudeAbove(x, FastLogisticLimit))
        {
            T v = SoftPlusForFloatFastValue(x);
            if (!TOps.AnyNearFloatMidpoint(v))
            {
                return v;
            }
        }

        return SoftPlusForFloat(x);
    }

    /// <summary>
    /// softplus and σ with the bits of <see cref="SoftPlusForFloatFast"/> and <see cref="SigmoidForFloatFast"/>,
    /// from one fast e^−|x|: both pass the test, or both come from <see cref="SoftPlusAndGradForFloat"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SoftPlusAndGradForFloatFast(T x, out T grad)
    {
        if (!TOps.AnyMagnitudeAbove(x, FastLogisticLimit))
        {
            T r = FastLogistic(x, out T u, out _);
            T v = FastSoftPlusFromExp(x, u);
            grad = SigmoidFromParts(x, u, r);
            if (!TOps.AnyNearFloatMidpoint(v) && !TOps.AnyNearFloatMidpoint(grad))
            {
                return v;
            }
        }

        return SoftPlusAndGradForFloat(x, out grad);
    }

    /// <summary>
    /// u = e^−2|x| and m = u − 1 (<see cref="FastExpAndExpM1"/>) and r = 1/(2 + m), for |x| ≤ 44: the fast counterpart
    /// of <see cref="TanhPartsForFloat"/>; m's error reaches tanh at most doubled where |m| is near 1
    /// (there n ≠ 0 and m carries 2^−44.7), and once near 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T FastTanhParts(T x, out T u, out T m)
    {
        u = FastExpAndExpM1(TOps.Multiply(TOps.Create(-2.0), TOps.Abs(x)), out m);
        return ReciprocalOneToTwo(TOps.Add(TOps.Create(2.0), m));
    }

    /// <summary>tanh x for a float x, |x| ≤ 44: <see cref="TanhFromParts"/> of the fast parts (2^−40.7).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T TanhForFloatFastValue(T x)
    {
        T r = FastTanhParts(x, out _, out T m);
        return TanhFromParts(x, m, r);
    }

    /// <summary>tanh′ x for a float x, |x| ≤ 44: <see cref="TanhGradFromParts"/> of the fast parts (2^−44.3).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T TanhGradForFloatFastValue(T x)
    {
        T r = FastTanhParts(x, out T u, out _);
        return TanhGradFromParts(u, r);
    }

    /// <summary>tanh″ x for a float x, |x| ≤ 44: as <see cref="TanhGrad2ForFloat"/> from the fast parts (2^−40.5).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T TanhGrad2ForFloatFastValue(T x)
    {
        T r = FastTanhParts(x, out T u, out T m);
        return TOps.CopySign(TOps.Multiply(TOps.Multiply(TOps.Create(8.0), TOps.Multiply(m, r)), TOps.Multiply(TOps.Multiply(u, r), r)), TOps.Negate(x));
    }

    /// <summary>tanh x for a float x: <see cref="TanhForFloatFastValue"/> where it passes the rounding test, else <see cref="TanhForFloat"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TanhForFloatFast(T x)
    {
        if (!TOps.AnyMagnitudeAbove(x, FastTanhLimit))
        {
            T v = TanhForFloatFastValue(x);
            if (!TOps.AnyNearFloatMidpoint(v))
            {
                return v;
            }
        }

        return TanhForFloat(x);
    }

    /// <summary>tanh′ x for a float x: <see cref="TanhGradForFloatFastValue"/> where it passes the rounding test, else <see cref="TanhGradForFloat"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TanhGradForFloatFast(T x)
    {
        if (!TOps.AnyMagnitudeAbove(x, FastTanhLimit))
        {
            T v = TanhGradForFloatFastValue(x);
            if (!TOps.AnyNearFloatMidpoint(v))
            {
                return v;
            }
        }

        return TanhGradForFloat(x);
    }

    /// <summary>tanh″ x for a float x: <see cref="TanhGrad2ForFloatFastValue"/> where it passes the rounding test, else <see cref="TanhGrad2ForFloat"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TanhGrad2ForFloatFast(T x)
    {
        if (!TOps.AnyMagnitudeAbove(x, FastTanhLimit))
        {
            T v = TanhGrad2ForFloatFastValue(x);
            if (!TOps.AnyNearFloatMidpoint(v))
            {
                return v;
            }
        }

        return TanhGrad2ForFloat(x);
    }

    /// <summary>tanh and tanh′ with the bits of <see cref="TanhForFloatFast"/> and <see cref="TanhGradForFloatFast"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TanhAndGradForFloatFast(T x, out T grad)
    {
        if (!TOps.AnyMagnitudeAbove(x, FastTanhLimit))
        {
            T r = FastTanhParts(x, out T u, out T m);
            T v = TanhFromParts(x, m, r);
            grad = TanhGradFromParts(u, r);
            if (!TOps.AnyNearFloatMidpoint(v) && !TOps.AnyNearFloatMidpoint(grad))
            {
                return v;
            }
        }

        return TanhAndGradForFloat(x, out grad);
    }

    /// <summary>
    /// e^y (2^−44.9) and m = e^y − 1 (2^−40.9) at y = x for x ≤ 0 and at y = 0 for x &gt; 0 (lanes the
    /// caller replaces), |x| ≤ 88: the fast counterpart of <see cref="ExpAndExpM1NonPositiveForFloat"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T FastExpAndExpM1NonPositive(T x, out T m) =>
        FastExpAndExpM1(TOps.Select(TOps.GreaterThan(x, TOps.Create(0.0)), TOps.Create(0.0), x), out m);

    /// <summary>x·σ(x) for a float x, 2^−120 ≤ |x| ≤ 87 or x = ±0: x times <see cref="SigmoidFromParts"/> of the fast parts (2^−44.4).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T SiLUForFloatFastValue(T x)
    {
        T r = FastLogistic(x, out T u, out _);
        return TOps.Multiply(x, SigmoidFromParts(x, u, r));
    }

    /// <summary>x·σ(x) for a float x: <see cref="SiLUForFloatFastValue"/> where it passes the rounding test, else <see cref="SiLUForFloat"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SiLUForFloatFast(T x)
    {
        if (!TOps.AnyMagnitudeBelowOrAbove(x, FastSigmoidGrad2Smallest, FastLogisticLimit))
        {
            T v = SiLUForFloatFastValue(x);
            if (!TOps.AnyNearFloatMidpoint(v))
            {
                return v;
            }
        }

        return SiLUForFloat(x);
    }

    /// <summary>
    /// SiLU′ for a float x, |x| ≤ 87 and |x + a₀| ≥ 2^−6 (−a₀ ≈ −1.27846 its root): with a = |x|, t = e^−a
    /// and r = 1/(1 + t) from the fast step (t within 2^−44.9, r within 2^−45.9), f′ = r(1 + a·t·r) for
    /// x ≥ 0, where every term is positive (2^−44), and t·B·r² below, B = (1 − a) + t (1 − a exact, a
    /// being a float), which cancels at a₀: B's absolute error, at most 2^−44.9·t + 2^−53·|B| = 2^−46.7
    /// near the root (t ≈ 0.278), is within 2^−41.1 of B once |B| ≥ 1.27·2^−6 (1 + t its slope in a
    /// there), and far less elsewhere (B ≈ 2 near 0, ≈ 1 − a for large a); t and r² add 2^−44.1: 2^−40.9
    /// in all.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T SiLUGradForFloatFastValue(T x)
    {
        T r = FastLogistic(x, out T t, out _);
        return SiLUGradFromFastParts(x, t, r);
    }

    /// <summary>SiLU′ from the fast step's t = e^−|x| and r = 1/(1 + t) (see <see cref="SiLUGradForFloatFastValue"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SiLUGradFromFastParts(T x, T t, T r)
    {
        T a = TOps.Abs(x);
        T positive = TOps.Multiply(r, FastMulAdd(a, TOps.Multiply(t, r), 1.0));
        T negative = TOps.Multiply(TOps.Multiply(TOps.Multiply(t, TOps.Add(TOps.Subtract(TOps.Create(1.0), a), t)), r), r);
        return TOps.Select(TOps.LessThan(x, TOps.Create(0.0)), negative, positive);
    }

    /// <summary>
    /// Whether a lane of x lies outside SiLU′'s fast domain, or is NaN: one test for both bounds, since
    /// |x + a₀| ≤ 87 − a₀ keeps x in [−87, 87 − 2a₀] (x + a₀ rounds by far less than the floats' spacing
    /// there), and |x + a₀| ≥ 2^−6 keeps it out of the root's window.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AnyOutsideSiLUGradFastDomain(T x) =>
        TOps.AnyMagnitudeBelowOrAbove(TOps.Add(x, TOps.Create(SiLURootA1)), FastSiLUGradRootWindow, FastLogisticLimit - SiLURootA1);

    /// <summary>SiLU′ for a float x: <see cref="SiLUGradForFloatFastValue"/> where it passes the rounding test, else <see cref="SiLUGradForFloat"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SiLUGradForFloatFast(T x)
    {
        if (!AnyOutsideSiLUGradFastDomain(x))
        {
            T v = SiLUGradForFloatFastValue(x);
            if (!TOps.AnyNearFloatMidpoint(v))
            {
                return v;
            }
        }

        return SiLUGradForFloat(x);
    }

    /// <summary>SiLU and SiLU′ with the bits of <see cref="SiLUForFloatFast"/> and <see cref="SiLUGradForFloatFast"/>: both from one fast step where both domains hold and both pass the test, else both from the precise kernels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SiLUAndGradForFloatFast(T x, out T grad)
    {
        if (!TOps.AnyMagnitudeBelowOrAbove(x, FastSigmoidGrad2Smallest, FastLogisticLimit) && !AnyOutsideSiLUGradFastDomain(x))
        {
            T r = FastLogistic(x, out T t, out _);
            T v = TOps.Multiply(x, SigmoidFromParts(x, t, r));
            grad = SiLUGradFromFastParts(x, t, r);
            if (!TOps.AnyNearFloatMidpoint(v) && !TOps.AnyNearFloatMidpoint(grad))
            {
                return v;
            }
        }

        grad = SiLUGradForFloat(x);
        return SiLUForFloat(x);
    }

    /// <summary>
    /// SiLU″ for a float x, |x| ≤ 87 and ||x| − b₀| ≥ 2^−5 (±b₀, b₀ ≈ 2.39936, its roots): f″ = t·K·r³ with
    /// K = (2 − a) + t(2 + a), a = |x| (2 − a and 2 + a exact), from the fast step's t = e^−a and
    /// r = 1/(1 + t). K's absolute error, at most 2^−44.9·t(2 + a) + 2^−53(t(2 + a) + |K|) = 2^−46.2 near b₀
    /// (t ≈ 0.091), is within 2^−41.6 of K once |K| ≥ 1.30·2^−5 (1 + t(1 + a) its slope in a there), and
    /// far less elsewhere (K ≈ 4 near 0, ≈ 2 − a for large a); t and r³ add 2^−43.7: 2^−41.3 in all.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T SiLUGrad2ForFloatFastValue(T x)
    {
        T r = FastLogistic(x, out T t, out _);
        T a = TOps.Abs(x);
        T k = FastMulAdd(t, TOps.Add(TOps.Create(2.0), a), TOps.Subtract(TOps.Create(2.0), a));
        return TOps.Multiply(TOps.Multiply(t, k), TOps.Multiply(TOps.Multiply(r, r), r));
    }

    /// <summary>SiLU″ for a float x: <see cref="SiLUGrad2ForFloatFastValue"/> where it passes the rounding test, else <see cref="SiLUGrad2ForFloat"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SiLUGrad2ForFloatFast(T x)
    {
        // One test for both bounds: ||x| − b₀| ≤ 87 − b₀ keeps |x| ≤ 87.
        if (!TOps.AnyMagnitudeBelowOrAbove(TOps.Subtract(TOps.Abs(x), TOps.Create(SiLURootB1)), FastSiLUGrad2RootWindow, FastLogisticLimit - SiLURootB1))
        {
            T v = SiLUGrad2ForFloatFastValue(x);
            if (!TOps.AnyNearFloatMidpoint(v))
            {
                return v;
            }
        }

        return SiLUGrad2ForFloat(x);
    }

    /// <summary>
    /// The approximate GELU x·σ(b), b = x(k1 + k3x²), for a float x, 2^−120 ≤ |x| ≤ 10 or x = ±0: b in
    /// doubles (x² is exact, x having 24 bits; k1 and k3 rounded to doubles are within 2^−53.9 of the real
    /// numbers, and two or three more roundings: b within 2^−51.2 relative), which reaches σ(b) as a relative
    /// error of at most (1 − σ(b))·|b|·2^−51.2 ≤ 87.32·2^−51.2 = 2^−44.7; then <see cref="SigmoidFromParts"/>
    /// of the fast parts at b (2^−44.5) and the product by x: 2^−43.6 in all.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T GeluApproximateForFloatFastValue(T x)
    {
        T b = TOps.Multiply(x, FastMulAdd(TOps.Multiply(x, x), GeluK3Hi, GeluK1Hi));
        T r = FastLogistic(b, out T u, out _);
        return TOps.Multiply(x, SigmoidFromParts(b, u, r));
    }

    /// <summary>The approximate GELU for a float x: <see cref="GeluApproximateForFloatFastValue"/> where it passes the rounding test, else the double kernel's <see cref="GeluApproximate"/> (within 1 ulp of a double, far inside the test's window).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GeluApproximateForFloatFast(T x)
    {
        if (!TOps.AnyMagnitudeBelowOrAbove(x, FastSigmoidGrad2Smallest, FastGeluLimit))
        {
            T v = GeluApproximateForFloatFastValue(x);
            if (!TOps.AnyNearFloatMidpoint(v))
            {
                return v;
            }
        }

        return PropagateNaN(x, GeluApproximate(x));
    }

    /// <summary>
    /// The approximate GELU′ for a float x, |x| ≤ 10 and |x − r1| ≥ 2^−6 (r1 ≈ −0.75246 its root):
    /// with t = e^−|b| and r = 1/(1 + t) from the fast step (t within 2^−44.9, r within 2^−45.9) and
    /// v = x·b′(x) = x(k1 + 3k3x²) in doubles (2^−51.4), f′ = (1 + t + t·v)·r² for x ≥ 0, where every term is
    /// positive (2^−43.8), and t(1 + t + v)·r² below, where 1 + t + v cancels at r1: its absolute error,
    /// at most 2^−44.9·t + 2^−51.4·|v| + 2^−53(1 + t) = 2^−46.6 near the root (t ≈ 0.29, v ≈ −1.29), is
    /// within 2^−41.9 of 1 + t + v once that is at least 2.47·2^−6 in size (2.47 its slope in x there), and
    /// falls to 2^−51 of it for large |x|: 2^−41.5 in all.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T GeluApproximateGradForFloatFastValue(T x)
    {
        T x2 = TOps.Multiply(x, x);
        T b = TOps.Multiply(x, FastMulAdd(x2, GeluK3Hi, GeluK1Hi));
        T v = TOps.Multiply(x, FastMulAdd(x2, GeluK33Hi, GeluK1Hi));
        T r = FastLogistic(b, out T t, out _);
        T onePlusT = TOps.Add(TOps.Create(1.0), t);
        T numerator = TOps.Select(
            TOps.LessThan(x, TOps.Create(0.0)),
            TOps.Multiply(t, TOps.Add(onePlusT, v)),
            FastMulAdd(t, v, onePlusT));
        return TOps.Multiply(TOps.Multiply(numerator, r), r);
    }

    /// <summary>The approximate GELU′ for a float x: <see cref="GeluApproximateGradForFloatFastValue"/> where it passes the rounding test, else the double kernel's <see cref="GeluApproximateGrad"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GeluApproximateGradForFloatFast(T x)
    {
        if (!TOps.AnyMagnitudeAbove(x, FastGeluLimit)
            && !TOps.AnyMagnitudeBelowOrAbove(TOps.Subtract(x, TOps.Create(GeluRoot1Hi)), FastGeluGradRootWindow, double.MaxValue))
        {
            T v = GeluApproximateGradForFloatFastValue(x);
            if (!TOps.AnyNearFloatMidpoint(v))
            {
                return v;
            }
        }

        return PropagateNaN(x, GeluApproximateGrad(x));
    }

    /// <summary>
    /// The approximate GELU″ for a float x, |x| ≤ 10 and ||x| − r2| ≥ 2^−6 (±r2, r2 ≈ 1.41850, its
    /// roots): f″ = t·E·r³ with E = (1 + t)·G + H·m, G = 2k1 + 12k3a², H = a·b′², a = |x|, from the fast step's
    /// t = e^−b(a), m = t − 1 and r = 1/(1 + t). t and m carry the same error s·δp of the step's polynomial
    /// (t's 2^−44.9; m's 2^−40.9 only where b &lt; ln 2/32, where H·m is below 2^−8 of E), so E's absolute
    /// error is about (G + H)·t·2^−44.9 plus roundings of its terms, 2^−44.8 near r2 (G ≈ 4.91, H ≈ 5.83,
    /// t ≈ 0.085), within 2^−41.4 of E once |E| ≥ 6.17·2^−6 (6.17 its slope in a there), and far less
    /// elsewhere (E ≈ 4k1 near 0, ≈ −H for large a); t and r³ add 2^−44.5: 2^−41.2 in all.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T GeluApproximateGrad2ForFloatFastValue(T x)
    {
        T a = TOps.Abs(x);
        T a2 = TOps.Multiply(a, a);
        T bPrime = FastMulAdd(a2, GeluK33Hi, GeluK1Hi);
        T t = FastExpAndExpM1(TOps.Negate(TOps.Multiply(a, FastMulAdd(a2, GeluK3Hi, GeluK1Hi))), out T m);
        T onePlusT = TOps.Add(TOps.Create(1.0), t);
        T r = ReciprocalOneToTwo(onePlusT);
        T g = FastMulAdd(a2, 12 * GeluK3Hi, 2 * GeluK1Hi);
        T h = TOps.Multiply(TOps.Multiply(a, bPrime), bPrime);
        T e = FastMulAdd(h, m, TOps.Multiply(onePlusT, g));
        return TOps.Multiply(TOps.Multiply(t, e), TOps.Multiply(TOps.Multiply(r, r), r));
    }

    /// <summary>The approximate GELU″ for a float x: <see cref="GeluApproximateGrad2ForFloatFastValue"/> where it passes the rounding test, else the double kernel's <see cref="GeluApproximateGrad2"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GeluApproximateGrad2ForFloatFast(T x)
    {
        // One test for both bounds: ||x| − r2| ≤ 10 − r2 keeps |x| ≤ 10.
        if (!TOps.AnyMagnitudeBelowOrAbove(TOps.Subtract(TOps.Abs(x), TOps.Create(GeluRoot2Hi)), FastGeluGrad2RootWindow, FastGeluLimit - GeluRoot2Hi))
        {
            T v = GeluApproximateGrad2ForFloatFastValue(x);
            if (!TOps.AnyNearFloatMidpoint(v))
            {
                return v;
            }
        }

        return PropagateNaN(x, GeluApproximateGrad2(x));
    }
}
