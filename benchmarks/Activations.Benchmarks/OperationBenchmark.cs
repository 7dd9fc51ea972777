using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace Activations.Benchmarks;

/// <summary>
/// One activation's <see cref="Operation"/> over <see cref="N"/> doubles, four ways, so that
/// BenchmarkDotNet's Ratio column (computed per N and operation) compares them directly:
/// <list type="bullet">
/// <item><see cref="TensorPrimitives"/> (the baseline): System.Numerics.Tensors, the direct
/// operation where one exists, else the shortest composition of its calls;</item>
/// <item><see cref="Library"/>: this library's span overload;</item>
/// <item><see cref="CopyTo"/>: copying N doubles, the memory-bandwidth bound of any element-wise map;</item>
/// <item><see cref="ScalarLoop"/>: the textbook formula in a plain loop, what users write by hand.</item>
/// </list>
/// A subclass names the activation and spells out the scalar loops and the TensorPrimitives
/// compositions; the arrays live here, allocated in the setup and never in a measured call.
/// (The subclasses are not sealed: BenchmarkDotNet rejects sealed benchmark classes.)
/// </summary>
[MemoryDiagnoser]
public abstract class OperationBenchmark
{
    /// <summary>The smallest size, the only one the smoke configuration runs.</summary>
    public const int SmallestSize = 1_024;

    private double[] _x = [];
    private double[] _destination = [];
    private double[] _scratch = [];
    private bool _warmedUp;

    /// <summary>The sizes of the suite, the values of <see cref="N"/>.</summary>
    public static IReadOnlyList<int> Sizes { get; } = [SmallestSize, 16_384, 1_048_576, 16_777_216];

    /// <summary>The number of doubles per call: from L1-resident (8 KiB) to 128 MiB per array.</summary>
    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    /// <summary>The overload measured.</summary>
    [ParamsAllValues]
    public Operation Operation { get; set; }

    /// <summary>The activation under test, with the parameters the subclass documents.</summary>
    public abstract ActivationFunction Activation { get; }

    /// <summary>The output of the last measured call, for the agreement check.</summary>
    internal ReadOnlySpan<double> Destination => _destination;

    /// <summary>Fills the output with NaN, so that the agreement check notices a variant that leaves elements unwritten.</summary>
    internal void PoisonDestination() => _destination.AsSpan().Fill(double.NaN);

    // The setup and cleanup run before every iteration under memory randomization: they are
    // compiled optimised at once, so that they are not recompiled while the measured iterations run.

    /// <summary>Sets up <see cref="Library"/>: the arrays, after the tiering warm-up in a measuring process.</summary>
    [GlobalSetup(Target = nameof(Library))]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetupLibrary() => Setup(Library, withScratch: false);

    /// <summary>Sets up <see cref="TensorPrimitives"/>, with the scratch array some compositions need.</summary>
    [GlobalSetup(Target = nameof(TensorPrimitives))]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetupTensorPrimitives() => Setup(TensorPrimitives, withScratch: true);

    /// <summary>Sets up <see cref="CopyTo"/>.</summary>
    [GlobalSetup(Target = nameof(CopyTo))]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetupCopyTo() => Setup(CopyTo, withScratch: false);

    /// <summary>Sets up <see cref="ScalarLoop"/>.</summary>
    [GlobalSetup(Target = nameof(ScalarLoop))]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetupScalarLoop() => Setup(ScalarLoop, withScratch: false);

    /// <summary>Allocates the input, output and scratch arrays with <paramref name="length"/> elements.</summary>
    /// <param name="length">The number of elements.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Allocate(int length)
    {
        _x = BenchmarkInputs.Create(length);
        _destination = GC.AllocateUninitializedArray<double>(length);
        _scratch = GC.AllocateUninitializedArray<double>(length);
    }

    /// <summary>Drops the arrays so that the next setup allocates new ones at other addresses.</summary>
    [GlobalCleanup]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Cleanup()
    {
        _x = [];
        _destination = [];
        _scratch = [];
    }

    // The first setup of a measuring process warms the variant up on arrays of at most
    // TieringWarmUp.MaxLength elements; every setup then allocates the arrays of N elements (again
    // before every iteration under memory randomization, at other addresses).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Setup(Action variant, bool withScratch)
    {
        if (TieringWarmUp.IsEnabled && !_warmedUp)
        {
            _warmedUp = true;
            Allocate(Math.Min(N, TieringWarmUp.MaxLength));
            TieringWarmUp.Run(variant);
            Cleanup();
        }

        _x = BenchmarkInputs.Create(N);
        _destination = GC.AllocateUninitializedArray<double>(N);
        _scratch = withScratch ? GC.AllocateUninitializedArray<double>(N) : [];
    }

    /// <summary>The System.Numerics.Tensors equivalent: the comparison that matters.</summary>
    [Benchmark(Baseline = true)]
    public void TensorPrimitives()
    {
        switch (Operation)
        {
            case Operation.Fn:
                TensorPrimitivesFn(_x, _destination, _scratch);
                break;
            case Operation.Grad:
                TensorPrimitivesGrad(_x, _destination, _scratch);
                break;
            default:
                TensorPrimitivesGrad2(_x, _destination, _scratch);
                break;
        }
    }

    /// <summary>This library's span overload.</summary>
    [Benchmark]
    public void Library()
    {
        ActivationFunction activation = Activation;
        switch (Operation)
        {
            case Operation.Fn:
                activation.Fn(_x, _destination);
                break;
            case Operation.Grad:
                activation.Grad(_x, _destination);
                break;
            default:
                activation.Grad2(_x, _destination);
                break;
        }
    }

    /// <summary>Copies the input to the output: one read and one write per element, no arithmetic.</summary>
    [Benchmark]
    public void CopyTo() => _x.AsSpan().CopyTo(_destination);

    /// <summary>The textbook formula, one element at a time.</summary>
    [Benchmark]
    public void ScalarLoop()
    {
        switch (Operation)
        {
            case Operation.Fn:
                ScalarFn(_x, _destination);
                break;
            case Operation.Grad:
                ScalarGrad(_x, _destination);
                break;
            default:
                ScalarGrad2(_x, _destination);
                break;
        }
    }

    /// <summary>f(x[i]) by the textbook formula, element by element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">The outputs, as long as x.</param>
    protected abstract void ScalarFn(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>f′(x[i]) by the textbook formula, element by element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">The outputs, as long as x.</param>
    protected abstract void ScalarGrad(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>f″(x[i]) by the textbook formula, element by element.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">The outputs, as long as x.</param>
    protected abstract void ScalarGrad2(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>f over the span with TensorPrimitives calls.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">The outputs, as long as x.</param>
    /// <param name="scratch">A preallocated buffer as long as x, free for intermediate results.</param>
    protected abstract void TensorPrimitivesFn(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch);

    /// <summary>f′ over the span with TensorPrimitives calls.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">The outputs, as long as x.</param>
    /// <param name="scratch">A preallocated buffer as long as x, free for intermediate results.</param>
    protected abstract void TensorPrimitivesGrad(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch);

    /// <summary>f″ over the span with TensorPrimitives calls.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">The outputs, as long as x.</param>
    /// <param name="scratch">A preallocated buffer as long as x, free for intermediate results.</param>
    protected abstract void TensorPrimitivesGrad2(ReadOnlySpan<double> x, Span<double> destination, Span<double> scratch);
}
