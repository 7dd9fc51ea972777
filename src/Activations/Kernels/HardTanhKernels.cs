using System.Runtime.CompilerServices;
using Activations.Numerics;

namespace Activations.Kernels;

// Kernels of HardTanh: clamp(x, min, max), exact; f′ = 1 on the closed interval [min, max], 0
// outside; f″ = 0 (a ConstantKernel). A few instructions each.

/// <summary>min if x &lt; min, max if x &gt; max, else x (exact; a NaN passes both tests and comes back as itself).</summary>
internal readonly struct HardTanhFn(double min, double max) : IUnaryKernel
{
    public static bool IsLight => true;

    private readonly double _min = min;
    private readonly double _max = max;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask>
    {
        T min = TOps.Create(_min);
        T max = TOps.Create(_max);
        T v = TOps.Select(TOps.LessThan(x, min), min, x);
        return TOps.Select(TOps.GreaterThan(x, max), max, v);
    }
}

/// <summary>1 on [min, max], 0 outside: the derivative of HardTanh.</summary>
internal readonly struct HardTanhGrad(double min, double max) : IUnaryKernel
{
    public static bool IsLight => true;

    private readonly double _min = min;
    private readonly double _max = max;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask>
    {
        TMask outside = TOps.Or(TOps.LessThan(x, TOps.Create(_min)), TOps.GreaterThan(x, TOps.Create(_max)));
        return Core<T, TMask, TOps>.PropagateNaN(x, TOps.Select(outside, TOps.Create(0.0), TOps.Create(1.0)));
    }
}

/// <summary>dy on [min, max], dy·0 outside (±0, or NaN for dy = ±∞): HardTanh's backward pass (no from-output form).</summary>
internal readonly struct HardTanhBackward(double min, double max) : IBinaryKernel
{
    public static bool IsLight => true;

    private readonly double _min = min;
    private readonly double _max = max;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask>
    {
        TMask outside = TOps.Or(TOps.LessThan(x, TOps.Create(_min)), TOps.GreaterThan(x, TOps.Create(_max)));
        T v = TOps.Select(outside, Core<T, TMask, TOps>.TimesConstant(dy, 0.0), dy);
        return Core<T, TMask, TOps>.PropagateNaN(x, v);
    }
}
