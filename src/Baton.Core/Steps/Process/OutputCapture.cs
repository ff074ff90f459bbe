using System.Buffers;

namespace Baton.Steps;

/// <summary>
/// One captured output stream of a process: its first <c>limit</c> bytes, and the last <see cref="TailBytes"/> bytes
/// of the whole stream (for error messages, which are usually at the end).
/// </summary>
internal sealed class OutputCapture
{
    public const int TailBytes = 1024;

    private const int ChunkBytes = 16 * 1024;

    private readonly int _limit;
    private readonly MemoryStream _head = new();
    private readonly byte[] _tail = new byte[TailBytes];
    private int _tailStart;
    private int _tailCount;
    private long _total;

    private OutputCapture(int limit) => _limit = limit;

    /// <summary>Whether the stream was longer than the limit.</summary>
    public bool Truncated => _total > _limit;

    /// <summary>
    /// Reads <paramref name="stream"/> to its end, or until <paramref name="stopToken"/> is cancelled, keeping the first
    /// <paramref name="limit"/> bytes. Reading goes on past the limit, discarding, so that the writer never blocks on a full pipe.
    /// </summary>
    public static async Task<OutputCapture> ReadAsync(Stream stream, int limit, CancellationToken stopToken)
    {
        var capture = new OutputCapture(limit);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = await stream.ReadAsync(chunk, stopToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or IOException)
                {
                    break;
                }

                if (read == 0)
                {
                    break;
                }

                capture.Append(chunk.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return capture;
    }

    /// <summary>The kept bytes as UTF-8 text; a character cut by the limit is dropped.</summary>
    public string Text => Truncated
        ? Utf8Text.DecodePrefix(_head.GetBuffer().AsSpan(0, (int)_head.Length))
        : System.Text.Encoding.UTF8.GetString(_head.GetBuffer(), 0, (int)_head.Length);

    /// <summary>The last <see cref="TailBytes"/> bytes of the whole stream as UTF-8 text.</summary>
    public string Tail
    {
        get
        {
            var bytes = new byte[_tailCount];
            for (var i = 0; i < _tailCount; i++)
            {
                bytes[i] = _tail[(_tailStart + i) % TailBytes];
            }

            return Utf8Text.DecodeSuffix(bytes);
        }
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        var room = _limit - _head.Length;
        if (room > 0)
        {
            _head.Write(data[..(int)Math.Min(room, data.Length)]);
        }

        _total += data.Length;
        if (data.Length >= TailBytes)
        {
            data[^TailBytes..].CopyTo(_tail);
            _tailStart = 0;
            _tailCount = TailBytes;
            return;
        }

        foreach (var b in data)
        {
            if (_tailCount < TailBytes)
            {
                _tail[(_tailStart + _tailCount++) % TailBytes] = b;
            }
            else
            {
                _tail[_tailStart] = b;
                _tailStart = (_tailStart + 1) % TailBytes;
            }
        }
    }
}
