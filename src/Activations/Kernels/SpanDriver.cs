using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Activations.Numerics;

namespace Activations.Kernels;

/// <summary>
/// The one loop over the data, for every shape: one input to one output (<see cref="Run{TKernel, TElement}"/>),
/// two inputs to one output (<see cref="RunBinary{TKernel, TElement}"/>, the backward passes) and one
/// input to two outputs (<see cref="RunPair{TKernel, TElement}"/>, value and gradient), over doubles or
/// floats (a float is widened to double, exactly, and each result rounded once to float; kernels exact
/// in float run on float lanes instead, with the same bits). Each entry
/// validates through <see cref="Validate"/>, then runs the same loop: the widest accelerated vector
/// width (four vectors per iteration for light kernels, one for the rest), and a final vector that
/// overlaps the previous ones instead of a scalar tail, so every element is computed by the same
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

    /// <summary>
    /// Destinations of at least this many bytes (this machine class's L2 per core) are written with
    /// non-temporal stores: far beyond the caches, a normal store first reads the line it writes,
    /// a third stream of memory traffic beside the input and the output.
    /// </summary>
    internal const nuint NonTemporalBytes = 4 * 1024 * 1024;

    /// <summary>The scalar overload: the same kernel on one lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Invoke<TKernel>(TKernel kernel, double x)
        where TKernel : struct, IUnaryKernel =>
        kernel.Invoke<double, bool, ScalarOps>(x);

    /// <summary>
    /// Writes kernel(x[i]) to destination[i] for every i &lt; x.Length. Throws before writing
    /// anything when the destination is too short or overlaps x other than exactly.
    /// </summary>
    public static void Run<TKernel, TElement>(TKernel kernel, ReadOnlySpan<TElement> x, Span<TElement> destination)
        where TKernel : struct, IUnaryKernel
        where TElement : unmanaged
    {
        Validate(x, "x", default, null, ref destination, nameof(destination), ref destination, null);
        ref TElement xRef = ref MemoryMarshal.GetReference(x);
        ref TElement dRef = ref MemoryMarshal.GetReference(destination);
        Dispatch(new OneToOne<TKernel>(kernel), ref xRef, ref xRef, ref dRef, ref dRef, (nuint)x.Length);
    }

    /// <summary>
    /// Writes kernel(x[i], dy[i]) to destination[i] for every i &lt; x.Length. Throws before writing
    /// anything when the inputs differ in length, the destination is too short, or it overlaps an
    /// input other than exactly.
    /// </summary>
    public static void RunBinary<TKernel, TElement>(TKernel kernel, ReadOnlySpan<TElement> x, string xName, ReadOnlySpan<TElement> dy, Span<TElement> destination)
        where TKernel : struct, IBinaryKernel
        where TElement : unmanaged
    {
        Validate(x, xName, dy, "outputGradient", ref destination, nameof(destination), ref destination, null);
        ref TElement dRef = ref MemoryMarshal.GetReference(destination);
        Dispatch(new TwoToOne<TKernel>(kernel), ref MemoryMarshal.GetReference(x), ref MemoryMarshal.GetReference(dy), ref dRef, ref dRef, (nuint)x.Length);
    }

    /// <summary>
    /// Writes the kernel's two results at x[i] to value[i] and gradient[i] for every i &lt; x.Length.
    /// Throws before writing anything when a destination is too short, overlaps x other than
    /// exactly, or the two destinations overlap at all.
    /// </summary>
    public static void RunPair<TKernel, TElement>(TKernel kernel, ReadOnlySpan<TElement> x, Span<TElement> value, Span<TElement> gradient)
        where TKernel : struct, IPairKernel
        where TElement : unmanaged
    {
        Validate(x, "x", default, null, ref value, nameof(value), ref gradient, nameof(gradient));
        ref TElement xRef = ref MemoryMarshal.GetReference(x);
        Dispatch(new OneToTwo<TKernel>(kernel), ref xRef, ref xRef, ref MemoryMarshal.GetReference(value), ref MemoryMarshal.GetReference(gradient), (nuint)x.Length);
    }

    /// <summary>
    /// The checks every shape shares, all made before anything is written: a second input
    /// (<paramref name="bName"/> not null) has the length of the first; each destination (the
    /// second one when <paramref name="d1Name"/> is not null) holds at least that many elements, and
    /// is cut to that length; a destination either is exactly an input (in place) or does not
    /// overlap it; two destinations do not overlap at all.
    /// </summary>
    private static void Validate<TElement>(
        ReadOnlySpan<TElement> a, string aName, ReadOnlySpan<TElement> b, string? bName,
        ref Span<TElement> d0, string d0Name, ref Span<TElement> d1, string? d1Name)
    {
        int length = a.Length;
        if (bName is not null && b.Length != length)
        {
            throw new ArgumentException(
                $"The inputs have different lengths: {aName} has {length} elements but {bName} has {b.Length}.", bName);
        }

        RequireLength(d0.Length, length, d0Name);
        d0 = d0[..length];
        RequireNoPartialOverlap(a, d0, aName, d0Name);
        if (bName is not null)
        {
            RequireNoPartialOverlap(b, d0, bName, d0Name);
        }

        if (d1Name is not null)
        {
            RequireLength(d1.Length, length, d1Name);
            d1 = d1[..length];
            RequireNoPartialOverlap(a, d1, aName, d1Name);
            if (d0.Overlaps(d1))
            {
                throw new ArgumentException(
                    $"The destinations {d0Name} and {d1Name} overlap; they must be separate memory.", d1Name);
            }
        }
    }

    private static void RequireLength(int length, int inputLength, string name)
    {
        if (length < inputLength)
        {
            throw new ArgumentException(
                $"Destination is too short: {name} has {length} elements but the input has {inputLength}.", name);
        }
    }

    private static void RequireNoPartialOverlap<TElement>(ReadOnlySpan<TElement> input, Span<TElement> destination, string inputName, string destinationName)
    {
        if (input.Overlaps(destination, out int offset) && offset != 0)
        {
            throw new ArgumentException(
                $"The input {inputName} and the destination {destinationName} overlap partially; they must be the same memory (in place) or not overlap at all.",
                destinationName);
        }
    }

    /// <summary>The widest width the processor accelerates, or <see cref="MaximumWidth"/> when a test sets it.</summary>
    private static VectorWidth Width()
    {
        VectorWidth width = MaximumWidth;
        return width != VectorWidth.Auto ? width
            : Vector512.IsHardwareAccelerated ? VectorWidth.Vector512
            : Vector256.IsHardwareAccelerated ? VectorWidth.Vector256
            : Vector128.IsHardwareAccelerated ? VectorWidth.Vector128
            : VectorWidth.Scalar;
    }

    private static void Dispatch<TShape, TElement>(TShape kernel, ref TElement a, ref TElement b, ref TElement d0, ref TElement d1, nuint length)
        where TShape : struct, IShape
        where TElement : unmanaged
    {
        VectorWidth width = Width();
        if (typeof(TElement) == typeof(float) && TShape.ExactInFloat && DispatchFloatLanes(kernel, ref a, ref d0, length, width))
        {
            return;
        }

        // Light kernels run four vectors per iteration in cache; far beyond it, the non-temporal
        // loop moves fewer bytes, which is what bounds them there.
        bool light = TShape.IsLight && length * (nuint)Unsafe.SizeOf<TElement>() < NonTemporalBytes;
        if (width >= VectorWidth.Vector512 && length >= (nuint)Vector512<double>.Count)
        {
            RunWidth<TShape, TElement, Vector512<double>, Vector512<double>, Vector512Ops>(kernel, ref a, ref b, ref d0, ref d1, length, light);
        }
        else if (width >= VectorWidth.Vector256 && length >= (nuint)Vector256<double>.Count)
        {
            RunWidth<TShape, TElement, Vector256<double>, Vector256<double>, Vector256Ops>(kernel, ref a, ref b, ref d0, ref d1, length, light);
        }
        else if (width >= VectorWidth.Vector128 && length >= (nuint)Vector128<double>.Count)
        {
            RunWidth<TShape, TElement, Vector128<double>, Vector128<double>, Vector128Ops>(kernel, ref a, ref b, ref d0, ref d1, length, light);
        }
        else if (length != 0)
        {
            RunWidth<TShape, TElement, double, bool, ScalarOps>(kernel, ref a, ref b, ref d0, ref d1, length, light);
        }
    }

    /// <summary>
    /// Runs a kernel that is exact in float on float lanes, twice as many per vector as widened
    /// doubles, in the light loop (its results are the double kernel's rounded to float, so the
    /// path never changes a bit); false, having done nothing, when the input is shorter than the
    /// narrowest float vector allowed, which the widening path then takes.
    /// </summary>
    private static bool DispatchFloatLanes<TShape, TElement>(TShape kernel, ref TElement a, ref TElement d0, nuint length, VectorWidth width)
        where TShape : struct, IShape
        where TElement : unmanaged
    {
        if (width >= VectorWidth.Vector512 && length >= (nuint)Vector512<float>.Count)
        {
            LightLoop<TShape, TElement, Vector512<float>, Vector512<float>, Vector512SingleOps>(kernel, ref a, ref a, ref d0, ref d0, length);
        }
        else if (width >= VectorWidth.Vector256 && length >= (nuint)Vector256<float>.Count)
        {
            LightLoop<TShape, TElement, Vector256<float>, Vector256<float>, Vector256SingleOps>(kernel, ref a, ref a, ref d0, ref d0, length);
        }
        else if (width >= VectorWidth.Vector128 && length >= (nuint)Vector128<float>.Count)
        {
            LightLoop<TShape, TElement, Vector128<float>, Vector128<float>, Vector128SingleOps>(kernel, ref a, ref a, ref d0, ref d0, length);
        }
        else
        {
            return false;
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RunWidth<TShape, TElement, T, TMask, TOps>(TShape kernel, ref TElement a, ref TElement b, ref TElement d0, ref TElement d1, nuint length, bool light)
        where TShape : struct, IShape
        where TElement : unmanaged
        where TOps : ISimdOps<T, TMask>
    {
        if (light)
        {
            LightLoop<TShape, TElement, T, TMask, TOps>(kernel, ref a, ref b, ref d0, ref d1, length);
        }
        else
        {
            Loop<TShape, TElement, T, TMask, TOps>(kernel, ref a, ref b, ref d0, ref d1, length);
        }
    }

    /// <summary>
    /// length ≥ TOps.Count. One method per kernel, element type and width, never inlined into its
    /// caller and compiled once, straight to optimised code (no tiering, no instrumented or
    /// on-stack-replaced versions), so the kernel is inlined into it within a fresh inlining budget
    /// whatever the caller and the JIT's configuration (.ci/jit-check.sh checks that no loop
    /// contains a call; with dynamic PGO on, only the block layout may differ). The loop has a
    /// single kernel call site: kernels are long after inlining, and the JIT stops inlining once a
    /// method has 512 locals (a second copy of a heavy kernel would leave calls in the loop). The
    /// first and the final vector are loaded before the loop and computed after it by
    /// <see cref="InvokeOnce"/>, a call outside the loop, so that the loop itself is the loads, the
    /// kernel, the stores and the index step; the final vector overlaps the previous ones, and the
    /// first one overlaps the aligned second one, so an in-place call reads only original inputs,
    /// and elements computed twice get the same bits. The vectors after the first start at an
    /// aligned address of the first destination (<see cref="AlignedStart"/>); above
    /// <see cref="NonTemporalBytes"/> (doubles only, and for two outputs only when both are equally
    /// aligned) they bypass the caches. For a windowed kernel on a vector path the vectors between
    /// the two ends are <see cref="WindowedRange"/>'s instead of this loop's.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Loop<TShape, TElement, T, TMask, TOps>(TShape kernel, ref TElement a, ref TElement b, ref TElement d0, ref TElement d1, nuint length)
        where TShape : struct, IShape
        where TElement : unmanaged
        where TOps : ISimdOps<T, TMask>
    {
        nuint n = (nuint)TOps.Count;
        nuint lastIndex = length - n;
        T firstA = Load<TElement, T, TMask, TOps>(ref a, 0);
        T lastA = Load<TElement, T, TMask, TOps>(ref a, lastIndex);
        T firstB = TShape.TwoInputs ? Load<TElement, T, TMask, TOps>(ref b, 0) : firstA;
        T lastB = TShape.TwoInputs ? Load<TElement, T, TMask, TOps>(ref b, lastIndex) : lastA;
        fixed (TElement* p0 = &d0, p1 = &d1)
        {
            nuint i = AlignedStart(p0, n);
            bool nonTemporal = typeof(TElement) == typeof(double) && TOps.CanStoreNonTemporal && length * sizeof(double) >= NonTemporalBytes
                && (nuint)p0 % (n * sizeof(double)) % sizeof(double) == 0
                && (!TShape.TwoOutputs || (nuint)p1 % (n * sizeof(double)) == (nuint)p0 % (n * sizeof(double)));

            // On the scalar path a lane's test is a predicted branch, cheaper than a second reading.
            if (TShape.IsWindowed && TOps.Count > 1)
            {
                WindowedRange<TShape, TElement, T, TMask, TOps>(kernel, ref a, ref b, ref d0, i, lastIndex, nonTemporal);
            }
            else
            {
                for (; i < lastIndex; i += n)
                {
                    T result = kernel.Invoke<T, TMask, TOps>(
                        Load<TElement, T, TMask, TOps>(ref a, i),
                        TShape.TwoInputs ? Load<TElement, T, TMask, TOps>(ref b, i) : default!,
                        out T second);
                    if (nonTemporal)
                    {
                        StoreNonTemporal<TElement, T, TMask, TOps>(result, ref d0, i);
                        if (TShape.TwoOutputs)
                        {
                            StoreNonTemporal<TElement, T, TMask, TOps>(second, ref d1, i);
                        }
                    }
                    else
                    {
                        Store<TElement, T, TMask, TOps>(result, ref d0, i);
                        if (TShape.TwoOutputs)
                        {
                            Store<TElement, T, TMask, TOps>(second, ref d1, i);
                        }
                    }
                }
            }

            if (nonTemporal && Sse.IsSupported)
            {
                // Orders the non-temporal stores before whatever the caller writes next.
                Sse.StoreFence();
            }

            Store<TElement, T, TMask, TOps>(InvokeOnce<TShape, T, TMask, TOps>(kernel, lastA, lastB, out T lastSecond), ref d0, lastIndex);
            if (TShape.TwoOutputs)
            {
                Store<TElement, T, TMask, TOps>(lastSecond, ref d1, lastIndex);
            }

            Store<TElement, T, TMask, TOps>(InvokeOnce<TShape, T, TMask, TOps>(kernel, firstA, firstB, out T firstSecond), ref d0, 0);
            if (TShape.TwoOutputs)
            {
                Store<TElement, T, TMask, TOps>(firstSecond, ref d1, 0);
            }
        }
    }

    /// <summary>Vectors per run of <see cref="WindowedRange"/>: 4 KB of each input at 512 bits, so a run's second reading comes from the first-level cache.</summary>
    private const int WindowRunVectors = 64;

    /// <summary>
    /// The window on dy of every windowed kernel (<see cref="IBinaryKernel.IsWindowed"/>): ±0 or
    /// within [this, <see cref="WindowGradientHigh"/>], the range of the fast paths of Core.Backward.cs.
    /// </summary>
    internal const double WindowGradientLow = Core<double, bool, ScalarOps>.FastGradientLow;

    /// <summary>The upper end of <see cref="WindowGradientLow"/>'s window.</summary>
    internal const double WindowGradientHigh = Core<double, bool, ScalarOps>.FastGradientHigh;

    /// <summary>
    /// <see cref="Loop"/>'s vectors from <paramref name="i"/> up to <paramref name="lastIndex"/> for a
    /// windowed kernel (<see cref="IBinaryKernel.IsWindowed"/>), in runs of
    /// <see cref="WindowRunVectors"/>: each run's inputs are first tested whole (the largest |x| and
    /// |dy| and the smallest nonzero |dy|, as bit patterns: a few integer operations per vector and
    /// no branch), and a run inside the window goes through <see cref="VectorRun"/>'s instance whose
    /// loop holds only the kernel's fast path, any other through the one with the kernel as it is.
    /// The fast path gives the kernel's bits on every vector inside the window, so a lane's value
    /// still depends on nothing but its own inputs. The two loops are methods of their own, each with
    /// the one copy of its kernel (see <see cref="Loop"/>), called once per run.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void WindowedRange<TShape, TElement, T, TMask, TOps>(TShape kernel, ref TElement a, ref TElement b, ref TElement d0, nuint i, nuint lastIndex, bool nonTemporal)
        where TShape : struct, IShape
        where TElement : unmanaged
        where TOps : ISimdOps<T, TMask>
    {
        nuint n = (nuint)TOps.Count;
        nuint run = WindowRunVectors * n;
        double limit = kernel.WindowLimit;
        bool anyInside = limit >= 0;
        ulong limitBits = BitConverter.DoubleToUInt64Bits(limit);
        ulong lowBits = BitConverter.DoubleToUInt64Bits(WindowGradientLow) - 1;
        ulong highBits = BitConverter.DoubleToUInt64Bits(WindowGradientHigh);
        while (i < lastIndex)
        {
            nuint stop = lastIndex - i > run ? i + run : lastIndex;
            bool inside = false;
            if (anyInside)
            {
                T xMax = TOps.Create(0.0);
                T dyMax = xMax;
                T dyMin = TOps.Create(BitConverter.UInt64BitsToDouble(ulong.MaxValue));
                for (nuint j = i; j < stop; j += n)
                {
                    T dy = Load<TElement, T, TMask, TOps>(ref b, j);
                    xMax = TOps.MaxMagnitudeBits(xMax, Load<TElement, T, TMask, TOps>(ref a, j));
                    dyMax = TOps.MaxMagnitudeBits(dyMax, dy);
                    dyMin = TOps.MinNonZeroMagnitudeBits(dyMin, dy);
                }

                inside = TOps.AllBitsAtMost(xMax, limitBits) && TOps.AllBitsAtMost(dyMax, highBits) && TOps.AllBitsAtLeast(dyMin, lowBits);
            }

            i = inside
                ? VectorRun<TShape, TElement, T, TMask, TOps, Yes>(kernel, ref a, ref b, ref d0, i, stop, nonTemporal)
                : VectorRun<TShape, TElement, T, TMask, TOps, No>(kernel, ref a, ref b, ref d0, i, stop, nonTemporal);
        }
    }

    /// <summary>
    /// The vectors from <paramref name="i"/> while below <paramref name="stop"/>, by the kernel's fast
    /// path when <typeparamref name="TInside"/> is <see cref="Yes"/> (every vector inside the window),
    /// else by the whole kernel; returns the next vector's index. A type argument, so that each
    /// instance holds one copy of one kernel.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static nuint VectorRun<TShape, TElement, T, TMask, TOps, TInside>(TShape kernel, ref TElement a, ref TElement b, ref TElement d0, nuint i, nuint stop, bool nonTemporal)
        where TShape : struct, IShape
        where TElement : unmanaged
        where TOps : ISimdOps<T, TMask>
        where TInside : struct, IFlag
    {
        nuint n = (nuint)TOps.Count;
        for (; i < stop; i += n)
        {
            T x = Load<TElement, T, TMask, TOps>(ref a, i);
            T dy = Load<TElement, T, TMask, TOps>(ref b, i);
            // typeof, not TInside.Value: the JIT folds the type test before it inlines, so each
            // instance imports one kernel (with IFlag.Value both are inlined, past the budget).
            T result = typeof(TInside) == typeof(Yes) ? kernel.InvokeFast<T, TMask, TOps>(x, dy) : kernel.Invoke<T, TMask, TOps>(x, dy, out _);
            if (nonTemporal)
            {
                StoreNonTemporal<TElement, T, TMask, TOps>(result, ref d0, i);
            }
            else
            {
                Store<TElement, T, TMask, TOps>(result, ref d0, i);
            }
        }

        return i;
    }

    /// <summary>One vector, for the two ends of <see cref="Loop"/>: its own method, so that the loop's method holds only the loop's copy of the kernel.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static T InvokeOnce<TShape, T, TMask, TOps>(TShape kernel, T a, T b, out T second)
        where TShape : struct, IShape
        where TOps : ISimdOps<T, TMask> =>
        kernel.Invoke<T, TMask, TOps>(a, b, out second);

    /// <summary>
    /// The loop of light kernels (length ≥ TOps.Count): four vectors per iteration, since loop
    /// overhead, not arithmetic, would bound them, then one vector at a time up to the final
    /// vector. As in <see cref="Loop"/>, the vectors after the first start at an aligned address of
    /// the first destination (a store split across two cache lines is slower, most of all with the
    /// two output streams of FnAndGrad), and the first and the
    /// final vector are loaded before the loops and stored after them, so that in-place calls read
    /// original inputs and elements computed twice get the same bits. Its own method for the same
    /// reasons as <see cref="Loop"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static unsafe void LightLoop<TShape, TElement, T, TMask, TOps>(TShape kernel, ref TElement a, ref TElement b, ref TElement d0, ref TElement d1, nuint length)
        where TShape : struct, IShape
        where TElement : unmanaged
        where TOps : ISimdOps<T, TMask>
    {
        nuint n = (nuint)TOps.Count;
        nuint lastIndex = length - n;
        T firstA = Load<TElement, T, TMask, TOps>(ref a, 0);
        T lastA = Load<TElement, T, TMask, TOps>(ref a, lastIndex);
        T firstB = TShape.TwoInputs ? Load<TElement, T, TMask, TOps>(ref b, 0) : firstA;
        T lastB = TShape.TwoInputs ? Load<TElement, T, TMask, TOps>(ref b, lastIndex) : lastA;
        nuint i;
        fixed (TElement* p0 = &d0)
        {
            i = AlignedStart(p0, n);
        }

        for (; i + (4 * n) <= lastIndex; i += 4 * n)
        {
            Step<TShape, TElement, T, TMask, TOps>(kernel, ref a, ref b, ref d0, ref d1, i);
            Step<TShape, TElement, T, TMask, TOps>(kernel, ref a, ref b, ref d0, ref d1, i + n);
            Step<TShape, TElement, T, TMask, TOps>(kernel, ref a, ref b, ref d0, ref d1, i + (2 * n));
            Step<TShape, TElement, T, TMask, TOps>(kernel, ref a, ref b, ref d0, ref d1, i + (3 * n));
        }

        for (; i < lastIndex; i += n)
        {
            Step<TShape, TElement, T, TMask, TOps>(kernel, ref a, ref b, ref d0, ref d1, i);
        }

        Store<TElement, T, TMask, TOps>(kernel.Invoke<T, TMask, TOps>(lastA, lastB, out T lastSecond), ref d0, lastIndex);
        if (TShape.TwoOutputs)
        {
            Store<TElement, T, TMask, TOps>(lastSecond, ref d1, lastIndex);
        }

        Store<TElement, T, TMask, TOps>(kernel.Invoke<T, TMask, TOps>(firstA, firstB, out T firstSecond), ref d0, 0);
        if (TShape.TwoOutputs)
        {
            Store<TElement, T, TMask, TOps>(firstSecond, ref d1, 0);
        }
    }

    /// <summary>
    /// The index in [1, n] at which the vectors after the first one start: the first element whose
    /// address in the first destination is a multiple of a vector's size (n when that is element 0,
    /// or when the address is not even a multiple of the element's size).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe nuint AlignedStart<TElement>(TElement* destination, nuint n)
        where TElement : unmanaged
    {
        nuint misalignment = (nuint)destination % (n * (nuint)sizeof(TElement));
        return misalignment % (nuint)sizeof(TElement) == 0 ? n - (misalignment / (nuint)sizeof(TElement)) : n;
    }

    /// <summary>Loads the vector at <paramref name="i"/> of each input, and stores the results there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step<TShape, TElement, T, TMask, TOps>(TShape kernel, ref TElement a, ref TElement b, ref TElement d0, ref TElement d1, nuint i)
        where TShape : struct, IShape
        where TElement : unmanaged
        where TOps : ISimdOps<T, TMask>
    {
        T result = kernel.Invoke<T, TMask, TOps>(
            Load<TElement, T, TMask, TOps>(ref a, i),
            TShape.TwoInputs ? Load<TElement, T, TMask, TOps>(ref b, i) : default!,
            out T second);
        Store<TElement, T, TMask, TOps>(result, ref d0, i);
        if (TShape.TwoOutputs)
        {
            Store<TElement, T, TMask, TOps>(second, ref d1, i);
        }
    }

    // The element type is a constant of each instantiation, so the JIT keeps one branch of each.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Load<TElement, T, TMask, TOps>(ref TElement source, nuint i)
        where TOps : ISimdOps<T, TMask> =>
        typeof(TElement) == typeof(double)
            ? TOps.Load(ref Unsafe.As<TElement, double>(ref source), i)
            : TOps.LoadWidening(ref Unsafe.As<TElement, float>(ref source), i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TElement, T, TMask, TOps>(T value, ref TElement destination, nuint i)
        where TOps : ISimdOps<T, TMask>
    {
        if (typeof(TElement) == typeof(double))
        {
            TOps.Store(value, ref Unsafe.As<TElement, double>(ref destination), i);
        }
        else
        {
            TOps.StoreNarrowing(value, ref Unsafe.As<TElement, float>(ref destination), i);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreNonTemporal<TElement, T, TMask, TOps>(T value, ref TElement destination, nuint i)
        where TOps : ISimdOps<T, TMask>
    {
        if (typeof(TElement) == typeof(double))
        {
            TOps.StoreAlignedNonTemporal(value, ref Unsafe.As<TElement, double>(ref destination), i);
        }
        else
        {
            TOps.StoreNarrowing(value, ref Unsafe.As<TElement, float>(ref destination), i);
        }
    }
}
