using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using TP = System.Numerics.Tensors.TensorPrimitives;

namespace Activations.Benchmarks.TrainingLoopFamily;

// The training-loop family: the fused operations a layer's backward pass and forward pass call
// (Backward, BackwardFromOutput, FnAndGrad), over N doubles, for every activation of the catalogue
// (CatalogueActivations: ActivationFunction.Names, read back with Parse). Each class measures one
// operation in several variants in the same run, so that BenchmarkDotNet's Ratio column and the
// results file's ratios compare them directly; the variants' outputs are checked against the
// library's by the VariantAgreementValidator before anything is timed.

/// <summary>
/// The common part: the activation (a canonical form from the catalogue, parsed in the setup), N,
/// the arrays (x uniform in [−10, 10] and dy uniform in [−1, 1], fixed seeds; for the from-output
/// form y = f(x) by the library), the tiering warm-up of each variant, and the agreement check.
/// </summary>
[MemoryDiagnoser]
public abstract class TrainingLoopBenchmark
{
    private bool _warmedUp;
    private string? _parsed;

    /// <summary>The sizes of the suite, those of the double suite.</summary>
    public static IReadOnlyList<int> Sizes => OperationBenchmark.Sizes;

    /// <summary>The number of doubles per call.</summary>
    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    /// <summary>The activation's canonical form, e.g. <c>Sigmoid</c> or <c>Affine(slope=0.5, intercept=1)</c>.</summary>
    public abstract string Activation { get; set; }

    /// <summary>The operation's name in the results, e.g. <c>Backward</c>.</summary>
    internal abstract string OperationName { get; }

    /// <summary>The activation, parsed in the setup.</summary>
    protected ActivationFunction Function { get; private set; } = new Identity();

    /// <summary>Its TensorPrimitives compositions (doubles).</summary>
    private protected TensorPrimitivesCompositions<double>? Compositions { get; private set; }

    /// <summary>The inputs x.</summary>
    protected double[] X { get; private set; } = [];

    /// <summary>The output gradients dy.</summary>
    protected double[] Dy { get; private set; } = [];

    /// <summary>The saved outputs y = f(x) (only where <see cref="NeedsOutput"/>).</summary>
    protected double[] Y { get; private set; } = [];

    /// <summary>The first output.</summary>
    protected double[] Destination { get; private set; } = [];

    /// <summary>A scratch array, or the second output.</summary>
    protected double[] Scratch { get; private set; } = [];

    /// <summary>Whether the class reads the saved outputs y.</summary>
    protected virtual bool NeedsOutput => false;

    /// <summary>Drops the arrays so that the next setup allocates new ones at other addresses.</summary>
    [GlobalCleanup]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Cleanup()
    {
        X = [];
        Dy = [];
        Y = [];
        Destination = [];
        Scratch = [];
    }

    /// <summary>
    /// The variants' disagreements with the library on <see cref="OperationBenchmark.SmallestSize"/>
    /// elements (empty when they agree), for the <see cref="VariantAgreementValidator"/>.
    /// </summary>
    /// <returns>One line per disagreeing variant.</returns>
    internal abstract IEnumerable<string> Disagreements();

    /// <summary>Parses the activation and allocates the arrays with <paramref name="length"/> elements.</summary>
    /// <param name="length">The number of elements.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Allocate(int length)
    {
        // Parsed once per process: the setup runs before every iteration under memory
        // randomization, and the parser and the compositions' construction, called again, would be
        // compiled at their next tier while the measured iterations run.
        if (_parsed != Activation)
        {
            Function = ActivationFunction.Parse(Activation);
            Compositions = TensorPrimitivesCompositions<double>.For(Function);
            _parsed = Activation;
        }

        X = BenchmarkInputs.Create(length);
        Dy = BenchmarkInputs.CreateOutputGradient(length);
        Y = NeedsOutput ? BenchmarkInputs.CreateOutput(Function, Activation, length) : [];
        Destination = GC.AllocateUninitializedArray<double>(length);
        Scratch = GC.AllocateUninitializedArray<double>(length);
    }

    /// <summary>Fills both outputs with NaN, so that the agreement check notices an element left unwritten.</summary>
    internal void Poison()
    {
        Destination.AsSpan().Fill(double.NaN);
        Scratch.AsSpan().Fill(double.NaN);
    }

    /// <summary>The composition of the operation, or a failure that the validator reports.</summary>
    /// <returns>The compositions.</returns>
    private protected TensorPrimitivesCompositions<double> RequireCompositions() =>
        Compositions ?? throw new InvalidOperationException($"no TensorPrimitives composition for {Activation}: add one to TensorPrimitivesCompositions.For");

    /// <summary>
    /// The setup of one variant: in a measuring process the first setup warms it up on arrays of
    /// min(N, <see cref="TieringWarmUp.MaxLength"/>) elements; every setup then allocates the arrays of N elements.
    /// </summary>
    /// <param name="variant">The measured method.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected void Setup(Action variant)
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

/// <summary>
/// <see cref="ActivationFunction.Backward(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double})"/>,
/// dy·f′(x): the fused pass against the TensorPrimitives composition (f′ by its calls, then
/// <c>Multiply</c> by dy; for a constant f′ the one call that gives dy·f′), our own Grad alone, our
/// Grad then TensorPrimitives' Multiply, and the three-stream bound (Multiply(x, dy, d): two
/// arrays read and one written, the bytes any backward pass moves).
/// </summary>
public class BackwardBenchmark : TrainingLoopBenchmark
{
    /// <summary>Every activation of the catalogue.</summary>
    public static IEnumerable<string> ActivationNames => CatalogueActivations.All;

    /// <inheritdoc/>
    [ParamsSource(nameof(ActivationNames))]
    public override string Activation { get; set; } = string.Empty;

    /// <inheritdoc/>
    internal override string OperationName => "Backward";

    /// <summary>Sets up <see cref="TensorPrimitives"/>.</summary>
    [GlobalSetup(Target = nameof(TensorPrimitives))]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetupTensorPrimitives() => Setup(TensorPrimitives);

    /// <summary>Sets up <see cref="Library"/>.</summary>
    [GlobalSetup(Target = nameof(Library))]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetupLibrary() => Setup(Library);

    /// <summary>Sets up <see cref="LibraryGrad"/>.</summary>
    [GlobalSetup(Target = nameof(LibraryGrad))]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetupLibraryGrad() => Setup(LibraryGrad);

    /// <summary>Sets up <see cref="LibraryGradThenMultiply"/>.</summary>
    [GlobalSetup(Target = nameof(LibraryGradThenMultiply))]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetupLibraryGradThenMultiply() => Setup(LibraryGradThenMultiply);

    /// <summary>Sets up <see cref="ThreeStreams"/>.</summary>
    [GlobalSetup(Target = nameof(ThreeStreams))]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetupThreeStreams() => Setup(ThreeStreams);

    /// <summary>The TensorPrimitives composition (the baseline).</summary>
    [Benchmark(Baseline = true)]
    public void TensorPrimitives() => RequireCompositions().Backward.Run.Invoke(X, Dy, Destination, Scratch);

    /// <summary>The library's fused backward pass.</summary>
    [Benchmark]
    public void Library() => Function.Backward(X, Dy, Destination);

    /// <summary>The library's f′ alone, without dy: what the fused pass should cost about as much as.</summary>
    [Benchmark]
    public void LibraryGrad() => Function.Grad(X, Destination);

    /// <summary>The library's f′ into scratch, then TensorPrimitives' Multiply by dy: what a user of Grad writes.</summary>
    [Benchmark]
    public void LibraryGradThenMultiply()
    {
        Function.Grad(X, Scratch);
        TP.Multiply(Scratch, Dy, Destination);
    }

    /// <summary>TensorPrimitives.Multiply(x, dy, d): the bytes-moved bound of a backward pass.</summary>
    [Benchmark]
    public void ThreeStreams() => TP.Multiply(X, Dy, Destination);

    /// <inheritdoc/>
    internal override IEnumerable<string> Disagreements()
    {
        Allocate(OperationBenchmark.SmallestSize);
        Poison();
        Library();
        double[] expected = [.. Destination];
        foreach ((string name, Action variant) in new (string, Action)[] { (nameof(TensorPrimitives), TensorPrimitives), (nameof(LibraryGradThenMultiply), LibraryGradThenMultiply) })
        {
            Poison();
            variant();
            if (VariantAgreementValidator.Compare(name, Destination, expected, X) is { } problem)
            {
                yield return problem;
            }
        }

        foreach ((string name, Action variant) in new (string, Action)[] { (nameof(LibraryGrad), LibraryGrad), (nameof(ThreeStreams), ThreeStreams) })
        {
            Poison();
            variant();
            if (VariantAgreementValidator.Unwritten(name, Destination) is { } problem)
            {
                yield return problem;
            }
        }

        // The composition of dy·g(y) from y = f(x) must give dy·f′(x) too: checked here, against
        // Backward, so that it is checked even while the library has no BackwardFromOutput for the
        // activation (and BackwardFromOutputBenchmark no case of it).
        if (RequireCompositions().BackwardFromOutput is { } fromOutput)
        {
            double[] y = BenchmarkInputs.CreateOutput(Function, Activation, X.Length);
            Poison();
            fromOutput.Run(y, Dy, Destination, Scratch);
            if (VariantAgreementValidator.Compare("the TensorPrimitives composition of BackwardFromOutput", Destination, expected, X) is { } problem)
            {
                yield return problem;
            }
        }

        Cleanup();
    }
}

/// <summary>
/// <see cref="ActivationFunction.BackwardFromOutput(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double})"/>,
/// dy·g(y) from the saved output, for the activations that have it: against its TensorPrimitives
/// composition (e.g. Sigmoid: 1 − y, × y, × dy), the library's Backward from x, and the three-stream bound.
/// </summary>
public class BackwardFromOutputBenchmark : TrainingLoopBenchmark
{
    /// <summary>The activations of the catalogue whose output determines f′.</summary>
    public static IEnumerable<string> ActivationNames => CatalogueActivations.WithBackwardFromOutput;

    /// <inheritdoc/>
    [ParamsSource(nameof(ActivationNames))]
    public override string Activation { get; set; } = string.Empty;

    /// <inheritdoc/>
    internal override string OperationName => "BackwardFromOutput";

    /// <inheritdoc/>
    protected override bool NeedsOutput => true;

    /// <summary>Sets up <see cref="TensorPrimitives"/>.</summary>
    [GlobalSetup(Target = nameof(TensorPrimitives))]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetupTensorPrimitives() => Setup(TensorPrimitives);

    /// <summary>Sets up <see cref="Library"/>.</summary>
    [GlobalSetup(Target = nameof(Library))]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetupLibrary() => Setup(Library);

    /// <summary>Sets up <see cref="LibraryBackward"/>.</summary>
    [GlobalSetup(Target = nameof(LibraryBackward))]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetupLibraryBackward() => Setup(LibraryBackward);

    /// <summary>Sets up <see cref="ThreeStreams"/>.</summary>
    [GlobalSetup(Target = nameof(ThreeStreams))]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetupThreeStreams() => Setup(ThreeStreams);

    /// <summary>The TensorPrimitives composition of dy·g(y) (the baseline).</summary>
    [Benchmark(Baseline = true)]
    public void TensorPrimitives() => RequireCompositions().BackwardFromOutput!.Run.Invoke(Y, Dy, Destination, Scratch);

    /// <summary>The library's fused backward pass from the output.</summary>
    [Benchmark]
    public void Library() => Function.BackwardFromOutput(Y, Dy, Destination);

    /// <summary>The library's fused backward pass from the input x, for comparison.</summary>
    [Benchmark]
    public void LibraryBackward() => Function.Backward(X, Dy, Destination);

    /// <summary>TensorPrimitives.Multiply(y, dy, d): the bytes-moved bound.</summary>
    [Benchmark]
    public void ThreeStreams() => TP.Multiply(Y, Dy, Destination);

    /// <inheritdoc/>
    internal override IEnumerable<string> Disagreements()
    {
        Allocate(OperationBenchmark.SmallestSize);
        if (RequireCompositions().BackwardFromOutput is null)
        {
            yield return $"the library has BackwardFromOutput for {Activation} but TensorPrimitivesCompositions has no composition of it";
            yield break;
        }

        Poison();
        Library();
        double[] expected = [.. Destination];
        foreach ((string name, Action variant) in new (string, Action)[] { (nameof(TensorPrimitives), TensorPrimitives), (nameof(LibraryBackward), LibraryBackward) })
        {
            Poison();
            variant();
            if (VariantAgreementValidator.Compare(name, Destination, expected, X) is { } problem)
            {
                yield return problem;
            }
        }

        Poison();
        ThreeStreams();
        if (VariantAgreementValidator.Unwritten(nameof(ThreeStreams), Destination) is { } unwritten)
        {
            yield return unwritten;
        }

        Cleanup();
    }
}

/// <summary>
/// <see cref="ActivationFunction.FnAndGrad(ReadOnlySpan{double}, Span{double}, Span{double})"/>:
/// f and f′ in one pass, against the library's Fn alone (the baseline: the target is a small
/// factor of it for the exponential family) and its Fn then Grad, two passes.
/// </summary>
public class FnAndGradBenchmark : TrainingLoopBenchmark
{
    /// <summary>Every activation of the catalogue.</summary>
    public static IEnumerable<string> ActivationNames => CatalogueActivations.All;

    /// <inheritdoc/>
    [ParamsSource(nameof(ActivationNames))]
    public override string Activation { get; set; } = string.Empty;

    /// <inheritdoc/>
    internal override string OperationName => "FnAndGrad";

    /// <summary>Sets up <see cref="LibraryFn"/>.</summary>
    [GlobalSetup(Target = nameof(LibraryFn))]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetupLibraryFn() => Setup(LibraryFn);

    /// <summary>Sets up <see cref="Library"/>.</summary>
    [GlobalSetup(Target = nameof(Library))]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetupLibrary() => Setup(Library);

    /// <summary>Sets up <see cref="LibraryFnThenGrad"/>.</summary>
    [GlobalSetup(Target = nameof(LibraryFnThenGrad))]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetupLibraryFnThenGrad() => Setup(LibraryFnThenGrad);

    /// <summary>The library's f alone (the baseline).</summary>
    [Benchmark(Baseline = true)]
    public void LibraryFn() => Function.Fn(X, Destination);

    /// <summary>The library's f and f′ in one pass.</summary>
    [Benchmark]
    public void Library() => Function.FnAndGrad(X, Destination, Scratch);

    /// <summary>The library's f, then its f′: two passes over x.</summary>
    [Benchmark]
    public void LibraryFnThenGrad()
    {
        Function.Fn(X, Destination);
        Function.Grad(X, Scratch);
    }

    /// <inheritdoc/>
    internal override IEnumerable<string> Disagreements()
    {
        Allocate(OperationBenchmark.SmallestSize);
        Poison();
        Library();
        double[] value = [.. Destination];
        double[] gradient = [.. Scratch];
        Poison();
        LibraryFn();
        if (VariantAgreementValidator.Compare(nameof(LibraryFn), Destination, value, X) is { } fn)
        {
            yield return fn;
        }

        Poison();
        LibraryFnThenGrad();
        if ((VariantAgreementValidator.Compare(nameof(LibraryFnThenGrad) + " (value)", Destination, value, X)
            ?? VariantAgreementValidator.Compare(nameof(LibraryFnThenGrad) + " (gradient)", Scratch, gradient, X)) is { } both)
        {
            yield return both;
        }

        Cleanup();
    }
}
