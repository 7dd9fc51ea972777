using System;
using System.Collections.Generic;

namespace Activations.Tests;

/// <summary>Floats around a point, for the suites that cluster their float inputs.</summary>
internal static class FloatNeighbours
{
    /// <summary>c and the <paramref name="count"/> − 1 floats on either side of it (c repeated once per step on each side, which callers deduplicate).</summary>
    public static IEnumerable<float> Around(float c, int count)
    {
        float up = c;
        float down = c;
        for (int k = 0; k < count; k++)
        {
            yield return up;
            yield return down;
            up = MathF.BitIncrement(up);
            down = MathF.BitDecrement(down);
        }
    }
}
