namespace Baton.Secrets;

/// <summary>Supplies secret values by name. Values are resolved when a step runs and are never persisted.</summary>
public interface ISecretProvider
{
    /// <summary>Looks a secret up; returns false when this provider does not have it.</summary>
    bool TryGetSecret(string name, out string value);

    /// <summary>Every value this provider can hand out, so that they can be masked wherever they appear.</summary>
    IEnumerable<string> GetAllValues();
}
