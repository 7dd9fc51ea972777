using System;

namespace Activations.Tests.Reference;

/// <summary>The exact approximate GELU: the tanh form with the exact constants √(2/π) and 0.044715.</summary>
internal static partial class ExactActivations
{
    /// <summary>√(2/π) from 110 significant digits, rounded to the reference's 320 bits.</summary>
    private static readonly BigFloat SqrtTwoOverPi = Decimal(
        "79788456080286535587989211986876373695171726232986931533185165934131585179860367700250466781461387286060511773", 110);

    /// <summary>0.044715, the decimal itself.</summary>
    private static readonly BigFloat GeluCubicCoefficient = Decimal("44715", 6);

    /// <summary>√(2/π), as the reference holds it (for the self-test of its digits).</summary>
    public static BigFloat GeluSqrtTwoOverPi => SqrtTwoOverPi;

    /// <summary>
    /// (x/2)(1 + tanh(√(2/π)(x + 0.044715x³))) = x·σ(b) with b = 2√(2/π)(x + 0.044715x³), and its exact derivatives.
    /// With a = |x|, b = b(a) ≥ 0 (an exact product of the decimal, the 110-digit √(2/π) and x; b is odd), t = e^−b,
    /// b′ = 2√(2/π)(1 + 3·0.044715a²), w = a·b′, G = 2b′ + a·b″ = 2√(2/π)(2 + 12·0.044715a²), H = a·b′²:
    /// f = x/(1 + t) for x ≥ 0 and x·t/(1 + t) below;
    /// f′ = (1 + t + t·w)/(1 + t)² for x ≥ 0 and t(1 + t − w)/(1 + t)² below;
    /// f″ = t·((1 + t)·G − H·(1 − t))/(1 + t)³ (even), with 1 − t = −expm1(−b).
    /// Every sum but two has terms of one sign. 1 + t − w and (1 + t)·G − H(1 − t) cancel near the zeros of f′ and f″;
    /// their terms are exact or accurate to 2^−250 and the zeros are irrational, so at a double x the difference is at
    /// least about 2^−60 (the nearest doubles are 0.33 and 0.36 ulp from the zeros): at most 60 bits are lost of 250.
    /// Beyond b = 5000 the exponential is clamped (e^−5000, <see cref="BigFloat.ExpClamp"/>): every value it feeds is
    /// then far below half the smallest subnormal (or within it of 1 or x), as the exact one is.
    /// </summary>
    public static BigFloat GeluApproximate(double x, int order)
    {
        CheckOrder(order);
        BigFloat k1 = SqrtTwoOverPi * BigFloat.Two;
        BigFloat a = D(Math.Abs(x));
        BigFloat a2 = a * a;
        BigFloat b = k1 * a * (BigFloat.One + (GeluCubicCoefficient * a2));
        (BigFloat t, BigFloat m) = BigFloat.ExpAndExpM1(-b, Bits);
        BigFloat onePlusT = OnePlus(t);
        BigFloat bPrime = k1 * (BigFloat.One + (FromInt(3) * GeluCubicCoefficient * a2));
        switch (order)
        {
            case 0:
                return BigFloat.Divide(x >= 0 ? D(x) : D(x) * t, onePlusT, Bits);
            case 1:
                BigFloat w = a * bPrime;
                BigFloat numerator = x >= 0 ? onePlusT + (t * w) : t * (onePlusT - w);
                return BigFloat.Divide(numerator, onePlusT * onePlusT, Bits);
            default:
                BigFloat g = k1 * (BigFloat.Two + (FromInt(12) * GeluCubicCoefficient * a2));
                BigFloat h = a * bPrime * bPrime;
                BigFloat e = (onePlusT * g) + (h * m);
                return BigFloat.Divide(t * e, onePlusT * onePlusT * onePlusT, Bits);
        }
    }

}

/// <summary>
/// GELU: the exact x·Φ(x) (<see cref="ExactActivations.GeluExact"/>) or the tanh approximation
/// (<see cref="ExactActivations.GeluApproximate"/>), each with its own exact derivatives.
/// </summary>
internal sealed class GELUReference : ActivationReference<GELU>
{
    protected override BigFloat Exact(GELU f, double x, int order) =>
        f.Approximate ? ExactActivations.GeluApproximate(x, order) : ExactActivations.GeluExact(x, order);

    // f′ is never zero at a double (its zero is irrational); it tends to −0 at −∞ (from below) and to 1 at +∞.
    protected override ExactValue Derivative(GELU f, double x) =>
        double.IsNegativeInfinity(x) ? ExactValue.NegativeZero
        : double.IsPositiveInfinity(x) ? ExactValue.One
        : NonZero(Exact(f, x, 1));

    // f is not monotonic (its minimum is at f′'s zero), so its output does not determine f′.
    protected override ExactValue? OutputDerivative(GELU f, double y) => null;

    // f → −0 and f′ → −0 from below at −∞, f″ → −0 at both ends; f ≈ x and f′ → 1 at +∞.
    protected override (Triple Negative, Triple Positive) Limits(GELU f) => ((0, 0, 0), (double.PositiveInfinity, 1, 0));

    // 0·σ(0) = 0, σ(0) = Φ(0) = 1/2, and f″(0) = 2√(2/π)/2 = 2φ(0) = √(2/π) in both forms.
    protected override Triple AtZero(GELU f) => (0, 0.5, 0.7978845608028654);

    protected override double[] Crossings(GELU f) => f.Approximate ? ApproximateCrossings : ExactCrossings;

    // Smooth everywhere.
    protected override double[] Kinks(GELU f) => [];

    /// <summary>
    /// The zero of f′ (−0.7524614220710163) and of f″ (±1.4185040087908283) and the edges of the kernels' windows around
    /// them (±2^−8 and ±2^−7); the kernels' switches (2^−60, b = 600 at ±19.968377176271952, the backward pass's ±17, the
    /// clamp ±30); where f becomes subnormal and rounds to zero (−21.17688025178522, −21.540205952946504,
    /// −21.547075410436022), f′ likewise (−21.223777387906054, −21.58589183252297, −21.59273885762554) and f″ (both signs
    /// of 21.270549912258414, 21.63146090851169, 21.638285643058254); the same for floats (f: −10.100637393537946,
    /// −10.744488774712979, −10.770868253746146; f′: −10.235000158896568, −10.868555589868926, −10.8945385192479; f″: ±10.367803202153434,
    /// ±10.991323129355742, ±11.016919069381663); where f = x after rounding starts (7.191639777103943, float 5.095391727633891) and
    /// f′ = 1 (7.445627316258246, float 5.467859970335526).
    /// </summary>
    private static readonly double[] ApproximateCrossings =
    [
        -0.7524614220710163, -0.7524614220710163 - 0.00390625, -0.7524614220710163 + 0.00390625,
        1.4185040087908283, -1.4185040087908283, 1.4185040087908283 - 0.0078125, 1.4185040087908283 + 0.0078125,
        -1.4185040087908283 - 0.0078125, -1.4185040087908283 + 0.0078125,
        8.673617379884035e-19, -8.673617379884035e-19, 19.968377176271952, -19.968377176271952, 17, -17, 30, -30,
        -21.17688025178522, -21.540205952946504, -21.547075410436022, -21.223777387906054, -21.58589183252297, -21.59273885762554,
        21.270549912258414, 21.63146090851169, 21.638285643058254, -21.270549912258414, -21.63146090851169, -21.638285643058254,
        -10.100637393537946, -10.744488774712979, -10.770868253746146, -10.235000158896568, -10.868555589868926, -10.8945385192479,
        10.367803202153434, 10.991323129355742, 11.016919069381663, -10.367803202153434, -10.991323129355742, -11.016919069381663,
        7.191639777103943, 5.095391727633891, 7.445627316258246, 5.467859970335526,
    ];

    /// <summary>
    /// The zero of f′ (−0.7517915246935645) and of f″ (±√2); the kernels' switches (2^−60, the Mills ratio's tail from
    /// |x| = 8, x itself from 16, the clamp ±40); where f becomes subnormal and rounds to zero (−37.61586831395599,
    /// −38.56216959763951, −38.58014022378236), f′ likewise (−37.712246339735586, −38.65682831931059, −38.674766957173425)
    /// and f″ (both signs of 37.80849501204097, 38.7513646880795, 38.76927146545963); the same for floats (f:
    /// −13.146246717861361, −14.307701750188489, −14.356067982158693; f′: −13.341882321136506, −14.493373202098274,
    /// −14.541349078589004; f″: ±13.536424907747385, ±14.678104700049365, ±14.725695950099487); where f = x after
    /// rounding starts (8.212686212430459, float 5.347515346274148) and f′ = 1 (8.714326568542475, float 5.910160749583796).
    /// </summary>
    private static readonly double[] ExactCrossings =
    [
        -0.7517915246935645, 1.4142135623730951, -1.4142135623730951, 8.673617379884035e-19, -8.673617379884035e-19,
        8, -8, 16, -16, 40, -40,
        -37.61586831395599, -38.56216959763951, -38.58014022378236, -37.712246339735586, -38.65682831931059, -38.674766957173425,
        37.80849501204097, 38.7513646880795, 38.76927146545963, -37.80849501204097, -38.7513646880795, -38.76927146545963,
        -13.146246717861361, -14.307701750188489, -14.356067982158693, -13.341882321136506, -14.493373202098274, -14.541349078589004,
        13.536424907747385, 14.678104700049365, 14.725695950099487, -13.536424907747385, -14.678104700049365, -14.725695950099487,
        8.212686212430459, 5.347515346274148, 8.714326568542475, 5.910160749583796,
    ];
}
