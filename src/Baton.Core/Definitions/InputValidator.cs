using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Baton.Definitions.Compiler.Validation;

namespace Baton.Definitions;

/// <summary>Checks a run's inputs against a workflow's input schema, before anything about the run is persisted.</summary>
/// <remarks>
/// Error paths read like expressions (<c>inputs.client</c>, <c>inputs.items[2].name</c>) and messages finish the sentence
/// ("is required", "must be a string, not a number"). The parsed schema is cached per definition hash. Thread-safe.
/// Numbers are compared by their exact value, whatever their size.
/// </remarks>
public static class InputValidator
{
    private const int MaxCachedSchemas = 256;
    private static readonly ConcurrentDictionary<string, (LoadedSchema? Schema, string Problem)> Schemas = new(StringComparer.Ordinal);

    /// <summary>Validates <paramref name="inputs"/>; returns every problem, or an empty list when they are valid (or the workflow declares no schema).</summary>
    /// <remarks>
    /// A schema that cannot be used (which the compiler never produces, but a definition stored by an older version may
    /// hold) is one error on <c>inputs</c> that says why.
    /// </remarks>
    public static IReadOnlyList<InputError> Validate(WorkflowDefinition definition, JsonObject inputs)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(inputs);
        if (definition.InputSchema is null)
        {
            return [];
        }

        var (schema, problem) = GetSchema(definition);
        if (schema is null)
        {
            return [new InputError("inputs", $"cannot be checked, because the input schema of workflow '{definition.Name}' cannot be used: {problem}")];
        }

        return SchemaValidation.Validate(schema, inputs)
            .Select(e => new InputError(PathOf(e), MessageOf(e, inputs)))
            .Distinct()
            .ToList();
    }

    /// <summary>
    /// Returns a copy of <paramref name="inputs"/> in which every missing top-level input whose schema property has a
    /// <c>default</c> takes that default. Nested defaults are not applied.
    /// </summary>
    public static JsonObject ApplyDefaults(WorkflowDefinition definition, JsonObject inputs)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(inputs);
        var result = (JsonObject)inputs.DeepClone();
        if (definition.InputSchema?["properties"] is not JsonObject properties)
        {
            return result;
        }

        foreach (var (name, property) in properties)
        {
            if (!result.ContainsKey(name) && property is JsonObject schema && schema.TryGetPropertyValue("default", out var value))
            {
                result[name] = value?.DeepClone();
            }
        }

        return result;
    }

    private static (LoadedSchema? Schema, string Problem) GetSchema(WorkflowDefinition definition)
    {
        if (string.IsNullOrEmpty(definition.Hash))
        {
            return Load(definition);
        }

        if (Schemas.TryGetValue(definition.Hash, out var cached))
        {
            return cached;
        }

        if (Schemas.Count >= MaxCachedSchemas)
        {
            Schemas.Clear();
        }

        return Schemas.GetOrAdd(definition.Hash, _ => Load(definition));
    }

    private static (LoadedSchema? Schema, string Problem) Load(WorkflowDefinition definition)
        => SchemaValidation.TryLoad(definition.InputSchema, out var schema, out var problem) ? (schema, string.Empty) : (null, problem);

    private static string PathOf(SchemaError error)
    {
        var path = JsonPaths.Display(error.Path);
        return path.Length == 0 ? "inputs" : path.StartsWith('[') ? "inputs" + path : "inputs." + path;
    }

    private static string MessageOf(SchemaError error, JsonObject inputs)
        => error.IsUnknownMember && error.Path.Count == 1 && !error.AboutName
            ? "is not an input this workflow accepts"
            : SchemaMessages.Describe(error, JsonPaths.Find(inputs, error.Path));
}
