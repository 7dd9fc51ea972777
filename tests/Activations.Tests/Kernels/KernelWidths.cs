using System;
using System.Runtime.Intrinsics;
using Activations.Kernels;
using Activations.Numerics;

namespace Activations.Tests.Kernels;

/// <summary>
/// Runs a kernel directly over arrays at one width: 1 = scalar (<see cref="ScalarOps"/>), 2, 4, 8 =
/// <see cref="Vector128Ops"/>, <see cref="Vector256Ops"/>, <see cref="Vector512Ops"/> (the wider
/// vectors run in software where the processor lacks them), the elements past the last whole vector
/// scalar.
/// </summary>
internal static class KernelWidths
{
    /// <summary>An <see cref="IUnaryKernel"/> over x, vector by vector at the width, the remainder (and width 1) scalar.</summary>
    public static double[] Unary<TKernel>(TKernel kernel, double[] x, int width)
        where TKernel : struct, IUnaryKernel =>
        Binary(new FirstOnly<TKernel>(kernel), x, x, width);

    /// <summary>An <see cref="IBinaryKernel"/> over (x, dy), vector by vector at the width, the remainder (and width 1) scalar.</summary>
    public static double[] Binary<TKernel>(TKernel kernel, double[] x, double[] dy, int width)
        where TKernel : struct, IBinaryKernel
    {
        int n = x.Length;
        var r = new double[n];
        int i = 0;
        switch (width)
        {
            case 2:
                for (; i + 2 <= n; i += 2)
                {
                    kernel.Invoke<Vector128<double>, Vector128<double>, Vector128Ops>(Vector128.Create(x.AsSpan(i, 2)), Vector128.Create(dy.AsSpan(i, 2))).CopyTo(r.AsSpan(i));
                }

                break;
            case 4:
                for (; i + 4 <= n; i += 4)
                {
                    kernel.Invoke<Vector256<double>, Vector256<double>, Vector256Ops>(Vector256.Create(x.AsSpan(i, 4)), Vector256.Create(dy.AsSpan(i, 4))).CopyTo(r.AsSpan(i));
                }

                break;
            case 8:
                for (; i + 8 <= n; i += 8)
                {
                    kernel.Invoke<Vector512<double>, Vector512<double>, Vector512Ops>(Vector512.Create(x.AsSpan(i, 8)), Vector512.Create(dy.AsSpan(i, 8))).CopyTo(r.AsSpan(i));
                }

                break;
        }

        for (; i < n; i++)
        {
            r[i] = kernel.Invoke<double, bool, ScalarOps>(x[i], dy[i]);
        }

        return r;
    }

    /// <summary>An <see cref="IPairKernel"/> over x (its two results), as <see cref="Unary"/>.</summary>
    public static (double[] Value, double[] Grad) Pair<TKernel>(TKernel kernel, double[] x, int width)
        where TKernel : struct, IPairKernel
    {
        int n = x.Length;
        var v = new double[n];
        var g = new double[n];
        int i = 0;
        switch (width)
        {
            case 2:
                for (; i + 2 <= n; i += 2)
                {
                    kernel.Invoke<Vector128<double>, Vector128<double>, Vector128Ops>(Vector128.Create(x.AsSpan(i, 2)), out Vector128<double> s).CopyTo(v.AsSpan(i));
                    s.CopyTo(g.AsSpan(i));
                }

                break;
            case 4:
                for (; i + 4 <= n; i += 4)
                {
                    kernel.Invoke<Vector256<double>, Vector256<double>, Vector256Ops>(Vector256.Create(x.AsSpan(i, 4)), out Vector256<double> s).CopyTo(v.AsSpan(i));
                    s.CopyTo(g.AsSpan(i));
                }

                break;
            case 8:
                for (; i + 8 <= n; i += 8)
                {
                    kernel.Invoke<Vector512<double>, Vector512<double>, Vector512Ops>(Vector512.Create(x.AsSpan(i, 8)), out Vector512<double> s).CopyTo(v.AsSpan(i));
                    s.CopyTo(g.AsSpan(i));
                }

                break;
        }

        for (; i < n; i++)
        {
            v[i] = kernel.Invoke<double, bool, ScalarOps>(x[i], out g[i]);
        }

        return (v, g);
    }

    /// <summary>A unary kernel as a binary one that ignores its second input.</summary>
    private readonly struct FirstOnly<TKernel>(TKernel kernel) : IBinaryKernel
        where TKernel : struct, IUnaryKernel
    {
        public static bool IsLight => TKernel.IsLight;

        public T Invoke<T, TMask, TOps>(T x, T dy)
            where TOps : ISimdOps<T, TMask> =>
            kernel.Invoke<T, TMask, TOps>(x);
    }
}
