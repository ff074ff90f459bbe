namespace Baton.Cli.Output;

/// <summary>A plain aligned table: columns padded to their widest cell, never wrapped, so that output stays greppable.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public int Count => _rows.Count;

    public void Add(params string?[] cells) => _rows.Add([.. cells.Select(c => c ?? "")]);

    public void Write(TextWriter writer, string indent = "")
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        writer.WriteLine(indent + Format(headers, widths));
        foreach (var row in _rows)
        {
            writer.WriteLine(indent + Format(row, widths));
        }
    }

    private static string Format(string[] cells, int[] widths)
        => string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
