using System;
using System.Diagnostics;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace Activations.Benchmarks;

/// <summary>
/// Before BenchmarkDotNet's own stages, calls the measured operation until the runtime has stopped
/// compiling: the number of methods the JIT has compiled (<see cref="JitInfo.GetCompiledMethodCount"/>,
/// every thread) must stay the same for <see cref="QuietPeriod"/> and <see cref="QuietCalls"/> calls
/// in a row. With the default tiering a method goes from tier 0 (or an on-stack-replacement version
/// of a loop) through an instrumented tier to tier 1, each step only after 30 counted calls;
/// counting starts only once no new tier-0 code has appeared for 100 ms (checked on a 100 ms timer,
/// so up to 200 ms), and the next tier is compiled on a background thread. A step is therefore due
/// at most 200 ms + 30 calls + one compile after the last one; a quiet window of at least 500 ms
/// and 60 calls is longer than that whatever a call takes (60 calls ≥ 30 calls + 250 ms when 30
/// calls take more than 250 ms, and 500 ms ≥ 250 ms + 30 calls otherwise), so it cannot fall
/// between two steps. With <c>DOTNET_TieredCompilation=0</c> the count settles after the first
/// call, and the same procedure just costs the quiet window. Without this warm-up,
/// BenchmarkDotNet's pilot stage timed System.Numerics.Tensors (which ships without precompiled
/// code) at tier 0, 10–20 times slower, and chose far too few calls per iteration.
/// </summary>
internal static class TieringWarmUp
{
    /// <summary>
    /// The most elements a warm-up call processes: the operation runs on the first
    /// min(N, this) elements, which take the same code paths as every N of the suite above it
    /// (the length-dependent choices, such as TensorPrimitives' non-temporal stores above 256 KiB,
    /// are all made below it) but keep a warm-up at N = 16,777,216 from taking a minute.
    /// </summary>
    public const int MaxLength = 1_048_576;

    /// <summary>How long the count must stay constant: the call-counting delay (up to 200 ms), a compile, and margin.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(500);

    /// <summary>How many calls in a row must compile nothing: twice the 30 calls of each tier's call counting.</summary>
    public const int QuietCalls = 60;

    /// <summary>The longest warm-up; a case that has not settled by then is reported as unsettled.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    /// <summary>Whether the benchmark setup warms up (set by <see cref="JitCountingEngineFactory"/> in a measuring process).</summary>
    public static bool IsEnabled { get; set; }

    /// <summary>The outcome of this process's warm-up, or null when none ran.</summary>
    public static WarmUpOutcome? Outcome { get; private set; }

    /// <summary>Calls <paramref name="operation"/> until the JIT has been quiet long enough, or <see cref="Limit"/> has passed.</summary>
    /// <param name="operation">The measured operation, on its warm-up arrays.</param>
    // Optimised at once and never recompiled, so that this loop does not itself show up in the count.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(Action operation)
    {
        long start = Stopwatch.GetTimestamp();
        long compiled = JitInfo.GetCompiledMethodCount(currentThread: false);
        long lastChange = start;
        int calls = 0;
        int quietCalls = 0;
        bool settled = false;
        while (Stopwatch.GetElapsedTime(start) < Limit)
        {
            operation();
            calls++;
            quietCalls++;
            long now = Stopwatch.GetTimestamp();
            long count = JitInfo.GetCompiledMethodCount(currentThread: false);
            if (count != compiled)
            {
                compiled = count;
                lastChange = now;
                quietCalls = 0;
            }
            else if (quietCalls >= QuietCalls && Stopwatch.GetElapsedTime(lastChange, now) >= QuietPeriod)
            {
                settled = true;
                break;
            }
        }

        Outcome = new WarmUpOutcome(calls, Stopwatch.GetElapsedTime(start), settled);
    }
}

/// <summary>What a warm-up did.</summary>
/// <param name="Calls">The calls of the operation.</param>
/// <param name="Elapsed">Their total time, quiet window included.</param>
/// <param name="Settled">Whether the JIT went quiet before the time limit.</param>
internal sealed record WarmUpOutcome(int Calls, TimeSpan Elapsed, bool Settled);
