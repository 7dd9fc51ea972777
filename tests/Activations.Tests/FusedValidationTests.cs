using System;
using System.Linq;
using Activations.Tests.Reference;
using FluentAssertions;
using static Activations.Tests.ValidationBuffers;

namespace Activations.Tests;

/// <summary>
/// Argument checking of the training-loop operations, for double and float: inputs of different
/// lengths, a destination that is too short, a destination that overlaps an input partially, two
/// destinations of FnAndGrad that overlap, and BackwardFromOutput where the output does not
/// determine the derivative. Each throws the documented exception before anything is written.
/// </summary>
public sealed class FusedValidationTests
{
    [Theory]
    [MemberData(nameof(FusedOperations.Cases), MemberType = typeof(FusedOperations))]
    public void LengthsAreCheckedBeforeAnythingIsWritten(string name, Fused op, string type)
    {
        ActivationFunction f = AllActivations.Get(name);
        foreach ((int length, int otherLength) in new[] { (1, 0), (5, 4), (40, 1), (40, 39), (3, 4) })
        {
            double[] a = Inputs(length);
            bool tooShort = otherLength < length;
            if (op == Fused.FnAndGrad)
            {
                if (!tooShort)
                {
                    continue;
                }

                // One destination too short, whichever it is.
                Expect<ArgumentException>(f, op, type, a, a, Filled(otherLength), Filled(length), "*too short*", "value");
                Expect<ArgumentException>(f, op, type, a, a, Filled(length), Filled(otherLength), "*too short*", "gradient");
                continue;
            }

            // dy of another length (longer or shorter), then a destination too short.
            Expect<ArgumentException>(f, op, type, a, Inputs(otherLength), Filled(length), Filled(0), "*different lengths*", "outputGradient");
            if (tooShort)
            {
                Expect<ArgumentException>(f, op, type, a, Inputs(length), Filled(otherLength), Filled(0), "*too short*", "destination");
            }
        }
    }

    [Theory]
    [MemberData(nameof(FusedOperations.Cases), MemberType = typeof(FusedOperations))]
    public void PartialOverlapIsRejectedBeforeAnythingIsWritten(string name, Fused op, string type)
    {
        ActivationFunction f = AllActivations.Get(name);
        foreach (int length in new[] { 2, 3, 9, 40 })
        {
            foreach (int shift in new[] { 1, -1, length - 1, 1 - length })
            {
                int first = Math.Max(0, -shift);
                int second = Math.Max(0, shift);
                if (op == Fused.FnAndGrad)
                {
                    // Value or gradient overlapping x partially; value and gradient overlapping at all.
                    CheckBuffer(f, op, type, length + Math.Abs(shift), (buffer, span) =>
                        Run(f, op, type, span(buffer, first, length), Inputs(length), span(buffer, second, length), Filled(length)));
                    CheckBuffer(f, op, type, length + Math.Abs(shift), (buffer, span) =>
                        Run(f, op, type, span(buffer, first, length), Inputs(length), Filled(length), span(buffer, second, length)));
                    CheckBuffer(f, op, type, length + Math.Abs(shift), (buffer, span) =>
                        Run(f, op, type, Inputs(length), Inputs(length), span(buffer, first, length), span(buffer, second, length)));
                }
                else
                {
                    // The destination overlapping x (or y) partially, then dy partially.
                    CheckBuffer(f, op, type, length + Math.Abs(shift), (buffer, span) =>
                        Run(f, op, type, span(buffer, first, length), Inputs(length), span(buffer, second, length), Filled(0)));
                    CheckBuffer(f, op, type, length + Math.Abs(shift), (buffer, span) =>
                        Run(f, op, type, Inputs(length), span(buffer, first, length), span(buffer, second, length), Filled(0)));
                }
            }
        }

        if (op == Fused.FnAndGrad)
        {
            // The same memory for both destinations is an error too, unlike a destination that is x.
            CheckBuffer(f, op, type, 9, (buffer, span) => Run(f, op, type, Inputs(9), Inputs(9), span(buffer, 0, 9), span(buffer, 0, 9)));
        }
    }

    [Theory]
    [MemberData(nameof(AllActivations.Names), MemberType = typeof(AllActivations))]
    public void BackwardFromOutputWithoutAnOutputFormThrowsNotSupported(string name)
    {
        ActivationFunction f = AllActivations.Get(name);
        if (f.CanBackwardFromOutput)
        {
            return;
        }

        double[] destination = Filled(4);
        Action call = () => f.BackwardFromOutput(Inputs(4), Inputs(4), destination);
        call.Should().Throw<NotSupportedException>(because: $"{f}'s output does not determine its derivative").WithMessage($"*{f}*");
        ShouldAllBeSentinel(destination, $"{f}.BackwardFromOutput must throw before writing");
        var floats = new float[4];
        Action floatCall = () => f.BackwardFromOutput(new float[4], new float[4], floats);
        floatCall.Should().Throw<NotSupportedException>().WithMessage($"*{f}*");
    }

    [Fact]
    public void CanBackwardFromOutputIsTrueExactlyWhereTheOutputDeterminesTheDerivative()
    {
        // The reference's from-output form (written per activation, Reference/Exact/<Name>.cs) declines exactly
        // where the output does not determine the derivative: a zero slope, α ≤ 0, HardSigmoid, SoftPlus.
        AllActivations.Instances.Where(f => f.CanBackwardFromOutput).Select(f => f.ToString())
            .Should().BeEquivalentTo(AllActivations.Instances.Where(ExactBackward.HasOutputDerivative).Select(f => f.ToString()));
    }

    private static void Expect<TException>(ActivationFunction f, Fused op, string type, double[] a, double[] b, double[] d0, double[] d1, string message, string parameter)
        where TException : ArgumentException
    {
        double[] original0 = [.. d0];
        double[] original1 = [.. d1];
        Action act = () => Run(f, op, type, a, b, d0, d1);
        act.Should().Throw<TException>(because: $"{f}.{op} over {type} with lengths {a.Length}, {b.Length}, {d0.Length}, {d1.Length}")
            .WithMessage(message).And.ParamName.Should().Be(parameter);
        ShouldHaveTheSameBits(d0, original0, $"{f}.{op} must throw before writing");
        ShouldHaveTheSameBits(d1, original1, $"{f}.{op} must throw before writing");
    }

    /// <summary>A call with spans cut from one buffer must throw and leave the buffer as it was.</summary>
    private static void CheckBuffer(ActivationFunction f, Fused op, string type, int bufferLength, Action<double[], Func<double[], int, int, Memory<double>>> call)
    {
        double[] buffer = Inputs(bufferLength);
        double[] original = [.. buffer];
        Action act = () => call(buffer, (array, start, length) => array.AsMemory(start, length));
        act.Should().Throw<ArgumentException>(because: $"{f}.{op} over {type} with overlapping spans");
        ShouldHaveTheSameBits(buffer, original, $"{f}.{op} must reject the overlap before writing anything");
    }

    private static void Run(ActivationFunction f, Fused op, string type, Memory<double> a, Memory<double> b, Memory<double> d0, Memory<double> d1)
    {
        if (type == "double")
        {
            FusedOperations.Run<double>(f, op, a.Span, b.Span, d0.Span, d1.Span);
        }
        else
        {
            // The same bytes seen as twice as many floats: the overlaps are the same memory.
            FusedOperations.Run<float>(f, op, AsFloats(a), AsFloats(b), AsFloats(d0), AsFloats(d1));
        }
    }

    private static Span<float> AsFloats(Memory<double> memory) => System.Runtime.InteropServices.MemoryMarshal.Cast<double, float>(memory.Span);
}
