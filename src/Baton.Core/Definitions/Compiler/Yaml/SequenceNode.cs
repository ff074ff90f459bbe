using System.Text.Json.Nodes;

namespace Baton.Definitions.Compiler.Yaml;

/// <summary>A YAML sequence (a list).</summary>
internal sealed class SequenceNode : SyntaxNode
{
    public SequenceNode(IReadOnlyList<SyntaxNode> items, SourceLocation location)
        : base(location)
    {
        Items = items;
        ExpandedSize = 1 + items.Sum(i => i.ExpandedSize);
        Height = 1 + items.Select(i => i.Height).DefaultIfEmpty(0).Max();
    }

    public IReadOnlyList<SyntaxNode> Items { get; }

    public override string Describe() => "a list";

    public override JsonNode? ToJson() => new JsonArray(Items.Select(i => i.ToJson()).ToArray());
}
