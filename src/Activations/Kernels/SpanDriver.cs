using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Activations.Numerics;

namespace Activations.Kernels;

/// <summary>
/// The one loop over the data: validation, then the widest accelerated vector width (four
/// vectors per iteration for light kernels, one for the rest), and a final vector that overlaps
/// the previous ones instead of a scalar tail, so every element is computed by the same
/// operations whatever its position.
/// </summary>
internal static class SpanDriver
{
    /// <summary>
    /// The widest vector the driver may use; tests lower it (or raise it to widths the processor
    /// lacks, which then run in software) to exercise every path on any machine. Every width gives
    /// the same bits, so changing it never changes a result, only the speed.
    /// </summary>
    internal static VectorWidth MaximumWidth { get; set; } = VectorWidth.Auto;

    /// <summary>The scalar overload: the same kernel on one lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Invoke<TKernel>(TKernel kernel, double x)
        where TKernel : struct, IUnaryKernel =>
        kernel.Invoke<double, bool, ScalarOps>(x);

    /// <summary>
    /// Writes kernel(x[i]) to destination[i] for every i &lt; x.Length. Throws before writing
    /// anything when the destination is too short or overlaps x other than exactly.
    /// </summary>
    public static void Run<TKernel>(TKernel kernel, ReadOnlySpan<double> x, Span<double> destination)
        where TKernel : struct, IUnaryKernel
    {
        if (destination.Length < x.Length)
        {
            throw new ArgumentException(
                $"Destination is too short: it has {destination.Length} elements but the input has {x.Length}.",
                nameof(destination));
        }

        destination = destination[..x.Length];
        if (x.Overlaps(destination, out int offset) && offset != 0)
        {
            throw new ArgumentException(
                "The input and the destination overlap partially; they must be the same memory (in place) or not overlap at all.",
                nameof(destination));
        }

        ref double xRef = ref MemoryMarshal.GetReference(x);
        ref double dRef = ref MemoryMarshal.GetReference(destination);
        nuint length = (nuint)x.Length;

        VectorWidth width = MaximumWidth;
        if (width == VectorWidth.Auto)
        {
            width = Vector512.IsHardwareAccelerated ? VectorWidth.Vector512
                : Vector256.IsHardwareAccelerated ? VectorWidth.Vector256
                : Vector128.IsHardwareAccelerated ? VectorWidth.Vector128
                : VectorWidth.Scalar;
        }

        // Light kernels run four vectors per iteration in cache; far beyond it, the non-temporal
        // loop moves fewer bytes, which is what bounds them there.
        bool light = TKernel.IsLight && length * sizeof(double) < NonTemporalBytes;
        if (width >= VectorWidth.Vector512 && length >= (nuint)Vector512<double>.Count)
        {
            RunWidth<TKernel, Vector512<double>, Vector512<double>, Vector512Ops>(kernel, ref xRef, ref dRef, length, light);
        }
        else if (width >= VectorWidth.Vector256 && length >= (nuint)Vector256<double>.Count)
        {
            RunWidth<TKernel, Vector256<double>, Vector256<double>, Vector256Ops>(kernel, ref xRef, ref dRef, length, light);
        }
        else if (width >= VectorWidth.Vector128 && length >= (nuint)Vector128<double>.Count)
        {
            RunWidth<TKernel, Vector128<double>, Vector128<double>, Vector128Ops>(kernel, ref xRef, ref dRef, length, light);
        }
        else if (length != 0)
        {
            RunWidth<TKernel, double, bool, ScalarOps>(kernel, ref xRef, ref dRef, length, light);
        }
    }

    /// <summary>
    /// Destinations of at least this many bytes (this machine class's L2 per core) are written with
    /// non-temporal stores: far beyond the caches, a normal store first reads the line it writes,
    /// a third stream of memory traffic beside the input and the output.
    /// </summary>
    internal const nuint NonTemporalBytes = 4 * 1024 * 1024;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RunWidth<TKernel, T, TMask, TOps>(TKernel kernel, ref double xRef, ref double dRef, nuint length, bool light)
        where TKernel : struct, IUnaryKernel
        where TOps : ISimdOps<T, TMask>
    {
        if (light)
        {
            LightLoop<TKernel, T, TMask, TOps>(kernel, ref xRef, ref dRef, length);
        }
        else
        {
            Loop<TKernel, T, TMask, TOps>(kernel, ref xRef, ref dRef, length);
        }
    }

    /// <summary>
    /// length ≥ TOps.Count. One method per kernel and width, never inlined into its caller and
    /// compiled once, straight to optimised code (no tiering, no instrumented or on-stack-replaced
    /// versions), so the kernel is inlined into it within a fresh inlining budget whatever the
    /// caller and the JIT's configuration (.ci/jit-check.sh checks that no loop contains a call;
    /// with dynamic PGO on, only the block layout may differ). The loop has a single kernel call
    /// site: kernels are long after inlining, and the JIT stops inlining once a method has 512
    /// locals (a second copy of a heavy kernel would leave calls in the loop). The first and the
    /// final vector are loaded before the loop and computed after it by <see cref="InvokeOnce"/>,
    /// a call outside the loop, so that the loop itself is a load, the kernel, a store and the
    /// index step; the final vector overlaps the previous ones, and the first one overlaps the
    /// aligned second one, so an in-place call reads only original inputs, and elements computed
    /// twice get the same bits. Above <see cref="NonTemporalBytes"/> the vectors after the first
    /// start at an aligned destination address and bypass the caches.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Loop<TKernel, T, TMask, TOps>(TKernel kernel, ref double xRef, ref double dRef, nuint length)
        where TKernel : struct, IUnaryKernel
        where TOps : ISimdOps<T, TMask>
    {
        nuint n = (nuint)TOps.Count;
        nuint lastIndex = length - n;
        T first = TOps.Load(ref xRef, 0);
        T last = TOps.Load(ref xRef, lastIndex);
        fixed (double* d = &dRef)
        {
            nuint i = n;
            bool nonTemporal = false;
            if (TOps.CanStoreNonTemporal && length * sizeof(double) >= NonTemporalBytes)
            {
                nuint misalignment = (nuint)d % (n * sizeof(double));
                if (misalignment % sizeof(double) == 0)
                {
                    nonTemporal = true;
                    i = n - (misalignment / sizeof(double));
                }
            }

            for (; i < lastIndex; i += n)
            {
                T result = kernel.Invoke<T, TMask, TOps>(TOps.Load(ref xRef, i));
                if (nonTemporal)
                {
                    TOps.StoreAlignedNonTemporal(result, ref dRef, i);
                }
                else
                {
                    TOps.Store(result, ref dRef, i);
                }
            }

            if (nonTemporal && Sse.IsSupported)
            {
                // Orders the non-temporal stores before whatever the caller writes next.
                Sse.StoreFence();
            }

            TOps.Store(InvokeOnce<TKernel, T, TMask, TOps>(kernel, last), ref dRef, lastIndex);
            TOps.Store(InvokeOnce<TKernel, T, TMask, TOps>(kernel, first), ref dRef, 0);
        }
    }

    /// <summary>One vector, for the two ends of <see cref="Loop{TKernel, T, TMask, TOps}(TKernel, ref double, ref double, nuint)"/>: its own method, so that the loop's method holds only the loop's copy of the kernel.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static T InvokeOnce<TKernel, T, TMask, TOps>(TKernel kernel, T x)
        where TKernel : struct, IUnaryKernel
        where TOps : ISimdOps<T, TMask> =>
        kernel.Invoke<T, TMask, TOps>(x);

    /// <summary>
    /// The loop of light kernels (length ≥ TOps.Count): four vectors per iteration, since loop
    /// overhead, not arithmetic, would bound them, then one vector at a time up to the final
    /// vector, which is loaded before the loops so that in-place calls read original inputs.
    /// Its own method for the same reasons as <see cref="Loop{TKernel, T, TMask, TOps}(TKernel, ref double, ref double, nuint)"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void LightLoop<TKernel, T, TMask, TOps>(TKernel kernel, ref double xRef, ref double dRef, nuint length)
        where TKernel : struct, IUnaryKernel
        where TOps : ISimdOps<T, TMask>
    {
        nuint n = (nuint)TOps.Count;
        nuint lastIndex = length - n;
        T last = TOps.Load(ref xRef, lastIndex);
        nuint i = LoopFourVectors<TKernel, T, TMask, TOps>(kernel, ref xRef, ref dRef, lastIndex);
        for (; ; i += n)
        {
            bool final = i >= lastIndex;
            nuint at = final ? lastIndex : i;
            TOps.Store(kernel.Invoke<T, TMask, TOps>(final ? last : TOps.Load(ref xRef, at)), ref dRef, at);
            if (final)
            {
                break;
            }
        }
    }

    /// <summary>
    /// Four vectors per iteration, all below lastIndex (so the preloaded last vector's elements are
    /// still unwritten when it returns); returns where the one-vector loop continues.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nuint LoopFourVectors<TKernel, T, TMask, TOps>(TKernel kernel, ref double xRef, ref double dRef, nuint lastIndex)
        where TKernel : struct, IUnaryKernel
        where TOps : ISimdOps<T, TMask>
    {
        nuint n = (nuint)TOps.Count;
        nuint i = 0;
        for (; i + (4 * n) <= lastIndex; i += 4 * n)
        {
            T v0 = TOps.Load(ref xRef, i);
            T v1 = TOps.Load(ref xRef, i + n);
            T v2 = TOps.Load(ref xRef, i + (2 * n));
            T v3 = TOps.Load(ref xRef, i + (3 * n));
            TOps.Store(kernel.Invoke<T, TMask, TOps>(v0), ref dRef, i);
            TOps.Store(kernel.Invoke<T, TMask, TOps>(v1), ref dRef, i + n);
            TOps.Store(kernel.Invoke<T, TMask, TOps>(v2), ref dRef, i + (2 * n));
            TOps.Store(kernel.Invoke<T, TMask, TOps>(v3), ref dRef, i + (3 * n));
        }

        return i;
    }
}
