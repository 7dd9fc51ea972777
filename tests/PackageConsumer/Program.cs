// Uses the packed library the way a user would and prints one line per check, then
// "consumer check: OK" when all pass; .ci/consumer-check.sh looks for that line.
using System.Reflection;
using Activations;

int failures = 0;

void Check(string what, bool passed, string detail)
{
    Console.WriteLine($"{(passed ? "ok  " : "FAIL")} {what}: {detail}");
    failures += passed ? 0 : 1;
}

// The assembly that was loaded must be the one the script just packed.
string expectedVersion = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
    .Single(a => a.Key == "ExpectedActivationsVersion").Value ?? "";
string loadedVersion = typeof(ActivationFunction).Assembly
    .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "(none)";
Check("package version", loadedVersion.Split('+')[0] == expectedVersion, $"loaded {loadedVersion}, expected {expectedVersion}");

double sigmoidAtZero = new Sigmoid().Fn(0.0);
Check("Sigmoid at 0", sigmoidAtZero == 0.5, $"{sigmoidAtZero:R}");

// e⁻¹ − 1 = −0.63212055882855767840…, whose nearest double is −0.6321205588285577; the library
// promises 2 ulps, and the ulp of values in [0.5, 1) is 2⁻⁵³.
const double EluAtMinusOne = -0.6321205588285577;
double eluAtMinusOne = new ELU(alpha: 1.0).Fn(-1.0);
Check("ELU(alpha=1) at -1", Math.Abs(eluAtMinusOne - EluAtMinusOne) <= 2 * Math.Pow(2, -53), $"{eluAtMinusOne:R}");

double[] inputs = [-2.0, -0.5, 0.0, 3.0];
double[] relu = new double[inputs.Length];
new ReLU().Fn(inputs, relu.AsSpan());
Check("ReLU span overload", relu.SequenceEqual([0.0, 0.0, 0.0, 3.0]), string.Join(", ", relu));

ActivationFunction parsed = ActivationFunction.Parse("leaky_relu(alpha=0.1)");
string text = parsed.ToString();
Check(
    "Parse(\"leaky_relu(alpha=0.1)\") is LeakyReLU(alpha=0.1) and round trips",
    parsed is LeakyReLU { Alpha: 0.1 } && text == "LeakyReLU(alpha=0.1)" && ActivationFunction.Parse(text).Equals(parsed),
    text);

Check("TryParse rejects an unknown name", !ActivationFunction.TryParse("no_such_activation", out _), "false");

if (failures > 0)
{
    Console.WriteLine($"consumer check: {failures} check(s) failed");
    return 1;
}

Console.WriteLine("consumer check: OK");
return 0;
