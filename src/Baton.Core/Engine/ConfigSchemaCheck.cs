using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Baton.Definitions.Compiler.Validation;
using Baton.Steps;
using NJsonSchema;

namespace Baton.Engine;

/// <summary>Checks a rendered configuration against the schema its executor declares, at the start of every attempt.</summary>
/// <remarks>The compiler checks constant configurations; this catches what templates rendered at run time.</remarks>
internal sealed class ConfigSchemaCheck
{
    private readonly ConcurrentDictionary<string, JsonSchema?> _schemas = new(StringComparer.Ordinal);

    /// <summary>Returns the first problem as a <c>config.invalid</c> error, or null when the configuration is valid.</summary>
    public ErrorInfo? Check(IStepExecutor executor, JsonNode? config)
    {
        // Loaded once per kind: an executor may build its schema afresh on every read of ConfigSchema.
        var schema = _schemas.GetOrAdd(executor.Kind, _ => executor.ConfigSchema is { } json ? SchemaValidation.Load(json.ToJsonString()) : null);
        if (schema is null)
        {
            return null;
        }

        var problems = SchemaValidation.Leaves(SchemaValidation.Validate(schema, config))
            .Select(e =>
            {
                var field = JsonPaths.Display(e.Path ?? "#");
                var subject = field.Length == 0 ? $"The '{executor.Kind}' configuration" : $"{executor.Kind}.{field}";
                return $"{subject} {SchemaMessages.Describe(e, JsonPaths.Find(config, e.Path ?? "#"))}";
            })
            .ToList();
        return problems.Count == 0
            ? null
            : new ErrorInfo(ErrorCodes.InvalidConfig, $"The rendered configuration does not match the step kind's schema: {string.Join("; ", problems)}.") { Retryable = false };
    }
}
