using Baton.AI.Models;
using Baton.Secrets;

namespace Baton.AI.Steps;

/// <summary>API keys from the environment, then from Baton's secrets; every key handed out is added to the masker.</summary>
internal sealed class EngineModelCredentials(ISecretProvider secrets, Func<SecretMasker?> masker) : ModelCredentials
{
    public override string? Get(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(value) && !secrets.TryGetSecret(variable, out value))
        {
            return null;
        }

        masker()?.Add([value]);
        return value;
    }
}
