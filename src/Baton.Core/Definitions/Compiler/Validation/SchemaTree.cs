using System.Text.Json.Nodes;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>Finds the subschemas of a JSON Schema: only where keywords hold schemas, never inside <c>const</c>, <c>enum</c> or <c>default</c> values.</summary>
internal static class SchemaTree
{
    private static readonly string[] SingleSchemas =
        ["additionalProperties", "unevaluatedProperties", "items", "contains", "propertyNames", "not", "if", "then", "else", "unevaluatedItems", "additionalItems", "contentSchema"];

    private static readonly string[] SchemaMaps = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies"];

    private static readonly string[] SchemaLists = ["allOf", "anyOf", "oneOf", "prefixItems", "items"];

    /// <summary>Keywords whose subschemas apply to the value itself rather than to one of its members or items.</summary>
    private static readonly string[] InPlaceKeywords = ["allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "dependencies"];

    /// <summary>Every subschema, the root first, each with its path (member names and indexes) from the root.</summary>
    public static IEnumerable<(IReadOnlyList<object> Path, JsonObject Schema)> All(JsonNode? root)
    {
        var pending = new Stack<(IReadOnlyList<object> Path, JsonNode? Node)>();
        pending.Push(([], root));
        while (pending.Count > 0)
        {
            var (path, node) = pending.Pop();
            if (node is not JsonObject schema)
            {
                continue;
            }

            yield return (path, schema);
            foreach (var child in Children(schema).Reverse())
            {
                pending.Push(([.. path, .. child.Segments], child.Schema));
            }
        }
    }

    /// <summary>The direct subschemas of <paramref name="schema"/>: the keyword that holds each, the path segments to it, and whether it applies in place.</summary>
    public static IEnumerable<(string Keyword, object[] Segments, JsonNode Schema, bool InPlace)> Children(JsonObject schema)
    {
        foreach (var (keyword, value) in schema)
        {
            var inPlace = InPlaceKeywords.Contains(keyword);
            if (SingleSchemas.Contains(keyword) && IsSchema(value))
            {
                yield return (keyword, [keyword], value!, inPlace);
            }
            else if (value is JsonObject map && SchemaMaps.Contains(keyword))
            {
                foreach (var (name, member) in map)
                {
                    if (IsSchema(member))
                    {
                        yield return (keyword, [keyword, name], member!, inPlace);
                    }
                }
            }
            else if (value is JsonArray list && SchemaLists.Contains(keyword))
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (IsSchema(list[i]))
                    {
                        yield return (keyword, [keyword, i], list[i]!, inPlace);
                    }
                }
            }
        }
    }

    /// <summary>The node at <paramref name="path"/>, or null.</summary>
    public static JsonNode? At(JsonNode? root, IEnumerable<object> path)
    {
        var node = root;
        foreach (var segment in path)
        {
            node = (node, segment) switch
            {
                (JsonObject obj, string name) => obj[name],
                (JsonArray list, int index) when index >= 0 && index < list.Count => list[index],
                _ => null,
            };
        }

        return node;
    }

    private static bool IsSchema(JsonNode? node)
        => node is JsonObject || node is JsonValue value && value.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False;
}
