using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Baton.Expressions.Runtime;

/// <summary>
/// Reads scalars from <see cref="JsonValue"/> nodes, whether they wrap parsed JSON (a <see cref="JsonElement"/>)
/// or a CLR value of any numeric or text type.
/// </summary>
internal static class NodeReader
{
    public static double ReadNumber(JsonValue node)
    {
        // Parsed JSON and doubles answer the first probe; the others cover what callers build with JsonValue.Create.
        if (node.TryGetValue(out double d))
        {
            return d;
        }

        if (node.TryGetValue(out int i))
        {
            return i;
        }

        if (node.TryGetValue(out long l))
        {
            return l;
        }

        if (node.TryGetValue(out decimal m))
        {
            return (double)m;
        }

        if (node.TryGetValue(out float f))
        {
            return f;
        }

        if (node.TryGetValue(out ulong u))
        {
            return u;
        }

        // Other CLR types (short, byte, Half, Int128...) are rare: read them through their JSON text.
        return ToElement(node).TryGetDouble(out d) ? d : double.NaN;
    }

    public static string ReadString(JsonValue node)
    {
        if (node.TryGetValue(out string? s))
        {
            return s;
        }

        if (node.TryGetValue(out char c))
        {
            return c.ToString();
        }

        return ToElement(node).GetString() ?? string.Empty;
    }

    public static bool IsEmptyString(JsonValue node)
        => node.TryGetValue(out JsonElement element) ? JsonMarshal.GetRawUtf8Value(element).Length == 2 : ReadString(node).Length == 0;

    /// <summary>The element behind a parsed node, or the node's value serialized to an element.</summary>
    public static JsonElement ToElement(JsonValue node)
    {
        if (node.TryGetValue(out JsonElement element))
        {
            return element;
        }

        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }

    /// <summary>True when the node wraps parsed JSON, whose raw text is kept exactly.</summary>
    public static bool TryGetElement(JsonNode? node, out JsonElement element)
    {
        if (node is JsonValue value && value.TryGetValue(out element))
        {
            return true;
        }

        element = default;
        return false;
    }
}
