using Baton.AI.Models;

namespace Baton.AI.Tests.Models;

/// <summary>Credentials from a dictionary, as the engine's would come from the environment and the secrets file.</summary>
internal sealed class TestCredentials(IReadOnlyDictionary<string, string>? values = null) : ModelCredentials
{
    public static TestCredentials None { get; } = new();

    public override string? Get(string variable) => values is not null && values.TryGetValue(variable, out var value) ? value : null;
}
