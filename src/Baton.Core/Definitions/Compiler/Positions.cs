namespace Baton.Definitions.Compiler;

/// <summary>Names an earlier position in a message: its line, and its column too when the line is the same.</summary>
internal static class Positions
{
    public static string Earlier(SourceLocation first, SourceLocation second)
        => first.Line == second.Line ? $"line {first.Line}, column {first.Column}" : $"line {first.Line}";
}
