namespace Baton.Definitions;

/// <summary>A position in a workflow file. Line and column are 1-based, as editors show them.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
