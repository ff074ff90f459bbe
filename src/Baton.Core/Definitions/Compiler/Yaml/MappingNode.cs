using System.Text.Json.Nodes;

namespace Baton.Definitions.Compiler.Yaml;

/// <summary>A YAML mapping; keys keep their source order and are unique (the reader reports duplicates).</summary>
internal sealed class MappingNode : SyntaxNode
{
    public MappingNode(IReadOnlyList<MappingEntry> entries, SourceLocation location)
        : base(location)
    {
        Entries = entries;
        ExpandedSize = 1 + entries.Sum(e => e.Key.ExpandedSize + e.Value.ExpandedSize);
        Height = 1 + entries.Select(e => e.Value.Height).DefaultIfEmpty(0).Max();
    }

    public IReadOnlyList<MappingEntry> Entries { get; }

    public MappingEntry? Find(string key) => Entries.FirstOrDefault(e => e.Name == key);

    public SyntaxNode? this[string key] => Find(key)?.Value;

    public override string Describe() => "a mapping";

    public override JsonNode? ToJson()
    {
        var result = new JsonObject();
        foreach (var entry in Entries)
        {
            result[entry.Name] = entry.Value.ToJson();
        }

        return result;
    }
}
