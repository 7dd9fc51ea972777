namespace Activations.Catalogue;

/// <summary>
/// Every activation, one line each, in the order of the names that error messages list. Parse,
/// <see cref="ActivationFunction.Names"/>, the tests' catalogue, the benchmarks and the plots read
/// this list; a test checks by reflection that every public activation is on it.
/// </summary>
internal static class KnownActivations
{
    public static ActivationDescriptor[] All { get; } =
    [
        Affine.Descriptor,
        CELU.Descriptor,
        ELU.Descriptor,
        Exponential.Descriptor,
        HardSigmoid.Descriptor,
        HardSwish.Descriptor,
        HardTanh.Descriptor,
        Identity.Descriptor,
        LeakyReLU.Descriptor,
        LogSigmoid.Descriptor,
        ReLU.Descriptor,
        SELU.Descriptor,
        Sigmoid.Descriptor,
        SoftPlus.Descriptor,
        Softsign.Descriptor,
        Tanh.Descriptor,
    ];
}
