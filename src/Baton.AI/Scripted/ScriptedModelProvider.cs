using Baton.AI.Models;
using Microsoft.Extensions.AI;

namespace Baton.AI.Scripted;

/// <summary>
/// The <c>scripted</c> provider: replays responses from a file, for offline demos and tests. Never chosen silently: only a step
/// or alias that names <c>scripted/...</c> uses it, with the <c>script:</c> its alias gives.
/// </summary>
/// <remarks>
/// A call answers with the n-th response whose <c>when</c> matches the conversation's text, where n - 1 is the number of assistant
/// messages already in the conversation. The client keeps no state between calls: the same conversation always gets the same
/// answer, so a run resumed after a crash replays exactly. The file format is in docs/ai.md.
/// </remarks>
public sealed class ScriptedModelProvider : IModelProvider
{
    /// <summary>The provider's name: <c>scripted</c>.</summary>
    public string Name => ProviderDefaults.Scripted;

    /// <exception cref="ModelConfigurationException">The settings carry no script, or the script is not valid; the message gives the file, line and column.</exception>
    public IChatClient CreateClient(ModelSettings settings, ModelCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var path = settings.ScriptPath ?? $"the script of {settings.Model}";
        if (settings.ScriptText is null)
        {
            throw new ModelConfigurationException($"The model '{settings.Model}' has no script: a scripted model needs an alias with 'script:' (see docs/ai.md).");
        }

        return new ScriptedChatClient(ScriptReader.Read(path, settings.ScriptText), settings.Model.Model);
    }
}
