using System.Text.Json.Nodes;
using YamlDotNet.Core;

namespace Baton.Definitions.Compiler.Yaml;

/// <summary>A YAML scalar: its value, how it was written, and its type under the core schema.</summary>
internal sealed class ScalarNode : SyntaxNode
{
    private readonly ScalarSpan _span;

    public ScalarNode(string value, ScalarStyle style, ScalarKind kind, SourceLocation location, ScalarSpan span)
        : base(location)
    {
        Value = value;
        Style = style;
        Kind = kind;
        _span = span;
    }

    /// <summary>The scalar's text, after unquoting and folding.</summary>
    public string Value { get; }

    public ScalarStyle Style { get; }

    public ScalarKind Kind { get; }

    public bool IsNull => Kind == ScalarKind.Null;

    public bool IsString => Kind == ScalarKind.String;

    public override string Describe() => Kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Boolean => "a boolean",
        ScalarKind.Integer => "an integer",
        ScalarKind.Float => "a number",
        _ => "a string",
    };

    public override JsonNode? ToJson() => CoreSchema.ToJson(Value, Kind);

    /// <summary>The location of the character at <paramref name="offset"/> in <see cref="Value"/>.</summary>
    /// <remarks>Exact for single-line scalars of every style and for the lines of block scalars; elsewhere the best line match.</remarks>
    public SourceLocation LocationOf(int offset)
    {
        var (line, column) = ScalarPositionMap.Map(_span, Style, Value, offset);
        return Location with { Line = line, Column = column };
    }
}
