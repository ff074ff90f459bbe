using Baton.AI.Models;

namespace Baton.AI.Tests.Providers;

/// <summary>Credentials from a dictionary, standing in for the environment and the secrets file.</summary>
internal sealed class TestCredentials(params (string Variable, string Value)[] values) : ModelCredentials
{
    private readonly Dictionary<string, string> _values = values.ToDictionary(v => v.Variable, v => v.Value, StringComparer.Ordinal);

    public static TestCredentials None { get; } = new();

    public override string? Get(string variable) => _values.GetValueOrDefault(variable);
}
