using Anthropic;
using Anthropic.Core;
using Baton.AI.Http;
using Baton.AI.Models;
using Microsoft.Extensions.AI;

namespace Baton.AI.Anthropic;

/// <summary>The <c>anthropic</c> provider: Anthropic's Messages API through the official Anthropic SDK and its <see cref="IChatClient"/>.</summary>
/// <remarks>
/// <para>The endpoint is <see cref="ModelSettings.BaseUrl"/>, else <c>ANTHROPIC_BASE_URL</c>, else <c>https://api.anthropic.com</c>.
/// The key is read when a client is made, from the variable <see cref="ModelSettings.ApiKeyVariable"/> names (default
/// <c>ANTHROPIC_API_KEY</c>); a custom endpoint works without one. Anthropic requires a cap on output tokens: it is
/// <see cref="ModelSettings.MaxOutputTokens"/>, else 1024, unless a call sets its own.</para>
/// <para>Structured output is asked for in the instructions (answer with JSON only, matching the schema), and the <c>llm</c>
/// step validates and repairs the answer. There are no token log-probabilities.</para>
/// <para>Calls go through <see cref="ModelHttp"/>: retries, the concurrency limit and the timeout are Baton's; the SDK's own retries are off.</para>
/// </remarks>
public sealed class AnthropicModelProvider : IModelProvider
{
    /// <summary>The output-token cap when neither the settings nor the call set one.</summary>
    public const int DefaultMaxOutputTokens = 1024;

    private const string PlaceholderKey = "no-key";

    private static readonly Uri Official = new("https://api.anthropic.com");

    private readonly TimeProvider _timeProvider;
    private readonly Func<string, string?> _environment;

    /// <summary>Creates the provider.</summary>
    /// <param name="timeProvider">The clock for timeouts and retry delays; the system clock by default.</param>
    public AnthropicModelProvider(TimeProvider? timeProvider = null)
        : this(timeProvider ?? TimeProvider.System, Environment.GetEnvironmentVariable)
    {
    }

    internal AnthropicModelProvider(TimeProvider timeProvider, Func<string, string?> environment)
    {
        _timeProvider = timeProvider;
        _environment = environment;
    }

    /// <inheritdoc/>
    public string Name => "anthropic";

    /// <inheritdoc/>
    /// <remarks>The key's variable, and the bearer and identity tokens the Anthropic SDK also reads.</remarks>
    public IReadOnlyCollection<string> ApiKeyVariables { get; } = ["ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_IDENTITY_TOKEN"];

    /// <inheritdoc/>
    public IChatClient CreateClient(ModelSettings settings, ModelCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(credentials);
        var baseUrl = settings.BaseUrl ?? ModelEndpoint.FromEnvironment(_environment, "ANTHROPIC_BASE_URL", "https://api.anthropic.com");
        var variable = settings.ApiKeyVariable ?? "ANTHROPIC_API_KEY";
        var key = credentials.Get(variable);
        if (string.IsNullOrEmpty(key))
        {
            if (baseUrl is null || string.Equals(baseUrl.Host, Official.Host, StringComparison.OrdinalIgnoreCase))
            {
                throw new ModelConfigurationException(
                    $"The model {settings.Model} needs an Anthropic API key: set {variable} in the environment or in Baton's secrets.");
            }

            key = PlaceholderKey;
        }

        var endpoint = baseUrl ?? Official;
        var http = ModelHttp.CreateClient(settings with { BaseUrl = endpoint }, Name, _timeProvider);
        var client = new AnthropicClient(new ClientOptions
        {
            ApiKey = key,
            BaseUrl = endpoint.AbsoluteUri.TrimEnd('/'),
            HttpClient = http,

            // Baton's pipeline retries and times out each attempt, with the step's clock. The SDK sees the whole retried
            // call as one attempt, so its timeout (which it also announces to the API) must outlast every retry.
            MaxRetries = 0,
            Timeout = ModelHttp.LongestCall(settings),
        });
        var inner = client.AsIChatClient(settings.Model.Model, settings.MaxOutputTokens ?? DefaultMaxOutputTokens);
        return new AnthropicChatClientAdapter(inner, client, settings, Name);
    }
}
