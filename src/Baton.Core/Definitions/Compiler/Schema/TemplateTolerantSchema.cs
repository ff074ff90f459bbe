using System.Text.Json.Nodes;
using Baton.Definitions.Compiler.Language;

namespace Baton.Definitions.Compiler.Schema;

/// <summary>
/// Rewrites a custom kind's configuration schema for editors, the way the compiler reads it: wherever a value is
/// described, a <c>${{ }}</c> template is accepted too, while keys stay checked (<c>required</c>,
/// <c>additionalProperties</c>). The schema's own definitions are moved into the language schema's.
/// </summary>
internal static class TemplateTolerantSchema
{
    private static readonly string[] SchemaMaps = ["properties", "patternProperties", "dependencies"];
    private static readonly string[] SchemaValues = ["additionalProperties", "additionalItems", "items", "contains", "then", "else"];
    private static readonly string[] SchemaLists = ["allOf", "anyOf", "oneOf", "items"];
    private static readonly string[] DefinitionKeywords = ["definitions", "$defs"];

    /// <summary>Keywords dropped from the moved schema: an identifier would change what its references resolve against.</summary>
    private static readonly string[] Dropped = ["$id", "id", "$schema"];

    /// <summary>Adds the rewritten <paramref name="schema"/> to <paramref name="definitions"/> as <paramref name="name"/>, with its own definitions beside it.</summary>
    public static void Add(JsonObject schema, string name, JsonObject definitions)
    {
        foreach (var keyword in DefinitionKeywords)
        {
            if (schema[keyword] is JsonObject own)
            {
                foreach (var (definition, value) in own)
                {
                    definitions[$"{name}:{definition}"] = Rewrite(value, name);
                }
            }
        }

        definitions[name] = Rewrite(schema, name);
    }

    public static JsonObject Template() => new()
    {
        ["type"] = "string",
        ["pattern"] = Patterns.HasExpression,
        ["description"] = "A template: rendered before every attempt, then checked against the kind's schema.",
    };

    private static JsonNode? Rewrite(JsonNode? node, string name)
    {
        if (node is not JsonObject schema)
        {
            // true and false schemas say nothing about templates.
            return node?.DeepClone();
        }

        var result = new JsonObject();
        foreach (var (keyword, value) in schema)
        {
            if (DefinitionKeywords.Contains(keyword) || Dropped.Contains(keyword))
            {
                continue;
            }

            if (keyword == "$ref")
            {
                if (Reference(value, name) is { } target)
                {
                    result["$ref"] = target;
                }

                continue;
            }

            result[keyword] = keyword switch
            {
                _ when SchemaMaps.Contains(keyword) && value is JsonObject map => new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, Rewrite(p.Value, name)))),
                _ when SchemaLists.Contains(keyword) && value is JsonArray list => new JsonArray(list.Select(i => Rewrite(i, name)).ToArray()),
                _ when SchemaValues.Contains(keyword) => Rewrite(value, name),
                _ => value?.DeepClone(),
            };
        }

        // Alternatives that a template matches alike would make a oneOf fail: any one of them is enough.
        if (result["oneOf"] is JsonArray alternatives)
        {
            result.Remove("oneOf");
            if (result["anyOf"] is null)
            {
                result["anyOf"] = alternatives;
            }
            else
            {
                var all = result["allOf"] as JsonArray ?? [];
                result.Remove("allOf");
                all.Add(new JsonObject { ["anyOf"] = alternatives });
                result["allOf"] = all;
            }
        }

        if (result["$ref"] is { } reference && result.Count > 1)
        {
            // Draft-07 ignores the keywords beside $ref; keep it alone so that it means the same as before.
            result = new JsonObject { ["$ref"] = reference.DeepClone() };
        }

        return new JsonObject { ["anyOf"] = new JsonArray(result, Template()) };
    }

    /// <summary>Points a local reference at the moved definition; any other reference cannot be followed here, so it accepts anything.</summary>
    private static string? Reference(JsonNode? value, string name)
    {
        var text = (value as JsonValue)?.TryGetValue<string>(out var s) == true ? s : null;
        if (text == "#")
        {
            return $"#/definitions/{Pointer(name)}";
        }

        foreach (var keyword in DefinitionKeywords)
        {
            var prefix = $"#/{keyword}/";
            if (text is not null && text.StartsWith(prefix, StringComparison.Ordinal) && text.IndexOf('/', prefix.Length) < 0)
            {
                return $"#/definitions/{Pointer($"{name}:{Unpointer(text[prefix.Length..])}")}";
            }
        }

        return null;
    }

    private static string Pointer(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Unpointer(string token) => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
