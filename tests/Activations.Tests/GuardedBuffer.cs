using System;
using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Activations.Tests;

/// <summary>
/// Doubles in memory mapped between two inaccessible pages (Linux only): a span placed against
/// either page makes any access one element past its end, or one before its start, a crash
/// instead of a silent read of neighbouring memory.
/// </summary>
internal sealed unsafe class GuardedBuffer : IDisposable
{
    private const int ProtNone = 0;
    private const int ProtRead = 1;
    private const int ProtWrite = 2;
    private const int MapPrivate = 0x02;
    private const int MapAnonymous = 0x20;

    private readonly byte* _mapping;
    private readonly nuint _mappingLength;
    private readonly byte* _dataStart;
    private readonly byte* _dataEnd;
    private bool _disposed;

    /// <summary>Maps room for at least <paramref name="capacity"/> doubles, with a guard page on each side.</summary>
    /// <param name="capacity">The most doubles a span will hold.</param>
    public GuardedBuffer(int capacity)
    {
        nuint pageSize = (nuint)Environment.SystemPageSize;
        nuint dataPages = Math.Max(1, (((nuint)capacity * sizeof(double)) + pageSize - 1) / pageSize);
        _mappingLength = (dataPages + 2) * pageSize;
        _mapping = (byte*)Mmap(null, _mappingLength, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
        if (_mapping == (byte*)-1)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "mmap failed");
        }

        _dataStart = _mapping + pageSize;
        _dataEnd = _dataStart + (dataPages * pageSize);
        if (Mprotect(_mapping, pageSize, ProtNone) != 0 || Mprotect(_dataEnd, pageSize, ProtNone) != 0)
        {
            int error = Marshal.GetLastPInvokeError();
            _ = Munmap(_mapping, _mappingLength);
            throw new Win32Exception(error, "mprotect failed");
        }

        Capacity = (int)((nuint)(_dataEnd - _dataStart) / sizeof(double));
    }

    /// <summary>How many doubles fit between the guard pages.</summary>
    public int Capacity { get; }

    /// <summary><paramref name="length"/> elements of <typeparamref name="T"/> ending exactly where the trailing guard page begins.</summary>
    /// <typeparam name="T">double or float.</typeparam>
    /// <param name="length">The span's length.</param>
    /// <returns>The span.</returns>
    public Span<T> AtEnd<T>(int length)
        where T : unmanaged
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((nuint)length * (nuint)sizeof(T), (nuint)(_dataEnd - _dataStart));
        return new Span<T>(_dataEnd - ((nuint)length * (nuint)sizeof(T)), length);
    }

    /// <summary><paramref name="length"/> elements of <typeparamref name="T"/> starting exactly where the leading guard page ends.</summary>
    /// <typeparam name="T">double or float.</typeparam>
    /// <param name="length">The span's length.</param>
    /// <returns>The span.</returns>
    public Span<T> AtStart<T>(int length)
        where T : unmanaged
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((nuint)length * (nuint)sizeof(T), (nuint)(_dataEnd - _dataStart));
        return new Span<T>(_dataStart, length);
    }

    /// <summary>Unmaps the memory; spans handed out before must not be used afterwards.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _ = Munmap(_mapping, _mappingLength);
        }
    }

    [DllImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static extern void* Mmap(void* address, nuint length, int protection, int flags, int fileDescriptor, nint offset);

    [DllImport("libc", EntryPoint = "mprotect", SetLastError = true)]
    private static extern int Mprotect(void* address, nuint length, int protection);

    [DllImport("libc", EntryPoint = "munmap", SetLastError = true)]
    private static extern int Munmap(void* address, nuint length);
}
