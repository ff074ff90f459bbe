namespace Baton.Definitions.Compiler.Yaml;

/// <summary>Where a scalar is written in its file: the whole text, and the scalar's start and end in it.</summary>
internal readonly record struct ScalarSpan(string Text, int StartIndex, int EndIndex, int StartLine, int StartColumn)
{
    public string Raw => StartIndex >= 0 && EndIndex <= Text.Length && EndIndex >= StartIndex
        ? Text[StartIndex..EndIndex]
        : string.Empty;
}
