using System.Text.Json.Nodes;
using Baton.Definitions.Compiler.Language;
using Baton.Definitions.Compiler.Schema;
using Baton.Definitions.Compiler.Validation;

namespace Baton.Definitions;

/// <summary>The workflow language, and the project config file <c>baton.yaml</c>, as JSON Schemas (draft-07), for editors and <c>baton schema</c>.</summary>
/// <remarks>
/// Generated from the same key tables the compiler binds with, so it lists exactly the keys the compiler accepts,
/// with <c>additionalProperties: false</c> wherever the compiler rejects unknown keys. The schema checks the shape of
/// a workflow; the compiler checks more (references, expressions, durations, goto targets, script files). The keywords
/// starting with <c>x-baton-</c> that step kinds put in their configuration schemas for the compiler are left out.
/// </remarks>
public static class WorkflowLanguageSchema
{
    private const string Draft07 = "http://json-schema.org/draft-07/schema#";

    private const string CompilerMarkerPrefix = "x-baton-";

    /// <summary>Generates the schema for the built-in step kinds.</summary>
    public static JsonObject Generate() => Generate(new Dictionary<string, JsonObject?>());

    /// <summary>Generates the schema, with step kinds registered from C# (each with its configuration schema, or null for any value).</summary>
    public static JsonObject Generate(IReadOnlyDictionary<string, JsonObject?> customKinds)
    {
        ArgumentNullException.ThrowIfNull(customKinds);
        var root = ShapeSchemas.Object(LanguageSpec.Workflow);
        var definitions = new JsonObject();
        var kinds = new JsonArray();
        foreach (var kind in LanguageSpec.Kinds)
        {
            var name = $"{LanguageSpec.StepDefinition}-{kind.Name}";
            definitions[name] = StepSchema(kind.Name, kind.Description, ShapeSchemas.Of(kind.Shape));
            if (LanguageSpec.IsContainer(kind.Name))
            {
                definitions[name]!["properties"]!.AsObject().Remove("retry");
            }
            kinds.Add(new JsonObject { ["$ref"] = $"#/definitions/{name}" });
        }

        foreach (var (kind, schema) in customKinds.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            if (LanguageSpec.FindKind(kind) is not null || LanguageSpec.StepCommon.Contains(kind))
            {
                continue;
            }

            var name = $"{LanguageSpec.StepDefinition}-custom-{kind}";
            definitions[name] = StepSchema(kind, $"The custom step kind '{kind}'.", CustomConfig(kind, schema, definitions));
            kinds.Add(new JsonObject { ["$ref"] = $"#/definitions/{name}" });
        }

        OneWaitForm(definitions[$"{LanguageSpec.StepDefinition}-wait"]!["properties"]!["wait"]!);
        definitions[LanguageSpec.StepDefinition] = new JsonObject
        {
            ["description"] = LanguageSpec.StepCommon.Description,
            ["anyOf"] = kinds,
        };

        var result = new JsonObject
        {
            ["$schema"] = Draft07,
            ["$id"] = "urn:baton:workflow",
            ["title"] = "Baton workflow",
        };
        foreach (var (key, value) in root)
        {
            result[key] = value?.DeepClone();
        }

        result["definitions"] = definitions;
        RemoveCompilerMarkers(result);
        return result;
    }

    /// <summary>Generates the schema of the project config file, <c>baton.yaml</c>: <c>models</c>, <c>providers</c> and <c>prices</c>.</summary>
    public static JsonObject GenerateProjectConfig()
    {
        var result = new JsonObject
        {
            ["$schema"] = Draft07,
            ["$id"] = "urn:baton:project",
            ["title"] = "Baton project config (baton.yaml)",
        };
        foreach (var (key, value) in ShapeSchemas.Object(ModelSpecs.Project))
        {
            result[key] = value?.DeepClone();
        }

        return result;
    }

    /// <summary>
    /// The executor's configuration schema, offered to editors as the compiler checks it: a template is accepted
    /// wherever a value is described, and unknown or missing keys are still errors.
    /// </summary>
    private static JsonObject CustomConfig(string kind, JsonObject? schema, JsonObject definitions)
    {
        if (schema is null)
        {
            return [];
        }

        var name = $"config({kind})";
        TemplateTolerantSchema.Add(schema, name, definitions);
        return new JsonObject { ["$ref"] = $"#/definitions/{name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}" };
    }

    /// <summary>Removes the keywords meant for the compiler (<c>x-baton-model</c>, <c>x-baton-schema</c>) from every subschema: editors have no use for them.</summary>
    private static void RemoveCompilerMarkers(JsonObject schema)
    {
        foreach (var (_, subschema) in SchemaTree.All(schema))
        {
            foreach (var keyword in subschema.Select(p => p.Key).Where(k => k.StartsWith(CompilerMarkerPrefix, StringComparison.Ordinal)).ToList())
            {
                subschema.Remove(keyword);
            }
        }
    }

    /// <summary>The rules of a wait's mapping that its key table cannot say: one form, and 'timeout' only for events.</summary>
    private static void OneWaitForm(JsonNode waitSchema)
    {
        var mapping = waitSchema["anyOf"]!.AsArray().Select(s => s!.AsObject()).Single(s => (string?)s["type"] == "object");
        mapping["oneOf"] = new JsonArray([.. new[] { "for", "until", "event", "events" }.Select(form => (JsonNode)new JsonObject { ["required"] = new JsonArray(form) })]);
        mapping["if"] = new JsonObject { ["required"] = new JsonArray("timeout") };
        mapping["then"] = new JsonObject
        {
            ["description"] = "'timeout' bounds a wait for events; a timed wait ends by itself.",
            ["anyOf"] = new JsonArray(new JsonObject { ["required"] = new JsonArray("event") }, new JsonObject { ["required"] = new JsonArray("events") }),
        };
    }

    private static JsonObject StepSchema(string kind, string description, JsonObject valueSchema)
    {
        valueSchema["description"] ??= description;
        var schema = ShapeSchemas.Object(LanguageSpec.StepCommon, [new KeySpec(kind, Shape.Any, description)], [kind]);
        schema["properties"]![kind] = valueSchema;
        schema["description"] = description;
        return schema;
    }
}
