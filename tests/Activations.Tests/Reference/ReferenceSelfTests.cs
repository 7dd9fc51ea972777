using System;
using System.Globalization;
using System.Numerics;
using FluentAssertions;

namespace Activations.Tests.Reference;

/// <summary>
/// Tests of the test oracle: <see cref="BigFloat"/>, <see cref="ExactActivations"/> and <see cref="Ulp"/> are
/// checked against independent facts (published digits, the platform libm, exact binary arithmetic, closed forms,
/// Taylor polynomials in exact rational arithmetic), never against themselves.
/// </summary>
[Trait("Isa", "Independent")]
public class ReferenceSelfTests
{
    private const string EDigits = "2.71828182845904523536028747135266249775724709369995957496696762772407663";
    private const string Ln2Digits = "0.693147180559945309417232121458176568075500134360255254120680009493393621";
    private const string Tanh1Digits = "0.761594155955764888119458282604793590412768597257936551596810500121953244";

    private static BigFloat D(double x) => BigFloat.FromDouble(x);

    private static BigFloat Pow2(long k) => BigFloat.One.ScaleB(k);

    /// <summary>
    /// Asserts |value − decimal| ≤ 1.5 units of the decimal's last digit (the published digits are truncated or
    /// rounded, so the true value is within 1 unit), compared exactly via value·10^k − N.
    /// </summary>
    private static void ShouldMatchDecimal(BigFloat value, string digits)
    {
        int point = digits.IndexOf('.', StringComparison.Ordinal);
        int k = digits.Length - point - 1;
        k.Should().BeGreaterThanOrEqualTo(60);
        BigInteger n = BigInteger.Parse(digits.Remove(point, 1), CultureInfo.InvariantCulture);
        BigFloat diff = value * BigFloat.FromInteger(BigInteger.Pow(10, k)) - BigFloat.FromInteger(n);
        (diff.Abs() <= new BigFloat(3, -1)).Should().BeTrue($"{value} should match {digits} (scaled diff {diff})");
    }

    /// <summary>Asserts |a − b| ≤ 2^-bits·|b|, exactly.</summary>
    private static void ShouldBeRelativelyClose(BigFloat a, BigFloat b, int bits, string because)
    {
        ((a - b).Abs().ScaleB(bits) <= b.Abs()).Should().BeTrue($"{because}: {a} vs {b}");
    }

    // ------------------------------------------------------------------ published digits

    [Fact]
    public void Exp_of_one_matches_published_digits_of_e()
    {
        ShouldMatchDecimal(BigFloat.Exp(BigFloat.One), EDigits);
        ShouldMatchDecimal(BigFloat.ExpM1(BigFloat.One) + BigFloat.One, EDigits);
        ShouldMatchDecimal(ExactActivations.Exponential(1.0, 2), EDigits);
        // e^-1 · e = 1 is not independent, but e^(1/2)² = e through the reduced path is a different code path:
        ShouldMatchDecimal(BigFloat.Exp(new BigFloat(1, -1)) * BigFloat.Exp(new BigFloat(1, -1)), EDigits);
    }

    [Fact]
    public void Log1P_and_softplus_match_published_digits_of_ln2()
    {
        ShouldMatchDecimal(BigFloat.Log1P(BigFloat.One), Ln2Digits);
        ShouldMatchDecimal(BigFloat.Ln2(BigFloat.DefaultPrecision), Ln2Digits);
        ShouldMatchDecimal(ExactActivations.SoftPlus(0.0, 0), Ln2Digits);
        // ln 4 − ln 2 and −ln(1/2) exercise the m ≠ 0 branches of Log1P.
        ShouldMatchDecimal(BigFloat.Log1P(BigFloat.FromInteger(3)) - BigFloat.Log1P(BigFloat.One), Ln2Digits);
        ShouldMatchDecimal(-BigFloat.Log1P(new BigFloat(-1, -1)), Ln2Digits);
    }

    [Fact]
    public void Tanh_of_one_matches_published_digits()
    {
        ShouldMatchDecimal(ExactActivations.Tanh(1.0, 0), Tanh1Digits);
        ShouldMatchDecimal(-ExactActivations.Tanh(-1.0, 0), Tanh1Digits);
    }

    [Fact]
    public void Selu_constants_are_the_decimals_and_their_exact_product()
    {
        // λ and α written out with 30 more zero digits (they are exact 31-decimal numbers), and λα, the product of
        // the two decimals multiplied out by hand-checkable long multiplication: 62 decimals, exactly.
        ShouldMatchDecimal(ExactActivations.SeluLambda, "1.0507009873554804934193349852946" + new string('0', 30));
        ShouldMatchDecimal(ExactActivations.SeluAlpha, "1.6732632423543772848170429916717" + new string('0', 30));
        ShouldMatchDecimal(ExactActivations.SeluLambdaAlpha, "1.75809934084737685994021752081231934206024580891220830977098282");
        ShouldBeRelativelyClose(ExactActivations.SeluLambda * ExactActivations.SeluAlpha, ExactActivations.SeluLambdaAlpha, 300, "λ·α");
        // Their nearest doubles: C#'s correctly rounded literals for λ and α, and λα one ulp above the product of those.
        ExactActivations.SeluLambda.ToDouble().Should().Be(1.0507009873554804934193349852946);
        ExactActivations.SeluAlpha.ToDouble().Should().Be(1.6732632423543772848170429916717);
        ExactActivations.SeluLambdaAlpha.ToDouble().Should().Be(1.7580993408473768)
            .And.Be(Math.BitIncrement(1.0507009873554804934193349852946 * 1.6732632423543772848170429916717));
    }

    // ------------------------------------------------------------------ agreement with libm

    [Fact]
    public void Math_Exp_is_within_one_ulp_over_a_wide_range()
    {
        var rng = new Random(20240611);
        for (int i = 0; i < 3000; i++)
        {
            double x = i % 3 == 0
                ? (rng.Next(2) == 0 ? 1 : -1) * Math.Pow(2, -60 * rng.NextDouble()) // small |x|
                : -745.2 + rng.NextDouble() * (709.78 + 745.2);                       // incl. subnormal results
            Ulp.Error(Math.Exp(x), BigFloat.Exp(D(x))).Should().BeLessThanOrEqualTo(1.0, $"exp({x:R})");
        }
    }

    [Fact]
    public void Math_Log_is_within_one_ulp_over_the_whole_positive_range()
    {
        var rng = new Random(7);
        for (int i = 0; i < 3000; i++)
        {
            double y = i % 3 == 0
                ? 1.0 + (rng.NextDouble() - 0.5) * Math.Pow(2, -40 * rng.NextDouble())   // near 1
                : BitConverter.Int64BitsToDouble(rng.NextInt64(1, 0x7FF0_0000_0000_0000)); // any positive finite
            BigFloat exact = BigFloat.Log1P(D(y) - BigFloat.One);
            Ulp.Error(Math.Log(y), exact).Should().BeLessThanOrEqualTo(1.0, $"log({y:R})");
        }
    }

    [Fact]
    public void Math_Tanh_is_within_two_ulps_over_a_wide_range()
    {
        var rng = new Random(99);
        for (int i = 0; i < 3000; i++)
        {
            double x = i % 3 == 0
                ? (rng.Next(2) == 0 ? 1 : -1) * Math.Pow(2, -1000 * rng.NextDouble())
                : -25 + 50 * rng.NextDouble();
            // glibc documents up to 2 ulp for tanh, and does reach ~1.01 ulp (e.g. at 0.6957406064941267,
            // confirmed independently with 60-digit decimal arithmetic), so the bound here is 2 ulp.
            Ulp.Error(Math.Tanh(x), ExactActivations.Tanh(x, 0)).Should().BeLessThanOrEqualTo(2.0, $"tanh({x:R})");
        }
    }

    // ------------------------------------------------------------------ exact binary arithmetic

    [Fact]
    public void FromDouble_ToDouble_round_trips_bitwise()
    {
        double[] specials =
        [
            double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, 2.2250738585072014E-308,
            2.2250738585072009E-308, -2.2250738585072009E-308, 1.0, -1.0, 0.1, 1e-320, Math.PI, 0.0,
        ];
        var rng = new Random(1);
        for (int i = 0; i < 20000 + specials.Length; i++)
        {
            double d = i < specials.Length
                ? specials[i]
                : BitConverter.Int64BitsToDouble(rng.NextInt64(long.MinValue, long.MaxValue));
            if (!double.IsFinite(d) || BitConverter.DoubleToInt64Bits(d) == long.MinValue)
            {
                continue; // NaN/∞ are not representable; BigFloat has no −0
            }

            BitConverter.DoubleToInt64Bits(D(d).ToDouble()).Should().Be(BitConverter.DoubleToInt64Bits(d));
        }
    }

    [Fact]
    public void ToDouble_rounds_half_to_even_at_exact_ties()
    {
        (BigFloat.One + Pow2(-53)).ToDouble().Should().Be(1.0);
        (BigFloat.One + Pow2(-53) * BigFloat.FromInteger(3)).ToDouble().Should().Be(1.0 + Math.Pow(2, -51));
        (BigFloat.One + Pow2(-53) + Pow2(-400)).ToDouble().Should().Be(1.0 + Math.Pow(2, -52));
        (BigFloat.One + Pow2(-53) - Pow2(-400)).ToDouble().Should().Be(1.0);
        (-(BigFloat.One + Pow2(-53))).ToDouble().Should().Be(-1.0);
        (-(BigFloat.One + Pow2(-53) * BigFloat.FromInteger(3))).ToDouble().Should().Be(-1.0 - Math.Pow(2, -51));
        // Halfway between the largest subnormal (odd mantissa) and the smallest normal → the normal (even).
        (Pow2(-1022) - Pow2(-1075)).ToDouble().Should().Be(2.2250738585072014E-308);
        (Pow2(-1022) - Pow2(-1075) - Pow2(-1200)).ToDouble().Should().Be(2.2250738585072009E-308);
    }

    [Fact]
    public void ToDouble_handles_underflow_and_overflow_boundaries()
    {
        Pow2(-1074).ToDouble().Should().Be(double.Epsilon);
        Pow2(-1075).ToDouble().Should().Be(0.0);                                   // tie → even (0)
        (Pow2(-1075) * (BigFloat.One + Pow2(-60))).ToDouble().Should().Be(double.Epsilon);
        (Pow2(-1075) * BigFloat.FromInteger(3)).ToDouble().Should().Be(2 * double.Epsilon); // tie 1|2 → 2
        double.IsNegative((-Pow2(-1076)).ToDouble()).Should().BeTrue();            // −0
        (-Pow2(-1076)).ToDouble().Should().Be(0.0);
        Pow2(-100000).ToDouble().Should().Be(0.0);

        BigFloat max = D(double.MaxValue);
        BigFloat halfUlpOfMax = Pow2(970);
        (max + halfUlpOfMax - Pow2(800)).ToDouble().Should().Be(double.MaxValue);
        (max + halfUlpOfMax).ToDouble().Should().Be(double.PositiveInfinity);     // tie, MaxValue is odd → up
        (-(max + halfUlpOfMax)).ToDouble().Should().Be(double.NegativeInfinity);
        Pow2(1024).ToDouble().Should().Be(double.PositiveInfinity);
        Pow2(100000).ToDouble().Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void Exact_arithmetic_and_comparison()
    {
        (D(0.1) + D(0.2) - D(0.3)).Should().Be(Pow2(-55));  // 0.1 + 0.2 − 0.3 in exact binary
        (D(3) * D(0.1) > D(0.3)).Should().BeTrue();
        (D(-2) < D(-1)).Should().BeTrue();
        D(-0.0).Sign.Should().Be(0);
        (D(1.5) == new BigFloat(3, -1)).Should().BeTrue();
        D(1.5).GetHashCode().Should().Be(new BigFloat(3, -1).GetHashCode());
        (BigFloat.Divide(BigFloat.One, BigFloat.FromInteger(3), 256) * BigFloat.FromInteger(3) - BigFloat.One)
            .Abs().ScaleB(255).Should().BeLessThanOrEqualTo(BigFloat.One);
    }

    // ------------------------------------------------------------------ Taylor polynomials in exact arithmetic

    [Fact]
    public void ExpM1_and_Log1P_of_tiny_arguments_match_their_taylor_polynomials()
    {
        foreach (long p in new long[] { 40, 60, 200, 1074 })
        {
            foreach (int sign in new[] { 1, -1 })
            {
                BigFloat x = Pow2(-p) * BigFloat.FromInteger(sign);
                // Σ_{n=1..7} x^n/n! and Σ_{n=1..7} (−1)^(n+1) x^n/n, exact rationals (× 7! resp. × 420 to stay integral);
                // truncation error ≤ |x|^8 ≤ 2^-320 relative to |x| ≈ 2^-40.
                BigFloat expPoly = BigFloat.Zero, logPoly = BigFloat.Zero, power = BigFloat.One;
                BigInteger factorial = 1;
                for (int n = 1; n <= 7; n++)
                {
                    power *= x;
                    factorial *= n;
                    expPoly += power * BigFloat.FromInteger(5040 / factorial);
                    logPoly += power * BigFloat.FromInteger((n % 2 == 1 ? 420 : -420) / n);
                }

                ShouldBeRelativelyClose(BigFloat.ExpM1(x) * BigFloat.FromInteger(5040), expPoly, 250, $"expm1(2^-{p})");
                ShouldBeRelativelyClose(BigFloat.Log1P(x) * BigFloat.FromInteger(420), logPoly, 250, $"log1p(2^-{p})");
            }
        }

        BigFloat.ExpM1(D(1e-300)).ToDouble().Should().Be(1e-300);
        BigFloat.ExpM1(D(-5e-324)).ToDouble().Should().Be(-5e-324);
        BigFloat.Log1P(D(1e-300)).ToDouble().Should().Be(1e-300);
    }

    [Fact]
    public void Functional_equations_hold_to_near_working_precision_across_the_range_reduction()
    {
        // e^a·e^b = e^(a+b) and log1p(expm1(x)) = x with arguments spread over many multiples of ln 2, so
        // different reduction paths (k, s) are compared with each other (a bug in one path shows up as a mismatch).
        var rng = new Random(5);
        for (int i = 0; i < 200; i++)
        {
            double a = (rng.NextDouble() - 0.5) * (i % 2 == 0 ? 1400 : 3), b = (rng.NextDouble() - 0.5) * 40;
            ShouldBeRelativelyClose(BigFloat.Exp(D(a)) * BigFloat.Exp(D(b)), BigFloat.Exp(D(a) + D(b)), 250, $"e^{a}·e^{b}");
            // |x| ≤ 8: for x → −∞, expm1(x) → −1 and log1p loses ~|x|/ln2 bits to conditioning (≤ 12 bits here).
            double x = (rng.NextDouble() - 0.5) * Math.Pow(2, 4 - 60 * rng.NextDouble());
            ShouldBeRelativelyClose(BigFloat.Log1P(BigFloat.ExpM1(D(x))), D(x), 240, $"log1p(expm1({x}))");
        }
    }

    // ------------------------------------------------------------------ closed forms and special points

    [Fact]
    public void Closed_forms_at_special_points()
    {
        ExactActivations.Sigmoid(0, 0).Should().Be(new BigFloat(1, -1));
        ExactActivations.Sigmoid(-0.0, 0).Should().Be(new BigFloat(1, -1));
        ExactActivations.Sigmoid(0, 1).Should().Be(new BigFloat(1, -2));
        ExactActivations.Sigmoid(0, 2).IsZero.Should().BeTrue();
        ExactActivations.Tanh(0, 0).IsZero.Should().BeTrue();
        ExactActivations.Tanh(0, 1).Should().Be(BigFloat.One);
        ExactActivations.Tanh(0, 2).IsZero.Should().BeTrue();
        ExactActivations.SoftPlus(0, 1).Should().Be(new BigFloat(1, -1));
        ExactActivations.SoftPlus(0, 2).Should().Be(new BigFloat(1, -2));
        ExactActivations.Exponential(0, 0).Should().Be(BigFloat.One);

        ExactActivations.HardSigmoid(-2.5, 0).IsZero.Should().BeTrue();
        ExactActivations.HardSigmoid(2.5, 0).Should().Be(BigFloat.One);
        ExactActivations.HardSigmoid(0, 0).Should().Be(new BigFloat(1, -1));
        ShouldBeRelativelyClose(ExactActivations.HardSigmoid(-2.5, 1) * BigFloat.FromInteger(5), BigFloat.One, 250, "1/5");
        ExactActivations.HardSigmoid(-2.5, 1).ToDouble().Should().Be(0.2);
        ExactActivations.HardSigmoid(2.5, 1).ToDouble().Should().Be(0.2);
        ExactActivations.HardSigmoid(2.5000000000000004, 0).Should().Be(BigFloat.One);
        ExactActivations.HardSigmoid(2.5000000000000004, 1).IsZero.Should().BeTrue();
        ExactActivations.HardSigmoid(-2.5000000000000004, 1).IsZero.Should().BeTrue();
        // Just above −2.5: x/5 + 1/2 = 2^-51/5 exactly; 0.2·2^-51 as a double is its correct rounding.
        ExactActivations.HardSigmoid(-2.4999999999999996, 0).ToDouble().Should().Be(Math.ScaleB(0.2, -51));

        ExactActivations.ELU(1.5, 0, 1).Should().Be(D(1.5));
        ExactActivations.ELU(1.5, -0.0, 2).Should().Be(D(1.5));
        ExactActivations.ELU(1.5, 0, 0).IsZero.Should().BeTrue();
        ExactActivations.ELU(1.5, 2, 1).Should().Be(BigFloat.One);
        ExactActivations.SELU(0, 1).Should().Be(ExactActivations.SeluLambdaAlpha);
        ExactActivations.SELU(3, 0).Should().Be(D(3) * ExactActivations.SeluLambda);
        ExactActivations.SELU(3, 1).Should().Be(ExactActivations.SeluLambda);
        // λα·expm1(x) = λα·x·(1 + x/2 + …): for x = −1e-300 it rounds like the triple product λ·α·x.
        ExactActivations.SELU(-1e-300, 0).ToDouble().Should()
            .Be((D(-1e-300) * ExactActivations.SeluLambda * ExactActivations.SeluAlpha).ToDouble());
        ExactActivations.ELU(2.0, -1e-300, 0).ToDouble().Should().Be(-2e-300);
        ExactActivations.LeakyReLU(0.01, -3, 0).Should().Be(D(0.01) * D(-3));
        ExactActivations.LeakyReLU(0.01, 0, 1).Should().Be(D(0.01));
        ExactActivations.ReLU(0, 1).IsZero.Should().BeTrue();
        ExactActivations.ReLU(5e-324, 1).Should().Be(BigFloat.One);
        ExactActivations.Identity(-7.25, 0).Should().Be(D(-7.25));
        // 3·0.3333333333333333 − 1 = −2^-54 exactly (no cancellation loss: affine is exact).
        ExactActivations.Affine(3, -1, 1.0 / 3, 0).Should().Be(-Pow2(-54));
        ExactActivations.Affine(3, -1, 1.0 / 3, 1).Should().Be(D(3));
    }

    [Fact]
    public void Cancellation_prone_regions_agree_with_simple_asymptotics()
    {
        // σ'(700) = e^-700/(1+e^-700)² = e^-700·(1 − O(2^-1010)); 1 − σ would cancel 1010 bits.
        Ulp.Error(Math.Exp(-700), ExactActivations.Sigmoid(700, 1)).Should().BeLessThanOrEqualTo(1);
        Ulp.Error(Math.Exp(-700), ExactActivations.Sigmoid(-700, 0)).Should().BeLessThanOrEqualTo(1);
        Ulp.Error(-Math.Exp(-700), ExactActivations.Sigmoid(700, 2)).Should().BeLessThanOrEqualTo(1);
        Ulp.Error(Math.Exp(-700), ExactActivations.SoftPlus(-700, 0)).Should().BeLessThanOrEqualTo(1);
        // 1 − tanh²(300) = 4e^-600(1 − O(e^-600)).
        Ulp.Error(4 * Math.Exp(-600), ExactActivations.Tanh(300, 1)).Should().BeLessThanOrEqualTo(1);
        Ulp.Error(-8 * Math.Exp(-600), ExactActivations.Tanh(300, 2)).Should().BeLessThanOrEqualTo(1);
        // σ''(x) = −x/8 + O(x³) near 0 (1 − 2σ cancels); tanh x = x − x³/3 near 0.
        ExactActivations.Sigmoid(1e-20, 2).ToDouble().Should().Be(-1e-20 / 8);
        ExactActivations.Sigmoid(-3e-200, 2).ToDouble().Should().Be(3e-200 / 8);
        ExactActivations.Tanh(1e-20, 0).ToDouble().Should().Be(1e-20);
        ExactActivations.Tanh(-1e-20, 2).ToDouble().Should().Be(2e-20);
        // ELU'' and SoftPlus of subnormal / tiny arguments.
        ExactActivations.SoftPlus(-745, 0).ToDouble().Should().Be(Math.Exp(-745)); // 5e-324 in both
        ExactActivations.ELU(1, -5e-324, 0).ToDouble().Should().Be(-5e-324);
    }

    [Fact]
    public void Extreme_arguments_round_to_the_limits_and_keep_their_sign()
    {
        ExactActivations.Exponential(1e308, 0).ToDouble().Should().Be(double.PositiveInfinity);
        ExactActivations.Exponential(710, 0).ToDouble().Should().Be(double.PositiveInfinity);
        BigFloat tiny = ExactActivations.Exponential(-1e308, 0);
        tiny.Sign.Should().Be(1);
        tiny.ToDouble().Should().Be(0.0);
        ExactActivations.Exponential(-double.MaxValue, 1).ToDouble().Should().Be(0.0);
        ExactActivations.Sigmoid(double.MaxValue, 0).ToDouble().Should().Be(1.0);
        ExactActivations.Sigmoid(-double.MaxValue, 0).ToDouble().Should().Be(0.0);
        ExactActivations.Sigmoid(-double.MaxValue, 0).Sign.Should().Be(1);
        ExactActivations.Sigmoid(1e308, 1).ToDouble().Should().Be(0.0);
        ExactActivations.Sigmoid(1e308, 2).ToDouble().Should().Be(0.0);
        ExactActivations.Sigmoid(1e308, 2).Sign.Should().Be(-1);
        ExactActivations.Sigmoid(5e-324, 0).ToDouble().Should().Be(0.5);
        ExactActivations.SoftPlus(1e308, 0).ToDouble().Should().Be(1e308);
        ExactActivations.SoftPlus(-1e308, 0).ToDouble().Should().Be(0.0);
        ExactActivations.SoftPlus(-1e308, 0).Sign.Should().Be(1);
        ExactActivations.Tanh(double.MaxValue, 0).ToDouble().Should().Be(1.0);
        ExactActivations.Tanh(-double.MaxValue, 0).ToDouble().Should().Be(-1.0);
        ExactActivations.Tanh(-1e308, 2).Sign.Should().Be(1);
        ExactActivations.Tanh(5e-324, 0).ToDouble().Should().Be(5e-324);
        ExactActivations.ELU(1.0, -1e308, 0).ToDouble().Should().Be(-1.0);
        ExactActivations.ELU(double.MaxValue, -1e-300, 1).ToDouble().Should().Be(double.MaxValue);
        ExactActivations.SELU(-1e308, 0).ToDouble().Should().Be(-1.7580993408473768);
        ExactActivations.Affine(double.MaxValue, double.MaxValue, 1, 0).ToDouble().Should().Be(double.PositiveInfinity);
    }

    // ------------------------------------------------------------------ the rewritten identities

    [Fact]
    public void Cancellation_free_identities_agree_with_textbook_formulas_at_4096_bits()
    {
        // The textbook formulas, evaluated at 4096 bits so that even 2000 cancelled bits leave > 2000 good ones,
        // check the algebra of the rewrites used at 256 bits (the exp/log kernels are checked separately above).
        const int hi = 4096;
        BigFloat one = BigFloat.One;
        foreach (double x in new[] { -700, -35.5, -1, -1e-3, -1e-30, 1e-30, 0.3, 2, 20, 700 })
        {
            BigFloat ex = BigFloat.Exp(D(x), hi);
            BigFloat sigma = BigFloat.Divide(one, one + BigFloat.Exp(-D(x), hi), hi);
            BigFloat sigma1 = sigma * (one - sigma);
            BigFloat sigma2 = sigma1 * (one - sigma.ScaleB(1));
            BigFloat e2x = BigFloat.Exp(D(x).ScaleB(1), hi);
            BigFloat tanh = BigFloat.Divide(e2x - one, e2x + one, hi);
            BigFloat sech2 = one - tanh * tanh;
            BigFloat softplus = BigFloat.Log1P(ex, hi);
            BigFloat elu = ex - one;

            ShouldBeRelativelyClose(ExactActivations.Sigmoid(x, 0), sigma, 240, $"σ({x})");
            ShouldBeRelativelyClose(ExactActivations.Sigmoid(x, 1), sigma1, 240, $"σ'({x})");
            ShouldBeRelativelyClose(ExactActivations.Sigmoid(x, 2), sigma2, 240, $"σ''({x})");
            ShouldBeRelativelyClose(ExactActivations.Tanh(x, 0), tanh, 240, $"tanh({x})");
            ShouldBeRelativelyClose(ExactActivations.Tanh(x, 1), sech2, 240, $"tanh'({x})");
            ShouldBeRelativelyClose(ExactActivations.Tanh(x, 2), -(tanh * sech2).ScaleB(1), 240, $"tanh''({x})");
            ShouldBeRelativelyClose(ExactActivations.SoftPlus(x, 0), softplus, 240, $"softplus({x})");
            if (x <= 0)
            {
                ShouldBeRelativelyClose(ExactActivations.ELU(1.25, x, 0), D(1.25) * elu, 240, $"elu({x})");
            }
        }
    }

    // ------------------------------------------------------------------ Ulp.Error

    [Fact]
    public void Ulp_error_cases()
    {
        Ulp.Error(1.0, BigFloat.One).Should().Be(0);
        Ulp.Error(1.0 + Math.Pow(2, -52), BigFloat.One).Should().Be(1);
        Ulp.Error(1.0 - Math.Pow(2, -53), BigFloat.One).Should().Be(0.5);        // ulp of the exact value (1) is 2^-52
        Ulp.Error(1.0 + Math.Pow(2, -52), BigFloat.One + Pow2(-53)).Should().Be(0.5); // exact rounds to 1 (tie → even)
        Ulp.Error(1.0, BigFloat.One + Pow2(-54)).Should().Be(0);
        Ulp.Error(2.0 + Math.Pow(2, -51), D(2) - Pow2(-60)).Should().BeApproximately(2.0 + 1.0 / 256, 1e-12);
        Ulp.Error(-3.0, D(3)).Should().Be(6 * Math.Pow(2, 51));
        Ulp.Error(double.NaN, BigFloat.One).Should().Be(double.PositiveInfinity);
        Ulp.Error(double.PositiveInfinity, D(double.MaxValue)).Should().Be(double.PositiveInfinity);
        Ulp.Error(double.PositiveInfinity, Pow2(1024)).Should().Be(0);
        Ulp.Error(double.NegativeInfinity, -Pow2(5000)).Should().Be(0);
        Ulp.Error(double.NegativeInfinity, Pow2(5000)).Should().Be(double.PositiveInfinity);
        Ulp.Error(double.MaxValue, Pow2(1024)).Should().Be(double.PositiveInfinity);
        Ulp.Error(0.0, Pow2(-1076)).Should().Be(0);
        Ulp.Error(-0.0, Pow2(-1076)).Should().Be(0);
        Ulp.Error(double.Epsilon, BigFloat.Zero).Should().Be(1);
        Ulp.Error(0.0, D(3 * double.Epsilon)).Should().Be(3);
        Ulp.Error(0.0, D(1e-300)).Should().BeApproximately(1e-300 / Math.Pow(2, -1049), 1e-3);
    }
}
