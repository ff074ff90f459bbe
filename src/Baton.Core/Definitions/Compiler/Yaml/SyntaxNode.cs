using System.Text.Json.Nodes;

namespace Baton.Definitions.Compiler.Yaml;

/// <summary>A node of a YAML document with the position where it starts. Aliases share the node they refer to.</summary>
internal abstract class SyntaxNode
{
    protected SyntaxNode(SourceLocation location)
    {
        Location = location;
    }

    public SourceLocation Location { get; }

    /// <summary>How many nodes this one stands for once aliases are expanded, itself included.</summary>
    public int ExpandedSize { get; protected init; } = 1;

    /// <summary>The nesting depth below this node: 0 for a scalar.</summary>
    public int Height { get; protected init; }

    /// <summary>What the node is, for messages: "a mapping", "a list", "a string", "null"...</summary>
    public abstract string Describe();

    /// <summary>The node as plain JSON; strings stay strings, expressions are not parsed.</summary>
    public abstract JsonNode? ToJson();
}
