using System;
using System.Linq;
using Activations.Catalogue;
using FluentAssertions;
using Xunit;

namespace Activations.Tests;

/// <summary>The library's catalogue describes every public activation, once, consistently.</summary>
public class CatalogueTests
{
    [Fact]
    public void EveryPublicActivationIsInTheCatalogue()
    {
        var publicActivations = typeof(ActivationFunction).Assembly.GetExportedTypes()
            .Where(t => t.IsSubclassOf(typeof(ActivationFunction)))
            .ToArray();
        publicActivations.Should().NotBeEmpty();
        publicActivations.Should().OnlyContain(t => t.IsSealed, "every activation is a sealed class");
        KnownActivations.All.Select(d => d.Create(d.Defaults()).GetType())
            .Should().BeEquivalentTo(publicActivations, "every public activation has exactly one catalogue entry");
    }

    [Fact]
    public void EveryEntryCreatesItsOwnTypeNamedAsTheEntry()
    {
        foreach (ActivationDescriptor d in KnownActivations.All)
        {
            ActivationFunction f = d.Create(d.Defaults());
            f.Description.Should().BeSameAs(d, because: $"{d.Name}'s instances carry its description");
            f.GetType().Name.Should().Be(d.Name, because: "the canonical name is the class name");
            ActivationFunction.Parse(d.Name).Should().Be(f, because: $"\"{d.Name}\" reads as the defaults");
            foreach (double[] variant in d.Variants)
            {
                d.Create(variant).Should().NotBe(f, because: $"a variant of {d.Name} differs from its defaults");
            }
        }
    }

    [Fact]
    public void NamesAreUniqueIgnoringCaseAndSeparators()
    {
        var keys = KnownActivations.All.SelectMany(d => d.Aliases.Prepend(d.Name))
            .Select(n => new string(n.Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant());
        keys.Should().OnlyHaveUniqueItems();
        keys.Should().OnlyContain(k => k.Length <= ActivationParser.MaxNameLength, "the parser looks names up in a buffer of this size");
        ActivationFunction.Names.Should().Equal(KnownActivations.All.Select(d => d.Name));
    }

    [Fact]
    public void ParametersHaveTheConstructorsNamesAndDefaults()
    {
        foreach (ActivationDescriptor d in KnownActivations.All)
        {
            var constructor = d.Create(d.Defaults()).GetType().GetConstructors().Single();
            constructor.GetParameters().Select(p => (p.Name, Default: Convert.ToDouble(p.DefaultValue, System.Globalization.CultureInfo.InvariantCulture)))
                .Should().Equal(d.Parameters.Select(p => ((string?)p.Name, p.Default)), because: $"{d.Name}'s description matches its constructor");
        }
    }
}
