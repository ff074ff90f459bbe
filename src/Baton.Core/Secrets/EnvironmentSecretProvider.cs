using System.Collections;

namespace Baton.Secrets;

/// <summary>Reads secret <c>NAME</c> from the environment variable <c>BATON_SECRET_NAME</c>.</summary>
public sealed class EnvironmentSecretProvider : ISecretProvider
{
    public const string Prefix = "BATON_SECRET_";

    public bool TryGetSecret(string name, out string value)
    {
        value = Environment.GetEnvironmentVariable(Prefix + name) ?? "";
        return value.Length > 0;
    }

    public IEnumerable<string> GetAllValues()
    {
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && key.StartsWith(Prefix, StringComparison.Ordinal) && entry.Value is string { Length: > 0 } value)
            {
                yield return value;
            }
        }
    }
}
