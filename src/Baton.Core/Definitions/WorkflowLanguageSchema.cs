using System.Text.Json.Nodes;
using Baton.Definitions.Compiler.Language;
using Baton.Definitions.Compiler.Schema;

namespace Baton.Definitions;

/// <summary>The workflow language as a JSON Schema (draft-07), for editors and <c>baton schema</c>.</summary>
/// <remarks>
/// Generated from the same key tables the compiler binds with, so it lists exactly the keys the compiler accepts,
/// with <c>additionalProperties: false</c> wherever the compiler rejects unknown keys. The schema checks the shape of
/// a workflow; the compiler checks more (references, expressions, durations, goto targets).
/// </remarks>
public static class WorkflowLanguageSchema
{
    private const string Draft07 = "http://json-schema.org/draft-07/schema#";

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
            kinds.Add(new JsonObject { ["$ref"] = $"#/definitions/{name}" });
        }

        foreach (var (kind, schema) in customKinds.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            if (LanguageSpec.FindKind(kind) is not null || LanguageSpec.StepCommon.Contains(kind))
            {
                continue;
            }

            var name = $"{LanguageSpec.StepDefinition}-custom-{kind}";
            definitions[name] = StepSchema(kind, $"The custom step kind '{kind}'.", CustomConfig(schema));
            kinds.Add(new JsonObject { ["$ref"] = $"#/definitions/{name}" });
        }

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
        return result;
    }

    /// <summary>
    /// The executor's configuration schema, offered to editors; a configuration with templates is checked only once
    /// rendered, so any other value is accepted too, as the compiler does.
    /// </summary>
    private static JsonObject CustomConfig(JsonObject? schema)
        => schema is null
            ? []
            : new JsonObject
            {
                ["anyOf"] = new JsonArray(
                    schema.DeepClone(),
                    new JsonObject { ["description"] = "A configuration with ${{ }} templates, checked against the kind's schema when the step runs." }),
            };

    private static JsonObject StepSchema(string kind, string description, JsonObject valueSchema)
    {
        valueSchema["description"] ??= description;
        var schema = ShapeSchemas.Object(LanguageSpec.StepCommon, [new KeySpec(kind, Shape.Any, description)], [kind]);
        schema["properties"]![kind] = valueSchema;
        schema["description"] = description;
        return schema;
    }
}
