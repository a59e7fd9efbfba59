using System.Buffers;
using System.IO.MemoryMappedFiles;

namespace Tagwatch.Storage.Fixes;

/// <summary>A whole file mapped read-only into memory, and typed views of stretches of it.</summary>
/// <remarks>
/// Reading a day grid this way costs no copy and no fresh memory: the pages are the operating system's file cache,
/// mapped as they are (reading 37 MB into new arrays took 50–75 ms of processor time in a fresh process, mostly the
/// kernel handing out zeroed pages). The file may be renamed over or deleted while mapped — the mapping keeps its
/// contents. Disposing unmaps it; views must not be used after that, so their owner (the day grid) is disposed only
/// when no query runs.
/// </remarks>
internal sealed unsafe class MappedFile : IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _start;
    private int _disposed;

    private MappedFile(MemoryMappedFile file, MemoryMappedViewAccessor view, long length)
    {
        (_file, _view, Length) = (file, view, length);
        byte* pointer = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _start = pointer + _view.PointerOffset;
    }

    /// <summary>Length of the file in bytes.</summary>
    public long Length { get; }

    /// <summary>Maps the file open in <paramref name="stream"/> (which the mapping then owns); null when it is empty.</summary>
    public static MappedFile? Map(FileStream stream)
    {
        long length = stream.Length;
        if (length == 0)
        {
            stream.Dispose();
            return null;
        }

        var file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        try
        {
            return new MappedFile(file, file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read), length);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The bytes from <paramref name="offset"/> for <paramref name="length"/>.</summary>
    public ReadOnlySpan<byte> Bytes(long offset, int length)
    {
        Check(offset, length, 1);
        return new ReadOnlySpan<byte>(_start + offset, length);
    }

    /// <summary>A view of <paramref name="count"/> values of <typeparamref name="T"/> from <paramref name="offset"/>
    /// (which must be aligned to the value's size).</summary>
    public ReadOnlyMemory<T> View<T>(long offset, int count)
        where T : unmanaged
    {
        Check(offset, count, sizeof(T));
        return new View<T>(this, (T*)(_start + offset), count).Memory;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _file.Dispose();
        }
    }

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    private void Check(long offset, long count, int size)
    {
        ThrowIfDisposed();
        if (offset < 0 || count < 0 || offset + (count * size) > Length || offset % size != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"{count} values of {size} bytes at {offset} do not lie aligned in {Length} bytes.");
        }
    }
}

/// <summary>Typed values lying in a mapped file, as <see cref="Memory{T}"/>.</summary>
internal sealed unsafe class View<T>(MappedFile file, T* start, int count) : MemoryManager<T>
    where T : unmanaged
{
    public override Span<T> GetSpan()
    {
        file.ThrowIfDisposed();
        return new Span<T>(start, count);
    }

    public override MemoryHandle Pin(int elementIndex = 0)
    {
        file.ThrowIfDisposed();
        return new MemoryHandle(start + elementIndex);
    }

    public override void Unpin()
    {
        // mapped memory never moves
    }

    protected override void Dispose(bool disposing)
    {
        // the file owns the mapping
    }
}
