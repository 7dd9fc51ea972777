using System;
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

    /// <summary>The number of doubles per call: from L1-resident (8 KiB) to 128 MiB per array.</summary>
    [Params(SmallestSize, 16_384, 1_048_576, 16_777_216)]
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

    /// <summary>Allocates the input and output arrays (again before every iteration under memory randomization).</summary>
    [GlobalSetup(Targets = new[] { nameof(Library), nameof(CopyTo), nameof(ScalarLoop) })]
    public void Setup()
    {
        _x = BenchmarkInputs.Create(N);
        _destination = GC.AllocateUninitializedArray<double>(N);
    }

    /// <summary>As <see cref="Setup"/>, plus the scratch array some TensorPrimitives compositions need.</summary>
    [GlobalSetup(Target = nameof(TensorPrimitives))]
    public void SetupWithScratch()
    {
        Setup();
        _scratch = GC.AllocateUninitializedArray<double>(N);
    }

    /// <summary>Drops the arrays so that the next setup allocates new ones at other addresses.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _x = [];
        _destination = [];
        _scratch = [];
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
