using System;
using System.Linq;
using FluentAssertions;
using static Activations.Tests.ValidationBuffers;

namespace Activations.Tests;

/// <summary>
/// Argument checking of the span and array overloads: a null array, a destination that is too
/// short or overlaps the input partially (rejected before anything is written), in-place use
/// (allowed, and bit-identical to out-of-place), a longer destination (only the first x.Length
/// elements written) and empty input (nothing written).
/// </summary>
public sealed class ValidationTests
{
    [Theory]
    [MemberData(nameof(AllActivations.NamesAndOperations), MemberType = typeof(AllActivations))]
    public void NullArrayThrowsArgumentNullException(string name, Operation op)
    {
        ActivationFunction f = AllActivations.Get(name);
        Action act = () => f.Array(op, null!);
        act.Should().Throw<ArgumentNullException>(because: $"{f}.{op}(double[]) rejects null").WithParameterName("x");
    }

    [Theory]
    [MemberData(nameof(AllActivations.NamesAndOperations), MemberType = typeof(AllActivations))]
    public void TooShortDestinationThrowsAndWritesNothing(string name, Operation op)
    {
        ActivationFunction f = AllActivations.Get(name);
        foreach ((int inputLength, int destinationLength) in new[] { (1, 0), (5, 4), (40, 1), (40, 39) })
        {
            double[] x = Inputs(inputLength);
            double[] destination = Filled(destinationLength);
            Action act = () => f.Span(op, x, destination);
            act.Should().Throw<ArgumentException>(because: $"{f}.{op} cannot write {inputLength} results into {destinationLength} elements")
                .WithMessage("*too short*");
            ShouldAllBeSentinel(destination, $"{f}.{op} must throw before writing");
        }
    }

    [Theory]
    [MemberData(nameof(AllActivations.NamesAndOperations), MemberType = typeof(AllActivations))]
    public void PartialOverlapThrowsAndLeavesTheBufferUntouched(string name, Operation op)
    {
        ActivationFunction f = AllActivations.Get(name);
        foreach (int length in new[] { 2, 3, 9, 40 })
        {
            foreach (int shift in new[] { 1, -1, length - 1, 1 - length })
            {
                double[] buffer = Inputs(length + Math.Abs(shift));
                double[] original = [.. buffer];
                int xStart = Math.Max(0, -shift);
                int destinationStart = Math.Max(0, shift);
                Action act = () => f.Span(op, buffer.AsSpan(xStart, length), buffer.AsSpan(destinationStart, length));
                act.Should().Throw<ArgumentException>(
                    because: $"{f}.{op} with x = buffer[{xStart}..] and destination = buffer[{destinationStart}..] of length {length} overlap partially");
                ShouldHaveTheSameBits(buffer, original, $"{f}.{op} must reject the overlap before writing anything");
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllActivations.NamesAndOperations), MemberType = typeof(AllActivations))]
    public void InPlaceEqualsOutOfPlaceBitForBit(string name, Operation op)
    {
        ActivationFunction f = AllActivations.Get(name);
        foreach (int length in new[] { 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 33, 100 })
        {
            double[] x = Inputs(length);
            var outOfPlace = new double[length];
            f.Span(op, x, outOfPlace);
            double[] inPlace = [.. x];
            f.Span(op, inPlace, inPlace);
            ShouldHaveTheSameBits(inPlace, outOfPlace, $"{f}.{op} in place over {length} elements must read every input before overwriting it");
        }
    }

    [Theory]
    [MemberData(nameof(AllActivations.NamesAndOperations), MemberType = typeof(AllActivations))]
    public void LongerDestinationHasOnlyItsFirstElementsWritten(string name, Operation op)
    {
        ActivationFunction f = AllActivations.Get(name);
        foreach (int length in new[] { 1, 3, 4, 8, 13, 32 })
        {
            foreach (int extra in new[] { 1, 7, 40 })
            {
                double[] x = Inputs(length);
                double[] destination = Filled(length + extra);
                f.Span(op, x, destination);
                for (int i = 0; i < length; i++)
                {
                    BitConverter.DoubleToInt64Bits(destination[i]).Should().Be(BitConverter.DoubleToInt64Bits(f.Scalar(op, x[i])),
                        because: $"{f}.{op} writes element {i} of {length}");
                }

                ShouldAllBeSentinel(destination.AsSpan(length).ToArray(), $"{f}.{op} of {length} elements must not write past them");
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllActivations.NamesAndOperations), MemberType = typeof(AllActivations))]
    public void EmptyInputWritesNothing(string name, Operation op)
    {
        ActivationFunction f = AllActivations.Get(name);
        double[] destination = Filled(9);
        f.Span(op, ReadOnlySpan<double>.Empty, destination);
        ShouldAllBeSentinel(destination, $"{f}.{op} of no elements writes nothing");

        Action empty = () => f.Span(op, ReadOnlySpan<double>.Empty, Span<double>.Empty);
        empty.Should().NotThrow(because: "an empty destination is long enough for an empty input");
        f.Array(op, []).Should().BeEmpty(because: $"{f}.{op} of an empty array is an empty array");
    }
}
