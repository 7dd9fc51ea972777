using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using System.Threading;

namespace Activations.Tests.Reference;

/// <summary>
/// Keeps the arbitrary-precision reference's values from one test run for the next, when the
/// environment variable <see cref="Variable"/> names a file: CI runs the suite once per
/// instruction-set setting, and the reference (exact integer arithmetic, the same on every
/// processor) is where most of the accuracy suites' time goes once the big-integer code runs
/// without wide vectors. A value is kept under the reference function (its class and the
/// activation's canonical text, which holds every parameter exactly, or the name of the exact
/// function), the order and the input's exact bits; what is kept is the reference's own exact
/// value, never the library's. Each computed value is appended to the file as it is computed (the
/// test host may be stopped as soon as the tests end), after a header with the identity of the
/// test assembly that wrote it, so a rebuilt assembly (a changed reference) starts a new file; a
/// missing, foreign or unreadable file means every value is computed, and a file cut short keeps
/// the values before the cut. Without the variable nothing is kept.
/// </summary>
internal static class ReferenceCache
{
    /// <summary>The environment variable that names the cache file.</summary>
    public const string Variable = "ACTIVATIONS_TESTS_REFERENCE_CACHE";

    private const string Magic = "Activations.Tests reference cache 2";

    private const byte FunctionRecord = 1;

    private const byte ValueRecord = 2;

    private static readonly string? FilePath = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? path : null;

    private static readonly Guid Assembly = typeof(ReferenceCache).Assembly.ManifestModule.ModuleVersionId;

    private static readonly ConcurrentDictionary<(string Function, int Order, long Bits), ExactValue> Values = [];

    // The names of the functions already in the file, with their numbers in it.
    private static readonly Dictionary<string, int> FunctionIds = new(StringComparer.Ordinal);

    private static readonly Lock WriterLock = new();

    private static readonly BinaryWriter? Writer = Open();

    static ReferenceCache()
    {
        if (Writer is not null)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                lock (WriterLock)
                {
                    Writer.Flush();
                }
            };
        }
    }

    /// <summary>The exact value of <paramref name="function"/>'s order-th derivative at x, kept or computed.</summary>
    /// <param name="function">The reference function, with every parameter that changes its value.</param>
    /// <param name="x">The input.</param>
    /// <param name="order">The order (or another small number that tells the kept functions apart).</param>
    /// <param name="compute">Computes the value when it is not kept.</param>
    /// <returns>The value.</returns>
    public static ExactValue Get(string function, double x, int order, Func<ExactValue> compute)
    {
        if (Writer is null)
        {
            return compute();
        }

        var key = (function, order, BitConverter.DoubleToInt64Bits(x));
        if (Values.TryGetValue(key, out ExactValue value))
        {
            return value;
        }

        value = compute();
        if (Values.TryAdd(key, value))
        {
            Append(key, value);
        }

        return value;
    }

    /// <summary>As <see cref="Get"/>, for a finite reference value.</summary>
    /// <param name="function">The reference function, with every parameter that changes its value.</param>
    /// <param name="x">The input.</param>
    /// <param name="order">The order.</param>
    /// <param name="compute">Computes the value when it is not kept.</param>
    /// <returns>The value.</returns>
    public static BigFloat GetFinite(string function, double x, int order, Func<BigFloat> compute) =>
        Writer is null ? compute() : Get(function, x, order, () => ExactValue.Of(compute())).Finite;

    // Reads the file's values when it is this assembly's, then opens it to append to (or starts it
    // afresh); null, so that nothing is kept, when the file cannot be written.
    private static BinaryWriter? Open()
    {
        if (FilePath is null)
        {
            return null;
        }

        long goodLength = Load();
        try
        {
            var stream = new FileStream(FilePath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read, 1 << 16);
            stream.SetLength(goodLength);
            stream.Seek(0, SeekOrigin.End);
            var writer = new BinaryWriter(stream);
            if (goodLength == 0)
            {
                writer.Write(Magic);
                writer.Write(Assembly.ToByteArray());
            }

            return writer;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"The reference cache {FilePath} cannot be written: {e.Message}");
            return null;
        }
    }

    // Reads the values of a file this assembly wrote, up to the first record that is cut short or
    // damaged; returns the length of the good part (0 for no file, another assembly's or a bad one).
    private static long Load()
    {
        if (FilePath is null || !File.Exists(FilePath))
        {
            return 0;
        }

        var functions = new List<string>();
        long good = 0;
        try
        {
            using var reader = new BinaryReader(File.OpenRead(FilePath));
            if (reader.ReadString() != Magic || new Guid(reader.ReadBytes(16)) != Assembly)
            {
                return 0;
            }

            good = reader.BaseStream.Position;
            while (reader.BaseStream.Position < reader.BaseStream.Length)
            {
                byte record = reader.ReadByte();
                if (record == FunctionRecord)
                {
                    string function = reader.ReadString();
                    FunctionIds[function] = functions.Count;
                    functions.Add(function);
                }
                else if (record == ValueRecord)
                {
                    int id = reader.ReadInt32();
                    int order = reader.ReadInt32();
                    long bits = reader.ReadInt64();
                    ExactValue value = ReadValue(reader);
                    if ((uint)id >= (uint)functions.Count)
                    {
                        throw new InvalidDataException("unknown function");
                    }

                    Values[(functions[id], order, bits)] = value;
                }
                else
                {
                    throw new InvalidDataException("unknown record");
                }

                good = reader.BaseStream.Position;
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException or FormatException or OverflowException)
        {
            // The values read before the damage stay; the rest are computed (and appended again).
        }

        return good;
    }

    private static ExactValue ReadValue(BinaryReader reader)
    {
        var kind = (ExactKind)reader.ReadByte();
        switch (kind)
        {
            case ExactKind.Finite:
                int length = reader.ReadInt32();
                if (length is <= 0 or > 4096)
                {
                    throw new InvalidDataException("implausible mantissa length");
                }

                var mantissa = new BigInteger(reader.ReadBytes(length));
                long exponent = reader.ReadInt64();
                return mantissa.IsZero ? throw new InvalidDataException("zero finite value") : ExactValue.Of(new BigFloat(mantissa, exponent));
            case ExactKind.PositiveZero:
                return ExactValue.PositiveZero;
            case ExactKind.NegativeZero:
                return ExactValue.NegativeZero;
            case ExactKind.PositiveInfinity:
                return ExactValue.PositiveInfinity;
            case ExactKind.NegativeInfinity:
                return ExactValue.NegativeInfinity;
            case ExactKind.NaN:
                return ExactValue.NaN;
            default:
                throw new InvalidDataException("unknown kind");
        }
    }

    private static void Append((string Function, int Order, long Bits) key, ExactValue value)
    {
        lock (WriterLock)
        {
            try
            {
                if (!FunctionIds.TryGetValue(key.Function, out int id))
                {
                    id = FunctionIds.Count;
                    FunctionIds[key.Function] = id;
                    Writer!.Write(FunctionRecord);
                    Writer.Write(key.Function);
                }

                Writer!.Write(ValueRecord);
                Writer.Write(id);
                Writer.Write(key.Order);
                Writer.Write(key.Bits);
                Writer.Write((byte)value.Kind);
                if (value.Kind == ExactKind.Finite)
                {
                    byte[] mantissa = value.Finite.Mantissa.ToByteArray();
                    Writer.Write(mantissa.Length);
                    Writer.Write(mantissa);
                    Writer.Write(value.Finite.Exponent);
                }
            }
            catch (IOException e)
            {
                // The value is still returned; a later run computes it again.
                Console.Error.WriteLine($"The reference cache {FilePath} was not appended to: {e.Message}");
            }
        }
    }
}
