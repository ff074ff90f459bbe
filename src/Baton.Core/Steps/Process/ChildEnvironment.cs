namespace Baton.Steps;

/// <summary>Builds the environment of a <c>run</c> step's process from Baton's own.</summary>
internal static class ChildEnvironment
{
    public const string SecretPrefix = "BATON_SECRET_";

    // Windows variable names are case-insensitive, so a differently cased secret is still a secret there.
    private static readonly StringComparison NameComparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// Removes every <c>BATON_SECRET_*</c> variable, applies the step's <c>env</c> (null removes), then sets
    /// <c>BATON_RUN_ID</c>, <c>BATON_STEP_PATH</c> and <c>BATON_IDEMPOTENCY_KEY</c>, which the step cannot override.
    /// </summary>
    public static void Apply(IDictionary<string, string?> environment, IReadOnlyList<KeyValuePair<string, string?>> stepEnv, StepContext context)
    {
        foreach (var name in environment.Keys.Where(k => k.StartsWith(SecretPrefix, NameComparison)).ToList())
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
}
