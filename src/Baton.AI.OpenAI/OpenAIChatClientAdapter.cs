using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using Baton.AI.Http;
using Baton.AI.Models;
using Microsoft.Extensions.AI;
using OpenAI;
using Sdk = OpenAI.Chat;

namespace Baton.AI.OpenAI;

/// <summary>An <see cref="IChatClient"/> over the OpenAI SDK's Chat Completions client.</summary>
/// <remarks>
/// Microsoft.Extensions.AI.OpenAI, the usual adapter, is not among Baton's packages; this is a thin one of our own that maps
/// only what Baton's steps use: text, function tools, JSON and JSON-schema response formats, and log-probabilities.
/// Streaming is not supported.
/// </remarks>
internal sealed class OpenAIChatClientAdapter : IChatClient
{
    private readonly string _provider;
    private readonly ModelSettings _settings;
    private readonly OpenAIClient _client;
    private readonly HttpClient _http;
    private readonly ChatClientMetadata _metadata;
    private readonly bool _alsoMaxTokens;

    private OpenAIChatClientAdapter(string provider, ModelSettings settings, OpenAIClient client, HttpClient http, Uri endpoint)
    {
        _provider = provider;
        _settings = settings;
        _client = client;
        _http = http;
        _metadata = new ChatClientMetadata(provider, endpoint, settings.Model.Model);
        _alsoMaxTokens = !OpenAIEndpoint.ReadsMaxCompletionTokensOnly(endpoint);
    }

    public static OpenAIChatClientAdapter Create(string provider, ModelSettings settings, Uri baseUrl, string apiKey, TimeProvider timeProvider)
    {
        var endpoint = OpenAIEndpoint.WithoutTrailingSlash(baseUrl);
        var http = ModelHttp.CreateClient(settings with { BaseUrl = endpoint }, provider, timeProvider);
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            Transport = new HttpClientPipelineTransport(http),

            // Baton's pipeline retries and times out each call, with the step's clock; the SDK's would add to it.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };
        return new OpenAIChatClientAdapter(provider, settings, new OpenAIClient(new ApiKeyCredential(apiKey), options), http, endpoint);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var sdkMessages = OpenAIMessageMapper.ToSdk(messages, options?.Instructions);
        var sdkOptions = OpenAIOptionsMapper.ToSdk(options, _settings, _provider, _alsoMaxTokens, out var logProbs);
        var chat = _client.GetChatClient(options?.ModelId ?? _settings.Model.Model);
        ClientResult<Sdk.ChatCompletion> result;
        try
        {
            result = await chat.CompleteChatAsync(sdkMessages, sdkOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not ModelCallException && ModelCallErrors.Find(ex) is not null)
        {
            ModelCallErrors.ThrowIfWrapped(ex);
            throw;
        }
        catch (Exception ex) when (ex is JsonException or FormatException || ex is InvalidOperationException and not ObjectDisposedException)
        {
            // What the SDK throws when the body is not JSON, or a field has the wrong type (JsonElement's getters).
            throw ModelCallErrors.Malformed(_provider, _settings.Model, "the body is not a chat completion.", ex);
        }

        return OpenAIResponseMapper.ToChatResponse(result, _provider, _settings.Model, logProbs);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => throw new NotSupportedException($"Baton's {_provider} client does not stream responses; call GetResponseAsync.");

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose() => _http.Dispose();
}
