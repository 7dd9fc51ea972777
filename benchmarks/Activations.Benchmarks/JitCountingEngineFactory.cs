using System;
using System.Collections.Generic;
using System.Runtime;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Engines;

namespace Activations.Benchmarks;

/// <summary>
/// BenchmarkDotNet's own engine, with three additions in the benchmark process: it turns on the
/// <see cref="TieringWarmUp"/> of the benchmark setup (except in a cold-start job, the smoke run);
/// it counts the methods the JIT compiles while the measured iterations run, just before and just
/// after each iteration of the actual stage (in the iteration setup and cleanup hooks, outside the
/// timed region; reading the count is a call into the runtime that allocates and compiles
/// nothing); and it records every compile with a <see cref="JitEventRecorder"/>, to tell which of
/// the actual stage's compiles were of the measured code (<see cref="MeasuredCode"/>) rather than
/// of BenchmarkDotNet's and the framework's own per-iteration work (formatting and writing each
/// measurement, reallocating memory), which the default tiering keeps promoting as its call counts
/// reach 30. A <see cref="ProcessReport"/> line sends the result to the host process.
/// </summary>
/// <remarks>Public with a parameterless constructor: BenchmarkDotNet instantiates it in the generated benchmark process.</remarks>
public sealed class JitCountingEngineFactory : IEngineFactory
{
    /// <inheritdoc/>
    public IEngine CreateReadyToRun(EngineParameters engineParameters)
    {
        ArgumentNullException.ThrowIfNull(engineParameters);
        RunStrategy strategy = engineParameters.TargetJob.ResolveValue(BenchmarkDotNet.Jobs.RunMode.RunStrategyCharacteristic, EngineParameters.DefaultResolver);
        TieringWarmUp.IsEnabled = strategy != RunStrategy.ColdStart;

        var recorder = new JitEventRecorder();

        // The first mark loads the code that makes marks, so that the later ones compile only themselves.
        recorder.Mark();
        var host = new CountingHost(engineParameters.Host, engineParameters.IterationSetupAction, engineParameters.IterationCleanupAction, recorder);
        engineParameters.Host = host;
        engineParameters.IterationSetupAction = host.BeforeIteration;
        engineParameters.IterationCleanupAction = host.AfterIteration;
        return new EngineFactory().CreateReadyToRun(engineParameters);
    }

    // Every member that runs at each iteration is compiled optimised at once and never recompiled,
    // so that the counting code does not count itself.
    private sealed class CountingHost(IHost inner, Action iterationSetup, Action iterationCleanup, JitEventRecorder recorder) : IHost
    {
        private static readonly TimeSpan RecorderTimeout = TimeSpan.FromSeconds(5);

        private bool _inActualStage;
        private int _stageStart;
        private long _atIterationStart;
        private long _whileMeasured;
        private int _iterations;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void BeforeIteration()
        {
            iterationSetup();
            if (_inActualStage)
            {
                _atIterationStart = JitInfo.GetCompiledMethodCount(currentThread: false);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void AfterIteration()
        {
            if (_inActualStage)
            {
                _whileMeasured += JitInfo.GetCompiledMethodCount(currentThread: false) - _atIterationStart;
                _iterations++;
            }

            iterationCleanup();
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void SendSignal(HostSignal hostSignal)
        {
            if (hostSignal == HostSignal.AfterActualRun)
            {
                _inActualStage = false;
                Report(recorder.Mark());
            }

            inner.SendSignal(hostSignal);
            if (hostSignal == HostSignal.BeforeActualRun)
            {
                _stageStart = recorder.Mark();
                _inActualStage = true;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Write(string message) => inner.Write(message);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void WriteLine() => inner.WriteLine();

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void WriteLine(string message) => inner.WriteLine(message);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void SendError(string message) => inner.SendError(message);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void ReportResults(RunResults runResults) => inner.ReportResults(runResults);

        public void Dispose()
        {
            recorder.Dispose();
            inner.Dispose();
        }

        private void Report(int stageEnd)
        {
            List<string>? measured = recorder.Between(_stageStart, stageEnd, RecorderTimeout) is { } compiles ? MeasuredCode.Of(compiles) : null;
            inner.WriteLine(ProcessReport.Collect(TieringWarmUp.Outcome, _iterations, _whileMeasured, measured).ToLine());
        }
    }
}
