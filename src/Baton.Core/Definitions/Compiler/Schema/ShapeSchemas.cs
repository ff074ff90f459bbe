using System.Text.Json.Nodes;
using Baton.Definitions.Compiler.Language;

namespace Baton.Definitions.Compiler.Schema;

/// <summary>Writes the <see cref="Shape"/>s of the language tables as draft-07 JSON Schema.</summary>
internal static class ShapeSchemas
{
    public static JsonObject Of(Shape shape) => shape switch
    {
        AnyShape => [],
        BooleanShape => new JsonObject { ["type"] = "boolean" },
        ScalarShape => new JsonObject { ["type"] = new JsonArray("string", "number", "boolean", "null") },
        StringShape s => String(s),
        IntegerShape i => Numeric("integer", i.Minimum, i.Maximum),
        NumberShape n => Numeric("number", n.Minimum, n.Maximum),
        ListShape l => List(l),
        MapShape m => Map(m),
        ObjectShape o => Object(o.Spec),
        OneOfShape o => new JsonObject { ["anyOf"] = new JsonArray(o.Options.Select(x => (JsonNode)Of(x)).ToArray()) },
        RefShape r => new JsonObject { ["$ref"] = $"#/definitions/{r.Definition}" },
        _ => throw new InvalidOperationException($"No JSON Schema form for {shape.GetType().Name}."),
    };

    /// <summary>A closed mapping: its keys with their descriptions, the required ones, and nothing else.</summary>
    public static JsonObject Object(ObjectSpec spec, IEnumerable<KeySpec>? extraKeys = null, IEnumerable<string>? extraRequired = null)
    {
        var keys = spec.Keys.Concat(extraKeys ?? []).ToList();
        var properties = new JsonObject();
        foreach (var key in keys)
        {
            var schema = Of(key.Shape);
            if (key.Shape is not RefShape)
            {
                schema["description"] ??= key.Description;
            }

            properties[key.Name] = schema;
        }

        var result = new JsonObject
        {
            ["type"] = "object",
            ["description"] = spec.Description,
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
        var required = spec.Required.Concat(extraRequired ?? []).Distinct().ToArray();
        if (required.Length > 0)
        {
            result["required"] = new JsonArray(required.Select(r => (JsonNode)r).ToArray());
        }

        return result;
    }

    private static JsonObject String(StringShape shape)
    {
        var result = new JsonObject { ["type"] = "string" };
        if (shape.Pattern is { } pattern)
        {
            result["pattern"] = pattern;
        }

        if (shape.Enum is { } values)
        {
            result["enum"] = new JsonArray(values.Select(v => (JsonNode)v).ToArray());
        }

        if (shape.Description is { } description)
        {
            result["description"] = description;
        }

        return result;
    }

    private static JsonObject Numeric<T>(string type, T? minimum, T? maximum)
        where T : struct
    {
        var result = new JsonObject { ["type"] = type };
        if (minimum is { } min)
        {
            result["minimum"] = JsonValue.Create(min);
        }

        if (maximum is { } max)
        {
            result["maximum"] = JsonValue.Create(max);
        }

        return result;
    }

    private static JsonObject List(ListShape shape)
    {
        var result = new JsonObject { ["type"] = "array", ["items"] = Of(shape.Items) };
        if (shape.MinItems > 0)
        {
            result["minItems"] = shape.MinItems;
        }

        return result;
    }

    private static JsonObject Map(MapShape shape)
    {
        var result = new JsonObject { ["type"] = "object", ["additionalProperties"] = Of(shape.Values) };
        if (shape.KeyPattern is { } pattern)
        {
            result["propertyNames"] = new JsonObject { ["pattern"] = pattern };
        }

        if (shape.MinProperties > 0)
        {
            result["minProperties"] = shape.MinProperties;
        }

        return result;
    }
}
