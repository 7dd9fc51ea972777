using System;
using System.Globalization;
using System.Numerics;
using FluentAssertions;
using Xunit;

namespace Activations.Tests.Reference;

/// <summary>
/// Tests of the error-function reference (<see cref="BigFloatErf"/>) and the exact GELU built on it:
/// published digits (computed with mpmath at 90 digits), identities between independent code paths
/// (erf's own alternating series against erfc's series and continued fraction), the continued
/// fraction against itself with twice the levels and against the series where they meet, and the
/// GELU derivatives against exact difference quotients and their zeros.
/// </summary>
[Trait("Isa", "Independent")]
public class ErfReferenceSelfTests
{
    private const int Bits = 320;

    private const string Erf1 = "0.84270079294971486934122063508260925929606699796630290845993789783471725409601084";
    private const string Pi = "3.141592653589793238462643383279502884197169399375105820974944592307816406286209";
    private const string PhiMinus1 = "0.158655253931457051414767454367962077522087033273395609012605549757008558013";

    private static BigFloat D(double x) => BigFloat.FromDouble(x);

    /// <summary>Asserts |value − m·10^e| ≤ 1.5 units of the last digit of m (m given as "d.ddd…").</summary>
    private static void ShouldMatch(BigFloat value, string mantissa, int exponent)
    {
        int point = mantissa.IndexOf('.', StringComparison.Ordinal);
        int decimals = mantissa.Length - point - 1;
        decimals.Should().BeGreaterThanOrEqualTo(60);
        BigInteger n = BigInteger.Parse(mantissa.Remove(point, 1), CultureInfo.InvariantCulture);
        int k = decimals - exponent;
        BigFloat scaled = k >= 0
            ? value * BigFloat.FromInteger(BigInteger.Pow(10, k))
            : BigFloat.Divide(value, BigFloat.FromInteger(BigInteger.Pow(10, -k)), Bits + 64);
        BigFloat diff = scaled - BigFloat.FromInteger(n);
        (diff.Abs() <= new BigFloat(3, -1)).Should().BeTrue($"{value} should match {mantissa}e{exponent} (scaled diff {diff})");
    }

    private static void ShouldBeRelativelyClose(BigFloat a, BigFloat b, int bits, string because) =>
        ((a - b).Abs().ScaleB(bits) <= b.Abs()).Should().BeTrue($"{because}: {a} vs {b}");

    [Fact]
    public void Pi_and_erf_of_one_match_published_digits()
    {
        ShouldMatch(BigFloatErf.Pi(Bits), Pi, 0);
        ShouldMatch(BigFloatErf.Erf(BigFloat.One, Bits), Erf1, 0);
        ShouldMatch(BigFloat.Add(BigFloat.One, -BigFloatErf.Erfc(BigFloat.One, Bits), Bits), Erf1, 0);
    }

    [Fact]
    public void Erfc_in_its_tail_matches_published_digits()
    {
        ShouldMatch(BigFloatErf.Erfc(BigFloat.FromInteger(5), Bits), "1.53745979442803485018834348538337889011805031472337993068791405592039136456", -12);
        ShouldMatch(BigFloatErf.Erfc(BigFloat.FromInteger(10), Bits), "2.08848758376254475700078629495778861156081811932116372701221371393817469583", -45);
        ShouldMatch(BigFloatErf.Erfc(BigFloat.FromInteger(27), Bits), "5.23704892378925568501606768284954709093391254796867079959921594524677287927", -319);
    }

    [Fact]
    public void Erf_plus_erfc_is_one_and_erfc_of_minus_z_is_one_plus_erf()
    {
        foreach (double z in new[] { 0.001, 0.1, 0.5, 0.75, 1.3, 2.0, 3.0, 4.2, 4.3, 5.0 })
        {
            BigFloat erf = BigFloatErf.Erf(D(z), Bits);
            BigFloat erfc = BigFloatErf.Erfc(D(z), Bits);
            ((erf + erfc - BigFloat.One).Abs().ScaleB(300) <= BigFloat.One).Should().BeTrue($"erf + erfc = 1 at {z}");
            ShouldBeRelativelyClose(BigFloatErf.Erfc(D(-z), Bits), BigFloat.One + erf, 300, $"erfc(−{z}) = 1 + erf({z})");
        }
    }

    [Fact]
    public void The_continued_fraction_agrees_with_itself_and_with_the_series()
    {
        foreach (double a in new[] { 6.0, 6.5, 9.0, 30.0 })
        {
            int levels = BigFloatErf.ContinuedFractionLevels(a, 320);
            ShouldBeRelativelyClose(BigFloatErf.NormalTail(D(a), 320), BigFloatErf.NormalTail(D(a), 320, levels: 2 * levels), 300, $"twice the levels at {a}");
        }

        foreach (double a in new[] { 5.9, 6.0, 6.1, 7.0 })
        {
            ShouldBeRelativelyClose(BigFloatErf.NormalTail(D(a), 320), BigFloatErf.NormalTail(D(a), 320, forceSeries: true), 300, $"series and fraction at {a}");
        }
    }

    [Fact]
    public void The_exact_gelu_matches_published_digits_and_its_zeros()
    {
        ShouldMatch(-ExactActivations.GeluExact(-1.0, 0), PhiMinus1, 0);
        ShouldMatch(ExactActivations.GeluExact(1.0, 0), "0.841344746068542948585232545632037922477912966726604390987394450242991441987", 0);

        // f′ changes sign between the doubles beside its zero, where f′(x) ≈ f″(r)·(x − r).
        double below = -0.7517915246935645;
        double above = -0.7517915246935644;
        BigFloat root = BigFloat.Divide(
            BigFloat.FromInteger(BigInteger.Parse("-75179152469356445745790494677952403966447115342345384838654", CultureInfo.InvariantCulture)),
            BigFloat.FromInteger(BigInteger.Pow(10, 59)),
            Bits);
        BigFloat curvature = ExactActivations.GeluExact(-0.7517915246935645, 2);
        foreach (double x in new[] { below, above })
        {
            BigFloat t = D(x) - root;
            ShouldBeRelativelyClose(ExactActivations.GeluExact(x, 1), curvature * t, 48, $"f′ at the double {x} beside the zero");
        }

        ExactActivations.GeluExact(below, 1).Sign.Should().Be(-1, "f falls to its minimum at the zero of f′");
        ExactActivations.GeluExact(above, 1).Sign.Should().Be(1);
        ExactActivations.GeluExact(Math.Sqrt(2), 2).Sign.Should().Be(-1, "√2 rounded is above √2");
        ExactActivations.GeluExact(-Math.Sqrt(2), 2).Sign.Should().Be(-1);
    }

    [Fact]
    public void Gelu_derivatives_match_difference_quotients()
    {
        BigFloat h = new(BigInteger.One, -40);
        foreach (double x in new[] { -30.0, -8.5, -3.25, -1.0, -0.25, 0.0, 0.6, 1.5, 4.0, 9.0 })
        {
            for (int order = 0; order < 2; order++)
            {
                BigFloat up = ExactActivations.GeluExact(x + Math.ScaleB(1, -40), order);
                BigFloat down = ExactActivations.GeluExact(x - Math.ScaleB(1, -40), order);
                BigFloat quotient = BigFloat.Divide(up - down, h.ScaleB(1), Bits);
                BigFloat derivative = ExactActivations.GeluExact(x, order + 1);
                ((quotient - derivative).Abs().ScaleB(70) <= derivative.Abs() + BigFloat.One.ScaleB(-2000)).Should().BeTrue(
                    $"order {order + 1} at {x}: {quotient} vs {derivative}");
            }
        }
    }
}
