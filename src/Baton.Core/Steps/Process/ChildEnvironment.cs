using System.Text.Json;
using System.Text.Json.Nodes;
using Baton.Definitions;
using Baton.Secrets;

namespace Baton.Steps;

/// <summary>Builds the environment of a process Baton starts (a <c>run</c> step, an agent's tool, an MCP server) from Baton's own.</summary>
internal static class ChildEnvironment
{
    public const string SecretPrefix = "BATON_SECRET_";

    // Windows variable names are case-insensitive, so a differently cased secret is still a secret there.
    private static readonly StringComparison NameComparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// Removes every inherited variable a child must not see (see <see cref="IsHidden"/>), applies the step's <c>env</c>
    /// (null removes; a hidden variable named here is passed on), then sets <c>BATON_RUN_ID</c>, <c>BATON_STEP_PATH</c> and
    /// <c>BATON_IDEMPOTENCY_KEY</c>, which the step cannot override.
    /// </summary>
    public static void Apply(IDictionary<string, string?> environment, IReadOnlyList<KeyValuePair<string, string?>> stepEnv, StepContext context)
    {
        var definition = context.Definition;
        foreach (var name in environment.Keys.Where(k => IsHidden(k, definition)).ToList())
        {
            environment.Remove(name);
        }

        foreach (var (name, value) in stepEnv)
        {
            if (value is null)
            {
                environment.Remove(name);
            }
            else
            {
                environment[name] = value;
            }
        }

        environment["BATON_RUN_ID"] = context.RunId.Value;
        environment["BATON_STEP_PATH"] = context.Path;
        environment["BATON_IDEMPOTENCY_KEY"] = context.IdempotencyKey;
    }

    /// <summary>
    /// Whether an inherited variable is withheld from children: a <c>BATON_SECRET_*</c> variable, a registered credential
    /// variable (<see cref="CredentialVariables"/>, such as <c>OPENAI_API_KEY</c>), or a variable that an <c>api-key-env</c>
    /// of the run's project config names.
    /// </summary>
    public static bool IsHidden(string name, WorkflowDefinition? definition)
        => name.StartsWith(SecretPrefix, NameComparison) || CredentialVariables.Contains(name) || NamesProviderKey(definition, name);

    private static bool NamesProviderKey(WorkflowDefinition? definition, string name)
    {
        if (definition?.Project?.Providers is not { } providers)
        {
            return false;
        }

        foreach (var (_, settings) in providers)
        {
            if (settings is JsonObject provider && provider["api-key-env"] is JsonValue value && value.GetValueKind() == JsonValueKind.String
                && string.Equals(value.GetValue<string>(), name, NameComparison))
            {
                return true;
            }
        }

        return false;
    }
}
