namespace Baton.Definitions.Compiler.Yaml;

/// <summary>A key and its value in a <see cref="MappingNode"/>.</summary>
internal sealed record MappingEntry(ScalarNode Key, SyntaxNode Value)
{
    public string Name => Key.Value;
}
