using System.Text.Json.Nodes;
using Baton.Definitions.Compiler.Yaml;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>
/// Finds the values of a configuration that are JSON Schemas themselves, such as an <c>llm</c> step's
/// <c>output-schema</c>: an executor marks them in its configuration schema with <c>"x-baton-schema": true</c> on the
/// property (reached through <c>properties</c>, <c>$ref</c> and <c>allOf</c>).
/// </summary>
internal static class SchemaFields
{
    public const string Marker = "x-baton-schema";

    /// <summary>Each marked value present in <paramref name="config"/>, with its path in the configuration.</summary>
    public static IEnumerable<(IReadOnlyList<object> Path, SyntaxNode Node)> Find(JsonNode root, SyntaxNode config)
    {
        var found = new List<(IReadOnlyList<object>, SyntaxNode)>();
        Visit(root, root, config, [], found, 0);
        return found;
    }

    private static void Visit(JsonNode root, JsonNode? schema, SyntaxNode node, IReadOnlyList<object> path, List<(IReadOnlyList<object>, SyntaxNode)> found, int depth)
    {
        // References may loop; a configuration is never this deep.
        if (schema is not JsonObject obj || depth > 64)
        {
            return;
        }

        if (obj[Marker] is JsonValue marker && marker.TryGetValue<bool>(out var marked) && marked)
        {
            found.Add((path, node));
            return;
        }

        if (SchemaReferences.Text(obj["$ref"]) is { } reference && SchemaReferences.Resolve(root, reference) is { } target)
        {
            Visit(root, SchemaTree.At(root, target), node, path, found, depth + 1);
        }

        foreach (var part in obj["allOf"] as JsonArray ?? [])
        {
            Visit(root, part, node, path, found, depth + 1);
        }

        if (obj["properties"] is JsonObject properties && node is MappingNode map)
        {
            foreach (var entry in map.Entries)
            {
                if (properties[entry.Name] is { } property)
                {
                    Visit(root, property, entry.Value, [.. path, entry.Name], found, depth + 1);
                }
            }
        }
    }
}
