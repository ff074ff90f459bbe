using System.Text.Json;
using Anthropic;
using Anthropic.Exceptions;
using Baton.AI.Http;
using Baton.AI.Models;
using Microsoft.Extensions.AI;

namespace Baton.AI.Anthropic;

/// <summary>
/// Wraps the Anthropic SDK's <see cref="IChatClient"/>: sends the temperature (which the SDK's client would drop, see
/// <see cref="AnthropicSamplingParams"/>), turns a JSON response format into an instruction, leaves Baton's own option keys
/// out of the request, names the provider on the response, and maps the SDK's failures to <see cref="ModelCallException"/>.
/// </summary>
internal sealed class AnthropicChatClientAdapter(IChatClient inner, AnthropicClient client, ModelSettings settings, string provider) : IChatClient
{
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ChatResponse response;
        try
        {
            response = await inner.GetResponseAsync(messages, Prepare(options), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not ModelCallException && ModelCallErrors.Find(ex) is not null)
        {
            ModelCallErrors.ThrowIfWrapped(ex);
            throw;
        }
        catch (Exception ex) when (ex is AnthropicInvalidDataException or JsonException or FormatException || ex is InvalidOperationException and not ObjectDisposedException)
        {
            // What the SDK throws when the body is not JSON, or a field is missing or has the wrong type.
            throw ModelCallErrors.Malformed(provider, settings.Model, "the body is not a message.", ex);
        }

        response.AdditionalProperties ??= [];
        response.AdditionalProperties[AIChatKeys.Provider] = provider;
        return response;
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => throw new NotSupportedException($"Baton's {provider} client does not stream responses; call GetResponseAsync.");

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : inner.GetService(serviceType, serviceKey);
    }

    public void Dispose()
    {
        inner.Dispose();
        client.Dispose();
    }

    private ChatOptions Prepare(ChatOptions? options)
    {
        var prepared = options?.Clone() ?? new ChatOptions();
        prepared.Temperature ??= (float?)settings.Temperature;
        AnthropicSamplingParams.Apply(prepared, settings.Model.Model, settings.MaxOutputTokens ?? AnthropicModelProvider.DefaultMaxOutputTokens);
        if (prepared.ResponseFormat is ChatResponseFormatJson json)
        {
            prepared.Instructions = JsonInstruction.AppendTo(prepared.Instructions, json);
            prepared.ResponseFormat = null;
        }

        if (prepared.AdditionalProperties is { } properties)
        {
            var kept = new AdditionalPropertiesDictionary();
            foreach (var (key, value) in properties.Where(p => !p.Key.StartsWith("baton.", StringComparison.Ordinal)))
            {
                kept[key] = value;
            }

            prepared.AdditionalProperties = kept.Count == 0 ? null : kept;
        }

        return prepared;
    }
}
