using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Baton.Definitions.Compiler.Validation;
using Baton.Steps;

namespace Baton.Engine;

/// <summary>Checks a rendered configuration against the schema its executor declares, at the start of every attempt.</summary>
/// <remarks>The compiler checks constant configurations; this catches what templates rendered at run time.</remarks>
internal sealed class ConfigSchemaCheck
{
    private readonly ConcurrentDictionary<string, (LoadedSchema? Schema, string? Problem)> _schemas = new(StringComparer.Ordinal);

    /// <summary>Returns the first problem as a <c>config.invalid</c> error, or null when the configuration is valid.</summary>
    public ErrorInfo? Check(IStepExecutor executor, JsonNode? config)
    {
        // Loaded once per kind: an executor may build its schema afresh on every read of ConfigSchema.
        var (schema, problem) = _schemas.GetOrAdd(executor.Kind, _ => Load(executor));
        if (problem is not null)
        {
            return new ErrorInfo(ErrorCodes.InvalidConfig, $"The configuration schema of the '{executor.Kind}' step kind cannot be used: {problem}.") { Retryable = false };
        }

        if (schema is null)
        {
            return null;
        }

        var problems = SchemaValidation.Validate(schema, config)
            .Select(e =>
            {
                var field = JsonPaths.Display(e.Path);
                var subject = field.Length == 0 ? $"The '{executor.Kind}' configuration" : $"{executor.Kind}.{field}";
                return $"{subject} {SchemaMessages.Describe(e, JsonPaths.Find(config, e.Path))}";
            })
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return problems.Count == 0
            ? null
            : new ErrorInfo(ErrorCodes.InvalidConfig, $"The rendered configuration does not match the step kind's schema: {string.Join("; ", problems)}.") { Retryable = false };
    }

    private static (LoadedSchema? Schema, string? Problem) Load(IStepExecutor executor)
    {
        if (executor.ConfigSchema is not { } json)
        {
            return (null, null);
        }

        return SchemaValidation.TryLoad(json, out var schema, out var problem) ? (schema, null) : (null, problem);
    }
}
