using System.Text.Json.Nodes;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>Reads NJsonSchema error paths (<c>#/items[2].name</c>) against System.Text.Json values.</summary>
internal static class JsonPaths
{
    /// <summary>The value the path points at, or null.</summary>
    public static JsonNode? Find(JsonNode? root, string path) => Walk(root, Segments(root, path));

    /// <summary>The member names and indexes of the path, resolved against the names <paramref name="root"/> holds.</summary>
    public static List<object> Segments(JsonNode? root, string path)
        => SchemaValidation.SplitPath(path, prefix => Walk(root, prefix) is JsonObject obj ? obj.Select(p => p.Key) : []);

    /// <summary>The path as people write it: <c>items[2].name</c>; empty for the root.</summary>
    public static string Display(string path) => path.StartsWith("#/", StringComparison.Ordinal) ? path[2..] : path.TrimStart('#');

    private static JsonNode? Walk(JsonNode? node, IReadOnlyList<object> segments)
    {
        foreach (var segment in segments)
        {
            node = (node, segment) switch
            {
                (JsonObject obj, string name) => obj[name],
                (JsonArray array, int index) when index >= 0 && index < array.Count => array[index],
                _ => null,
            };
        }

        return node;
    }
}
