namespace Activations.Kernels;

/// <summary>The vector widths of the span driver, narrowest first.</summary>
internal enum VectorWidth
{
    /// <summary>The widest width the processor accelerates.</summary>
    Auto = 0,

    /// <summary>One double at a time.</summary>
    Scalar = 1,

    /// <summary>Two doubles (SSE2 / AdvSimd).</summary>
    Vector128 = 2,

    /// <summary>Four doubles (AVX2).</summary>
    Vector256 = 3,

    /// <summary>Eight doubles (AVX-512).</summary>
    Vector512 = 4,
}
