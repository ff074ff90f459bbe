namespace Baton.Secrets;

/// <summary>Thrown when the secrets file cannot be used. The message never contains a secret value.</summary>
public sealed class SecretsFileException(string path, string reason)
    : BatonException($"The secrets file '{path}' cannot be used: {reason}.")
{
    public string Path { get; } = path;
}
