using System;
using System.Globalization;
using System.Linq;
using System.Numerics;
using FluentAssertions;

namespace Activations.Tests.Reference;

/// <summary>
/// Tests of the backward-pass and float parts of the oracle — <see cref="FloatRounding"/>, <see cref="FloatUlp"/>,
/// <see cref="ExactValue"/> and <see cref="ExactBackward"/> — against independent facts: float bit patterns worked
/// out by hand at ties and range boundaries, the hardware's own double → float conversion and IEEE double
/// arithmetic on special operands, products computed separately with mpmath, and hand-derived IEEE special cases.
/// </summary>
[Trait("Isa", "Independent")]
public class BackwardReferenceSelfTests
{
    private static BigFloat D(double x) => BigFloat.FromDouble(x);

    private static BigFloat Pow2(long k) => BigFloat.One.ScaleB(k);

    private static int Bits(float f) => BitConverter.SingleToInt32Bits(f);

    private static long Bits(double d) => BitConverter.DoubleToInt64Bits(d);

    /// <summary>Asserts the float is exactly these bits (sign of zero included).</summary>
    private static void ShouldBeFloatBits(float actual, uint bits, string because) =>
        ((uint)Bits(actual)).Should().Be(bits, $"{because}: got {actual:R}");

    /// <summary>Asserts bitwise equality of doubles (−0 ≠ +0), or both NaN.</summary>
    private static void ShouldBeSameDouble(double actual, double expected, string because)
    {
        if (double.IsNaN(expected))
        {
            double.IsNaN(actual).Should().BeTrue($"{because}: expected NaN, got {actual:R}");
            return;
        }

        Bits(actual).Should().Be(Bits(expected), $"{because}: expected {expected:R}, got {actual:R}");
    }

    /// <summary>
    /// Asserts that an exact value lies within 0.51 units of the last digit of a decimal in scientific notation
    /// ("d.ddd…e±E"): the digits were rounded to that length from a far more precise value, so the true value is
    /// within 0.5 units, and the reference's own error (≲ 2^−245 relative) is far smaller than the 0.01 slack.
    /// Compared exactly, with the decimal scaled to an integer.
    /// </summary>
    private static void ShouldMatchScientific(ExactValue value, string scientific, string because)
    {
        value.Kind.Should().Be(ExactKind.Finite, because);
        int ePos = scientific.IndexOfAny(['e', 'E']);
        int exponent = ePos < 0 ? 0 : int.Parse(scientific[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        string mantissa = ePos < 0 ? scientific : scientific[..ePos];
        bool negative = mantissa.StartsWith('-');
        mantissa = mantissa.TrimStart('-');
        int point = mantissa.IndexOf('.', StringComparison.Ordinal);
        int decimals = point < 0 ? 0 : mantissa.Length - point - 1;
        var n = BigFloat.FromInteger(BigInteger.Parse(mantissa.Replace(".", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture));
        if (negative)
        {
            n = -n;
        }

        // value ≈ n·10^(exponent − decimals); compare value·10^s with n for s = decimals − exponent.
        int s = decimals - exponent;
        BigFloat Pow10(int k) => BigFloat.FromInteger(BigInteger.Pow(10, k));
        BigFloat diff = s >= 0 ? value.Finite * Pow10(s) - n : value.Finite - n * Pow10(-s);
        BigFloat bound = s >= 0 ? BigFloat.FromInteger(51) : BigFloat.FromInteger(51) * Pow10(-s);
        (diff.Abs() * BigFloat.FromInteger(100) <= bound).Should().BeTrue($"{because}: {value} should match {scientific}");
    }

    // ------------------------------------------------------------------ float rounding: hand-derived bit patterns

    [Fact]
    public void ToSingle_rounds_half_to_even_at_exact_ties()
    {
        // Floats near 1 are spaced 2^-23: 1 + 2^-24 is the midpoint of 1 (even) and 1 + 2^-23 (odd).
        ShouldBeFloatBits(FloatRounding.ToSingle(BigFloat.One + Pow2(-24)), 0x3F80_0000, "1 + 2^-24 → 1");
        ShouldBeFloatBits(FloatRounding.ToSingle(BigFloat.One + Pow2(-24) * BigFloat.FromInteger(3)), 0x3F80_0002, "1 + 3·2^-24 → even upper");
        ShouldBeFloatBits(FloatRounding.ToSingle(BigFloat.One + Pow2(-24) + Pow2(-300)), 0x3F80_0001, "just above the tie");
        ShouldBeFloatBits(FloatRounding.ToSingle(BigFloat.One + Pow2(-24) - Pow2(-300)), 0x3F80_0000, "just below the tie");
        ShouldBeFloatBits(FloatRounding.ToSingle(-(BigFloat.One + Pow2(-24))), 0xBF80_0000, "−(1 + 2^-24) → −1");
        ShouldBeFloatBits(FloatRounding.ToSingle(-(BigFloat.One + Pow2(-24) * BigFloat.FromInteger(3))), 0xBF80_0002, "negative tie");
        // A tie of floats that is NOT a double tie in disguise: 1 + 2^-24 + 2^-80 would round to the double 1 + 2^-24
        // (itself a float tie) and then to 1 by double rounding; correct rounding gives 1 + 2^-23.
        (BigFloat.One + Pow2(-24) + Pow2(-80)).ToDouble().Should().Be(1 + Math.Pow(2, -24));
        ShouldBeFloatBits(FloatRounding.ToSingle(BigFloat.One + Pow2(-24) + Pow2(-80)), 0x3F80_0001, "no double rounding");
        // Rounding up across a binade: 2 − 2^-24 is the midpoint of 2 − 2^-23 (odd significand) and 2 → 2.
        ShouldBeFloatBits(FloatRounding.ToSingle(BigFloat.Two - Pow2(-24)), 0x4000_0000, "carry into the next binade");
        ShouldBeFloatBits(FloatRounding.ToSingle(D(0.1)), 0x3DCC_CCCD, "0.1 → 0.1f");
        ShouldBeFloatBits(FloatRounding.ToSingle(D(16777217)), 0x4B80_0000, "2^24 + 1 → 2^24 (even)");
        ShouldBeFloatBits(FloatRounding.ToSingle(D(16777219)), 0x4B80_0002, "2^24 + 3 → 2^24 + 4 (even)");
    }

    [Fact]
    public void ToSingle_overflows_exactly_at_the_float_threshold()
    {
        // float.MaxValue = 2^128 − 2^104 has an odd significand, so the midpoint 2^128 − 2^103 (the double
        // 3.4028235677973366e38) rounds to "2^128", i.e. +∞; anything below it rounds to MaxValue.
        BigFloat midpoint = Pow2(128) - Pow2(103);
        D(3.4028235677973366e38).Should().Be(midpoint);
        D(float.MaxValue).Should().Be(Pow2(128) - Pow2(104));
        ShouldBeFloatBits(FloatRounding.ToSingle(midpoint), 0x7F80_0000, "the midpoint is a tie → ∞");
        ShouldBeFloatBits(FloatRounding.ToSingle(-midpoint), 0xFF80_0000, "−midpoint → −∞");
        ShouldBeFloatBits(FloatRounding.ToSingle(midpoint - Pow2(-500)), 0x7F7F_FFFF, "just below the midpoint → MaxValue");
        ShouldBeFloatBits(FloatRounding.ToSingle(midpoint + Pow2(-500)), 0x7F80_0000, "above → ∞");
        ShouldBeFloatBits(FloatRounding.ToSingle(D(float.MaxValue)), 0x7F7F_FFFF, "MaxValue itself");
        ShouldBeFloatBits(FloatRounding.ToSingle(Pow2(128)), 0x7F80_0000, "2^128");
        ShouldBeFloatBits(FloatRounding.ToSingle(Pow2(100_000)), 0x7F80_0000, "huge");
        ShouldBeFloatBits(FloatRounding.ToSingle(-Pow2(100_000)), 0xFF80_0000, "−huge");
        // The hardware agrees at the double midpoint and just below it.
        ShouldBeFloatBits((float)3.4028235677973366e38, 0x7F80_0000, "hardware conversion of the midpoint");
        ShouldBeFloatBits((float)Math.BitDecrement(3.4028235677973366e38), 0x7F7F_FFFF, "hardware, just below");
    }

    [Fact]
    public void ToSingle_handles_subnormals_and_signed_zero()
    {
        ShouldBeFloatBits(FloatRounding.ToSingle(Pow2(-149)), 0x0000_0001, "2^-149 = 1.4e-45, the smallest subnormal");
        BitConverter.Int32BitsToSingle(1).Should().Be(float.Epsilon);
        ShouldBeFloatBits(FloatRounding.ToSingle(Pow2(-150)), 0x0000_0000, "half of it: a tie → 0 (even)");
        ShouldBeFloatBits(FloatRounding.ToSingle(Pow2(-150) + Pow2(-400)), 0x0000_0001, "just above half → ε");
        ShouldBeFloatBits(FloatRounding.ToSingle(Pow2(-150) * BigFloat.FromInteger(3)), 0x0000_0002, "1.5ε: tie 1|2 → 2");
        ShouldBeFloatBits(FloatRounding.ToSingle(-Pow2(-150)), 0x8000_0000, "−ε/2 → −0");
        ShouldBeFloatBits(FloatRounding.ToSingle(-Pow2(-151)), 0x8000_0000, "−ε/4 → −0");
        ShouldBeFloatBits(FloatRounding.ToSingle(-Pow2(-100_000)), 0x8000_0000, "−tiny → −0");
        ShouldBeFloatBits(FloatRounding.ToSingle(BigFloat.Zero), 0x0000_0000, "an exact zero → +0");
        ShouldBeFloatBits(FloatRounding.ToSingle(D(1e-45)), 0x0000_0001, "1e-45 → ε");
        // The largest subnormal (2^-126 − 2^-149, odd) and the smallest normal 2^-126: their midpoint → normal.
        ShouldBeFloatBits(FloatRounding.ToSingle(Pow2(-126) - Pow2(-150)), 0x0080_0000, "midpoint → smallest normal");
        ShouldBeFloatBits(FloatRounding.ToSingle(Pow2(-126) - Pow2(-150) - Pow2(-300)), 0x007F_FFFF, "below → largest subnormal");
        ShouldBeFloatBits(FloatRounding.ToSingle(Pow2(-140) * BigFloat.FromInteger(5) + Pow2(-150)), 0x0000_0A00, "subnormal tie to even");
        ShouldBeFloatBits(FloatRounding.ToSingle(D(-3 * (double)float.Epsilon)), 0x8000_0003, "−3ε");
    }

    [Fact]
    public void ToSingle_agrees_with_the_hardware_double_to_float_conversion()
    {
        // (float)d is IEEE's correctly rounded narrowing. Doubles are drawn with exponents spanning the float range
        // and beyond, plus exact float midpoints (ties) of random floats, normal and subnormal.
        var rng = new Random(31);
        for (int i = 0; i < 40_000; i++)
        {
            double d;
            if (i % 2 == 0)
            {
                long exponentField = rng.Next(1023 - 160, 1023 + 132);
                d = BitConverter.Int64BitsToDouble((exponentField << 52) | rng.NextInt64(0, 1L << 52));
            }
            else
            {
                float f = BitConverter.Int32BitsToSingle(rng.Next(0, 0x7F7F_FFFF));
                d = ((double)f + MathF.BitIncrement(f)) / 2;   // exact in double: the midpoint of two floats
            }

            if (rng.Next(2) == 0)
            {
                d = -d;
            }

            ShouldBeFloatBits(FloatRounding.ToSingle(D(d)), (uint)Bits((float)d), $"(float){d:R}");
        }
    }

    [Fact]
    public void FloatUlp_error_cases()
    {
        FloatUlp.Error(1f, BigFloat.One).Should().Be(0);
        FloatUlp.Error(MathF.BitIncrement(1f), BigFloat.One).Should().Be(1);
        FloatUlp.Error(MathF.BitDecrement(1f), BigFloat.One).Should().Be(0.5);   // ulp of the exact value's binade
        FloatUlp.Error(MathF.BitIncrement(1f), BigFloat.One + Pow2(-24)).Should().Be(0.5);
        FloatUlp.Error(1f, BigFloat.One + Pow2(-24) + Pow2(-43)).Should().Be(0.5 + Math.Pow(2, -20));
        FloatUlp.Error(1f, D(0.1)).Should().BeGreaterThan(1e6);
        FloatUlp.Error(0.1f, D(0.1)).Should().BeLessThan(0.5);
        FloatUlp.Error(float.NaN, BigFloat.One).Should().Be(double.PositiveInfinity);
        FloatUlp.Error(float.PositiveInfinity, D(float.MaxValue)).Should().Be(double.PositiveInfinity);
        FloatUlp.Error(float.PositiveInfinity, Pow2(128) - Pow2(103)).Should().Be(0);
        FloatUlp.Error(float.MaxValue, Pow2(128) - Pow2(103)).Should().Be(double.PositiveInfinity);
        FloatUlp.Error(float.NegativeInfinity, -Pow2(5000)).Should().Be(0);
        FloatUlp.Error(0f, Pow2(-151)).Should().Be(0);
        FloatUlp.Error(float.Epsilon, BigFloat.Zero).Should().Be(1);
        FloatUlp.Error(float.Epsilon, Pow2(-151)).Should().Be(0.75);            // subnormal spacing 2^-149
        FloatUlp.Error(0f, D(3 * (double)float.Epsilon)).Should().Be(3);
        FloatUlp.Error(1e-30f, D(1e-30)).Should().BeLessThanOrEqualTo(0.5);
    }

    // ------------------------------------------------------------------ ExactValue: IEEE rules against the hardware

    [Fact]
    public void ExactValue_arithmetic_matches_IEEE_double_arithmetic_on_special_and_exact_operands()
    {
        // On these operands every IEEE double result is exact (or special), so the hardware's answer, sign of zero
        // included, is the exact IEEE answer the ExactValue operators must give.
        double[] operands =
        [
            double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 0.75, -3.0,
            5e-324, -5e-324,
        ];
        foreach (double a in operands)
        {
            ExactValue ea = ExactValue.FromDouble(a);
            ShouldBeSameDouble(ea.ToDouble(), a, $"round trip {a}");
            ShouldBeSameDouble((-ea).ToDouble(), -a, $"−{a}");
            foreach (double b in operands)
            {
                ExactValue eb = ExactValue.FromDouble(b);
                ShouldBeSameDouble((ea * eb).ToDouble(), a * b, $"{a:R} × {b:R}");
                ShouldBeSameDouble((ea + eb).ToDouble(), a + b, $"{a:R} + {b:R}");
                ShouldBeSameDouble((ea - eb).ToDouble(), a - b, $"{a:R} − {b:R}");
                ShouldBeSameDouble((ea * eb).ToSingle(), (float)(a * b), $"float {a:R} × {b:R}");
            }
        }

        // Exact products beyond the double range keep their exact value, and round (once) only at the end.
        ExactValue big = ExactValue.FromDouble(1e300) * ExactValue.FromDouble(1e300);
        big.Kind.Should().Be(ExactKind.Finite);
        big.ToDouble().Should().Be(double.PositiveInfinity);
        Ulp.Error(1e300, (big * ExactValue.FromDouble(1e-300)).Finite).Should().BeLessThan(1);
        (ExactValue.FromDouble(5e-324) * ExactValue.FromDouble(-0.25)).ToDouble().Should().Be(-0.0);
        double.IsNegative((ExactValue.FromDouble(5e-324) * ExactValue.FromDouble(-0.25)).ToDouble()).Should().BeTrue();
    }

    [Fact]
    public void ExactValue_errors_require_the_exact_sign_and_kind()
    {
        ExactValue.NaN.ErrorOf(double.NaN).Should().Be(0);
        ExactValue.NaN.ErrorOf(1.0).Should().Be(double.PositiveInfinity);
        ExactValue.One.ErrorOf(double.NaN).Should().Be(double.PositiveInfinity);
        ExactValue.PositiveInfinity.ErrorOf(double.PositiveInfinity).Should().Be(0);
        ExactValue.PositiveInfinity.ErrorOf(double.MaxValue).Should().Be(double.PositiveInfinity);
        ExactValue.NegativeInfinity.ErrorOf(double.PositiveInfinity).Should().Be(double.PositiveInfinity);
        ExactValue.NegativeZero.ErrorOf(-0.0).Should().Be(0);
        ExactValue.NegativeZero.ErrorOf(0.0).Should().Be(double.PositiveInfinity);
        ExactValue.PositiveZero.ErrorOf(-0.0).Should().Be(double.PositiveInfinity);
        ExactValue.PositiveZero.ErrorOf(5e-324).Should().Be(1);
        ExactValue.Of(Pow2(-1080)).ErrorOf(0.0).Should().Be(0);
        ExactValue.Of(Pow2(-1080)).ErrorOf(-0.0).Should().Be(double.PositiveInfinity);
        ExactValue.Of(-Pow2(-1080)).ErrorOf(-5e-324).Should().BeApproximately(1 - Math.Pow(2, -6), 1e-15);
        ExactValue.Of(Pow2(1100)).ErrorOf(double.PositiveInfinity).Should().Be(0);
        ExactValue.One.ErrorOf(1 + Math.Pow(2, -52)).Should().Be(1);
        ExactValue.NegativeZero.ErrorOf(-0f).Should().Be(0);
        ExactValue.NegativeZero.ErrorOf(0f).Should().Be(double.PositiveInfinity);
        ExactValue.Of(Pow2(-151)).ErrorOf(0f).Should().Be(0);
        ExactValue.Of(Pow2(-151)).ErrorOf(-0f).Should().Be(double.PositiveInfinity);
        ExactValue.One.ErrorOf(MathF.BitIncrement(1f)).Should().Be(1);
        ExactValue.NaN.ErrorOf(float.NaN).Should().Be(0);
        ExactValue.PositiveInfinity.ErrorOf(float.PositiveInfinity).Should().Be(0);
        ExactValue.PositiveInfinity.ErrorOf(float.MaxValue).Should().Be(double.PositiveInfinity);
    }

    // ------------------------------------------------------------------ backward products against mpmath

    /// <summary>
    /// dy·f′(x) at double x and dy. Digits and doubles came from mpmath at 50 significant digits (with dy and x
    /// entered as the exact doubles, λα as the exact product of the two decimals), rounded to 30 digits; the double
    /// is the correct rounding of the 50-digit value, done in exact rational arithmetic.
    /// </summary>
    public static TheoryData<string, double, double, string, double> DoubleProducts() => new()
    {
        { "Sigmoid", -800, 1e300, "3.66787458417768740603637134267e-48", 3.667874584177687e-48 },
        { "Sigmoid", -745, 1, "2.82235073047193707635344008206e-324", 5e-324 },
        { "Exponential", 1000, 1e-300, "1.97007111401704704325707232029e+134", 1.970071114017047e+134 },
        { "Exponential", -800, 1e300, "3.66787458417768740603637134267e-48", 3.667874584177687e-48 },
        { "ELU(MaxValue)", -700, 0.5, "8.86233641733997228771405179378e+3", 8862.336417339973 },
        { "ELU(MaxValue)", -1000, 1e300, "9.12501646296794742275840245386e+173", 9.125016462967948e+173 },
        { "ELU(MaxValue)", -1e-300, 2, "3.59538626972463141629054847463e+308", double.PositiveInfinity },
        { "ELU(MaxValue)", -750, -1e-10, "-3.41864600350991279828257057098e-28", -3.4186460035099127e-28 },
        { "Tanh", -400, 1e300, "1.46714983367107496241454853707e-47", 1.467149833671075e-47 },
        { "SoftPlus", -745, 1e300, "2.82235073047193722454028854159e-24", 2.8223507304719374e-24 },
        { "SELU", -20, -3, "-1.08711384749832347770054293795e-8", -1.0871138474983234e-08 },
        { "SELU", 5, 0.1, "1.05070098735548055174495639322e-1", 0.10507009873554805 },
        { "HardSigmoid", 1, 0.1, "2.00000000000000011102230246252e-2", 0.02 },
    };

    [Theory]
    [MemberData(nameof(DoubleProducts))]
    public void Backward_products_match_mpmath(string activation, double x, double dy, string digits, double rounded)
    {
        ExactValue exact = ExactBackward.ExpectedBackward(ActivationFunction.Parse(activation.Replace("MaxValue", "alpha=1.7976931348623157e308", StringComparison.Ordinal)), x, dy);
        ShouldMatchScientific(exact, digits, $"{activation} at x = {x:R}, dy = {dy:R}");
        ShouldBeSameDouble(exact.ToDouble(), rounded, "correctly rounded");
        exact.ErrorOf(rounded).Should().BeLessThanOrEqualTo(0.5);
    }

    /// <summary>
    /// The float versions, dy·f′(x) at float x and dy (double parameters), from mpmath at 50 digits as above; the
    /// float bit patterns are the correct rounding of the 50-digit value, done in exact rational arithmetic.
    /// </summary>
    public static TheoryData<string, float, float, string, uint> FloatProducts() => new()
    {
        { "Sigmoid", -100f, 1f, "3.72007597602083596295969580386e-44", 0x0000001B },
        { "Sigmoid", -100f, 1e30f, "3.72007603199855354750802814472e-14", 0x2927898E },
        { "Sigmoid", 0.1f, -0.7f, "-1.74563225149235172841543341604e-1", 0xBE32C0B4 },
        { "Exponential", 100f, 1e-20f, "2.68811705651014259864329061764e+23", 0x6663B13F },
        { "Exponential", 89f, 1f, "4.48961281917434524628424557965e+38", 0x7F800000 },
        { "Tanh", 0.5f, 3f, "2.35934319889778223044909680303", 0x4016FF7B },
        { "ELU(alpha=0.5)", -2f, 1e-3f, "6.76676448323468586630468810819e-5", 0x388DE8CA },
        { "SELU", -1f, 2f, "1.29353720606962819628315371677", 0x3FA592A1 },
        { "SoftPlus", -90f, 1f, "8.19401262399051543036110821338e-40", 0x0008EC28 },
    };

    [Theory]
    [MemberData(nameof(FloatProducts))]
    public void Float_backward_products_match_mpmath(string activation, float x, float dy, string digits, uint bits)
    {
        ExactValue exact = ExactBackward.ExpectedBackward(ActivationFunction.Parse(activation), x, dy);
        ShouldMatchScientific(exact, digits, $"{activation} at x = {x:R}f, dy = {dy:R}f");
        ShouldBeFloatBits(exact.ToSingle(), bits, "correctly rounded to float");
        exact.ErrorOf(BitConverter.Int32BitsToSingle((int)bits)).Should().BeLessThanOrEqualTo(0.5);
        if (float.IsFinite(exact.ToSingle()))
        {
            exact.ErrorOf(MathF.BitIncrement(BitConverter.Int32BitsToSingle((int)bits))).Should().BeGreaterThan(0.5 + Math.Pow(2, -20));
        }
    }

    // ------------------------------------------------------------------ backward: the IEEE special-value table

    private const double Inf = double.PositiveInfinity;
    private const double NaN = double.NaN;

    /// <summary>
    /// (activation, x, dy, expected double), worked out by hand from the rules: NaN in → NaN; dy = ±∞ → ±∞ when
    /// f′(x) ≠ 0 exactly (also where f′ underflows, e.g. σ′(−800)), NaN where f′(x) is exactly 0 (including the limits
    /// f′(±∞) = 0); f′ = ∞ (e^x at +∞) with dy = ±0 → NaN; a zero result has the sign of the product.
    /// </summary>
    public static TheoryData<string, double, double, double> SpecialBackward() => new()
    {
        { "ReLU", NaN, 1, NaN }, { "ReLU", 1, NaN, NaN }, { "ReLU", -1, Inf, NaN }, { "ReLU", 0, Inf, NaN },
        { "ReLU", -0.0, -Inf, NaN }, { "ReLU", -Inf, Inf, NaN }, { "ReLU", 5e-324, Inf, Inf }, { "ReLU", 1, -Inf, -Inf },
        { "ReLU", Inf, Inf, Inf }, { "ReLU", -Inf, 1, 0.0 }, { "ReLU", -1, -1, -0.0 }, { "ReLU", Inf, -0.0, -0.0 },
        { "LeakyReLU(alpha=0)", -1, Inf, NaN }, { "LeakyReLU(alpha=0)", -Inf, -Inf, NaN }, { "LeakyReLU(alpha=0)", 2, -Inf, -Inf },
        { "LeakyReLU(alpha=0)", -1, -2, -0.0 }, { "LeakyReLU(alpha=0.01)", -1, -Inf, -Inf }, { "LeakyReLU(alpha=0.01)", -Inf, Inf, Inf },
        { "LeakyReLU(alpha=0.01)", -Inf, 3, 3 * 0.01 }, { "LeakyReLU(alpha=-0.5)", -Inf, Inf, -Inf }, { "LeakyReLU(alpha=-0)", -1, 1, -0.0 },
        { "HardSigmoid", 2.5, Inf, Inf }, { "HardSigmoid", -2.5, -Inf, -Inf }, { "HardSigmoid", 2.5000000000000004, Inf, NaN },
        { "HardSigmoid", -2.5000000000000004, Inf, NaN }, { "HardSigmoid", Inf, 1, 0.0 }, { "HardSigmoid", -Inf, Inf, NaN },
        { "HardSigmoid", 3, -1, -0.0 }, { "HardSigmoid", 0, 5, 1 }, { "HardSigmoid", NaN, 0, NaN },
        { "Affine(slope=0, intercept=3)", 1, Inf, NaN }, { "Affine(slope=0, intercept=3)", Inf, 1, 0.0 },
        { "Affine(slope=0, intercept=3)", 1, -2, -0.0 }, { "Affine(slope=-0, intercept=1)", 1, 2, -0.0 },
        { "Affine(slope=-2, intercept=1)", Inf, Inf, -Inf }, { "Affine(slope=-2, intercept=1)", -Inf, 1e308, -Inf },
        { "Affine(slope=-2, intercept=1)", 7, 3, -6 },
        { "Identity", Inf, -Inf, -Inf }, { "Identity", -Inf, Inf, Inf }, { "Identity", NaN, 1, NaN }, { "Identity", 1, -0.0, -0.0 },
        { "Sigmoid", Inf, 1, 0.0 }, { "Sigmoid", Inf, Inf, NaN }, { "Sigmoid", -Inf, -Inf, NaN }, { "Sigmoid", -Inf, -1, -0.0 },
        { "Sigmoid", -800, Inf, Inf }, { "Sigmoid", 1e308, -Inf, -Inf }, { "Sigmoid", -800, 1, 0.0 }, { "Sigmoid", -800, -1, -0.0 },
        { "Sigmoid", 0, 4, 1 }, { "Sigmoid", 0, -0.0, -0.0 },
        { "Tanh", Inf, Inf, NaN }, { "Tanh", -Inf, 1, 0.0 }, { "Tanh", 400, -Inf, -Inf }, { "Tanh", 1e308, 1, 0.0 },
        { "Tanh", -1e308, -1, -0.0 }, { "Tanh", 0, -3, -3 }, { "Tanh", 0, Inf, Inf },
        { "Exponential", Inf, 0.0, NaN }, { "Exponential", Inf, -0.0, NaN }, { "Exponential", Inf, -1e-300, -Inf },
        { "Exponential", Inf, Inf, Inf }, { "Exponential", -Inf, Inf, NaN }, { "Exponential", -Inf, -2, -0.0 },
        { "Exponential", -1e308, Inf, Inf }, { "Exponential", 1000, 0.0, 0.0 }, { "Exponential", 1000, -0.0, -0.0 },
        { "Exponential", 710, 1, Inf }, { "Exponential", -1e308, -1, -0.0 }, { "Exponential", 0, -0.5, -0.5 },
        { "ELU(alpha=1)", -Inf, Inf, NaN }, { "ELU(alpha=1)", -1e308, -Inf, -Inf }, { "ELU(alpha=1)", Inf, -Inf, -Inf },
        { "ELU(alpha=1)", 0, Inf, Inf }, { "ELU(alpha=1)", -0.0, 3, 3 }, { "ELU(alpha=1)", Inf, 2, 2 }, { "ELU(alpha=1)", -Inf, 2, 0.0 },
        { "ELU(alpha=0)", -1, Inf, NaN }, { "ELU(alpha=0)", 1, Inf, Inf }, { "ELU(alpha=0)", -1, -1, -0.0 },
        { "ELU(alpha=-2)", -Inf, 1, -0.0 }, { "ELU(alpha=-2)", -1, Inf, -Inf }, { "ELU(alpha=-2)", 0, 1, -2 },
        { "SELU", Inf, -Inf, -Inf }, { "SELU", Inf, 1, 1.0507009873554805 }, { "SELU", -Inf, Inf, NaN }, { "SELU", -Inf, -1, -0.0 },
        { "SELU", -1e308, Inf, Inf }, { "SELU", 0, 1, 1.7580993408473768 }, { "SELU", -0.0, -1, -1.7580993408473768 },
        { "SoftPlus", Inf, 3, 3 }, { "SoftPlus", Inf, -Inf, -Inf }, { "SoftPlus", -Inf, Inf, NaN }, { "SoftPlus", -1e308, Inf, Inf },
        { "SoftPlus", -Inf, -2, -0.0 }, { "SoftPlus", 0, 3, 1.5 }, { "SoftPlus", 1e308, 1, 1 },
    };

    [Theory]
    [MemberData(nameof(SpecialBackward))]
    public void Backward_special_values(string activation, double x, double dy, double expected)
    {
        ExactValue exact = ExactBackward.ExpectedBackward(ActivationFunction.Parse(activation), x, dy);
        ShouldBeSameDouble(exact.ToDouble(), expected, $"{activation}.Backward({x:R}, {dy:R})");
        exact.ErrorOf(expected).Should().Be(0);
        // The float versions follow the same rules, checked where x and dy are floats exactly (1e308, 5e-324 are not).
        if ((double)(float)x == x || double.IsNaN(x))
        {
            if ((double)(float)dy == dy || double.IsNaN(dy))
            {
                ShouldBeSameDouble(ExactBackward.ExpectedBackward(ActivationFunction.Parse(activation), (float)x, (float)dy).ToSingle(), (float)expected, "float");
            }
        }
    }

    // ------------------------------------------------------------------ from the output

    /// <summary>
    /// (activation, y, dy, expected double). Finite cases: exact rational arithmetic on the exact doubles (λα as the
    /// exact product of the decimals), rounded once — done separately in Python's fractions; the specials by hand
    /// from the IEEE rules on the formula (y = +∞ in y(1 − y) is ∞·(−∞) = −∞; 1 − 1 = +0).
    /// </summary>
    public static TheoryData<string, double, double, double> FromOutput() => new()
    {
        { "Sigmoid", 0.25, 2, 0.375 }, { "Sigmoid", 0.1, 3, 0.27 }, { "Sigmoid", Inf, 1, -Inf }, { "Sigmoid", Inf, -1, Inf },
        { "Sigmoid", -Inf, 1, -Inf }, { "Sigmoid", 1, Inf, NaN }, { "Sigmoid", 0, Inf, NaN }, { "Sigmoid", -0.0, 1, -0.0 },
        { "Sigmoid", -0.0, -1, 0.0 }, { "Sigmoid", 1, -1, -0.0 }, { "Sigmoid", 3, 1e308, -Inf }, { "Sigmoid", NaN, 1, NaN },
        { "Sigmoid", 0.5, NaN, NaN }, { "Sigmoid", 0.5, -Inf, -Inf },
        { "Tanh", Inf, 2, -Inf }, { "Tanh", -Inf, 2, -Inf }, { "Tanh", 1, Inf, NaN }, { "Tanh", -1, -Inf, NaN },
        { "Tanh", 2, 1, -3 }, { "Tanh", 0.5, 3, 2.25 }, { "Tanh", -0.0, 1, 1 }, { "Tanh", 0.1, 1, 0.99 }, { "Tanh", 1, -2, -0.0 },
        { "Exponential", Inf, 0.0, NaN }, { "Exponential", -Inf, 1, -Inf }, { "Exponential", -0.0, 5, -0.0 },
        { "Exponential", 0, Inf, NaN }, { "Exponential", 2, Inf, Inf }, { "Exponential", 1e300, 1e300, Inf }, { "Exponential", 3, 0.5, 1.5 },
        { "ReLU", 0, Inf, NaN }, { "ReLU", -Inf, 1, 0.0 }, { "ReLU", -1, -1, -0.0 }, { "ReLU", Inf, -3, -3 }, { "ReLU", 5e-324, Inf, Inf },
        { "LeakyReLU(alpha=0.01)", -1, 2, 2 * 0.01 }, { "LeakyReLU(alpha=0.01)", 0, Inf, Inf }, { "LeakyReLU(alpha=0.01)", Inf, 1, 1 },
        { "LeakyReLU(alpha=0.01)", -0.0, -0.0, -0.0 },
        { "ELU(alpha=1)", -1, Inf, NaN }, { "ELU(alpha=1)", -1, -1, -0.0 }, { "ELU(alpha=1)", -0.5, 2, 1 }, { "ELU(alpha=1)", -Inf, 1, -Inf },
        { "ELU(alpha=1)", -3, 1, -2 }, { "ELU(alpha=1)", -0.3, 0.7, 0.49 }, { "ELU(alpha=1)", Inf, 2, 2 }, { "ELU(alpha=1)", -0.0, 1, 1 },
        { "SELU", Inf, 1, 1.0507009873554805 }, { "SELU", -Inf, 1, -Inf }, { "SELU", -1.5, 2, 0.5161986816947537 },
        { "SELU", -1.7580993408473768, 1e20, 1415.3519380084497 }, { "SELU", -1.7580993408473768, -Inf, -Inf },
        { "SELU", 0, 1, 1.7580993408473768 },
        { "Identity", NaN, 1, NaN }, { "Identity", Inf, -0.0, -0.0 }, { "Identity", -Inf, Inf, Inf },
        { "Affine(slope=-2, intercept=5)", 3, Inf, -Inf }, { "Affine(slope=-2, intercept=5)", NaN, 1, NaN },
        { "Affine(slope=-2, intercept=5)", 1, -0.0, 0.0 }, { "Affine(slope=-2, intercept=5)", 1e300, 1e10, -2e10 },
    };

    [Theory]
    [MemberData(nameof(FromOutput))]
    public void BackwardFromOutput_examples(string activation, double y, double dy, double expected)
    {
        ExactValue exact = ExactBackward.ExpectedBackwardFromOutput(ActivationFunction.Parse(activation), y, dy);
        ShouldBeSameDouble(exact.ToDouble(), expected, $"{activation}.BackwardFromOutput({y:R}, {dy:R})");
    }

    [Fact]
    public void BackwardFromOutput_exact_values_and_float_roundings()
    {
        // Digits: exact rational arithmetic in Python's fractions (the tail of 1e20·(λα − double(λα)) shows that
        // λα is the exact decimal product, not a double); float bits: correct rounding of those rationals.
        ShouldMatchScientific(
            ExactBackward.ExpectedBackwardFromOutput(new SELU(), -1.7580993408473768, 1e20),
            "1.41535193800844976045323985189e+3",
            "1e20·(y + λα)");
        ShouldMatchScientific(ExactBackward.ExpectedBackwardFromOutput(new SELU(), -1.5, 2.0), "5.16198681694753719880435041625e-1", "2(λα − 1.5)");
        ShouldMatchScientific(ExactBackward.ExpectedBackwardFromOutput(new Tanh(), 0.1, 1.0), "9.89999999999999998889776975375e-1", "1 − 0.1²");

        ExactValue sigmoid = ExactBackward.ExpectedBackwardFromOutput(new Sigmoid(), 0.1f, 1f);
        ShouldMatchScientific(sigmoid, "9.00000011920928932873664507497e-2", "0.1f·(1 − 0.1f)");
        ShouldBeFloatBits(sigmoid.ToSingle(), 0x3DB851EC, "float");
        ExactValue tanh = ExactBackward.ExpectedBackwardFromOutput(new Tanh(), 0.3f, 7f);
        ShouldMatchScientific(tanh, "6.36999994993209739391204493586", "7(1 − 0.3f²)");
        ShouldBeFloatBits(tanh.ToSingle(), 0x40CBD70A, "float");
        ExactValue elu = ExactBackward.ExpectedBackwardFromOutput(new ELU(0.5), -0.2f, 1.5f);
        ShouldMatchScientific(elu, "4.49999995529651641845703125e-1", "1.5(−0.2f + 0.5)");
        ShouldBeFloatBits(elu.ToSingle(), 0x3EE66666, "float");
        ExactValue selu = ExactBackward.ExpectedBackwardFromOutput(new SELU(), -1f, 1f);
        ShouldMatchScientific(selu, "7.58099340847376859940217520812e-1", "λα − 1");
        ShouldBeFloatBits(selu.ToSingle(), 0x3F4212CC, "float");
        ShouldBeFloatBits(ExactBackward.ExpectedBackwardFromOutput(new Sigmoid(), float.PositiveInfinity, 1f).ToSingle(), 0xFF80_0000, "−∞");
        ShouldBeFloatBits(ExactBackward.ExpectedBackwardFromOutput(new ReLU(), -1f, -1f).ToSingle(), 0x8000_0000, "−0");
        ShouldBeFloatBits(ExactBackward.ExpectedBackwardFromOutput(new Exponential(), 1e30f, 1e30f).ToSingle(), 0x7F80_0000, "float overflow");
    }

    [Fact]
    public void BackwardFromOutput_declines_where_the_output_does_not_determine_the_derivative()
    {
        foreach (string name in new[] { "HardSigmoid", "SoftPlus", "ELU(alpha=0)", "ELU(alpha=-1)", "LeakyReLU(alpha=0)", "LeakyReLU(alpha=-0.2)", "Affine(slope=0, intercept=1)" })
        {
            Action act = () => ExactBackward.OutputDerivative(ActivationFunction.Parse(name), 0.5);
            act.Should().Throw<NotSupportedException>(name);
        }
    }

    // ------------------------------------------------------------------ the two dispatches agree

    [Fact]
    public void Derivative_agrees_with_the_order_one_reference_at_finite_points()
    {
        // Derivative decides the kind (zero / finite) from the definition and Exact dispatches to ExactActivations;
        // they are written separately, so agreement checks both dispatches and the zero decisions.
        // Every catalogue instance, and parameters where the factor is an exact zero or negative.
        string[] names =
        [
            .. AllActivations.Instances.Select(f => f.ToString()),
            "Affine(slope=0, intercept=1)", "ELU(alpha=0)", "ELU(alpha=-3)", "LeakyReLU(alpha=-0.2)",
        ];
        double[] xs = [-1e308, -800, -3, -2.5000000000000004, -2.5, -1, -1e-300, -5e-324, -0.0, 0, 5e-324, 0.5, 2.5, 2.5000000000000004, 40, 800, 1e308];
        foreach (string name in names)
        {
            ActivationFunction f = ActivationFunction.Parse(name);
            foreach (double x in xs)
            {
                ExactValue derivative = ExactBackward.Derivative(f, x);
                BigFloat reference = ExactBackward.Exact(f, x, 1);
                if (reference.IsZero)
                {
                    derivative.IsZero.Should().BeTrue($"{name}′({x:R}) is exactly 0");
                }
                else
                {
                    derivative.Kind.Should().Be(ExactKind.Finite, $"{name}′({x:R})");
                    derivative.Finite.Should().Be(reference, $"{name}′({x:R})");
                }
            }
        }

        ExactBackward.Exact(new ELU(0.5), -1, 0).Should().Be(ExactActivations.ELU(0.5, -1, 0));
        ExactBackward.Exact(new Affine(3, -1), 1.0 / 3, 0).Should().Be(-Pow2(-54));
        FloatRounding.ToSingle(ExactBackward.Exact(new Sigmoid(), 0f, 0)).Should().Be(0.5f);
    }
}
