using System;
using System.Runtime.CompilerServices;

namespace Activations.Numerics;

/// <summary>
/// The normal distribution's tail and the exact GELU built on it: f(x) = x·Φ(x), f′(x) = Φ(x) + x·φ(x)
/// and f″(x) = φ(x)(2 − x²), with φ(x) = e^(−x²/2)/√(2π) and Φ its integral.
/// <para>
/// Everything is written in a = |x| and two positive factors: φ(a) and the Mills ratio
/// M(a) = Q(a)/φ(a), where Q(a) = Φ(−a) = erfc(a/√2)/2 is the upper tail. M is smooth, positive and
/// decreasing (M(0) = √(π/2), M(a) = 1/a − 1/a³ + … for large a), so Q = φ·M is a product with no
/// cancellation anywhere; it is never formed as 1 − Φ or from erfc at a rounded a/√2 (whose rounding
/// alone would cost a²·2^−53 relative in the tail). Then, for x ≤ 0 (x = −a):
/// f = −a·φ·M, f′ = φ·(M − a), f″ = φ·(2 − a²); for x &gt; 0: f = x(1 − φ·M), f′ = 1 − φ·(M − a), and the
/// same f″. For x &gt; 0 the subtraction from 1 cannot cancel (φ·M = Q ≤ 1/2, |φ·(M − a)| ≤ 1/2).
/// </para>
/// <para>
/// φ(a) comes from a² split exactly into s + sLo (<see cref="MultiplyError"/>) and the table
/// exponential of the double-double argument −(s + sLo)/2 (<see cref="ExpTableSum"/>): φ(a) =
/// 2^k·(cHi + cLo) with the pair to about 2^−56.5 relative (the exponential's 2^−57 and the product
/// with 1/√(2π) in double-double), and k applied once at the end, so that the tails underflow exactly
/// where the exact values do, with a second rounding only onto the subnormal grid.
/// </para>
/// <para>
/// M(a) for a &lt; 8 (<see cref="MillsBody"/>): sixteen intervals [i/2, (i + 1)/2], i = ⌊2a⌋ chosen per
/// lane, each with a polynomial of degree 13 in w = a − (i/2 + 1/4) (|w| ≤ 1/4) whose coefficients are
/// read with <see cref="ISimdOps{T, TMask}.Lookup16"/>. Fit: Chebyshev interpolation at 14 nodes of
/// each interval widened by 2^−20 on either side (near-minimax), computed with 80-digit arithmetic
/// (M(a) = √(π/2)·e^(a²/2)·erfc(a/√2)), the two leading coefficients kept as double-doubles and the
/// rest rounded to doubles; the polynomials with those coefficients, evaluated exactly, are within
/// 2^−59.3 of M relative on interval 0 and 2^−60.4 or better on the others (measured at 401 points
/// per interval). Evaluation: p0 + p1·w in double-double (the product split exactly, |p1·w| ≤ 0.2·p0
/// since p1/p0 = M′/M = a − 1/M ∈ (−0.8, 0)), the rest w²·R(w) in doubles (Estrin's scheme). R rounds
/// to a few 2^−53 of itself, and |w²R| ≤ 2^−5·p0 (R ≈ M″/2 = (M(1 + a²) − a)/2, at most M/2), so the
/// evaluation adds under 2^−57: M to 2^−56.5 or better. w = a − c is exact on every interval but the
/// first (Sterbenz: a and c within a factor 2); there a − 1/4 is split exactly into wHi + wLo (a
/// fast two-sum, exact whichever of the two is larger here) and wLo enters through the derivative.
/// </para>
/// <para>
/// M(a) for a ≥ 8 (<see cref="MillsTail"/>): M = (1/a)·g(1/a²) with g(u) = a·M(a) = 1 − u + 3u² − …,
/// fitted as a polynomial of degree 12 in u on [1/64², 1/64] (a from 8 to 64; Chebyshev interpolation
/// at 13 nodes, 80 digits; g0 and g1 as double-doubles; 2^−63.7 relative with the rounded
/// coefficients), 1/a as a double-double from one division and its exact residual, u = 1/a² as a
/// double-double, and 1 + g1·u in double-double: 2^−58 or better. Vectors with no lane at a ≥ 8 skip it.
/// </para>
/// <para>
/// The zero of f′ at x = −r, r = 0.7517915246935644574579… (M(r) = r): there φ·(M − a) cancels, and
/// on the interval [1/2, 1] that holds r the table holds instead H(a) = (M(a) − a)/(a − r) (fitted the
/// same way, 2^−62.2), so that M − a = t·H with t = a − r as a double-double: a − rHi is exact
/// (Sterbenz), and adding −rLo and −rLo2 of the triple-double r keeps t to 2^−106 relative. The double
/// nearest the root, −0.7517915246935645, is 2^−55.89 from it (the next ones 2^−52.8 and 2^−53.2), where
/// f′ ≈ 2^−57.1; the double-double root alone (error 2^−110.5) would have cost 2^−54.6 relative there.
/// On that interval M itself is a + t·H (|t·H| ≤ 0.35, M ≥ 0.65: no cancellation beyond a factor 1.6).
/// Elsewhere M − a cancels by at most a factor 2.3 (at a = 1/2), so f′ keeps 2^−55 or better.
/// </para>
/// <para>
/// The zeros of f″ at x = ±√2 need nothing more: 2 − a² = 2 − s − sLo is exact in double-double (a
/// two-sum, then sLo subtracted exactly from its error, which is 0 near √2, and the pair renormalised
/// by a fast two-sum, valid since 2 − s is 0 or at least ulp(s) ≥ |sLo| there: at the double nearest
/// √2, sLo is 0.38 of 2 − s, and the product would otherwise round that large low part on its own).
/// </para>
/// <para>
/// Ranges. Below |x| = 2^−60 the values are x/2, 1/2 and 2φ(0) (the next terms, φ(0)x², 2φ(0)x and
/// −2φ(0)x², are below half an ulp). a is clamped at 40, where |f|, |f′| and |f″| are below 2^−1140,
/// so that every result of the x ≤ 0 side (and f″ on both) rounds to ∓0 there and beyond, as the exact
/// values do (−0 at −∞ for f and f′, −0 at ±∞ for f″). The exact values leave the normal range and
/// round to 0 at: f, x = −37.61586831395599 (|f| = 2^−1022) and −38.58014022378236 (2^−1075); f′,
/// −37.712246339735586 and −38.674766957173425; f″, ±37.80849501204097 and ±38.76927146545963; the
/// results follow them, with a second rounding only onto the subnormal grid. For x &gt; 0, f = x
/// exactly after rounding from x = 8.212686212430459 (x·Q(x) below half an ulp of x), and the value is x
/// itself from x = 16 (also at +∞); f′ rounds to 1 from x = 8.714326568542475 on its own, with 2^k
/// clamped at 2^−1000 so that φ·(M − a) stays a normal number (it is then far below 2^−53).
/// </para>
/// <para>
/// Each result is one rounding of its double-double value (before the scaling by 2^k), whose error is
/// at most about 2^−55.8 relative: the exponential's 2^−57, M's 2^−56.5 (grown by up to 2.3 in M − a
/// on the first interval), and the products' 2^−100. That is within 0.64 ulp for normal results (the
/// tests' worst, 0.65 ulp, is f′ just below 1/2, where the ulp halves; elsewhere they stay within
/// 0.6), and under 0.82 ulp for subnormal ones, where the scaling rounds a second time onto the
/// subnormal grid (the first rounding is then at most 0.32 of its spacing; the worst seen is 0.75).
/// </para>
/// </summary>
internal static partial class Core<T, TMask, TOps>
{
    /// <summary>1/√(2π) = InvSqrt2PiHi + InvSqrt2PiLo + O(2^−110).</summary>
    private const double InvSqrt2PiHi = 0.3989422804014327;
    private const double InvSqrt2PiLo = -2.49232720227773e-17;

    /// <summary>2φ(0) = 2/√(2π), rounded: f″ below |x| = 2^−60.</summary>
    private const double TwoPhiZero = 0.7978845608028654;

    /// <summary>2^−60: below this |x| the GELU values are x/2, 1/2 and 2φ(0).</summary>
    private const double GeluTiny = 8.673617379884035e-19;

    /// <summary>The clamp of a = |x| for the values (see the type's summary).</summary>
    private const double GeluClamp = 40.0;

    /// <summary>
    /// The clamp of a for the backward pass's general path: dy·f′ with |dy| &lt; 2^1024 rounds to ±0
    /// from a ≈ 54.4 on (|f′| ≈ a·φ(a) &lt; 2^−2100), and at 56 it is below 2^−2250.
    /// </summary>
    private const double GeluBackwardClamp = 56.0;

    /// <summary>From this x on, GELU(x) = x (it is so after rounding from x ≈ 8.2127).</summary>
    private const double GeluIdentity = 16.0;

    /// <summary>The lower end of <see cref="MillsTail"/>'s range, and the largest double below it (for the whole-vector test).</summary>
    private const double MillsTailStart = 8.0;
    private const double BelowMillsTailStart = 7.999999999999999;

    /// <summary>
    /// The zero r of M(a) − a (f′(−r) = 0) as a triple-double, r = GeluRootHi + GeluRootLo + GeluRootLo2
    /// to 2^−160: r = 0.75179152469356445745790494677952403966447115342345…
    /// </summary>
    private const double GeluRootHi = 0.7517915246935645;
    private const double GeluRootLo = -1.4956759177009883e-17;
    private const double GeluRootLo2 = -5.384040947833005e-34;

    // M(a) on [i/2, (i + 1)/2] (H(a) = (M(a) − a)/(a − r) for i = 1): Σ MillsPk[i]·w^k, w = a − i/2 − 1/4,
    // with the low parts MillsP0Lo and MillsP1Lo of the two leading coefficients (see the type's summary).
    private static ReadOnlySpan<double> MillsP0 =>
    [
        1.0378245758537268, -1.435190412191515, 0.5784303460476311, 0.4643069280394422,
        0.3851482907984346, 0.32767831469055203, 0.28438214674849294, 0.250761111443965,
        0.2239905946538288, 0.20222323663305466, 0.1842076773079702, 0.16907015040769408,
        0.15618421503397592, 0.14509024128913092, 0.13544405309676344, 0.12698323748543697,
    ];

    private static ReadOnlySpan<double> MillsP0Lo =>
    [
        2.9769594260781526e-17, 2.080818327704831e-17, -2.875490431638387e-17, -1.495051538975178e-17,
        2.3171659545203063e-17, 2.3631090555039102e-17, -1.1933615954148382e-17, 1.4228158229547955e-17,
        -3.4126191528865727e-18, -1.254785356283464e-17, 3.2533695701577585e-18, 4.60652208624848e-19,
        -4.2078937502630205e-18, 7.025424621132955e-18, 3.338913667699138e-18, -6.6160095025762934e-18,
    ];

    private static ReadOnlySpan<double> MillsP1 =>
    [
        -0.7405438560365682, 0.21278161127124806, -0.27696206744046115, -0.1874628759309762,
        -0.1334163457035221, -0.09888463460098185, -0.075758023067398, -0.05964583208513115,
        -0.048039972721227564, -0.039439625992990404, -0.03290969413315648, -0.027846635155759063,
        -0.023848656037650524, -0.020640871298366226, -0.01803061504846504, -0.015879909487863556,
    ];

    private static ReadOnlySpan<double> MillsP1Lo =>
    [
        -4.824255061381946e-17, 1.1147268066955932e-17, -8.20414289606381e-18, 1.5877317804490435e-18,
        -3.3761831049221308e-18, -4.4038183809400345e-18, 2.8489922818966805e-18, -2.1555975812733843e-18,
        -6.258575338995144e-19, 2.847735560789277e-18, 3.2024004383745726e-18, -8.206975626351138e-19,
        1.4562393334919712e-18, -1.1506412857579256e-18, -7.900464188138487e-20, 7.676306016945668e-19,
    ];

    private static ReadOnlySpan<double> MillsP2 =>
    [
        0.42634430592229183, -0.09188953556198631, 0.1161138808735273, 0.06812344758011689,
        0.042480756482754956, 0.027872784768925983, 0.01908428588972472, 0.013544620562361607,
        0.009910355294305829, 0.007442506583175123, 0.0057158915544493405, 0.004475999131039728,
        0.003565057399330074, 0.002882180012579449, 0.002361046997695948, 0.001956969477247203,
    ];

    private static ReadOnlySpan<double> MillsP3 =>
    [
        -0.21131925985199826, 0.03597192654089787, -0.043939905449517334, -0.022748947555257214,
        -0.012611547872441151, -0.007411492162145134, -0.004578031308597551, -0.0029511683254250416,
        -0.001973654240142597, -0.0013625732409695223, -0.0009670878240991478, -0.0007032133840935424,
        -0.0005223490972791868, -0.00039538540448498185, -0.00030434143838980603, -0.0002377986797325773,
    ];

    private static ReadOnlySpan<double> MillsP4 =>
    [
        0.09337862273996389, -0.012983684028432835, 0.015297249765412066, 0.007078197339605106,
        0.003526193442440799, 0.001872795330756768, 0.0010514210341956843, 0.0006194348355044293,
        0.0003805811934249496, 0.00024257092214247347, 0.00015967011948220364, 0.00010813054312546493,
        7.509388533378916e-05, 5.333213307645538e-05, 3.864289234246352e-05, 2.8507427329932257e-05,
    ];

    private static ReadOnlySpan<double> MillsP5 =>
    [
        -0.03759492083344309, 0.004372774327579234, -0.004963668648552504, -0.002072420442190161,
        -0.000935522525390004, -0.0004522610005128422, -0.00023218258949232685, -0.00012565753845669,
        -7.123683361731345e-05, -4.207227215855513e-05, -2.5763939363515908e-05, -1.6292552224423886e-05,
        -1.0602462788600935e-05, -7.078701243781614e-06, -4.836093781389116e-06, -3.373223585120464e-06,
    ];

    private static ReadOnlySpan<double> MillsP6 =>
    [
        0.01399664874174289, -0.0013864070473116519, 0.0015154439920304276, 0.000575243594207687,
        0.00023687796003221857, 0.00010484626321942913, 4.94712697229253e-05, 2.4703177714915402e-05,
        1.2970775091772453e-05, 7.121271564848847e-06, 4.0682396372765605e-06, 2.408061305832618e-06,
        1.4714154841701455e-06, 9.251499468207339e-07, 5.968687378983761e-07, 3.9415742420795046e-07,
    ];

    private static ReadOnlySpan<double> MillsP7 =>
    [
        -0.004870822660196252, 0.0004166478400497012, -0.00043848052247793195, -0.00015224916457838415,
        -5.750673074940463e-05, -2.3419110948495044e-05, -1.0200137555265281e-05, -4.71723171769312e-06,
        -2.3015770680903864e-06, -1.1780331750414076e-06, -6.293830382464855e-07, -3.494571022644299e-07,
        -2.0087371607468393e-07, -1.1913415753360678e-07, -7.268506166042701e-08, -4.550050678678399e-08,
    ];

    private static ReadOnlySpan<double> MillsP8 =>
    [
        0.0015973685029993323, -0.00011933110739307914, 0.00012091793671423357, 3.860094853430066e-05,
        1.3435977895018362e-05, 5.055463741549809e-06, 2.040102895033928e-06, 8.766948645977109e-07,
        3.986340746318318e-07, 1.907017497805618e-07, 9.549733646383626e-08, 4.98353712194114e-08,
        2.6994344932770172e-08, 1.5124297972375128e-08, 8.737755124057701e-09, 5.19106208361821e-09,
    ];

    private static ReadOnlySpan<double> MillsP9 =>
    [
        -0.0004968313395630869, 3.271650130360011e-05, -3.192590704383155e-05, -9.4108354424553e-06,
        -3.030642679062332e-06, -1.057398516988817e-06, -3.966448266448947e-07, -1.5884734091944255e-07,
        -6.748692024497943e-08, -3.024443053078064e-08, -1.4224669559683474e-08, -6.989302158875974e-09,
        -3.5732289935330823e-09, -1.8939051691396324e-09, -1.0373707941413483e-09, -5.855306336062523e-10,
    ];

    private static ReadOnlySpan<double> MillsP10 =>
    [
        0.0001473015516944667, -8.61740872426469e-06, 8.1006011940785e-06, 2.2131045396354425e-06,
        6.61681729390444e-07, 2.147564388295748e-07, 7.509927762726894e-08, 2.8101313480520582e-08,
        1.1181335327942883e-08, 4.7040269355225664e-09, 2.0817667906526156e-09, 9.646826803962652e-10,
        4.661641464291481e-10, 2.340428983656618e-10, 1.2168129890678287e-10, 6.531979550257169e-11,
    ];

    private static ReadOnlySpan<double> MillsP11 =>
    [
        -4.181482786905904e-05, 2.1877069199970955e-06, -1.9816825994887e-06, -5.034116159477165e-07,
        -1.4016050038355594e-07, -4.243573381879437e-08, -1.3869527327164372e-08, -4.860463899857438e-09,
        -1.8150428226071653e-09, -7.181843163717484e-10, -2.99571871868231e-10, -1.3112144783466745e-10,
        -5.99714708886949e-11, -2.8555300203436917e-11, -1.4107099395062266e-11, -7.209153353661878e-12,
    ];

    private static ReadOnlySpan<double> MillsP12 =>
    [
        1.1572919443676941e-05, -5.431915258435489e-07, 4.739095664525971e-07, 1.1210642583029537e-07,
        2.910976099922679e-08, 8.233694690837737e-09, 2.5187379357176064e-09, 8.277703319885681e-10,
        2.9047509703013064e-10, 1.0822763228850022e-10, 4.2596346228647634e-11, 1.7627528600890515e-11,
        7.63777335584375e-12, 3.4518044855076285e-12, 1.6215811187905657e-12, 7.894040991576554e-13,
    ];

    private static ReadOnlySpan<double> MillsP13 =>
    [
        -3.038710115100303e-06, 1.289757341049092e-07, -1.0851900606215737e-07, -2.400237028561478e-08,
        -5.834183823700679e-09, -1.5468538621023423e-09, -4.442399590597916e-10, -1.372919837876007e-10,
        -4.5383930412859624e-11, -1.5957618998339736e-11, -5.937817401423658e-12, -2.3273238285247103e-12,
        -9.567966112253746e-13, -4.1100487328470893e-13, -1.8383449701669727e-13, -8.534749406030324e-14,
    ];


    // g(u) = a·M(a), u = 1/a² ∈ [1/64², 1/64]: Σ MillsTailGk·u^k (see the type's summary).
    private const double MillsTailG0Lo = -8.746325526045081e-19;
    private const double MillsTailG1Lo = 5.1837552281836195e-17;
    private const double MillsTailG0 = 1.0;
    private const double MillsTailG1 = -0.9999999999999942;
    private const double MillsTailG2 = 2.999999999986527;
    private const double MillsTailG3 = -14.999999984821663;
    private const double MillsTailG4 = 104.99999022119663;
    private const double MillsTailG5 = -944.996044752742;
    private const double MillsTailG6 = 10393.935571031832;
    private const double MillsTailG7 = -134937.31482590953;
    private const double MillsTailG8 = 2001128.477660762;
    private const double MillsTailG9 = -32039305.52367976;
    private const double MillsTailG10 = 492653094.5838659;
    private const double MillsTailG11 = -5934799108.487468;
    private const double MillsTailG12 = 38572753825.925026;

    /// <summary>
    /// φ(a)·2^−k = cHi + cLo, to about 2^−56.5 relative, for 0 ≤ a ≤ 64 (a² = s + sLo exactly, returned
    /// for f″; a below 2^−457 gives meaningless low parts, which the callers replace).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Gaussian(T a, out T cLo, out T k, out T s, out T sLo)
    {
        s = TOps.Multiply(a, a);
        sLo = MultiplyError(a, a, s);
        T half = TOps.Create(-0.5);
        T eHi = ExpTableSum(TOps.Multiply(half, s), TOps.Multiply(half, sLo), out k, out T eLo);
        return MultiplyDD(eHi, eLo, TOps.Create(InvSqrt2PiHi), TOps.Create(InvSqrt2PiLo), out cLo);
    }

    /// <summary>
    /// The body's polynomial P = pHi + pLo on a's interval (M(a), or H(a) on the root's interval
    /// [1/2, 1], then <paramref name="rootInterval"/> is set), for 0 ≤ a &lt; 8 (other lanes get
    /// meaningless values). See the type's summary for the error.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MillsBody(T a, out T pLo, out TMask rootInterval)
    {
        // z's low four bits are i = round(2a − 1/2) = ⌊2a⌋ (at the ends (i + 1)/2 the tie goes to the
        // even neighbour, whose polynomial holds there too).
        T z = TOps.Add(TOps.Subtract(TOps.Add(a, a), TOps.Create(0.5)), TOps.Create(RoundingShifter));
        T n = TOps.Subtract(z, TOps.Create(RoundingShifter));
        rootInterval = TOps.Equal(n, TOps.Create(1.0));
        T c = TOps.Add(TOps.Multiply(n, TOps.Create(0.5)), TOps.Create(0.25));
        T w = FastTwoSum(TOps.Negate(c), a, out T wLo);

        // R = p2 + p3·w + … + p13·w^11 by Estrin's scheme (the same polynomial as Horner's rule, a
        // dependency chain of five steps instead of eleven).
        T w2 = TOps.Multiply(w, w);
        T w4 = TOps.Multiply(w2, w2);
        T p2 = TOps.Lookup16(MillsP2, z);
        T q23 = MulAdd(TOps.Lookup16(MillsP3, z), w, p2);
        T q45 = MulAdd(TOps.Lookup16(MillsP5, z), w, TOps.Lookup16(MillsP4, z));
        T q67 = MulAdd(TOps.Lookup16(MillsP7, z), w, TOps.Lookup16(MillsP6, z));
        T q89 = MulAdd(TOps.Lookup16(MillsP9, z), w, TOps.Lookup16(MillsP8, z));
        T q1011 = MulAdd(TOps.Lookup16(MillsP11, z), w, TOps.Lookup16(MillsP10, z));
        T q1213 = MulAdd(TOps.Lookup16(MillsP13, z), w, TOps.Lookup16(MillsP12, z));
        T q25 = MulAdd(q45, w2, q23);
        T q69 = MulAdd(q89, w2, q67);
        T q1013 = MulAdd(q1213, w2, q1011);
        T h = MulAdd(MulAdd(q1013, w4, q69), w4, q25);

        // w·(p1Lo + w·R): the terms below p0 + p1·w.
        T tail = TOps.Multiply(MulAdd(h, w, TOps.Lookup16(MillsP1Lo, z)), w);
        T p1 = TOps.Lookup16(MillsP1, z);
        T m1 = TOps.Multiply(p1, w);
        T e1 = MultiplyError(p1, w, m1);
        T hi = FastTwoSum(TOps.Lookup16(MillsP0, z), m1, out T l0);

        // wLo (nonzero only on the first interval) through the derivative p1 + 2·p2·w.
        T derivative = MulAdd(TOps.Add(p2, p2), w, p1);
        pLo = TOps.Add(l0, TOps.Add(e1, TOps.Add(TOps.Lookup16(MillsP0Lo, z), MulAdd(derivative, wLo, tail))));
        return hi;
    }

    /// <summary>M(a) = mHi + mLo for 8 ≤ a ≤ 64 (see the type's summary); other lanes get meaningless values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MillsTail(T a, out T mLo)
    {
        T one = TOps.Create(1.0);
        T qHi = TOps.Divide(one, a);
        T residual = ExactResidual(one, a, qHi);
        T qLo = TOps.Multiply(qHi, residual);

        T uHi = TOps.Multiply(qHi, qHi);
        T uLo = TOps.Add(MultiplyError(qHi, qHi, uHi), TOps.Multiply(TOps.Add(qHi, qHi), qLo));

        T r = TOps.Create(MillsTailG12);
        r = MulAdd(r, uHi, MillsTailG11);
        r = MulAdd(r, uHi, MillsTailG10);
        r = MulAdd(r, uHi, MillsTailG9);
        r = MulAdd(r, uHi, MillsTailG8);
        r = MulAdd(r, uHi, MillsTailG7);
        r = MulAdd(r, uHi, MillsTailG6);
        r = MulAdd(r, uHi, MillsTailG5);
        r = MulAdd(r, uHi, MillsTailG4);
        r = MulAdd(r, uHi, MillsTailG3);
        r = MulAdd(r, uHi, MillsTailG2);

        T g1 = TOps.Create(MillsTailG1);
        T m = TOps.Multiply(g1, uHi);
        T me = MultiplyError(g1, uHi, m);
        T gHi = FastTwoSum(TOps.Create(MillsTailG0), m, out T gl);
        T small = TOps.Add(TOps.Multiply(TOps.Create(MillsTailG1Lo), uHi), TOps.Multiply(uHi, TOps.Multiply(uHi, r)));
        small = TOps.Add(TOps.Multiply(g1, uLo), small);
        T gLo = TOps.Add(gl, TOps.Add(me, TOps.Add(TOps.Create(MillsTailG0Lo), small)));
        return MultiplyDD(qHi, qLo, gHi, gLo, out mLo);
    }

    /// <summary>
    /// V = vHi + vLo for 0 ≤ a ≤ 64: t·H(a) on the root's interval (<paramref name="rootInterval"/>
    /// set), M(a) elsewhere, so that M = V + (rootInterval ? a : 0) and M − a = V − (rootInterval ? 0 : a).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MillsParts(T a, out T vLo, out TMask rootInterval)
    {
        T pHi = MillsBody(a, out T pLo, out rootInterval);

        // t = a − r = (a − rHi) − rLo − rLo2: a − rHi is exact on [1/2, 1] and a multiple of 2^−53,
        // so it is 0 or larger than |rLo| and the fast two-sum is exact.
        T t1 = FastTwoSum(TOps.Subtract(a, TOps.Create(GeluRootHi)), TOps.Create(-GeluRootLo), out T e1);
        T t2 = TOps.Subtract(e1, TOps.Create(GeluRootLo2));
        T tHi = TOps.Select(rootInterval, t1, TOps.Create(1.0));
        T tLo = TOps.Select(rootInterval, t2, TOps.Create(0.0));
        T vHi = MultiplyDD(tHi, tLo, pHi, pLo, out vLo);

        if (TOps.AnyMagnitudeAbove(a, BelowMillsTailStart))
        {
            TMask far = TOps.GreaterThanOrEqual(a, TOps.Create(MillsTailStart));
            T mHi = MillsTail(a, out T mLo);
            vHi = TOps.Select(far, mHi, vHi);
            vLo = TOps.Select(far, mLo, vLo);
        }

        return vHi;
    }

    /// <summary>a = |x| clamped at <paramref name="clamp"/> (NaN passes through).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T GeluMagnitude(T x, double clamp)
    {
        T a = TOps.Abs(x);
        return TOps.Select(TOps.GreaterThan(a, TOps.Create(clamp)), TOps.Create(clamp), a);
    }

    /// <summary>
    /// For x &gt; 0 lanes, (hi + lo)·2^k as a double-double of moderate size: 2^k clamped at 2^−1000,
    /// which only changes values far below 2^−900 (whose effect on 1 − … is nil).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T OneMinusScaled(T hi, T lo, T k, out T oneLo)
    {
        T scale = Pow2(TOps.Select(TOps.LessThan(k, TOps.Create(-1000.0)), TOps.Create(-1000.0), k));
        T oneHi = FastTwoSum(TOps.Create(1.0), TOps.Negate(TOps.Multiply(hi, scale)), out T l);
        oneLo = TOps.Subtract(l, TOps.Multiply(lo, scale));
        return oneHi;
    }

    /// <summary>
    /// f(x) = x·Φ(x) from the shared parts: a clamped, φ(a)·2^−k = cHi + cLo, V and the root interval's
    /// mask from <see cref="MillsParts"/>. M = V (+ a on the root's interval, a fast two-sum: |t·H| ≤ a
    /// there); Q·2^−k = φ·M/2^k in double-double; x ≤ 0: x·Q rounded once, then 2^k; x &gt; 0: x·(1 − Q).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T GeluExactFrom(T x, T a, T cHi, T cLo, T k, T vHi, T vLo, TMask rootInterval)
    {
        T zero = TOps.Create(0.0);
        T mHi = FastTwoSum(TOps.Select(rootInterval, a, zero), vHi, out T ml);
        T mLo = TOps.Add(ml, vLo);
        T qHi = MultiplyDD(cHi, cLo, mHi, mLo, out T qLo);
        TMask negative = TOps.LessThanOrEqual(x, zero);
        T oHi = OneMinusScaled(qHi, qLo, k, out T oLo);
        T fHi = TOps.Select(negative, qHi, oHi);
        T fLo = TOps.Select(negative, qLo, oLo);

        // x itself, but for x ≤ −40 (−∞ included) the clamped −a, so that the product stays finite.
        T v = MultiplyRounded(fHi, fLo, TOps.CopySign(a, x), zero);
        T f = ScaleB(v, TOps.Select(negative, k, zero));
        f = TOps.Select(TOps.GreaterThanOrEqual(x, TOps.Create(GeluIdentity)), x, f);
        return TOps.Select(TOps.LessThan(TOps.Abs(x), TOps.Create(GeluTiny)), TOps.Multiply(x, TOps.Create(0.5)), f);
    }

    /// <summary>
    /// f′(x) = (hi + lo)·2^exponent from the shared parts: M − a = V (− a off the root's interval, a
    /// two-sum), D = φ·(M − a)/2^k in double-double; x ≤ 0: D with exponent k; x &gt; 0: 1 − D·2^k with
    /// exponent 0; below |x| = 2^−60, 1/2.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T GeluExactGradParts(T x, T a, T cHi, T cLo, T k, T vHi, T vLo, TMask rootInterval, out T lo, out T exponent)
    {
        T zero = TOps.Create(0.0);
        T gHi = TwoSum(vHi, TOps.Select(rootInterval, zero, TOps.Negate(a)), out T gl);
        T gLo = TOps.Add(gl, vLo);
        T dHi = MultiplyDD(cHi, cLo, gHi, gLo, out T dLo);
        TMask negative = TOps.LessThanOrEqual(x, zero);
        T oHi = OneMinusScaled(dHi, dLo, k, out T oLo);
        TMask tiny = TOps.LessThan(TOps.Abs(x), TOps.Create(GeluTiny));
        T hi = TOps.Select(tiny, TOps.Create(0.5), TOps.Select(negative, dHi, oHi));
        lo = TOps.Select(tiny, zero, TOps.Select(negative, dLo, oLo));
        exponent = TOps.Select(TOps.Or(tiny, TOps.GreaterThan(x, zero)), zero, k);
        return hi;
    }

    /// <summary>The shared parts of f and f′ at a = |x| clamped at <paramref name="clamp"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T GeluShared(T x, double clamp, out T a, out T cLo, out T k, out T vHi, out T vLo, out TMask rootInterval)
    {
        a = GeluMagnitude(x, clamp);
        T cHi = Gaussian(a, out cLo, out k, out _, out _);
        vHi = MillsParts(a, out vLo, out rootInterval);
        return cHi;
    }

    /// <summary>GELU(x) = x·Φ(x) within 0.64 ulp (0.82 for subnormal results); −0 at −∞, +∞ at +∞. NaN lanes are the caller's.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GeluExact(T x)
    {
        T cHi = GeluShared(x, GeluClamp, out T a, out T cLo, out T k, out T vHi, out T vLo, out TMask rootInterval);
        return GeluExactFrom(x, a, cHi, cLo, k, vHi, vLo, rootInterval);
    }

    /// <summary>GELU′(x) = Φ(x) + x·φ(x), also at its zero x ≈ −0.7518; −0 at −∞, 1 at +∞. NaN lanes are the caller's.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GeluExactGrad(T x)
    {
        T cHi = GeluShared(x, GeluClamp, out T a, out T cLo, out T k, out T vHi, out T vLo, out TMask rootInterval);
        T hi = GeluExactGradParts(x, a, cHi, cLo, k, vHi, vLo, rootInterval, out T lo, out T exponent);
        return ScaleB(TOps.Add(hi, lo), exponent);
    }

    /// <summary>GELU(x) and GELU′(x) from one evaluation of the shared parts, each with the bits of its kernel alone.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GeluExactAndGrad(T x, out T grad)
    {
        T cHi = GeluShared(x, GeluClamp, out T a, out T cLo, out T k, out T vHi, out T vLo, out TMask rootInterval);
        T hi = GeluExactGradParts(x, a, cHi, cLo, k, vHi, vLo, rootInterval, out T lo, out T exponent);
        grad = ScaleB(TOps.Add(hi, lo), exponent);
        return GeluExactFrom(x, a, cHi, cLo, k, vHi, vLo, rootInterval);
    }

    /// <summary>
    /// GELU″(x) = φ(x)(2 − x²): 2 − a² exact in double-double (see the type's summary), times φ(a)·2^−k
    /// rounded once, then 2^k; 2φ(0) below |x| = 2^−60; −0 at ±∞. NaN lanes are the caller's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GeluExactGrad2(T x)
    {
        T a = GeluMagnitude(x, GeluClamp);
        T cHi = Gaussian(a, out T cLo, out T k, out T s, out T sLo);
        T dHi = TwoSum(TOps.Create(2.0), TOps.Negate(s), out T d);
        dHi = FastTwoSum(dHi, TOps.Subtract(d, sLo), out T dLo);
        T v = ScaleB(MultiplyRounded(cHi, cLo, dHi, dLo), k);
        return TOps.Select(TOps.LessThan(a, TOps.Create(GeluTiny)), TOps.Create(TwoPhiZero), v);
    }

    /// <summary>Up to this |x| (and dy ±0 or within [2^−330, 2^400]) the backward pass takes its fast path: |f′| ≥ 2^−484 or near the root 2^−57.1.</summary>
    internal const double GeluBackwardDirectLimit = 26.0;

    /// <summary>
    /// dy·GELU′(x), the exact product rounded once (a second rounding only for subnormal results). Fast path (|x| ≤ 26,
    /// dy ±0 or within [2^−330, 2^400]): f′ = (hi + lo)·2^exponent from the gradient's parts, scaled
    /// exactly (2^exponent ≥ 2^−490 is normal, and so is lo·2^exponent), |f′| within [2^−484, 1.13] (and
    /// 2^−57.1 at the double nearest the root), then <see cref="ExactProduct"/>, whose products stay
    /// within [2^−900, 2^401]. Wide path, per lane where that does not hold: the same mantissa pair and
    /// exponent (both paths clamp a at 56 instead of 40: dy·f′ can be a normal number down to a ≈ 54.4
    /// when dy is near 2^1024) through <see cref="ProductWide"/>, which applies dy's exponent and 2^exponent
    /// once; f′'s parts are computed once for both paths. At x = −∞, f′ = −0 exactly (dy·(−0) by the
    /// IEEE rules, NaN for dy = ±∞); at +∞ it is 1. NaN x returns x; NaN dy returns dy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GeluExactBackward(T x, T dy)
    {
        T fast = GeluExactBackwardParts(x, dy, out T hi, out T lo, out T exponent);
        if (TOps.AnyMagnitudeAbove(x, GeluBackwardDirectLimit) || TOps.AnyMagnitudeOutside(dy, TwoToMinus330, TwoTo400))
        {
            fast = GeluExactBackwardWide(x, dy, hi, lo, exponent, fast);
        }

        return fast;
    }

    /// <summary><see cref="GeluExactBackward"/>'s fast path, for vectors inside its window (|x| ≤ 26, dy ±0 or within [2^−330, 2^400]): the same operations.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GeluExactBackwardFast(T x, T dy) => GeluExactBackwardParts(x, dy, out _, out _, out _);

    /// <summary>
    /// The fast formula of <see cref="GeluExactBackward"/>, with f′'s pair and exponent for its wide
    /// path; off the fast path's lanes its 2^exponent is clamped so that the meaningless value stays
    /// finite (on them exponent ≥ −490 and the clamp changes nothing).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T GeluExactBackwardParts(T x, T dy, out T hi, out T lo, out T exponent)
    {
        T cHi = GeluShared(x, GeluBackwardClamp, out T a, out T cLo, out T k, out T vHi, out T vLo, out TMask rootInterval);
        hi = GeluExactGradParts(x, a, cHi, cLo, k, vHi, vLo, rootInterval, out lo, out exponent);
        T scale = Pow2(TOps.Select(TOps.LessThan(exponent, TOps.Create(-1000.0)), TOps.Create(-1000.0), exponent));
        return ExactProduct(dy, TOps.Multiply(hi, scale), TOps.Multiply(lo, scale));
    }

    /// <summary>The wide path's lanes of <see cref="GeluExactBackward"/>, from f′'s pair and exponent and the fast formula's value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T GeluExactBackwardWide(T x, T dy, T hi, T lo, T exponent, T fast)
    {
        TMask minusInfinity = TOps.Equal(x, TOps.Create(double.NegativeInfinity));
        T zero = TOps.Create(0.0);
        hi = TOps.Select(minusInfinity, TOps.Create(-0.0), hi);
        lo = TOps.Select(minusInfinity, zero, lo);
        exponent = TOps.Select(minusInfinity, zero, exponent);
        T wide = ProductWide(dy, hi, lo, exponent);

        TMask outside = TOps.Or(MagnitudeAbove(x, GeluBackwardDirectLimit), MagnitudeOutside(dy, TwoToMinus330, TwoTo400));
        return PropagateNaN(x, TOps.Select(outside, wide, fast));
    }
}
