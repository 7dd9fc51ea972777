using System;
using Activations.Catalogue;
using FluentAssertions;

namespace Activations.Tests;

/// <summary>
/// The span overloads and the scalar overloads allocate nothing: after a warm-up (the first calls
/// may run static constructors and the JIT), repeated calls leave the current thread's allocation
/// counter unchanged. Sizes reach every path of the span driver: below one vector, the unrolled
/// loops, and above the non-temporal threshold. Once, a window of ReLU′ calls with AVX-512 off
/// counted a few bytes that the next windows did not (most likely the runtime, which promotes
/// methods to optimised code during the first calls), so a window of calls is measured again, up
/// to <see cref="Windows"/> times, until one allocates nothing; a call that allocates fails every
/// window.
/// </summary>
public sealed class AllocationTests
{
    /// <summary>Lengths: a remainder only, one round of the unrolled loop with a remainder, and 4 MiB of doubles plus one.</summary>
    private static readonly int[] Lengths = [3, 67, (1 << 19) + 1];

    /// <summary>
    /// Lengths for the fused and float overloads: they share the driver's paths with the double
    /// overloads above, which cover the non-temporal one; these stay small to keep the suite fast.
    /// </summary>
    private static readonly int[] ShortLengths = [3, 67, 1025];

    /// <summary>Calls per measurement, after the warm-up.</summary>
    private const int Repetitions = 20;

    /// <summary>
    /// Calls per measurement over the 4 MiB array: each call there takes milliseconds on the 128-bit
    /// and scalar paths, and a call that allocates shows in every window, however few calls it holds.
    /// </summary>
    private const int LongRepetitions = 2;

    /// <summary>Windows of calls measured before giving up.</summary>
    private const int Windows = 10;

    /// <summary>No span call allocates, in place or not.</summary>
    /// <param name="name">The activation's canonical name.</param>
    /// <param name="op">The function.</param>
    [Theory]
    [MemberData(nameof(AllActivations.NamesAndOperations), MemberType = typeof(AllActivations))]
    public void SpanOverloadsAllocateNothing(string name, Operation op)
    {
        ActivationFunction f = AllActivations.Get(name);
        foreach (int length in Lengths)
        {
            double[] x = new double[length];
            for (int i = 0; i < length; i++)
            {
                x[i] = ((i % 97) - 48) * 0.37;
            }

            double[] destination = new double[length];
            f.Span(op, x, destination);
            f.Span(op, destination, destination);

            long allocated = LeastAllocated(
                () =>
                {
                    f.Span(op, x, destination);
                    f.Span(op, destination, destination);
                },
                length == Lengths[^1] ? LongRepetitions : Repetitions);
            allocated.Should().Be(0, $"{name}.{op} over {length} elements must not allocate");
        }
    }

    /// <summary>No scalar call allocates.</summary>
    /// <param name="name">The activation's canonical name.</param>
    /// <param name="op">The function.</param>
    [Theory]
    [MemberData(nameof(AllActivations.NamesAndOperations), MemberType = typeof(AllActivations))]
    public void ScalarOverloadAllocatesNothing(string name, Operation op)
    {
        ActivationFunction f = AllActivations.Get(name);
        double[] inputs = [-1000, -3.5, -0.25, -0.0, 0.0, 1e-300, 0.75, 4, 800, double.NaN, double.PositiveInfinity];
        double sum = 0;
        foreach (double x in inputs)
        {
            sum += f.Scalar(op, x);
        }

        long allocated = LeastAllocated(() =>
        {
            foreach (double x in inputs)
            {
                sum += f.Scalar(op, x);
            }
        });
        allocated.Should().Be(0, $"{name}.{op} (scalar) must not allocate (sum {sum})");
    }

    /// <summary>No training-loop call allocates, for double and float, in place or not.</summary>
    /// <param name="name">The activation's canonical name.</param>
    /// <param name="op">The operation.</param>
    /// <param name="type">double or float.</param>
    [Theory]
    [MemberData(nameof(FusedOperations.Cases), MemberType = typeof(FusedOperations))]
    public void FusedOverloadsAllocateNothing(string name, Fused op, string type)
    {
        ActivationFunction f = AllActivations.Get(name);
        foreach (int length in ShortLengths)
        {
            if (type == "double")
            {
                CheckFused<double>(f, op, length, i => ((i % 97) - 48) * 0.37);
            }
            else
            {
                CheckFused<float>(f, op, length, i => ((i % 97) - 48) * 0.37f);
            }
        }
    }

    /// <summary>No float span or scalar call of Fn, Grad or Grad2 allocates.</summary>
    /// <param name="name">The activation's canonical name.</param>
    /// <param name="op">The function.</param>
    [Theory]
    [MemberData(nameof(AllActivations.NamesAndOperations), MemberType = typeof(AllActivations))]
    public void FloatOverloadsAllocateNothing(string name, Operation op)
    {
        ActivationFunction f = AllActivations.Get(name);
        foreach (int length in ShortLengths)
        {
            var x = new float[length];
            for (int i = 0; i < length; i++)
            {
                x[i] = ((i % 97) - 48) * 0.37f;
            }

            var destination = new float[length];
            float sum = 0;
            void Call()
            {
                switch (op)
                {
                    case Operation.Fn:
                        f.Fn(x, destination);
                        sum += f.Fn(x[1]);
                        break;
                    case Operation.Grad:
                        f.Grad(x, destination);
                        sum += f.Grad(x[1]);
                        break;
                    default:
                        f.Grad2(x, destination);
                        sum += f.Grad2(x[1]);
                        break;
                }
            }

            Call();
            LeastAllocated(Call).Should().Be(0, $"{name}.{op} over {length} floats must not allocate (sum {sum})");
        }
    }

    /// <summary>Text that Parse reads, with the values it gives the parameters.</summary>
    public static TheoryData<string, double[]> ParsedTexts => new()
    {
        { "relu", [] },
        { " Hard Sigmoid ( ) ", [] },
        { "ELU(alpha=0.5)", [0.5] },
        { "leaky_relu( ALPHA = -2e-3 )", [-2e-3] },
        { "Affine(intercept=-1, slope=2)", [2, -1] },
    };

    /// <summary>
    /// A successful Parse allocates no more than its result does: the array of parameter values and
    /// whatever the activation's construction allocates (measured the same way), no strings or buffers.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="values">The parameter values it gives.</param>
    [Theory]
    [MemberData(nameof(ParsedTexts))]
    public void ParseAllocatesNoMoreThanItsResult(string text, double[] values)
    {
        ActivationDescriptor d = ActivationFunction.Parse(text).Description;
        void Construct()
        {
            double[] v = d.Defaults();
            values.CopyTo(v, 0);
            d.Create(v);
        }

        Construct();
        long construction = LeastAllocated(Construct);
        LeastAllocated(() => ActivationFunction.Parse(text)).Should().BeLessThanOrEqualTo(construction, $"Parse(\"{text}\") allocates only its result");
    }

    private static void CheckFused<T>(ActivationFunction f, Fused op, int length, Func<int, T> value)
        where T : unmanaged
    {
        var a = new T[length];
        var b = new T[length];
        for (int i = 0; i < length; i++)
        {
            a[i] = value(i);
            b[i] = value(i + 7);
        }

        var d0 = new T[length];
        var d1 = new T[length];
        void Call()
        {
            FusedOperations.Run<T>(f, op, a, b, d0, d1);
            FusedOperations.Run<T>(f, op, d0, b, d0, d1);
        }

        Call();
        LeastAllocated(Call).Should().Be(0, $"{f}.{op} over {length} {typeof(T).Name}s must not allocate");
    }

    /// <summary>The fewest bytes the calling thread allocated in a window of calls, over up to <see cref="Windows"/> windows (stops at 0).</summary>
    /// <param name="call">One call.</param>
    /// <param name="repetitions">How many times a window repeats it.</param>
    /// <returns>The smallest count of bytes seen.</returns>
    private static long LeastAllocated(Action call, int repetitions = Repetitions)
    {
        long least = long.MaxValue;
        for (int w = 0; w < Windows && least > 0; w++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int r = 0; r < repetitions; r++)
            {
                call();
            }

            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
