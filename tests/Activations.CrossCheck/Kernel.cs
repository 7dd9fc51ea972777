using System;

namespace Activations.CrossCheck;

/// <summary>One of an activation's span overloads, as a map of x[i] to destination[i].</summary>
internal delegate void SpanKernel(ActivationFunction f, ReadOnlySpan<double> x, Span<double> destination);

/// <summary>
/// One operation through its scalar form (for the fused and float operations, a one-element call)
/// and its span form; <paramref name="AppliesTo"/> leaves out activations that lack it
/// (BackwardFromOutput where the output does not determine f′); it runs on every
/// <paramref name="InputStride"/>-th input (the emulated arm64 run's time grows with the lines).
/// </summary>
internal sealed record Kernel(string Name, Func<ActivationFunction, double, double> Scalar, SpanKernel Span, Func<ActivationFunction, bool>? AppliesTo = null, int InputStride = 1);
