using System.Text.Json;
using System.Text.Json.Nodes;

namespace Baton.Expressions.Runtime;

/// <summary>
/// A value during evaluation. Scalars computed by the evaluator stay unboxed; values read from the context
/// keep their node, so that they pass through unchanged (a 64-bit id keeps its exact JSON text).
/// </summary>
/// <remarks>
/// A borrowed node belongs to the context: it is never mutated and is cloned before it goes into a new container
/// or is returned as a root-level result.
/// </remarks>
internal readonly struct Value
{
    private readonly object? _reference;
    private readonly double _number;

    private Value(ValueKind kind, double number, object? reference, bool borrowed)
    {
        Kind = kind;
        _number = number;
        _reference = reference;
        IsBorrowed = borrowed;
    }

    public static Value Null => default;

    public static Value True { get; } = new(ValueKind.Boolean, 1, null, false);

    public static Value False { get; } = new(ValueKind.Boolean, 0, null, false);

    public ValueKind Kind { get; }

    /// <summary>True when the node belongs to the context (or to a container the context owns).</summary>
    public bool IsBorrowed { get; }

    public bool IsNull => Kind == ValueKind.Null;

    /// <summary>The node behind the value, when it has one.</summary>
    public JsonNode? Node => _reference as JsonNode;

    public static Value Boolean(bool value) => value ? True : False;

    public static Value Number(double value) => new(ValueKind.Number, value, null, false);

    public static Value String(string value) => new(ValueKind.String, 0, value, false);

    /// <summary>A node created by the evaluator, free to be placed in a container without a clone.</summary>
    public static Value Owned(JsonNode? node) => FromNode(node, borrowed: false);

    public static Value FromNode(JsonNode? node, bool borrowed)
    {
        switch (node)
        {
            case null:
                return Null;
            case JsonObject:
                return new Value(ValueKind.Mapping, 0, node, borrowed);
            case JsonArray:
                return new Value(ValueKind.List, 0, node, borrowed);
        }

        var value = node.AsValue();
        return value.GetValueKind() switch
        {
            JsonValueKind.String => new Value(ValueKind.String, 0, node, borrowed),
            JsonValueKind.Number => new Value(ValueKind.Number, 0, node, borrowed),
            JsonValueKind.True => new Value(ValueKind.Boolean, 1, node, borrowed),
            JsonValueKind.False => new Value(ValueKind.Boolean, 0, node, borrowed),
            JsonValueKind.Null => Null,
            _ => FromContainerValue(value),
        };
    }

    public bool GetBoolean() => _number != 0;

    /// <summary>The number as a double. Only for <see cref="ValueKind.Number"/>.</summary>
    public double GetNumber() => _reference is JsonValue node ? NodeReader.ReadNumber(node) : _number;

    /// <summary>The string. Only for <see cref="ValueKind.String"/>.</summary>
    public string GetString() => _reference as string ?? NodeReader.ReadString((JsonValue)_reference!);

    public JsonArray GetList() => (JsonArray)_reference!;

    public JsonObject GetMapping() => (JsonObject)_reference!;

    /// <summary><c>false</c>, <c>null</c>, <c>0</c> and <c>''</c> are false; everything else is true.</summary>
    public bool IsTruthy() => Kind switch
    {
        ValueKind.Null => false,
        ValueKind.Boolean => GetBoolean(),
        ValueKind.Number => GetNumber() is var n && n != 0 && !double.IsNaN(n),
        ValueKind.String => _reference is string s ? s.Length != 0 : !NodeReader.IsEmptyString((JsonValue)_reference!),
        _ => true,
    };

    /// <summary>The value as the result of an evaluation: a node the caller may keep.</summary>
    public JsonNode? ToResult()
    {
        if (_reference is JsonNode node)
        {
            return IsBorrowed && node.Parent is null ? node.DeepClone() : node;
        }

        return CreateNode();
    }

    /// <summary>The value as a node to add to a new container: a clone unless the evaluator owns it alone.</summary>
    public JsonNode? ToChild()
    {
        if (_reference is JsonNode node)
        {
            return IsBorrowed || node.Parent is not null ? node.DeepClone() : node;
        }

        return CreateNode();
    }

    private JsonNode? CreateNode() => Kind switch
    {
        ValueKind.Boolean => JsonValue.Create(GetBoolean()),
        ValueKind.Number => JsonValue.Create(_number),
        ValueKind.String => JsonValue.Create((string)_reference!),
        _ => null,
    };

    // A JsonValue may wrap a whole JSON object or array (JsonValue.Create(element)); view it as a container node.
    private static Value FromContainerValue(JsonValue value)
    {
        var element = NodeReader.ToElement(value);
        JsonNode? node = element.ValueKind switch
        {
            JsonValueKind.Object => JsonObject.Create(element),
            JsonValueKind.Array => JsonArray.Create(element),
            _ => null,
        };
        return Owned(node);
    }
}
