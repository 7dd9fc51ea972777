using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Activations.Catalogue;
using FluentAssertions;

namespace Activations.Tests;

/// <summary>Equality, hashing, the canonical ToString form, and constructor validation of every activation.</summary>
[Trait("Isa", "Independent")]
public class EqualityAndFormatTests
{
    /// <summary>Each activation and the exact text its ToString must give.</summary>
    public static TheoryData<ActivationFunction, string> CanonicalForms => new()
    {
        { new Affine(), "Affine(slope=1, intercept=0)" },
        { new ELU(), "ELU(alpha=1)" },
        { new Exponential(), "Exponential" },
        { new GELU(), "GELU(approximate=True)" },
        { new GELU(approximate: false), "GELU(approximate=False)" },
        { new HardSigmoid(), "HardSigmoid" },
        { new Identity(), "Identity" },
        { new LeakyReLU(), "LeakyReLU(alpha=0.3)" },
        { new LogSigmoid(), "LogSigmoid" },
        { new Mish(), "Mish" },
        { new ReLU(), "ReLU" },
        { new SELU(), "SELU" },
        { new SiLU(), "SiLU" },
        { new Sigmoid(), "Sigmoid" },
        { new SoftPlus(), "SoftPlus" },
        { new Softsign(), "Softsign" },
        { new CELU(), "CELU(alpha=1)" },
        { new CELU(-0.5), "CELU(alpha=-0.5)" },
        { new CELU(5e-324), "CELU(alpha=5E-324)" },
        { new Tanh(), "Tanh" },
        { new Affine(2, -1), "Affine(slope=2, intercept=-1)" },
        { new Affine(-0.5, 1e-300), "Affine(slope=-0.5, intercept=1E-300)" },
        { new ELU(0.1), "ELU(alpha=0.1)" },
        { new ELU(-0.0), "ELU(alpha=-0)" },
        { new ELU(double.Epsilon), "ELU(alpha=5E-324)" },
        { new ELU(double.MaxValue), "ELU(alpha=1.7976931348623157E+308)" },
        { new LeakyReLU(-double.MaxValue), "LeakyReLU(alpha=-1.7976931348623157E+308)" },
        { new LeakyReLU(0.1 + 0.2), "LeakyReLU(alpha=0.30000000000000004)" },
        { new LeakyReLU(1e21), "LeakyReLU(alpha=1E+21)" },
    };

    /// <summary>Pairs that compute different functions and so must not be equal.</summary>
    public static TheoryData<ActivationFunction, ActivationFunction> UnequalPairs => new()
    {
        { new ELU(1), new ELU(2) },
        { new ELU(0.0), new ELU(-0.0) }, // ELU(−∞) = −α: the results differ in the sign of zero
        { new LeakyReLU(0.0), new LeakyReLU(-0.0) },
        { new LeakyReLU(0.3), new LeakyReLU(0.30000000000000004) },
        { new Affine(1, 0), new Affine(0, 1) },
        { new Affine(1, 0), new Affine(1, double.Epsilon) },
        { new ELU(1), new LeakyReLU(1) },
        { new LeakyReLU(0), new ReLU() },
        { new Affine(), new Identity() },
        { new ReLU(), new Identity() },
        { new Sigmoid(), new Tanh() },
        { new SELU(), new ELU(SELU.Alpha) },
        { new LogSigmoid(), new SoftPlus() },
        { new Mish(), new SoftPlus() },
        { new Softsign(), new Tanh() },
        { new SiLU(), new Sigmoid() },
        { new CELU(1), new ELU(1) }, // the same function, but different activations
        { new CELU(1), new CELU(2) },
        { new GELU(), new GELU(approximate: false) },
    };

    [Theory]
    [MemberData(nameof(CanonicalForms))]
    public void ToString_is_the_canonical_form(ActivationFunction activation, string expected)
    {
        activation.ToString().Should().Be(expected);
    }

    [Fact]
    public void ToString_and_Parse_ignore_the_current_culture()
    {
        // The test host runs with invariant globalization, so named cultures such as de-DE are not
        // available; a clone of the invariant culture with a decimal comma and a Unicode minus sign
        // has the number format that would break a culture-sensitive implementation.
        var commaCulture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        commaCulture.NumberFormat.NumberDecimalSeparator = ",";
        commaCulture.NumberFormat.NumberGroupSeparator = ".";
        commaCulture.NumberFormat.NegativeSign = "\u2212";
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = commaCulture;
            (-1.5).ToString(CultureInfo.CurrentCulture).Should().Be("\u22121,5", because: "the test culture must really differ from the invariant one");

            new Affine(2.5, -1.25).ToString().Should().Be("Affine(slope=2.5, intercept=-1.25)");
            new ELU(-0.5).ToString().Should().Be("ELU(alpha=-0.5)");
            new LeakyReLU(1e-5).ToString().Should().Be("LeakyReLU(alpha=1E-05)");
            ActivationFunction.Parse("ELU(alpha=-0.5)").Should().Be(new ELU(-0.5));
            ActivationFunction.TryParse("ELU(alpha=0,5)", out _).Should().BeFalse(because: "a decimal comma is not invariant");
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Same_activation_with_same_parameters_is_equal_with_the_same_hash()
    {
        AssertEqual(new Affine(2, -1), new Affine(2, -1));
        AssertEqual(new Affine(), new Affine(1, 0));
        AssertEqual(new ELU(), new ELU(1.0));
        AssertEqual(new ELU(-0.0), new ELU(-0.0));
        AssertEqual(new GELU(), new GELU(approximate: true));
        AssertEqual(new LeakyReLU(), new LeakyReLU(0.3));
        AssertEqual(new LeakyReLU(double.Epsilon), new LeakyReLU(double.Epsilon));
        foreach (ActivationFunction f in AllActivations.Instances)
        {
            AssertEqual(f, ActivationFunction.Parse(f.ToString()));
        }
    }

    [Theory]
    [MemberData(nameof(UnequalPairs))]
    public void Different_activations_or_parameters_are_unequal(ActivationFunction first, ActivationFunction second)
    {
        first.Equals(second).Should().BeFalse(because: $"{first} and {second} differ");
        second.Equals(first).Should().BeFalse(because: "equality is symmetric");
        first.Equals((object)second).Should().BeFalse();
    }

    [Fact]
    public void Nothing_else_equals_an_activation()
    {
        new ReLU().Equals(null).Should().BeFalse();
        new ReLU().Equals((object?)null).Should().BeFalse();
        new ReLU().Equals("ReLU").Should().BeFalse(because: "a string is not an activation, even its canonical form");
    }

    [Theory]
    [MemberData(nameof(AllActivations.Names), MemberType = typeof(AllActivations))]
    public void Equality_operators_agree_with_Equals_for_every_catalogue_pair(string name)
    {
        ActivationFunction left = AllActivations.Get(name);
        foreach (ActivationFunction entry in AllActivations.Instances)
        {
            // A new instance, so that == cannot agree with Equals by comparing references.
            ActivationFunction right = ActivationFunction.Parse(entry.ToString());
            bool equal = left.Equals(right);

            equal.Should().Be(entry.ToString() == name, because: $"{left} and {right} are {(equal ? "equal" : "unequal")}");
            (left == right).Should().Be(equal, because: $"{left} == {right} must agree with Equals");
            (right == left).Should().Be(equal, because: $"{right} == {left} must agree with Equals");
            (left != right).Should().Be(!equal, because: $"{left} != {right} must agree with Equals");
            (right != left).Should().Be(!equal, because: $"{right} != {left} must agree with Equals");
        }
    }

    [Fact]
    public void Equality_operators_compare_values_whatever_the_static_types()
    {
        ELU first = new();
        ELU second = new(1.0);
        ActivationFunction asBase = new ELU();

        (first == second).Should().BeTrue(because: "both are ELU(alpha=1)");
        (first != second).Should().BeFalse(because: "both are ELU(alpha=1)");
        (asBase == first).Should().BeTrue(because: "both are ELU(alpha=1)");
        (first != asBase).Should().BeFalse(because: "both are ELU(alpha=1)");
        (first == new ELU(2)).Should().BeFalse();
        (first != new ELU(2)).Should().BeTrue();
    }

    [Fact]
    public void Equality_operators_take_null_as_equal_to_null_only()
    {
        ActivationFunction f = new ReLU();
        ActivationFunction? none = null;
        ActivationFunction? alsoNone = null;

        (f == none).Should().BeFalse();
        (none == f).Should().BeFalse();
        (f != none).Should().BeTrue();
        (none != f).Should().BeTrue();
        (none == alsoNone).Should().BeTrue();
        (none != alsoNone).Should().BeFalse();
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_parameter_is_refused_with_its_name(double value)
    {
        AssertRefused(() => new Affine(intercept: value), "intercept", value);

        // Every number parameter of every public activation, through its constructor, the others at their defaults.
        foreach (ActivationDescriptor d in KnownActivations.All)
        {
            ConstructorInfo constructor = d.Create(d.Defaults()).GetType().GetConstructors().Single();
            ParameterInfo[] parameters = constructor.GetParameters();
            for (int i = 0; i < parameters.Length; i++)
            {
                if (parameters[i].ParameterType != typeof(double))
                {
                    continue;
                }

                object?[] arguments = [.. parameters.Select((p, j) => j == i ? value : p.DefaultValue)];
                AssertRefused(() => Construct(constructor, arguments), parameters[i].Name!, value);
            }
        }
    }

    private static ActivationFunction Construct(ConstructorInfo constructor, object?[] arguments)
    {
        try
        {
            return (ActivationFunction)constructor.Invoke(arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    private static void AssertEqual(ActivationFunction first, ActivationFunction second)
    {
        first.Should().NotBeSameAs(second);
        first.Equals(second).Should().BeTrue(because: $"both are {first}");
        first.Equals((object)second).Should().BeTrue(because: $"both are {first}");
        first.GetHashCode().Should().Be(second.GetHashCode(), because: $"equal instances ({first}) must hash alike");
    }

    private static void AssertRefused(Func<ActivationFunction> create, string parameterName, double value)
    {
        create.Should().ThrowExactly<ArgumentOutOfRangeException>(because: $"{parameterName} = {value}")
            .Which.ParamName.Should().Be(parameterName);
    }
}
