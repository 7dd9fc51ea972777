using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.Intrinsics;
using Activations.Kernels;
using Activations.Numerics;
using FluentAssertions;

namespace Activations.Tests.Kernels;

/// <summary>
/// Every pair kernel (value and gradient in one pass) against the activation's own Fn and Grad
/// kernels, bit for bit, on the scalar path and at every vector width (Vector512Ops runs in
/// software where the processor lacks AVX-512): on vectors whose lanes mix every range (so a
/// vector runs several paths, and a lane's shared work must not depend on its neighbours) and on
/// sorted vectors, whose lanes mostly share one range (so the paths a vector skips are skipped).
/// </summary>
public sealed class PairKernelTests
{
    private static readonly double[] Inputs = BuildInputs();

    public static TheoryData<string> Cases() => [.. Checks.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void ValueAndGradientHaveTheBitsOfTheFnAndGradKernels(string name) => Checks[name]();

    /// <summary>The constant that the pair kernels use for ExpM1NonPositive's clamped lanes is ExpPair(−100) on every path.</summary>
    [Fact]
    public void TheClampConstantIsExpPairAtTheClamp()
    {
        MethodInfo expPair = typeof(Core<double, bool, ScalarOps>).GetMethod("ExpPair", BindingFlags.NonPublic | BindingFlags.Static)!;
        object[] arguments = [-100.0, 0.0];
        double hi = (double)expPair.Invoke(null, arguments)!;
        double lo = (double)arguments[1];
        Bits(hi).Should().Be(Bits(Core<double, bool, ScalarOps>.ExpPairAtClampHi));
        Bits(lo).Should().Be(Bits(Core<double, bool, ScalarOps>.ExpPairAtClampLo));

        MethodInfo wide = typeof(Core<Vector512<double>, Vector512<double>, Vector512Ops>).GetMethod("ExpPair", BindingFlags.NonPublic | BindingFlags.Static)!;
        object[] wideArguments = [Vector512.Create(-100.0), Vector512<double>.Zero];
        var wideHi = (Vector512<double>)wide.Invoke(null, wideArguments)!;
        var wideLo = (Vector512<double>)wideArguments[1];
        for (int i = 0; i < Vector512<double>.Count; i++)
        {
            Bits(wideHi[i]).Should().Be(Bits(hi));
            Bits(wideLo[i]).Should().Be(Bits(lo));
        }
    }

    private static readonly Dictionary<string, Action> Checks = BuildChecks();

    private static Dictionary<string, Action> BuildChecks()
    {
        var checks = new Dictionary<string, Action>(StringComparer.Ordinal);
        foreach ((double slope, double intercept) in new[] { (1.0, 0.0), (2.0, -1.0), (-0.5, 1e-3) })
        {
            checks[$"Affine({slope:R}, {intercept:R})"] = () => Check(Pair.Of(new AffineFn(slope, intercept), new ConstantKernel(slope)), new AffineFn(slope, intercept), new ConstantKernel(slope));
        }

        checks["Affine(0, 3)"] = () => Check(Pair.Of(new ConstantKernel(3.0), new ConstantKernel(0.0)), new ConstantKernel(3.0), new ConstantKernel(0.0));

        checks["Identity"] = () => Check(Pair.Of(default(IdentityFn), new ConstantKernel(1.0)), default(IdentityFn), new ConstantKernel(1.0));
        checks["ReLU"] = () => Check(Pair.Of(default(ReluFn), new StepKernel(1.0, 0.0)), default(ReluFn), new StepKernel(1.0, 0.0));
        foreach (double alpha in new[] { 0.3, 0.01, -1.5 })
        {
            checks[$"LeakyReLU({alpha:R})"] = () => Check(Pair.Of(new LeakyReluFn(alpha), new StepKernel(1.0, alpha)), new LeakyReluFn(alpha), new StepKernel(1.0, alpha));
        }

        checks["HardSigmoid"] = () => Check(Pair.Of(default(HardSigmoidFn), default(HardSigmoidGrad)), default(HardSigmoidFn), default(HardSigmoidGrad));
        checks["Exponential"] = () => Check(default(ExpFnAndGrad), default(ExpKernel), default(ExpKernel));
        foreach (double alpha in new[] { 1.0, 0.5, 2.0, double.MaxValue, -1.5e308, 1e200, 1e-300, -2.0, 1.3e308, 3e-160, double.Epsilon, -1e-310 })
        {
            checks[$"ELU({alpha:R})"] = () =>
            {
                // The form the activation takes for this α, and the general form, which admits every factor.
                var factor = ExpFactor.Of(alpha, 0.0);
                if (factor.IsUnit)
                {
                    Check(new EluFnAndGrad<UnitFactor>(factor), new EluFn<UnitFactor>(factor), new EluGrad<UnitFactor>(1.0, factor));
                }
                else if (factor.IsPlain)
                {
                    Check(new EluFnAndGrad<PlainFactor>(factor), new EluFn<PlainFactor>(factor), new EluGrad<PlainFactor>(1.0, factor));
                }

                Check(new EluFnAndGrad<GeneralFactor>(factor), new EluFn<GeneralFactor>(factor), new EluGrad<GeneralFactor>(1.0, factor));
            };
        }

        checks["SELU"] = () =>
        {
            // The public class's own parameters.
            double scaleLo = (double)typeof(SELU).GetField("ScaleLo", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
            var scaledAlpha = (ExpFactor)typeof(SELU).GetField("ScaledAlpha", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
            Check(new SeluFnAndGrad<PlainFactor>(SELU.Scale, scaleLo, scaledAlpha), new SeluFn(SELU.Scale, scaleLo, scaledAlpha), new EluGrad<PlainFactor>(SELU.Scale, scaledAlpha));
        };
        checks["SELU-like(λα = 1e300)"] = () =>
        {
            var factor = ExpFactor.Of(1e300, 1e283);
            Check(new SeluFnAndGrad<GeneralFactor>(2.5, 1e-17, factor), new SeluFn(2.5, 1e-17, factor), new EluGrad<GeneralFactor>(2.5, factor));
        };
        foreach ((double hi, double lo) in new[] { (1.0, 1e-300), (1.5, 1e-250), (-3.0, 2e-262), (1e-200, 1e-217) })
        {
            // Factors with a low part: below 2⁻⁸⁷⁰ (after ExpFactor's scaling) a·eˣ takes the unshared steps.
            checks[$"ELU-like({hi:R} + {lo:R})"] = () =>
            {
                var factor = ExpFactor.Of(hi, lo);
                Check(new EluFnAndGrad<GeneralFactor>(factor), new EluFn<GeneralFactor>(factor), new EluGrad<GeneralFactor>(1.0, factor));
            };
        }

        checks["Sigmoid"] = () => Check(default(SigmoidFnAndGrad), default(SigmoidFn), default(SigmoidGrad));
        checks["Tanh"] = () => Check(default(TanhFnAndGrad), default(TanhFn), default(TanhGrad));
        checks["SoftPlus"] = () => Check(default(SoftPlusFnAndGrad), default(SoftPlusFn), default(SigmoidFn));
        checks["LogSigmoid"] = () => Check(default(LogSigmoidFnAndGrad<SoftPlusFnAndGrad>), default(LogSigmoidFn<SoftPlusFn>), default(LogSigmoidGrad<SigmoidFn>));
        checks["Softsign"] = () => Check(default(SoftsignFnAndGrad), default(SoftsignFn), default(SoftsignGrad));
        checks["Mish"] = () => Check(default(MishFnAndGrad), default(MishFn), default(MishGrad));
        checks["SiLU"] = () => Check(default(SiLUFnAndGrad), default(SiLUFn), default(SiLUGrad));
        foreach (double alpha in new[] { 1.0, 0.5, 0.1, 3.7, -1.0, -2.5, 1e-300, -1e-300, 5e-324, 1e300, double.MaxValue, -double.MaxValue })
        {
            checks[$"CELU({alpha:R})"] = () =>
            {
                var factor = CeluFactor.Of(alpha);
                Check(new CeluFnAndGrad(factor), new CeluFn(factor), new CeluGrad(factor, false));
            };
        }
        checks["GELU (approximate)"] = () => Check(default(GeluApproximateFnAndGrad), default(GeluApproximateFn), default(GeluApproximateGrad));

        // The float kernels' pairs, at the inputs rounded to float: their results rounded to float agree
        // (the doubles before that rounding need not: a fast kernel and a precise one may serve the
        // same vector, Numerics/Core.FloatFast.cs).
        checks["Exponential (float kernels)"] = () => Check(default(ExpAndGradForFloat), default(ExpForFloat), default(ExpForFloat), floats: true);
        checks["Sigmoid (float kernels)"] = () => Check(default(SigmoidAndGradForFloat), default(SigmoidForFloat), default(SigmoidGradForFloat), floats: true);
        checks["Tanh (float kernels)"] = () => Check(default(TanhAndGradForFloat), default(TanhForFloat), default(TanhGradForFloat), floats: true);
        checks["SoftPlus (float kernels)"] = () => Check(default(SoftPlusAndGradForFloat), default(SoftPlusForFloat), default(SigmoidForFloat), floats: true);
        checks["LogSigmoid (float kernels)"] = () => Check(default(LogSigmoidFnAndGrad<SoftPlusAndGradForFloat>), default(LogSigmoidFn<SoftPlusForFloat>), default(LogSigmoidGrad<SigmoidForFloat>), floats: true);
        checks["SiLU (float kernels)"] = () => Check(default(SiLUAndGradForFloat), default(SiLUForFloat), default(SiLUGradForFloat), floats: true);
        checks["Mish (float kernels)"] = () => Check(default(MishAndGradForFloat), default(MishForFloat), default(MishGradForFloat), floats: true);
        checks["ELU(0.5) (float kernels)"] = () => Check(new EluAndGradForFloat(1.0, 0.5), new EluForFloat(1.0, 0.5), new EluGradForFloat(1.0, 0.5), floats: true);
        checks["SELU (float kernels)"] = () => Check(new EluAndGradForFloat(SELU.Scale, 1.7580993408473768), new EluForFloat(SELU.Scale, 1.7580993408473768), new EluGradForFloat(SELU.Scale, 1.7580993408473768), floats: true);
        return checks;
    }

    private static void Check<TPair, TFn, TGrad>(TPair pair, TFn fn, TGrad grad, bool floats = false)
        where TPair : struct, IPairKernel
        where TFn : struct, IUnaryKernel
        where TGrad : struct, IUnaryKernel
    {
        double[] inputs = floats ? [.. Inputs.Select(x => (double)(float)x)] : Inputs;
        double[] sorted = [.. inputs.Where(x => !double.IsNaN(x)).OrderBy(x => x), .. inputs.Where(double.IsNaN)];
        foreach (double[] x in new[] { inputs, sorted })
        {
            CheckWidth<double, bool, ScalarOps, TPair, TFn, TGrad>(pair, fn, grad, x, floats);
            CheckWidth<Vector128<double>, Vector128<double>, Vector128Ops, TPair, TFn, TGrad>(pair, fn, grad, x, floats);
            CheckWidth<Vector256<double>, Vector256<double>, Vector256Ops, TPair, TFn, TGrad>(pair, fn, grad, x, floats);
            CheckWidth<Vector512<double>, Vector512<double>, Vector512Ops, TPair, TFn, TGrad>(pair, fn, grad, x, floats);
        }
    }

    /// <summary>One width: each whole vector of x through the pair and through each kernel alone, compared lane by lane (rounded to float first for the float kernels).</summary>
    private static void CheckWidth<T, TMask, TOps, TPair, TFn, TGrad>(TPair pair, TFn fn, TGrad grad, double[] x, bool floats)
        where TOps : ISimdOps<T, TMask>
        where TPair : struct, IPairKernel
        where TFn : struct, IUnaryKernel
        where TGrad : struct, IUnaryKernel
    {
        int n = TOps.Count;
        var value = new double[x.Length];
        var gradient = new double[x.Length];
        var expectedValue = new double[x.Length];
        var expectedGradient = new double[x.Length];
        for (int i = 0; i + n <= x.Length; i += n)
        {
            T v = TOps.Load(ref x[0], (nuint)i);
            TOps.Store(pair.Invoke<T, TMask, TOps>(v, out T g), ref value[0], (nuint)i);
            TOps.Store(g, ref gradient[0], (nuint)i);
            TOps.Store(fn.Invoke<T, TMask, TOps>(v), ref expectedValue[0], (nuint)i);
            TOps.Store(grad.Invoke<T, TMask, TOps>(v), ref expectedGradient[0], (nuint)i);
        }

        if (floats)
        {
            foreach (double[] results in new[] { value, gradient, expectedValue, expectedGradient })
            {
                for (int i = 0; i < results.Length; i++)
                {
                    results[i] = (float)results[i];
                }
            }
        }

        for (int i = 0; i < x.Length / n * n; i++)
        {
            if (Bits(value[i]) != Bits(expectedValue[i]) || Bits(gradient[i]) != Bits(expectedGradient[i]))
            {
                string lanes = string.Join(", ", x.Skip(i / n * n).Take(n).Select(l => l.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
                Bits(value[i]).Should().Be(Bits(expectedValue[i]), because: $"the value at x = {x[i]:R} ({typeof(TOps).Name}, vector [{lanes}]) is {typeof(TFn).Name}'s");
                Bits(gradient[i]).Should().Be(Bits(expectedGradient[i]), because: $"the gradient at x = {x[i]:R} ({typeof(TOps).Name}, vector [{lanes}]) is {typeof(TGrad).Name}'s");
            }
        }
    }

    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);

    /// <summary>
    /// Special values; every switch point of the numerics with its neighbours; and random inputs
    /// over ordinary, wide, tiny and all finite magnitudes; in a fixed shuffled order.
    /// </summary>
    private static double[] BuildInputs()
    {
        var random = new Random(20261201);
        var inputs = new List<double>
        {
            0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN,
            BitConverter.Int64BitsToDouble(0x7FF8000000000123), BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8000000000456)),
            BitConverter.Int64BitsToDouble(0x7FF0000000000001), double.Epsilon, -double.Epsilon,
            double.MaxValue, -double.MaxValue, 2.2250738585072014e-308, -2.2250738585072014e-308,
        };

        double[] points =
        [
            0.35, 0.175, 2.5, 40, 300, 600, 704, 745, 1000, 100, 50, 700, 710, 708.4, 709.78, 352, 350, 355, 372.5, 500,
            20, 0.7, 1.4, 1.0, 0.5, 1e-8, Math.ScaleB(1, -30), Math.ScaleB(1, -31), Math.ScaleB(1, -29),
            Math.ScaleB(1, -900), Math.ScaleB(1, 900), Math.ScaleB(1, -1022), Math.ScaleB(1, 996), 745.1332191019412, 1100,
            Math.ScaleB(1, 60), Math.ScaleB(1, -60), Math.ScaleB(1, 600),
            1.1924312145154952, 1.4424312145154952, 0.9424312145154952, 800, Math.ScaleB(1, -800), 19.06, 20.56, 751.75,
            0.34, 0.034, 3.4, 6.4, 64, 220, 2200, 1e-10, 1e-299, 1e-290, 1e296, 1e302, 1e305, 3e-298, 7e-298, 1.4e-297,
            0.7524614220710163, 1.4185040087908283, 17, 19.968377176271952, 21.547075410436022, 21.59273885762554, 30,
        ];
        foreach (double p in points)
        {
            foreach (double s in new[] { p, -p })
            {
                double up = s;
                double down = s;
                inputs.Add(s);
                for (int i = 0; i < 3; i++)
                {
                    up = Math.BitIncrement(up);
                    down = Math.BitDecrement(down);
                    inputs.Add(up);
                    inputs.Add(down);
                }

                inputs.Add(s * (1 + 1e-9));
                inputs.Add(s * (1 - 1e-9));
                inputs.Add(s + 1e-6);
                inputs.Add(s - 1e-6);
            }
        }

        for (int i = 0; i < 1500; i++)
        {
            inputs.Add((random.NextDouble() * 6) - 3);
        }

        for (int i = 0; i < 800; i++)
        {
            inputs.Add((random.NextDouble() * 120) - 60);
        }

        for (int i = 0; i < 800; i++)
        {
            inputs.Add((random.NextDouble() * 2200) - 1100);
        }

        for (int i = 0; i < 800; i++)
        {
            // Any finite double, uniform in its exponent (subnormals included).
            double m = 1 + random.NextDouble();
            double x = Math.ScaleB(m, random.Next(-1075, 1024));
            inputs.Add(random.Next(2) == 0 ? x : -x);
        }

        for (int i = 0; i < 400; i++)
        {
            double x = Math.ScaleB(1 + random.NextDouble(), random.Next(-1075, -26));
            inputs.Add(random.Next(2) == 0 ? x : -x);
        }

        double[] result = [.. inputs];
        random.Shuffle(result);
        return result;
    }
}
