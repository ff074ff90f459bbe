namespace Baton.Definitions.Compiler;

/// <summary>Collects the diagnostics of one compilation, across the root file and its child workflows.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly HashSet<Diagnostic> _seen = [];
    private readonly List<string> _fileOrder = [];

    public bool HasErrors => _items.Any(d => d.Severity == DiagnosticSeverity.Error);

    public int ErrorCount => _items.Count(d => d.Severity == DiagnosticSeverity.Error);

    public void Error(string code, SourceLocation location, string message) => Add(code, DiagnosticSeverity.Error, location, message);

    public void Warning(string code, SourceLocation location, string message) => Add(code, DiagnosticSeverity.Warning, location, message);

    /// <summary>Registers a file so that its diagnostics sort after those of the files registered before it.</summary>
    public void RegisterFile(string file)
    {
        if (!_fileOrder.Contains(file))
        {
            _fileOrder.Add(file);
        }
    }

    /// <summary>Every diagnostic in file order: by file (root first), then line, then column; ties keep the order of discovery.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList()
        => _items
            .Select((d, i) => (Diagnostic: d, Index: i))
            .OrderBy(x => FileRank(x.Diagnostic.Location.File))
            .ThenBy(x => x.Diagnostic.Location.Line)
            .ThenBy(x => x.Diagnostic.Location.Column)
            .ThenBy(x => x.Index)
            .Select(x => x.Diagnostic)
            .ToList();

    private void Add(string code, DiagnosticSeverity severity, SourceLocation location, string message)
    {
        var safe = location with { Line = Math.Max(1, location.Line), Column = Math.Max(1, location.Column) };
        var diagnostic = new Diagnostic(code, severity, message, safe);
        if (_seen.Add(diagnostic))
        {
            _items.Add(diagnostic);
        }
    }

    private int FileRank(string file)
    {
        var index = _fileOrder.IndexOf(file);
        return index < 0 ? int.MaxValue : index;
    }
}
