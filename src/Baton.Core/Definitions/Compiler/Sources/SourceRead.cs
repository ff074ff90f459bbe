namespace Baton.Definitions.Compiler.Sources;

/// <summary>The outcome of reading one workflow file: its text, or why there is none.</summary>
internal readonly record struct SourceRead(string? Text, SourceProblem Problem, string Detail)
{
    public static SourceRead Ok(string text) => new(text, SourceProblem.None, string.Empty);

    public static SourceRead Failed(SourceProblem problem, string detail) => new(null, problem, detail);
}

internal enum SourceProblem
{
    None = 0,
    NotFound = 1,
    TooLarge = 2,
    Unreadable = 3,
}
