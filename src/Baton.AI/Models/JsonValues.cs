using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Baton.AI.Models;

/// <summary>Converts the loosely typed values of Microsoft.Extensions.AI (tool arguments, tool results) to and from JSON.</summary>
internal static class JsonValues
{
    /// <summary>The value as JSON. Strings, numbers, booleans, JSON values, dictionaries and lists are converted directly; anything else is serialized.</summary>
    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        JsonElement element => element.ValueKind == JsonValueKind.Undefined ? null : JsonNode.Parse(element.GetRawText()),
        JsonDocument document => JsonNode.Parse(document.RootElement.GetRawText()),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int or long or short or byte or sbyte or ushort or uint or ulong or decimal
            => JsonNode.Parse(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)),
        double d => double.IsFinite(d) ? JsonValue.Create(d) : JsonValue.Create(d.ToString(CultureInfo.InvariantCulture)),
        float f => float.IsFinite(f) ? JsonValue.Create(f) : JsonValue.Create(f.ToString(CultureInfo.InvariantCulture)),
        IDictionary<string, object?> map => new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, ToNode(p.Value)))),
        IEnumerable items and not IDictionary => new JsonArray(items.Cast<object?>().Select(ToNode).ToArray()),
        _ => Serialize(value),
    };

    private static JsonNode? Serialize(object value)
    {
        try
        {
            return JsonSerializer.SerializeToNode(value, value.GetType(), AIJsonUtilities.DefaultOptions);
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException)
        {
            // A value JSON cannot hold is kept as its text rather than failing the whole call.
            return JsonValue.Create(value.ToString());
        }
    }

    /// <summary>The JSON as a detached <see cref="JsonElement"/>, the form real providers give tool arguments in.</summary>
    public static JsonElement ToElement(JsonNode? node)
    {
        using var document = JsonDocument.Parse(node?.ToJsonString() ?? "null");
        return document.RootElement.Clone();
    }

    /// <summary>A JSON object's members as tool arguments, each a <see cref="JsonElement"/>.</summary>
    public static Dictionary<string, object?> ToArguments(JsonObject arguments)
        => arguments.ToDictionary(p => p.Key, p => (object?)ToElement(p.Value), StringComparer.Ordinal);

    /// <summary>The text of a tool result as a model sees it: strings as they are, anything else as compact JSON.</summary>
    /// <remarks>
    /// The JSON escapes only what JSON requires: quotes stay <c>\"</c> and apostrophes and non-ASCII letters stay as they are,
    /// rather than <c>\u0022</c> and <c>\u0027</c>, which cost a model tokens and make the text harder to read. The text goes
    /// to a model, never into HTML.
    /// </remarks>
    public static string ToText(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString() ?? string.Empty,
        JsonValue node when node.GetValueKind() == JsonValueKind.String => node.GetValue<string>(),
        _ => ToNode(value)?.ToJsonString(BatonJsonContext.NodeOptions) ?? string.Empty,
    };
}
