using System.Runtime.CompilerServices;
using Activations.Numerics;

namespace Activations.Kernels;

// Kernels of HardSwish: 0 if x ≤ −3, x if x ≥ 3, else x(x + 3)/6; f′ = (2x + 3)/6 on [−3, 3]
// (taken from inside at the joints, as PyTorch's hardswish_backward), 0 below, 1 above; f″ = 1/3
// on [−3, 3], 0 outside. The math is in Core.HardSwish.cs.

/// <summary>x(x + 3)/6 on (−3, 3), 0 and x outside: <see cref="Core{T, TMask, TOps}.HardSwish"/>.</summary>
internal readonly struct HardSwishFn : IUnaryKernel
{
    public static bool IsLight => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.HardSwish(x);
}

/// <summary>x(x + 3)/6 on (−3, 3), 0 and x outside, for float results: <see cref="Core{T, TMask, TOps}.HardSwishForFloat"/>.</summary>
internal readonly struct HardSwishForFloat : IUnaryKernel
{
    public static bool IsLight => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.HardSwishForFloat(x);
}

/// <summary>(2x + 3)/6 on [−3, 3], 0 below, 1 above: <see cref="Core{T, TMask, TOps}.HardSwishGrad"/>.</summary>
internal readonly struct HardSwishGrad : IUnaryKernel
{
    public static bool IsLight => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.HardSwishGrad(x);
}

/// <summary>(2x + 3)/6 on [−3, 3], 0 below, 1 above, for float results: <see cref="Core{T, TMask, TOps}.HardSwishGradForFloat"/>.</summary>
internal readonly struct HardSwishGradForFloat : IUnaryKernel
{
    public static bool IsLight => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.HardSwishGradForFloat(x);
}

/// <summary>
/// HardSwish and HardSwish′ in one pass, each with the bits of its kernel alone. Each of the two is
/// light, the pair is not: the light loop's seven copies of it (its value and derivative carried
/// beyond a double, three exact products, in software without a fused multiply-add) are more than
/// the JIT inlines into one method, and left calls in the last two. The one-vector loop has one,
/// at about the same speed (light loop against this one, the minimum of alternating runs of each
/// build on a Zen 3 EPYC: 1.38 and 1.39 ns per element at 1,024 elements; at 16,384, 1.44 and 1.44
/// in one comparison, 1.40 and 1.50 in another).
/// </summary>
internal readonly struct HardSwishFnAndGrad : IPairKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, out T second)
        where TOps : ISimdOps<T, TMask>
    {
        second = Core<T, TMask, TOps>.HardSwishGrad(x);
        return Core<T, TMask, TOps>.HardSwish(x);
    }
}

/// <summary>1/3 (the double nearest it) on [−3, 3], 0 outside: the second derivative of HardSwish.</summary>
internal readonly struct HardSwishGrad2 : IUnaryKernel
{
    public static bool IsLight => true;

    public static bool ExactInFloat => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x)
        where TOps : ISimdOps<T, TMask>
    {
        T inside = TOps.Select(TOps.LessThanOrEqual(TOps.Abs(x), TOps.Create(3.0)), TOps.Create(1.0 / 3.0), TOps.Create(0.0));
        return Core<T, TMask, TOps>.PropagateNaN(x, inside);
    }
}

/// <summary>dy·f′(x), the exact product rounded once: <see cref="Core{T, TMask, TOps}.HardSwishBackward"/> (no from-output form).</summary>
internal readonly struct HardSwishBackward : IBinaryKernel
{
    public static bool IsLight => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Invoke<T, TMask, TOps>(T x, T dy)
        where TOps : ISimdOps<T, TMask> =>
        Core<T, TMask, TOps>.HardSwishBackward(x, dy);
}
