using System;
using System.Linq;
using Activations.Kernels;
using Activations.Tests.Reference;
using FluentAssertions;

namespace Activations.Tests.Activations;

/// <summary>CELU(α): x if x &gt; 0 else α(e^(x/α) − 1); f′ = 1 if x &gt; 0 else e^(x/α); f″ = 0 if x &gt; 0 else e^(x/α)/α.</summary>
[Collection(nameof(VectorWidthCollection))]
public sealed class CELUTests
{
    private static readonly double[] Positive = [double.Epsilon, 1e-300, 1e-20, 0.1, 0.5, 1, 2.5, 700, 1e300, double.MaxValue];

    /// <summary>Ordinary α of both signs, with mantissas that are and are not powers of two (x/α exact or not).</summary>
    public static TheoryData<double> Alphas() => new() { 1, 0.5, 3, 0.1, 0.7, 1.7, -1, -2.5, -0.3 };

    /// <summary>
    /// α whose quotient x/α underflows or overflows at ordinary x, and whose results reach the subnormals or
    /// overflow: tiny and subnormal, huge and the largest, of both signs.
    /// </summary>
    public static TheoryData<double> ExtremeAlphas() => new() { 1e-300, -1e-300, 5e-324, -5e-324, 3e-310, 1e300, -1e300, double.MaxValue, -double.MaxValue };

    private static double Evaluate(CELU f, int order, double x) => order switch { 0 => f.Fn(x), 1 => f.Grad(x), _ => f.Grad2(x) };

    private static void ShouldBeWithinOneUlp(CELU f, double x)
    {
        for (int order = 0; order <= 2; order++)
        {
            double actual = Evaluate(f, order, x);
            BigFloat exact = ExactActivations.CELU(f.Alpha, x, order);
            Ulp.Error(actual, exact).Should().BeLessThanOrEqualTo(1.0,
                because: $"{f} derivative {order} at {x:R} = {actual:R}, exact ≈ {exact.ToDouble():R}");
        }
    }

    [Fact]
    public void DefaultAlphaIsOne() => new CELU().Alpha.Should().Be(1);

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void ZeroAndNonFiniteAlphasAreRejected(double alpha)
    {
        Action act = () => _ = new CELU(alpha);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("alpha");
        ActivationFunction.TryParse($"celu(alpha={alpha:R})", out _).Should().BeFalse();
    }

    [Fact]
    public void NegativeZeroAlphaIsRejected()
    {
        Action act = () => _ = new CELU(-0.0);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("alpha");
        ActivationFunction.TryParse("celu(alpha=-0)", out _).Should().BeFalse();
    }

    [Fact]
    public void ParsingReportsAZeroAlpha()
    {
        Action act = () => ActivationFunction.Parse("celu(alpha=0)");
        act.Should().Throw<FormatException>().WithMessage("*alpha*zero*");
        ActivationFunction.Parse("celu(alpha=0.5)").Should().Be(new CELU(0.5));
        new CELU(0.5).ToString().Should().Be("CELU(alpha=0.5)");
    }

    [Theory]
    [MemberData(nameof(Alphas))]
    [MemberData(nameof(ExtremeAlphas))]
    public void PositiveInputsPassThroughBitForBit(double alpha)
    {
        var f = new CELU(alpha);
        foreach (double x in Positive)
        {
            BitConverter.DoubleToInt64Bits(f.Fn(x)).Should().Be(BitConverter.DoubleToInt64Bits(x), because: $"{f}({x:R}) = x for x > 0");
            f.Grad(x).Should().Be(1, because: $"{f}′({x:R}) = 1 for x > 0");
            f.Grad2(x).Should().Be(0, because: $"{f}″({x:R}) = 0 for x > 0");
        }
    }

    [Theory]
    [MemberData(nameof(Alphas))]
    [MemberData(nameof(ExtremeAlphas))]
    public void BothZerosTakeTheExponentialBranch(double alpha)
    {
        // f(±0) = α·expm1(±0/α) = ±0 (the sign of x, whatever α's sign), f′ = e⁰ = 1 for every α (the continuity
        // of f′ that gives CELU its name), and f″ = 1/α: one rounding of 1/α, twice (within 1 ulp) where it is
        // subnormal, ∞ where it overflows.
        var f = new CELU(alpha);
        foreach (double zero in new[] { 0.0, -0.0 })
        {
            BitConverter.DoubleToInt64Bits(f.Fn(zero)).Should().Be(BitConverter.DoubleToInt64Bits(zero), because: $"{f}({zero:R}) = {zero:R}");
            f.Grad(zero).Should().Be(1, because: $"{f}′(0) = e⁰ = 1");
            ShouldBeWithinOneUlp(f, zero);

            // The same sign through the span overloads and the pair, in double and in float (a few vectors of zeros).
            double[] zeros = [.. Enumerable.Repeat(zero, 19)];
            double[] value = new double[zeros.Length], gradient = new double[zeros.Length];
            f.Fn(zeros, value);
            value.Should().OnlyContain(v => BitConverter.DoubleToInt64Bits(v) == BitConverter.DoubleToInt64Bits(zero), because: $"{f}({zero:R}) = {zero:R} in a span");
            f.FnAndGrad(zeros, value, gradient);
            value.Should().OnlyContain(v => BitConverter.DoubleToInt64Bits(v) == BitConverter.DoubleToInt64Bits(zero), because: $"FnAndGrad keeps {f}({zero:R}) = {zero:R}");
            float zeroF = (float)zero;
            float[] zerosF = [.. Enumerable.Repeat(zeroF, 37)];
            float[] valueF = new float[zerosF.Length], gradientF = new float[zerosF.Length];
            BitConverter.SingleToInt32Bits(f.Fn(zeroF)).Should().Be(BitConverter.SingleToInt32Bits(zeroF), because: $"{f}({zeroF:R}f) = {zeroF:R}f");
            f.Fn(zerosF, valueF);
            valueF.Should().OnlyContain(v => BitConverter.SingleToInt32Bits(v) == BitConverter.SingleToInt32Bits(zeroF), because: $"{f}({zeroF:R}f) = {zeroF:R}f in a span");
            f.FnAndGrad(zerosF, valueF, gradientF);
            valueF.Should().OnlyContain(v => BitConverter.SingleToInt32Bits(v) == BitConverter.SingleToInt32Bits(zeroF), because: $"the float FnAndGrad keeps {f}({zeroF:R}f) = {zeroF:R}f");
        }

        if (Math.Abs(alpha) <= 4.49e307)
        {
            f.Grad2(0.0).Should().Be(1 / alpha, because: $"{f}″(0) = 1/α, a normal number or ∞, rounded once");
        }
    }

    [Theory]
    [MemberData(nameof(Alphas))]
    [MemberData(nameof(ExtremeAlphas))]
    public void TheLimitsAtMinusInfinityDependOnTheSignOfAlpha(double alpha)
    {
        // α > 0: e^(x/α) → 0, so f → −α, f′ → +0 and f″ → +0. α < 0: x/α → +∞, so f → −∞, f′ → ∞, f″ → −∞.
        var f = new CELU(alpha);
        if (alpha > 0)
        {
            f.Fn(double.NegativeInfinity).Should().Be(-alpha);
            BitConverter.DoubleToInt64Bits(f.Grad(double.NegativeInfinity)).Should().Be(0, because: "f′(−∞) = +0");
            BitConverter.DoubleToInt64Bits(f.Grad2(double.NegativeInfinity)).Should().Be(0, because: "f″(−∞) = +0");
            if (alpha <= 1e300)
            {
                f.Fn(double.MinValue).Should().Be(-alpha, because: $"{f}(MinValue) is −α to far below an ulp");
            }
        }
        else
        {
            f.Fn(double.NegativeInfinity).Should().Be(double.NegativeInfinity);
            f.Grad(double.NegativeInfinity).Should().Be(double.PositiveInfinity);
            f.Grad2(double.NegativeInfinity).Should().Be(double.NegativeInfinity);
            if (alpha >= -1e300)
            {
                f.Fn(double.MinValue).Should().Be(double.NegativeInfinity, because: $"{f}(MinValue) = α·e^(MinValue/α) overflows");
            }
        }

        f.Fn(double.PositiveInfinity).Should().Be(double.PositiveInfinity);
        f.Grad(double.PositiveInfinity).Should().Be(1);
        f.Grad2(double.PositiveInfinity).Should().Be(0);
    }

    [Theory]
    [InlineData(1e-300, -1, -1e-300)]
    [InlineData(1e-300, -1e-290, -1e-300)]
    [InlineData(5e-324, -1e-300, -5e-324)]
    [InlineData(5e-324, -5e-324, -5e-324)]  // −α(1 − e^−1) = −0.63·2^−1074 rounds to −2^−1074
    [InlineData(1e300, -1, -1)]             // x/α = −1e−300: α·expm1(x/α) = x(1 − 5e−301)
    [InlineData(double.MaxValue, -1e-300, -1e-300)]
    [InlineData(1, -1e-20, -1e-20)]
    [InlineData(-1e300, -1e-300, -1e-300)]
    public void ExtremeQuotientsGiveTheirLimits(double alpha, double x, double expected)
    {
        // x/α under- or overflows, and the value is x (|x/α| tiny: the series x + x²/(2α) + … rounds to x) or −α
        // (x/α → −∞: α(e^(x/α) − 1) = −α(1 − e^(x/α)) with e^(x/α) far below an ulp).
        var f = new CELU(alpha);
        f.Fn(x).Should().Be(expected, because: $"{f}({x:R})");
        f.Fn(new[] { x })[0].Should().Be(expected, because: $"{f}({x:R}) through the span overload");
        ShouldBeWithinOneUlp(f, x);
    }

    [Theory]
    [InlineData(-1e-300, -8e-298)]      // x/α = 800: f = −1e−300·(e^800 − 1) ≈ −2.7e47, f′ = e^800 = ∞, f″ = −e^800/1e−300 = −∞
    [InlineData(-1e-300, -1.3e-297)]    // x/α = 1300: f ≈ −1e−300·e^1300, still finite
    [InlineData(-5e-324, -7.2e-321)]    // x/α = 1457 with a subnormal α: f, f′ and f″ overflow
    [InlineData(-double.MaxValue, -1.6e308)]
    [InlineData(5e-324, -4e-322)]       // x/α = −81: f″ = e^−81/2^−1074, far above 1
    [InlineData(5e-324, -7.3e-321)]     // x/α = −1478: f″ = e^−1478·2^1074 ≈ 2.6e−319, subnormal
    [InlineData(double.MaxValue, -1.2e306)]
    [InlineData(3e-310, -2e-307)]
    [InlineData(1e300, -7.08e302)]      // x/α = −708, f′ = e^−708 just above the smallest normal
    [InlineData(1e300, -7.45e302)]      // x/α = −745, f′ = e^−745 the smallest subnormal or 0
    public void ExtremeAlphasAreWithinOneUlpAtTheirHardPoints(double alpha, double x) =>
        ShouldBeWithinOneUlp(new CELU(alpha), x);

    [Theory]
    [InlineData(0.1, -70)]
    [InlineData(0.7, -490.3)]
    [InlineData(-0.3, -212.9)]
    [InlineData(3, -2125.1)]
    public void TheQuotientIsCarriedBeyondItsRounding(double alpha, double x)
    {
        // Where |x/α| is large the rounding of the quotient alone, 2⁻⁵³|x/α| relative, moves e^(x/α) by
        // |x/α|·2⁻⁵³, hundreds of ulps: the exponential of the rounded quotient is far from the exact value,
        // and the library's results are still within 1 ulp.
        double rounded = x / alpha;
        BigFloat ofRounded = BigFloat.Exp(BigFloat.FromDouble(rounded));
        BigFloat exact = ExactActivations.CELU(alpha, x, 1);
        Ulp.Error(ofRounded.ToDouble(), exact).Should().BeGreaterThan(50, because: "the rounding of x/α matters at this point");
        ShouldBeWithinOneUlp(new CELU(alpha), x);
    }

    [Theory]
    [MemberData(nameof(Alphas))]
    public void TinyNegativeInputsDoNotCancel(double alpha)
    {
        // α(e^(x/α) − 1) = x(1 + x/(2α) + …): for |x| ≤ 1e−20 the correction is far below half an ulp, so the
        // correctly rounded value is x itself, and e^(x/α) rounds to 1.
        var f = new CELU(alpha);
        foreach (double x in new[] { -1e-20, -1e-100, -1e-300, -5e-324 })
        {
            f.Fn(x).Should().Be(x, because: $"{f}({x:R}) ≈ x with a relative error far below an ulp");
            f.Grad(x).Should().Be(1, because: $"{f}′({x:R}) = e^(x/α) rounds to 1");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0.5)]
    [InlineData(3)]
    public void PositiveAlphaIsIncreasingAndConvexAboveMinusAlpha(double alpha)
    {
        var f = new CELU(alpha);
        double[] grid = [.. Enumerable.Range(0, 200).Select(i => -15 + (i * 0.075))];
        Relations.ShouldIncreaseWithin(f.Fn, f.ToString(), grid, strictly: true, -alpha, 0);
        Relations.ShouldIncreaseWithin(f.Grad, $"{f}′", grid, strictly: true, 0, 1);
        Relations.ShouldIncreaseWithin(f.Grad2, $"{f}″", grid, strictly: true, 0, 1 / alpha);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-2.5)]
    [InlineData(-0.3)]
    public void NegativeAlphaIsIncreasingAndConcaveBelowTheIdentity(double alpha)
    {
        // For α < 0 and x < 0, y = x/α > 0: f′ = e^y > 1, f″ = e^y/α < 0, and e^y − 1 > y gives f = α(e^y − 1) < αy = x.
        var f = new CELU(alpha);
        double[] grid = [.. Enumerable.Range(1, 200).Select(i => -i * 0.05 * -alpha)];
        Array.Sort(grid);
        Relations.ShouldIncreaseWithin(f.Fn, f.ToString(), grid, strictly: true, double.NegativeInfinity, 0);
        Relations.ShouldIncreaseWithin(f.Grad2, $"{f}″", grid, strictly: true, double.NegativeInfinity, 1 / alpha);
        foreach (double x in grid)
        {
            f.Fn(x).Should().BeLessThan(x, because: $"{f}({x:R}) lies below the identity");
            f.Grad(x).Should().BeGreaterThan(1, because: $"{f}′({x:R}) = e^(x/α) > 1");
            f.Grad2(x).Should().BeLessThan(0, because: $"{f}″({x:R}) = e^(x/α)/α < 0");
        }
    }

    [Theory]
    [MemberData(nameof(Alphas))]
    [MemberData(nameof(ExtremeAlphas))]
    public void Grad2IsGradOverAlphaWhereThatIsExact(double alpha)
    {
        // For a power-of-two α, e^(x/α)/α is f′ scaled exactly, wherever both are normal numbers.
        if (Math.ScaleB(alpha, -Math.ILogB(alpha)) is not (1.0 or -1.0))
        {
            return;
        }

        var f = new CELU(alpha);
        foreach (double y in new[] { -0.0, -1e-10, -0.3, -1, -2.5, -30, -300, -700 })
        {
            double x = y * Math.Abs(alpha);
            double grad = f.Grad(x);
            double scaled = grad / alpha;
            if (double.IsNormal(grad) && double.IsNormal(scaled))
            {
                f.Grad2(x).Should().Be(scaled, because: $"{f}″({x:R}) = {f}′({x:R})/α");
            }
        }
    }

    [Fact]
    public void AlphaOneIsTheELUWithAlphaOne()
    {
        // The same function: CELU(1) is held to ELU(1)'s own reference (eˣ of the exact x, not of an exact
        // quotient), and the two agree bit for bit for x > 0 and in value at ±0 (CELU(−0) = α·expm1(−0) = −0
        // keeps the sign of x; ELU gives +0 there).
        var celu = new CELU(1);
        var elu = new ELU(1);
        double[] xs = [.. Enumerable.Range(0, 4001).Select(i => -40 + (i * 0.01) + 1e-9), -745.2, -708.4, -1e-10, -1e-300, -5e-324];
        foreach (double x in xs)
        {
            for (int order = 0; order <= 2; order++)
            {
                double actual = Evaluate(celu, order, x);
                Ulp.Error(actual, ExactActivations.ELU(1, x, order)).Should().BeLessThanOrEqualTo(1.0, because: $"CELU(1) derivative {order} at {x:R} = {actual:R}");
            }
        }

        foreach (double x in Positive)
        {
            BitConverter.DoubleToInt64Bits(celu.Fn(x)).Should().Be(BitConverter.DoubleToInt64Bits(elu.Fn(x)));
            celu.Grad(x).Should().Be(elu.Grad(x));
            celu.Grad2(x).Should().Be(elu.Grad2(x));
        }

        foreach (double x in new[] { 0.0, -0.0 })
        {
            celu.Fn(x).Should().Be(elu.Fn(x));
            celu.Grad(x).Should().Be(elu.Grad(x));
            celu.Grad2(x).Should().Be(elu.Grad2(x));
        }

        celu.Should().NotBe(elu, because: "they are different activations that happen to coincide at α = 1");
    }

    [Theory]
    [MemberData(nameof(ExtremeAlphas))]
    public void ExtremeAlphasGiveTheScalarBitsAtEveryWidth(double alpha)
    {
        // The catalogue's shared width test does not run these α (they are in the accuracy suite only), so the
        // comparison is repeated here: every width, every lane, against the scalar overload, for the value, both
        // derivatives, the pair and the backward pass.
        var f = new CELU(alpha);
        var random = new Random(2718);
        double a = Math.Abs(alpha);
        double[] quotients = [0, 1e-320, 1e-300, 1e-30, 9.3e-10, 0.1, 0.3399, 0.34, 0.35, 1, 5, 63.9, 64.1, 99.9, 100.1, 700, 708.4, 745.2, 1000, 1400, 1460, 2199, 2201, 1e10, 1e300];
        double[] x =
        [
            .. quotients.Select(q => -q * a), .. quotients.Select(q => q * a), -5e-324, -1e-310, -1, -1e10, double.MinValue, double.NaN,
            double.NegativeInfinity, double.PositiveInfinity, .. Enumerable.Range(0, 300).Select(_ => -Math.Exp((random.NextDouble() * 14) - 7) * a),
            .. Enumerable.Range(0, 100).Select(_ => -Math.Pow(10, (random.NextDouble() * 616) - 308)),
        ];
        x = [.. x.OrderBy(_ => random.Next())];
        double[] dy = [.. x.Select(_ => random.Next(8) == 0 ? double.PositiveInfinity : Math.Pow(10, (random.NextDouble() * 600) - 300))];
        VectorWidth saved = SpanDriver.MaximumWidth;
        try
        {
            foreach (VectorWidth width in Enum.GetValues<VectorWidth>())
            {
                SpanDriver.MaximumWidth = width;
                var fn = new double[x.Length];
                var grad = new double[x.Length];
                var grad2 = new double[x.Length];
                var value = new double[x.Length];
                var gradient = new double[x.Length];
                var backward = new double[x.Length];
                f.Fn(x, fn);
                f.Grad(x, grad);
                f.Grad2(x, grad2);
                f.FnAndGrad(x, value, gradient);
                f.Backward(x, dy, backward);
                for (int i = 0; i < x.Length; i++)
                {
                    string because = $"{f} at x = {x[i]:R}, width {width}";
                    BitConverter.DoubleToInt64Bits(fn[i]).Should().Be(BitConverter.DoubleToInt64Bits(f.Fn(x[i])), because: because);
                    BitConverter.DoubleToInt64Bits(grad[i]).Should().Be(BitConverter.DoubleToInt64Bits(f.Grad(x[i])), because: because);
                    BitConverter.DoubleToInt64Bits(grad2[i]).Should().Be(BitConverter.DoubleToInt64Bits(f.Grad2(x[i])), because: because);
                    BitConverter.DoubleToInt64Bits(value[i]).Should().Be(BitConverter.DoubleToInt64Bits(fn[i]), because: because);
                    BitConverter.DoubleToInt64Bits(gradient[i]).Should().Be(BitConverter.DoubleToInt64Bits(grad[i]), because: because);
                    var one = new double[1];
                    f.Backward([x[i]], [dy[i]], one);
                    BitConverter.DoubleToInt64Bits(backward[i]).Should().Be(BitConverter.DoubleToInt64Bits(one[0]), because: because);
                }
            }
        }
        finally
        {
            SpanDriver.MaximumWidth = saved;
        }
    }

    [Theory]
    [InlineData(-1e-300, -8e-298, 1e-300)]   // dy·e^800 ≈ 2.7e47 although e^800 itself overflows
    [InlineData(1e-300, -1e-298, 1e300)]     // dy·e^−100 ≈ 3.7e256
    [InlineData(5e-324, -4e-321, 1e300)]     // dy·e^−810 with a subnormal α: ≈ 1.6e−52
    [InlineData(2, -1500, 1e308)]            // dy·e^−750: about 5e−18
    public void BackwardNeitherUnderflowsNorOverflowsEarly(double alpha, double x, double dy)
    {
        var f = new CELU(alpha);
        var result = new double[1];
        f.Backward([x], [dy], result);
        BigFloat exact = BigFloat.FromDouble(dy) * ExactActivations.CELU(alpha, x, 1);
        double.IsNormal(exact.ToDouble()).Should().BeTrue(because: "the case is one where the product is an ordinary number");
        Ulp.Error(result[0], exact).Should().BeLessThanOrEqualTo(1.0, because: $"{f} backward at {x:R} with dy = {dy:R}: {result[0]:R} vs {exact.ToDouble():R}");
    }

    [Fact]
    public void CannotBackwardFromOutput()
    {
        var f = new CELU(0.5);
        f.CanBackwardFromOutput.Should().BeFalse();
        Action act = () => f.BackwardFromOutput(new double[1], new double[1], new double[1]);
        act.Should().Throw<NotSupportedException>();
    }
}
