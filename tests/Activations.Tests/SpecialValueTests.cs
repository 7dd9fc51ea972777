using System;
using System.Collections.Generic;
using System.Linq;
using FluentAssertions;

namespace Activations.Tests;

/// <summary>
/// NaN, ±∞ and ±0 through every activation and every overload. NaN must come back as the very
/// input NaN (same payload, same sign); ±∞ must give the limit of the exact function; ±0 take the
/// "otherwise" branch of every "x &gt; 0" test, so the values there are the left-hand ones.
/// </summary>
public sealed class SpecialValueTests
{
    /// <summary>
    /// Quiet NaNs of both signs with and without payloads, and signalling NaNs (which a
    /// select keeps as they are, while arithmetic would quiet them).
    /// </summary>
    private static readonly double[] NaNs =
    [
        double.NaN,
        BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0000),
        BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0123),
        BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8_0000_DEAD_BEEF)),
        BitConverter.Int64BitsToDouble(0x7FFF_FFFF_FFFF_FFFF),
        BitConverter.Int64BitsToDouble(0x7FF0_0000_0000_0001),
        BitConverter.Int64BitsToDouble(unchecked((long)0xFFF4_0000_0000_0042)),
    ];

    /// <summary>SELU's λα, the product of the two decimal constants, rounded to the nearest double.</summary>
    private const double LambdaAlpha = 1.7580993408473768;

    /// <summary>
    /// The limits as x → −∞ and x → +∞ of (f, f′, f″), worked out from each formula:
    /// an exponential tends to 0 at −∞, so ELU(−∞) = α(0 − 1) = −α and its derivatives tend to 0;
    /// σ tends to 0 and 1 and its derivatives to 0; softplus(x) − x → 0 so softplus(∞) = ∞ with
    /// slope σ(∞) = 1; a linear map with slope 0 is its intercept everywhere; LeakyReLU(0) is 0 on
    /// the whole negative side. SELU's λα is the exact product of the two decimal constants, rounded once.
    /// </summary>
    private static readonly Dictionary<string, (double Fn, double Grad, double Grad2)[]> Limits = new()
    {
        ["Affine(slope=1, intercept=0)"] = [(double.NegativeInfinity, 1, 0), (double.PositiveInfinity, 1, 0)],
        ["Affine(slope=2, intercept=-1)"] = [(double.NegativeInfinity, 2, 0), (double.PositiveInfinity, 2, 0)],
        ["Affine(slope=0, intercept=3)"] = [(3, 0, 0), (3, 0, 0)],
        ["Affine(slope=-0.5, intercept=0.001)"] = [(double.PositiveInfinity, -0.5, 0), (double.NegativeInfinity, -0.5, 0)],
        ["ELU(alpha=1)"] = [(-1, 0, 0), (double.PositiveInfinity, 1, 0)],
        ["ELU(alpha=0.5)"] = [(-0.5, 0, 0), (double.PositiveInfinity, 1, 0)],
        ["ELU(alpha=2)"] = [(-2, 0, 0), (double.PositiveInfinity, 1, 0)],
        ["ELU(alpha=1.7976931348623157E+308)"] = [(-double.MaxValue, 0, 0), (double.PositiveInfinity, 1, 0)],
        ["ELU(alpha=-1.5E+308)"] = [(1.5e308, 0, 0), (double.PositiveInfinity, 1, 0)],
        ["ELU(alpha=1E+200)"] = [(-1e200, 0, 0), (double.PositiveInfinity, 1, 0)],
        ["ELU(alpha=1E-300)"] = [(-1e-300, 0, 0), (double.PositiveInfinity, 1, 0)],
        ["Exponential"] = [(0, 0, 0), (double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity)],
        ["HardSigmoid"] = [(0, 0, 0), (1, 0, 0)],
        ["Identity"] = [(double.NegativeInfinity, 1, 0), (double.PositiveInfinity, 1, 0)],
        ["LeakyReLU(alpha=0.3)"] = [(double.NegativeInfinity, 0.3, 0), (double.PositiveInfinity, 1, 0)],
        ["LeakyReLU(alpha=0.01)"] = [(double.NegativeInfinity, 0.01, 0), (double.PositiveInfinity, 1, 0)],
        ["LeakyReLU(alpha=0)"] = [(0, 0, 0), (double.PositiveInfinity, 1, 0)],
        ["ReLU"] = [(0, 0, 0), (double.PositiveInfinity, 1, 0)],
        ["SELU"] = [(-LambdaAlpha, 0, 0), (double.PositiveInfinity, SELU.Scale, 0)],
        ["Sigmoid"] = [(0, 0, 0), (1, 0, 0)],
        ["SoftPlus"] = [(0, 0, 0), (double.PositiveInfinity, 1, 0)],
        ["Tanh"] = [(-1, 0, 0), (1, 0, 0)],
    };

    /// <summary>
    /// (f, f′, f″) at 0, which the "x &gt; 0" convention puts on the left-hand branch:
    /// ELU′(0) = α·e⁰ = α, ReLU′(0) = 0, LeakyReLU′(0) = α, σ(0) = 1/2, σ′(0) = 1/4,
    /// softplus(0) = ln 2 (correctly rounded), HardSigmoid(0) = 1/2 with slope 1/5.
    /// </summary>
    private static readonly Dictionary<string, (double Fn, double Grad, double Grad2)> AtZero = new()
    {
        ["Affine(slope=1, intercept=0)"] = (0, 1, 0),
        ["Affine(slope=2, intercept=-1)"] = (-1, 2, 0),
        ["Affine(slope=0, intercept=3)"] = (3, 0, 0),
        ["Affine(slope=-0.5, intercept=0.001)"] = (0.001, -0.5, 0),
        ["ELU(alpha=1)"] = (0, 1, 1),
        ["ELU(alpha=0.5)"] = (0, 0.5, 0.5),
        ["ELU(alpha=2)"] = (0, 2, 2),
        ["ELU(alpha=1.7976931348623157E+308)"] = (0, double.MaxValue, double.MaxValue),
        ["ELU(alpha=-1.5E+308)"] = (0, -1.5e308, -1.5e308),
        ["ELU(alpha=1E+200)"] = (0, 1e200, 1e200),
        ["ELU(alpha=1E-300)"] = (0, 1e-300, 1e-300),
        ["Exponential"] = (1, 1, 1),
        ["HardSigmoid"] = (0.5, 0.2, 0),
        ["Identity"] = (0, 1, 0),
        ["LeakyReLU(alpha=0.3)"] = (0, 0.3, 0),
        ["LeakyReLU(alpha=0.01)"] = (0, 0.01, 0),
        ["LeakyReLU(alpha=0)"] = (0, 0, 0),
        ["ReLU"] = (0, 0, 0),
        ["SELU"] = (0, LambdaAlpha, LambdaAlpha),
        ["Sigmoid"] = (0.5, 0.25, 0),
        ["SoftPlus"] = (0.6931471805599453, 0.5, 0.25),
        ["Tanh"] = (0, 1, 0),
    };

    [Fact]
    public void EveryCatalogueEntryHasAnInfinityAndAZeroRow()
    {
        Limits.Keys.Should().BeEquivalentTo(AllActivations.Instances.Select(f => f.ToString()),
            because: "each activation's limits at ±∞ are worked out by hand and written in the table");
        AtZero.Keys.Should().BeEquivalentTo(AllActivations.Instances.Select(f => f.ToString()),
            because: "each activation's values at 0 are worked out by hand and written in the table");
    }

    [Theory]
    [MemberData(nameof(AllActivations.NamesAndOperations), MemberType = typeof(AllActivations))]
    public void NaNInGivesTheSameNaNOut(string name, Operation op)
    {
        ActivationFunction f = AllActivations.Get(name);
        foreach (double nan in NaNs)
        {
            long expected = BitConverter.DoubleToInt64Bits(nan);
            foreach ((string overload, double actual) in AllOverloads(f, op, nan))
            {
                BitConverter.DoubleToInt64Bits(actual).Should().Be(expected,
                    because: $"{f}.{op} ({overload} overload) must return its NaN input 0x{expected:X16} unchanged");
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllActivations.NamesAndOperations), MemberType = typeof(AllActivations))]
    public void InfinityGivesTheLimitOfTheExactFunction(string name, Operation op)
    {
        ActivationFunction f = AllActivations.Get(name);
        (double Fn, double Grad, double Grad2)[] limits = Limits[name];
        double[] infinities = [double.NegativeInfinity, double.PositiveInfinity];
        for (int i = 0; i < infinities.Length; i++)
        {
            double expected = Select(limits[i], op);
            foreach ((string overload, double actual) in AllOverloads(f, op, infinities[i]))
            {
                actual.Should().Be(expected, because: $"{f}.{op}({infinities[i]}) ({overload} overload) is the limit of the exact function");
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllActivations.NamesAndOperations), MemberType = typeof(AllActivations))]
    public void BothZerosTakeTheOtherwiseBranch(string name, Operation op)
    {
        ActivationFunction f = AllActivations.Get(name);
        double expected = Select(AtZero[name], op);
        foreach (double zero in new[] { 0.0, -0.0 })
        {
            foreach ((string overload, double actual) in AllOverloads(f, op, zero))
            {
                actual.Should().Be(expected,
                    because: $"{f}.{op}({(double.IsNegative(zero) ? "-0" : "+0")}) ({overload} overload) takes the x ≤ 0 branch");
            }
        }
    }

    private static double Select((double Fn, double Grad, double Grad2) row, Operation op) => op switch
    {
        Operation.Fn => row.Fn,
        Operation.Grad => row.Grad,
        _ => row.Grad2,
    };

    /// <summary>The value at x through the scalar, span (alone and among other values) and array overloads.</summary>
    private static IEnumerable<(string Overload, double Value)> AllOverloads(ActivationFunction f, Operation op, double x)
    {
        yield return ("scalar", f.Scalar(op, x));

        var one = new double[1];
        f.Span(op, [x], one);
        yield return ("span of one", one[0]);

        // Long enough for the widest vector, with x in the middle of ordinary values and
        // again in the overlapping final vector.
        double[] many = [.. Enumerable.Range(0, 19).Select(i => (i - 9) * 0.37)];
        many[5] = x;
        many[18] = x;
        var results = new double[many.Length];
        f.Span(op, many, results);
        yield return ("span, element 5 of 19", results[5]);
        yield return ("span, element 18 of 19", results[18]);

        yield return ("array", f.Array(op, [x])[0]);
    }
}
