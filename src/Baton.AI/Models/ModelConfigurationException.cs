namespace Baton.AI.Models;

/// <summary>A model cannot be used as configured: an unknown alias or provider, a missing API key, an unreadable script.</summary>
public sealed class ModelConfigurationException(string message) : BatonException(message)
{
}
