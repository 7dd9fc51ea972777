using System;

namespace Activations.CrossCheck;

/// <summary>One of an activation's span overloads: Fn, Grad or Grad2 of f at every x[i], into destination[i].</summary>
internal delegate void SpanKernel(ActivationFunction f, ReadOnlySpan<double> x, Span<double> destination);

/// <summary>One of Fn, Grad and Grad2, through its scalar and its span overload.</summary>
internal sealed record Kernel(string Name, Func<ActivationFunction, double, double> Scalar, SpanKernel Span);
