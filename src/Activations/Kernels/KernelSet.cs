using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Activations.Numerics;

namespace Activations.Kernels;

/// <summary>
/// The kernels of one activation with its parameters, behind the one virtual call per public call
/// (never per element): <see cref="KernelSet{TFn, TGrad, TGrad2, TBackward, TFromOutput, TPair, TFnF, TGradF, TGrad2F, TPairF}"/>
/// implements every overload once, generic over the kernel types, and the driver specialises a loop
/// for each.
/// </summary>
internal abstract class KernelSet
{
    /// <summary>Whether <see cref="BackwardFromOutput(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double})"/> has a kernel.</summary>
    public abstract bool CanBackwardFromOutput { get; }

    public abstract double Fn(double x);

    public abstract double Grad(double x);

    public abstract double Grad2(double x);

    public abstract void Fn(ReadOnlySpan<double> x, Span<double> destination);

    public abstract void Grad(ReadOnlySpan<double> x, Span<double> destination);

    public abstract void Grad2(ReadOnlySpan<double> x, Span<double> destination);

    public abstract float Fn(float x);

    public abstract float Grad(float x);

    public abstract float Grad2(float x);

    public abstract void Fn(ReadOnlySpan<float> x, Span<float> destination);

    public abstract void Grad(ReadOnlySpan<float> x, Span<float> destination);

    public abstract void Grad2(ReadOnlySpan<float> x, Span<float> destination);

    public abstract void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> outputGradient, Span<double> destination);

    public abstract void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> outputGradient, Span<float> destination);

    public abstract void BackwardFromOutput(ReadOnlySpan<double> y, ReadOnlySpan<double> outputGradient, Span<double> destination);

    public abstract void BackwardFromOutput(ReadOnlySpan<float> y, ReadOnlySpan<float> outputGradient, Span<float> destination);

    public abstract void FnAndGrad(ReadOnlySpan<double> x, Span<double> value, Span<double> gradient);

    public abstract void FnAndGrad(ReadOnlySpan<float> x, Span<float> value, Span<float> gradient);

    /// <summary>
    /// The kernels of an activation; the float overloads run the same kernels on the widened inputs.
    /// <paramref name="fromOutput"/> is <see cref="NoKernel"/> for an activation whose output does not
    /// determine its derivative.
    /// </summary>
    public static KernelSet Create<TFn, TGrad, TGrad2, TBackward, TFromOutput, TPair>(
        TFn fn, TGrad grad, TGrad2 grad2, TBackward backward, TFromOutput fromOutput, TPair pair)
        where TFn : struct, IUnaryKernel
        where TGrad : struct, IUnaryKernel
        where TGrad2 : struct, IUnaryKernel
        where TBackward : struct, IBinaryKernel
        where TFromOutput : struct, IBinaryKernel
        where TPair : struct, IPairKernel =>
        Create(fn, grad, grad2, backward, fromOutput, pair, new FloatKernels<TFn, TGrad, TGrad2, TPair>(fn, grad, grad2, pair));

    /// <summary>
    /// The kernels of an activation whose float Fn, Grad, Grad2 and FnAndGrad have kernels of their
    /// own (<see cref="FloatKernels"/>); Backward and BackwardFromOutput over floats run the
    /// double kernels on the widened inputs.
    /// </summary>
    public static KernelSet Create<TFn, TGrad, TGrad2, TBackward, TFromOutput, TPair, TFnF, TGradF, TGrad2F, TPairF>(
        TFn fn, TGrad grad, TGrad2 grad2, TBackward backward, TFromOutput fromOutput, TPair pair, FloatKernels<TFnF, TGradF, TGrad2F, TPairF> floats)
        where TFn : struct, IUnaryKernel
        where TGrad : struct, IUnaryKernel
        where TGrad2 : struct, IUnaryKernel
        where TBackward : struct, IBinaryKernel
        where TFromOutput : struct, IBinaryKernel
        where TPair : struct, IPairKernel
        where TFnF : struct, IUnaryKernel
        where TGradF : struct, IUnaryKernel
        where TGrad2F : struct, IUnaryKernel
        where TPairF : struct, IPairKernel =>
        new KernelSet<TFn, TGrad, TGrad2, TBackward, TFromOutput, TPair, TFnF, TGradF, TGrad2F, TPairF>(fn, grad, grad2, backward, fromOutput, pair, floats);
}

/// <summary>Every overload of <see cref="KernelSet"/>, once, over the kernel types.</summary>
internal sealed class KernelSet<TFn, TGrad, TGrad2, TBackward, TFromOutput, TPair, TFnF, TGradF, TGrad2F, TPairF>(
    TFn fn, TGrad grad, TGrad2 grad2, TBackward backward, TFromOutput fromOutput, TPair pair, FloatKernels<TFnF, TGradF, TGrad2F, TPairF> floats) : KernelSet
    where TFn : struct, IUnaryKernel
    where TGrad : struct, IUnaryKernel
    where TGrad2 : struct, IUnaryKernel
    where TBackward : struct, IBinaryKernel
    where TFromOutput : struct, IBinaryKernel
    where TPair : struct, IPairKernel
    where TFnF : struct, IUnaryKernel
    where TGradF : struct, IUnaryKernel
    where TGrad2F : struct, IUnaryKernel
    where TPairF : struct, IPairKernel
{
    private readonly TFn _fn = fn;
    private readonly TGrad _grad = grad;
    private readonly TGrad2 _grad2 = grad2;
    private readonly TBackward _backward = backward;
    private readonly TFromOutput _fromOutput = fromOutput;
    private readonly TPair _pair = pair;
    private readonly TFnF _fnF = floats.Fn;
    private readonly TGradF _gradF = floats.Grad;
    private readonly TGrad2F _grad2F = floats.Grad2;
    private readonly TPairF _pairF = floats.Pair;

    public override bool CanBackwardFromOutput => typeof(TFromOutput) != typeof(NoKernel);

    public override double Fn(double x) => SpanDriver.Invoke(_fn, x);

    public override double Grad(double x) => SpanDriver.Invoke(_grad, x);

    public override double Grad2(double x) => SpanDriver.Invoke(_grad2, x);

    public override void Fn(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(_fn, x, destination);

    public override void Grad(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(_grad, x, destination);

    public override void Grad2(ReadOnlySpan<double> x, Span<double> destination) => SpanDriver.Run(_grad2, x, destination);

    public override float Fn(float x) => (float)SpanDriver.Invoke(_fnF, x);

    public override float Grad(float x) => (float)SpanDriver.Invoke(_gradF, x);

    public override float Grad2(float x) => (float)SpanDriver.Invoke(_grad2F, x);

    public override void Fn(ReadOnlySpan<float> x, Span<float> destination) => SpanDriver.Run(_fnF, x, destination);

    public override void Grad(ReadOnlySpan<float> x, Span<float> destination) => SpanDriver.Run(_gradF, x, destination);

    public override void Grad2(ReadOnlySpan<float> x, Span<float> destination) => SpanDriver.Run(_grad2F, x, destination);

    public override void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> outputGradient, Span<double> destination) =>
        SpanDriver.RunBinary(_backward, x, nameof(x), outputGradient, destination);

    public override void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> outputGradient, Span<float> destination) =>
        SpanDriver.RunBinary(_backward, x, nameof(x), outputGradient, destination);

    public override void BackwardFromOutput(ReadOnlySpan<double> y, ReadOnlySpan<double> outputGradient, Span<double> destination)
    {
        Debug.Assert(CanBackwardFromOutput, "the caller checks");
        SpanDriver.RunBinary(_fromOutput, y, nameof(y), outputGradient, destination);
    }

    public override void BackwardFromOutput(ReadOnlySpan<float> y, ReadOnlySpan<float> outputGradient, Span<float> destination)
    {
        Debug.Assert(CanBackwardFromOutput, "the caller checks");
        SpanDriver.RunBinary(_fromOutput, y, nameof(y), outputGradient, destination);
    }

    public override void FnAndGrad(ReadOnlySpan<double> x, Span<double> value, Span<double> gradient) => SpanDriver.RunPair(_pair, x, value, gradient);

    public override void FnAndGrad(ReadOnlySpan<float> x, Span<float> value, Span<float> gradient) => SpanDriver.RunPair(_pairF, x, value, gradient);
}

/// <summary>The from-output kernel of an activation that has none (its output does not determine its derivative); never invoked (the public method throws first).</summary>
internal readonly struct NoKernel : IBinaryKernel
{
    public static bool IsLight => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        throw new UnreachableException();
}
