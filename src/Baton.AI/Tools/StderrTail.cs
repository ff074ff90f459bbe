namespace Baton.AI.Tools;

/// <summary>The last lines an MCP server wrote to stderr, to explain a failed start.</summary>
internal sealed class StderrTail
{
    private const int MaxLines = 5;
    private const int MaxLineLength = 500;

    private readonly Queue<string> _lines = new();
    private readonly Lock _lock = new();

    public void Add(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        lock (_lock)
        {
            _lines.Enqueue(line.Length > MaxLineLength ? line[..MaxLineLength] : line);
            if (_lines.Count > MaxLines)
            {
                _lines.Dequeue();
            }
        }
    }

    /// <summary>" Its last words on stderr: ..." or empty when it wrote nothing.</summary>
    public string Describe()
    {
        lock (_lock)
        {
            return _lines.Count == 0 ? "" : $" It wrote to stderr: {string.Join(" | ", _lines)}";
        }
    }
}
