namespace Baton.AI.Models;

/// <summary>Looks up API keys by variable name: the environment first, then Baton's secrets. Every key handed out is masked wherever it might appear.</summary>
public abstract class ModelCredentials
{
    /// <summary>Returns the key, or null when the variable is not set anywhere.</summary>
    public abstract string? Get(string variable);
}
