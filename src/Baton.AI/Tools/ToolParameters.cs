using System.Text.Json;
using System.Text.Json.Nodes;
using Baton.Definitions.Compiler.Validation;

namespace Baton.AI.Tools;

/// <summary>A tool's parameters schema: what the model is shown, and the check its arguments pass before a call.</summary>
internal sealed class ToolParameters
{
    private readonly LoadedSchema _validator;

    private ToolParameters(JsonElement schema, LoadedSchema validator)
    {
        Schema = schema;
        _validator = validator;
    }

    /// <summary>The schema, always with <c>"type": "object"</c> at its root.</summary>
    public JsonElement Schema { get; }

    /// <summary>Reads a schema for the arguments object.</summary>
    /// <param name="node">The schema; null means any object.</param>
    /// <param name="where">Where the schema comes from, to start error messages: <c>agent.tools[1] ('kb_search'): parameters</c>.</param>
    /// <exception cref="ToolConfigurationException">The schema is not a mapping, is not for an object, has a reference to another document, or cannot be loaded.</exception>
    public static ToolParameters Parse(JsonNode? node, string where)
    {
        node ??= new JsonObject { ["type"] = "object" };
        if (node is not JsonObject schema)
        {
            throw new ToolConfigurationException($"{where} must be a JSON Schema mapping, not {JsonKinds.Describe(node)}.");
        }

        schema = (JsonObject)schema.DeepClone();
        switch (schema["type"])
        {
            case null when !schema.ContainsKey("type"):
                // A tool's arguments are always an object, and model APIs want the root to say so.
                schema["type"] = "object";
                break;
            case JsonValue type when type.GetValueKind() == JsonValueKind.String && type.GetValue<string>() == "object":
                break;
            default:
                throw new ToolConfigurationException(
                    $"{where}.type must be 'object': a tool's arguments are always an object, not {Quote(schema["type"])}.");
        }

        if (FindRemoteReference(schema) is { } reference)
        {
            throw new ToolConfigurationException(
                $"{where} refers to another document ('$ref': '{reference}'); only references inside the schema ('#/...') are allowed, so that no document is ever fetched.");
        }

        var json = schema.ToJsonString();
        if (!SchemaValidation.TryLoad(schema, out var validator, out var problem))
        {
            throw new ToolConfigurationException($"{where} cannot be used as a JSON Schema: {problem}");
        }

        using var document = JsonDocument.Parse(json);
        return new ToolParameters(document.RootElement.Clone(), validator);
    }

    /// <summary>Returns null when the arguments match, else each problem with the field's path: "query is required; limit must be an integer, not a string".</summary>
    public string? Check(JsonObject arguments)
    {
        var problems = SchemaValidation.Validate(_validator, arguments)
            .Select(e => Describe(e, arguments))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static string Describe(SchemaError error, JsonObject arguments)
    {
        var field = JsonPaths.Display(error.Path);
        var subject = field.Length == 0 ? "the arguments" : field;
        return $"{subject} {SchemaMessages.Describe(error, JsonPaths.Find(arguments, error.Path))}";
    }

    private static string? FindRemoteReference(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "$ref" && value is JsonValue reference && reference.GetValueKind() == JsonValueKind.String
                        && !reference.GetValue<string>().StartsWith('#'))
                    {
                        return reference.GetValue<string>();
                    }

                    if (FindRemoteReference(value) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray array:
                return array.Select(FindRemoteReference).FirstOrDefault(r => r is not null);
            default:
                return null;
        }
    }

    private static string Quote(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String
        ? $"'{value.GetValue<string>()}'"
        : JsonKinds.Describe(node);
}
