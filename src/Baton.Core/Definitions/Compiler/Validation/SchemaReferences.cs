using System.Text.Json.Nodes;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>Resolves a schema's references to its own parts: <c>#</c>, a JSON Pointer such as <c>#/$defs/name</c>, or an anchor such as <c>#name</c>.</summary>
internal static class SchemaReferences
{
    public static bool IsLocal(string reference) => reference.StartsWith('#');

    /// <summary>The path (member names and indexes) of the subschema <paramref name="reference"/> points at, or null when it points at nothing.</summary>
    public static IReadOnlyList<object>? Resolve(JsonNode? root, string reference)
    {
        if (!IsLocal(reference))
        {
            return null;
        }

        var fragment = Uri.UnescapeDataString(reference[1..]);
        if (fragment.Length == 0)
        {
            return [];
        }

        if (!fragment.StartsWith('/'))
        {
            return SchemaTree.All(root)
                .Where(s => Text(s.Schema["$anchor"]) == fragment || Text(s.Schema["$dynamicAnchor"]) == fragment)
                .Select(s => s.Path)
                .FirstOrDefault();
        }

        var path = new List<object>();
        JsonNode? node = root;
        foreach (var token in fragment[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)))
        {
            switch (node)
            {
                case JsonObject obj when obj.TryGetPropertyValue(token, out var member):
                    path.Add(token);
                    node = member;
                    break;
                case JsonArray list when int.TryParse(token, out var index) && index >= 0 && index < list.Count:
                    path.Add(index);
                    node = list[index];
                    break;
                default:
                    return null;
            }
        }

        return node is JsonObject || node is JsonValue value && value.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False ? path : null;
    }

    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
