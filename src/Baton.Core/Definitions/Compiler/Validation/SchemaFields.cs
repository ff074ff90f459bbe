using System.Text.Json.Nodes;
using Baton.Definitions.Compiler.Yaml;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>
/// Finds the values of a configuration that are JSON Schemas themselves, such as an <c>llm</c> step's
/// <c>output-schema</c> or an agent tool's <c>parameters</c>: an executor marks them in its configuration schema with
/// <c>"x-baton-schema": true</c> on the schema of the value, wherever that schema is reached from: members
/// (<c>properties</c>, <c>patternProperties</c>, <c>additionalProperties</c>), items (<c>prefixItems</c>, <c>items</c>),
/// references and the combinators (<c>allOf</c>, <c>anyOf</c>, <c>oneOf</c>, <c>if</c>/<c>then</c>/<c>else</c>).
/// </summary>
/// <remarks>A value marked in several alternatives is found once; a marked schema is not searched further.</remarks>
internal static class SchemaFields
{
    public const string Marker = "x-baton-schema";

    private static readonly string[] InPlaceLists = ["allOf", "anyOf", "oneOf"];
    private static readonly string[] InPlaceSchemas = ["if", "then", "else"];

    /// <summary>Each marked value present in <paramref name="config"/>, with its path in the configuration.</summary>
    public static IEnumerable<(IReadOnlyList<object> Path, SyntaxNode Node)> Find(JsonNode root, SyntaxNode config)
    {
        var found = new List<(IReadOnlyList<object>, SyntaxNode)>();
        Visit(root, root, config, [], found, 0);
        return found;
    }

    private static void Visit(JsonNode root, JsonNode? schema, SyntaxNode node, IReadOnlyList<object> path, List<(IReadOnlyList<object>, SyntaxNode Node)> found, int depth)
    {
        // References may loop; a configuration is never this deep.
        if (schema is not JsonObject obj || depth > 64)
        {
            return;
        }

        if (obj[Marker] is JsonValue marker && marker.TryGetValue<bool>(out var marked) && marked)
        {
            if (!found.Exists(f => ReferenceEquals(f.Node, node)))
            {
                found.Add((path, node));
            }

            return;
        }

        foreach (var keyword in (string[])["$ref", "$dynamicRef"])
        {
            if (SchemaReferences.Text(obj[keyword]) is { } reference && SchemaReferences.Resolve(root, reference) is { } target)
            {
                Visit(root, SchemaTree.At(root, target), node, path, found, depth + 1);
            }
        }

        foreach (var part in InPlaceLists.SelectMany(k => obj[k] as JsonArray ?? []).Concat(InPlaceSchemas.Select(k => obj[k])))
        {
            Visit(root, part, node, path, found, depth + 1);
        }

        switch (node)
        {
            case MappingNode map:
                foreach (var entry in map.Entries)
                {
                    foreach (var member in MemberSchemas(obj, entry.Name))
                    {
                        Visit(root, member, entry.Value, [.. path, entry.Name], found, depth + 1);
                    }
                }

                break;
            case SequenceNode list:
                var prefix = obj["prefixItems"] as JsonArray ?? [];
                for (var i = 0; i < list.Items.Count; i++)
                {
                    Visit(root, i < prefix.Count ? prefix[i] : obj["items"], list.Items[i], [.. path, i], found, depth + 1);
                }

                break;
        }
    }

    /// <summary>The schemas that apply to the member <paramref name="name"/>, as JSON Schema picks them.</summary>
    private static List<JsonNode?> MemberSchemas(JsonObject schema, string name)
    {
        var schemas = new List<JsonNode?>();
        if (schema["properties"] is JsonObject properties && properties.ContainsKey(name))
        {
            schemas.Add(properties[name]);
        }

        foreach (var (pattern, member) in schema["patternProperties"] as JsonObject ?? [])
        {
            if (Matches(pattern, name))
            {
                schemas.Add(member);
            }
        }

        if (schemas.Count == 0 && schema["additionalProperties"] is { } additional)
        {
            schemas.Add(additional);
        }

        return schemas;
    }

    private static bool Matches(string pattern, string name)
    {
        try
        {
            return SchemaPatterns.TryMatch(SchemaPatterns.Create(pattern), name, out var isMatch) && isMatch;
        }
        catch (ArgumentException)
        {
            // The configuration schema itself is reported as unusable; here the member is simply not a schema value.
            return false;
        }
    }
}
