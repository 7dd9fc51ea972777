using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Activations.Catalogue;
using Activations.Tests.Reference;
using FluentAssertions;
using Xunit;

namespace Activations.Tests;

/// <summary>The library's catalogue describes every public activation, once, consistently.</summary>
[Trait("Isa", "Independent")]
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

    [Fact]
    public void EveryEntryHasItsTestReferenceAndNoReferenceIsLeftOver()
    {
        // The shared suites take each activation's exact values, limits, values at zero and crossings from its
        // ActivationReference subclass (Reference/Exact/<Name>.cs); without one, a new activation would fail
        // every suite that asks, so this names what is missing in one place.
        var types = KnownActivations.All.Select(d => d.Create(d.Defaults()).GetType()).ToArray();
        ActivationReference.All.Select(r => r.Activation)
            .Should().BeEquivalentTo(types, "every catalogue activation has exactly one test reference, and every reference is for a catalogue activation");
        foreach (ActivationFunction f in AllActivations.Instances)
        {
            ActivationReference.For(f).ExtraAccuracyInstances.Where(extra => extra.GetType() != f.GetType() || AllActivations.Instances.Contains(extra))
                .Should().BeEmpty(because: $"{f.GetType().Name}'s extra accuracy instances are of its own type and not already in the catalogue");
        }
    }
}

/// <summary>README.md's table of activations lists every catalogue entry with the formulas its description gives.</summary>
[Trait("Isa", "Independent")]
public class ReadmeTableTests
{
    [Fact]
    public void EveryActivationHasItsRowWithItsFormulas()
    {
        string[] rows = File.ReadAllLines(Readme()).Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToArray();
        foreach (ActivationDescriptor d in KnownActivations.All)
        {
            string[] row = Cells(rows.SingleOrDefault(r => r.StartsWith($"| `{d.Name}(", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"README.md's table has no row for {d.Name}"));
            (row[2].Trim(), row[3].Trim(), row[4].Trim()).Should().Be(d.Formulas, because: $"README.md's row of {d.Name} gives the formulas of its description");
        }
    }

    /// <summary>A table row's cells as Markdown reads them: split at every '|' except an escaped one (<c>\|</c>, a literal '|', as in |x|).</summary>
    private static string[] Cells(string row) =>
        Regex.Split(row, @"(?<!\\)\|").Select(cell => cell.Replace(@"\|", "|", StringComparison.Ordinal)).ToArray();

    /// <summary>The repository's README.md, found from the test assembly's folder upwards.</summary>
    private static string Readme()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "README.md");
            if (File.Exists(path) && File.Exists(Path.Combine(dir.FullName, "Activations.sln")))
            {
                return path;
            }
        }

        throw new FileNotFoundException("README.md next to Activations.sln, above the test assembly");
    }
}
