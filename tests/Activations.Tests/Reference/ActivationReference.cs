using System;
using System.Collections.Generic;
using System.Linq;

namespace Activations.Tests.Reference;

/// <summary>
/// Everything the shared suites know about one activation, worked out from its definition and never
/// computed by the library: the exact f, f′ and f″ (<see cref="Exact"/>), the kind of f′ at every input
/// (<see cref="Derivative"/>), the derivative in terms of the output (<see cref="OutputDerivative"/>), the
/// hand-derived values at ±∞ and at ±0, and the inputs where the activation changes regime. Each activation
/// has one subclass of <see cref="ActivationReference{T}"/>, in <c>Reference/Exact/&lt;Name&gt;.cs</c> next
/// to its exact formulas; <see cref="For"/> finds it by reflection, and a test fails when a catalogue
/// activation has none, so a new activation cannot skip a suite.
/// </summary>
internal abstract class ActivationReference
{
    private static readonly Dictionary<Type, ActivationReference> ByType =
        typeof(ActivationReference).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(ActivationReference)) && !t.IsAbstract)
            .Select(t => (ActivationReference)Activator.CreateInstance(t)!)
            .ToDictionary(r => r.Activation);

    /// <summary>Every reference in the test assembly, one per activation type.</summary>
    public static IReadOnlyCollection<ActivationReference> All => ByType.Values;

    /// <summary>The activation type this reference describes.</summary>
    public abstract Type Activation { get; }

    /// <summary>The reference of <paramref name="activation"/>'s type.</summary>
    /// <exception cref="NotSupportedException">The type has no reference.</exception>
    public static ActivationReference For(ActivationFunction activation) =>
        ByType.TryGetValue(activation.GetType(), out ActivationReference? reference)
            ? reference
            : throw new NotSupportedException($"No exact reference for {activation}: add a {activation.GetType().Name}Reference in Reference/Exact/.");

    /// <summary>The exact order-th derivative (0 = value) at a finite x, to ≲ 2^−245 relative.</summary>
    public abstract BigFloat Exact(ActivationFunction activation, double x, int order);

    /// <summary>
    /// f′(x) as an exact value for every non-NaN x, its kind decided from the definition: an exact zero only
    /// where the definition makes it one, the limits at ±∞, otherwise the finite nonzero reference value.
    /// </summary>
    public abstract ExactValue Derivative(ActivationFunction activation, double x);

    /// <summary>
    /// g(y), the derivative written in terms of the output, exactly at a non-NaN double y (also at values f
    /// never produces, and at ±∞), with the IEEE rules on the exact formula; null where the output does not
    /// determine the derivative (the library then does not offer BackwardFromOutput).
    /// </summary>
    public abstract ExactValue? OutputDerivative(ActivationFunction activation, double y);

    /// <summary>The limits of (f, f′, f″) as x → −∞ and x → +∞, worked out by hand from the formula.</summary>
    public abstract (Triple Negative, Triple Positive) Limits(ActivationFunction activation);

    /// <summary>(f, f′, f″) at ±0, which take the "otherwise" branch of every "x &gt; 0", worked out by hand.</summary>
    public abstract Triple AtZero(ActivationFunction activation);

    /// <summary>Inputs besides the shared thresholds where the results cross a regime (a root, the smallest normal, an overflow) for the accuracy suite.</summary>
    public abstract double[] Crossings(ActivationFunction activation);

    /// <summary>Where f, f′ or f″ is not smooth: the finite-difference suite keeps 0.1 away from them.</summary>
    public abstract double[] Kinks(ActivationFunction activation);

    /// <summary>Instances besides the catalogue's that the accuracy suite also measures, where they reach other code (none by default).</summary>
    public abstract IEnumerable<ActivationFunction> ExtraAccuracyInstances { get; }

    /// <summary>
    /// Where the definition says the derivative is nonzero, a zero reference value would be a bug in the reference
    /// (the exponentials are clamped at e^−5000, never 0), so it is reported rather than passed on as an exact zero.
    /// </summary>
    protected static ExactValue NonZero(BigFloat value) =>
        value.IsZero ? throw new InvalidOperationException("The reference derivative is zero where the definition says it is not.") : ExactValue.Of(value);
}

/// <summary>The reference of activation type <typeparamref name="T"/>, with typed access to its parameters.</summary>
/// <typeparam name="T">The activation.</typeparam>
internal abstract class ActivationReference<T> : ActivationReference
    where T : ActivationFunction
{
    /// <inheritdoc/>
    public sealed override Type Activation => typeof(T);

    /// <inheritdoc/>
    public sealed override IEnumerable<ActivationFunction> ExtraAccuracyInstances => Extras;

    /// <summary>The typed <see cref="ActivationReference.ExtraAccuracyInstances"/>.</summary>
    protected virtual IEnumerable<T> Extras => [];

    /// <inheritdoc/>
    /// <remarks>Kept by <see cref="ReferenceCache"/> when CI asks for it.</remarks>
    public sealed override BigFloat Exact(ActivationFunction activation, double x, int order) =>
        ReferenceCache.GetFinite($"{GetType().Name} {activation}", x, order, () => Exact((T)activation, x, order));

    /// <inheritdoc/>
    /// <remarks>Kept by <see cref="ReferenceCache"/> when CI asks for it (as order −1).</remarks>
    public sealed override ExactValue Derivative(ActivationFunction activation, double x) =>
        ReferenceCache.Get($"{GetType().Name} {activation}", x, -1, () => Derivative((T)activation, x));

    /// <inheritdoc/>
    public sealed override ExactValue? OutputDerivative(ActivationFunction activation, double y) => OutputDerivative((T)activation, y);

    /// <inheritdoc/>
    public sealed override (Triple Negative, Triple Positive) Limits(ActivationFunction activation) =>
        Limits((T)activation);

    /// <inheritdoc/>
    public sealed override Triple AtZero(ActivationFunction activation) => AtZero((T)activation);

    /// <inheritdoc/>
    public sealed override double[] Crossings(ActivationFunction activation) => Crossings((T)activation);

    /// <inheritdoc/>
    public sealed override double[] Kinks(ActivationFunction activation) => Kinks((T)activation);

    /// <inheritdoc cref="ActivationReference.Exact"/>
    protected abstract BigFloat Exact(T f, double x, int order);

    /// <inheritdoc cref="ActivationReference.Derivative"/>
    protected abstract ExactValue Derivative(T f, double x);

    /// <inheritdoc cref="ActivationReference.OutputDerivative"/>
    protected abstract ExactValue? OutputDerivative(T f, double y);

    /// <inheritdoc cref="ActivationReference.Limits"/>
    protected abstract (Triple Negative, Triple Positive) Limits(T f);

    /// <inheritdoc cref="ActivationReference.AtZero"/>
    protected abstract Triple AtZero(T f);

    /// <inheritdoc cref="ActivationReference.Crossings"/>
    protected virtual double[] Crossings(T f) => [];

    /// <inheritdoc cref="ActivationReference.Kinks"/>
    protected virtual double[] Kinks(T f) => [0];
}

/// <summary>f, f′ and f″ at one input; written as a tuple literal.</summary>
/// <param name="Fn">f.</param>
/// <param name="Grad">f′.</param>
/// <param name="Grad2">f″.</param>
internal readonly record struct Triple(double Fn, double Grad, double Grad2)
{
    /// <summary>The triple of a tuple literal.</summary>
    public static implicit operator Triple((double Fn, double Grad, double Grad2) values) => new(values.Fn, values.Grad, values.Grad2);
}
