namespace Baton.AI.Tools;

/// <summary>The last lines an MCP server wrote to stderr, quoted when it fails to start.</summary>
/// <remarks>
/// The SDK quotes stderr in some start-up failures but not others: when the server exits before answering, the pending
/// request can fail before the stderr reader has delivered the line that explains why. Keeping our own tail, and giving
/// the reader a moment to drain after a failure, makes the message dependable.
/// </remarks>
internal sealed class StderrTail
{
    private const int MaxLines = 10;
    private const int MaxLineLength = 500;
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan MaxDrain = TimeSpan.FromSeconds(1);

    private readonly Queue<string> _lines = new(MaxLines);
    private long _received;

    public void Add(string line)
    {
        var trimmed = line.Length > MaxLineLength ? string.Concat(line.AsSpan(0, MaxLineLength), "…") : line;
        lock (_lines)
        {
            if (_lines.Count == MaxLines)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(trimmed);
            _received++;
        }
    }

    /// <summary>Waits until no line has arrived for a short quiet period (bounded), so a dying server's last words are in.</summary>
    /// <remarks>
    /// This waits on a pipe the operating system fills in real time, so it uses the system clock even where the engine's
    /// clock is simulated.
    /// </remarks>
    public async Task DrainAsync()
    {
        var clock = TimeProvider.System;
        var deadline = clock.GetUtcNow() + MaxDrain;
        var seen = Received;
        do
        {
            await Task.Delay(QuietPeriod, clock).ConfigureAwait(false);
            var now = Received;
            if (now == seen && now > 0)
            {
                return;
            }

            seen = now;
        }
        while (clock.GetUtcNow() < deadline);
    }

    /// <summary>Appends the tail to <paramref name="message"/> unless the message already quotes its last line.</summary>
    public string AppendTo(string message)
    {
        string[] lines;
        lock (_lines)
        {
            lines = [.. _lines];
        }

        var meaningful = lines.Where(l => !string.IsNullOrWhiteSpace(l)).ToArray();
        if (meaningful.Length == 0 || message.Contains(meaningful[^1], StringComparison.Ordinal))
        {
            return message;
        }

        return $"{message.TrimEnd('.', ' ')}. Its stderr ended with: {string.Join(" | ", meaningful)}";
    }

    private long Received
    {
        get
        {
            lock (_lines)
            {
                return _received;
            }
        }
    }
}
