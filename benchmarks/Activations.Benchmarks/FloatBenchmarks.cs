using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace Activations.Benchmarks.FloatFamily;

/// <summary>
/// The float overloads: every activation of the catalogue × {Fn, Grad, Grad2} over N floats
/// (the double suite's inputs rounded to float), three ways in the same run:
/// <list type="bullet">
/// <item><see cref="TensorPrimitives"/> (the baseline): TensorPrimitives' float operations, the
/// direct one (<c>Exp</c>, <c>Sigmoid</c>, <c>Tanh</c>, …) or the double suite's composition in
/// float (<see cref="TensorPrimitivesCompositions{T}"/>);</item>
/// <item><see cref="Library"/>: the library's float span overload;</item>
/// <item><see cref="CopyTo"/>: copying N floats, the memory-bandwidth bound.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class FloatBenchmark
{
    private float[] _x = [];
    private float[] _destination = [];
    private float[] _scratch = [];
    private ActivationFunction _function = new Identity();
    private TensorPrimitivesCompositions<float>? _compositions;
    private bool _warmedUp;
    private string? _parsed;

    /// <summary>Every activation of the catalogue.</summary>
    public static IEnumerable<string> ActivationNames => CatalogueActivations.All;

    /// <summary>The sizes of the suite, those of the double suite.</summary>
    public static IReadOnlyList<int> Sizes => OperationBenchmark.Sizes;

    /// <summary>The activation's canonical form.</summary>
    [ParamsSource(nameof(ActivationNames))]
    public string Activation { get; set; } = string.Empty;

    /// <summary>The number of floats per call.</summary>
    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    /// <summary>The overload measured.</summary>
    [ParamsAllValues]
    public Operation Operation { get; set; }

    /// <summary>The output of the last call, for the agreement check.</summary>
    internal float[] Destination => _destination;

    /// <summary>Sets up <see cref="TensorPrimitives"/>.</summary>
    [GlobalSetup(Target = nameof(TensorPrimitives))]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetupTensorPrimitives() => Setup(TensorPrimitives);

    /// <summary>Sets up <see cref="Library"/>.</summary>
    [GlobalSetup(Target = nameof(Library))]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetupLibrary() => Setup(Library);

    /// <summary>Sets up <see cref="CopyTo"/>.</summary>
    [GlobalSetup(Target = nameof(CopyTo))]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetupCopyTo() => Setup(CopyTo);

    /// <summary>Drops the arrays so that the next setup allocates new ones at other addresses.</summary>
    [GlobalCleanup]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Cleanup()
    {
        _x = [];
        _destination = [];
        _scratch = [];
    }

    /// <summary>TensorPrimitives' float equivalent (the baseline).</summary>
    [Benchmark(Baseline = true)]
    public void TensorPrimitives()
    {
        TensorPrimitivesCompositions<float> compositions = _compositions
            ?? throw new InvalidOperationException($"no TensorPrimitives composition for {Activation}: add one to TensorPrimitivesCompositions.For");
        Composition<UnaryComposition<float>> composition = Operation switch
        {
            Operation.Fn => compositions.Fn,
            Operation.Grad => compositions.Grad,
            _ => compositions.Grad2,
        };
        composition.Run(_x, _destination, _scratch);
    }

    /// <summary>The library's float span overload.</summary>
    [Benchmark]
    public void Library()
    {
        switch (Operation)
        {
            case Operation.Fn:
                _function.Fn(_x, _destination);
                break;
            case Operation.Grad:
                _function.Grad(_x, _destination);
                break;
            default:
                _function.Grad2(_x, _destination);
                break;
        }
    }

    /// <summary>Copies the input to the output.</summary>
    [Benchmark]
    public void CopyTo() => _x.AsSpan().CopyTo(_destination);

    /// <summary>Parses the activation and allocates the arrays with <paramref name="length"/> elements.</summary>
    /// <param name="length">The number of elements.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Allocate(int length)
    {
        // Parsed once per process, as in TrainingLoopBenchmark.Allocate.
        if (_parsed != Activation)
        {
            _function = ActivationFunction.Parse(Activation);
            _compositions = TensorPrimitivesCompositions<float>.For(_function);
            _parsed = Activation;
        }

        _x = BenchmarkInputs.CreateSingle(length);
        _destination = GC.AllocateUninitializedArray<float>(length);
        _scratch = GC.AllocateUninitializedArray<float>(length);
    }

    /// <summary>The disagreements of the TensorPrimitives variant with the library on the smallest size (empty when they agree).</summary>
    /// <returns>At most one line.</returns>
    internal IEnumerable<string> Disagreements()
    {
        Allocate(OperationBenchmark.SmallestSize);
        _destination.AsSpan().Fill(float.NaN);
        Library();
        float[] expected = [.. _destination];
        _destination.AsSpan().Fill(float.NaN);
        TensorPrimitives();
        string? problem = VariantAgreementValidator.CompareSingle(nameof(TensorPrimitives), _destination, expected, _x);
        _destination.AsSpan().Fill(float.NaN);
        CopyTo();
        problem ??= VariantAgreementValidator.UnwrittenSingle(nameof(CopyTo), _destination);
        Cleanup();
        return problem is null ? [] : [problem];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Setup(Action variant)
    {
        if (TieringWarmUp.IsEnabled && !_warmedUp)
        {
            _warmedUp = true;
            Allocate(Math.Min(N, TieringWarmUp.MaxLength));
            TieringWarmUp.Run(variant);
            Cleanup();
        }

        Allocate(N);
    }
}
