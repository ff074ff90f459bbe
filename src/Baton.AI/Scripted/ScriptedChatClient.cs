using System.Runtime.CompilerServices;
using Baton.AI.Models;
using Microsoft.Extensions.AI;

namespace Baton.AI.Scripted;

/// <summary>Answers from a <see cref="Script"/> by the selection rule of <see cref="ScriptedModelProvider"/>. Stateless, so thread-safe.</summary>
internal sealed class ScriptedChatClient(Script script, string modelName) : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        var conversation = messages.ToList();
        var text = ScriptedConversation.Text(conversation, options);
        var n = conversation.Count(m => m.Role == ChatRole.Assistant) + 1;
        var candidates = script.Responses.Where(r => r.When is null || r.When.Matches(text)).ToList();
        if (candidates.Count < n)
        {
            throw new ModelCallException(AIErrorCodes.ScriptExhausted, Exhausted(n, candidates.Count), retryable: false);
        }

        return Task.FromResult(ScriptedAnswer.Build(candidates[n - 1], n, text, modelName, options));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return new ChatClientMetadata(ProviderDefaults.Scripted, providerUri: null, defaultModelId: modelName);
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
    }

    private string Exhausted(int n, int matching)
    {
        var previous = n - 1 == 1 ? "1 assistant message" : $"{n - 1} assistant messages";
        return $"The script '{script.Path}' has no response for this call: with {previous} in the conversation it takes the "
            + $"{Ordinal(n)} response that matches, but only {matching} of its {script.Responses.Count} responses match. "
            + "Add responses to the script, or check their 'when'.";
    }

    private static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch
        {
            1 => $"{n}st",
            2 => $"{n}nd",
            3 => $"{n}rd",
            _ => $"{n}th",
        },
    };
}
