using System.Runtime.CompilerServices;
using Activations.Numerics;

namespace Activations.Kernels;

// TEMPORARY while the fused kernels are written: not exact, not to be committed.
internal readonly struct GradTimes<TGrad>(TGrad grad) : IBinaryKernel
    where TGrad : struct, IUnaryKernel
{
    private readonly TGrad _grad = grad;

    public static bool IsLight => TGrad.IsLight;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        TOps.Multiply(dy, _grad.Invoke<T, TMask, TOps>(x));
}

internal readonly struct FnAndGradOf<TFn, TGrad>(TFn fn, TGrad grad) : IPairKernel
    where TFn : struct, IUnaryKernel
    where TGrad : struct, IUnaryKernel
{
    private readonly TFn _fn = fn;
    private readonly TGrad _grad = grad;

    public static bool IsLight => TFn.IsLight && TGrad.IsLight;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask>
    {
        second = _grad.Invoke<T, TMask, TOps>(x);
        return _fn.Invoke<T, TMask, TOps>(x);
    }
}
