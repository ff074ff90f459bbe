using Baton.AI.Models;
using Baton.Definitions.Compiler;
using Baton.Definitions.Compiler.Yaml;

namespace Baton.AI.Scripted;

internal static partial class ScriptReader
{
    private static MappingNode Mapping(SyntaxNode node, string what, string[] keys)
    {
        if (node is not MappingNode mapping)
        {
            throw Bad(node, $"{what} must be a mapping with {string.Join(", ", keys.Select(k => $"'{k}'"))}, not {node.Describe()}.");
        }

        foreach (var entry in mapping.Entries.Where(e => !keys.Contains(e.Name, StringComparer.Ordinal)))
        {
            throw Bad(entry.Key, $"'{entry.Name}' is not a key here; use {string.Join(", ", keys.Select(k => $"'{k}'"))}.{Suggestions.Hint(entry.Name, keys)}");
        }

        return mapping;
    }

    private static SequenceNode Sequence(SyntaxNode node, string key)
        => node as SequenceNode ?? throw Bad(node, $"'{key}' must be a list, not {node.Describe()}.");

    /// <summary>A scalar's text, whatever its type: <c>text: 42</c> answers "42".</summary>
    private static string Text(SyntaxNode node, string key)
        => node is ScalarNode { IsNull: false } scalar ? scalar.Value : throw Bad(node, $"'{key}' must be text, not {node.Describe()}.");

    private static string? OptionalText(MappingNode mapping, string key)
        => mapping[key] is { } node ? Text(node, key) : null;

    private static string Describe(SyntaxNode? node) => node?.Describe() ?? "missing";

    private static string Show(SyntaxNode node) => node is ScalarNode { IsString: true } scalar ? $"'{scalar.Value}'" : node is ScalarNode other ? other.Value : node.Describe();

    private static ModelConfigurationException Bad(SyntaxNode node, string message) => new($"{node.Location}: {message}");
}
