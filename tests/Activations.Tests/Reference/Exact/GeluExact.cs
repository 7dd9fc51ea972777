namespace Activations.Tests.Reference;

/// <summary>The exact GELU, x·Φ(x).</summary>
internal static partial class ExactActivations
{
    /// <summary>Working precision of the GELU reference: 320 bits, so that f′'s cancellation at its zero (under 64 bits at any double) leaves over 250.</summary>
    private const int GeluBits = 320;

    /// <summary>
    /// With a = |x|, Q = Φ(−a) from <see cref="BigFloatErf.NormalTail"/> and φ = φ(a):
    /// f = x·Q for x ≤ 0 and x(1 − Q) above; f′ = Φ(x) + xφ = Q − aφ for x ≤ 0 (the difference that
    /// vanishes at x ≈ −0.7518, formed exactly from two values good to 2^−310, so even the smallest
    /// f′ at a double, about 2^−57, keeps over 250 bits) and 1 − Q + aφ above; f″ = φ·(2 − x²), with
    /// 2 − x² exact.
    /// </summary>
    public static BigFloat GeluExact(double x, int order)
    {
        CheckOrder(order);
        BigFloat a = D(System.Math.Abs(x));
        BigFloat phi = BigFloatErf.Density(a, GeluBits);
        if (order == 2)
        {
            return (phi * (BigFloat.Two - (D(x) * D(x)))).Round(Bits);
        }

        BigFloat q = BigFloatErf.NormalTail(a, GeluBits);
        if (order == 0)
        {
            return (x <= 0 ? D(x) * q : D(x) * BigFloat.Add(BigFloat.One, -q, GeluBits)).Round(Bits);
        }

        BigFloat aPhi = a * phi;
        return x <= 0 ? BigFloat.Add(q, -aPhi, Bits) : BigFloat.Add(BigFloat.One, aPhi - q, Bits);
    }
}
