using Baton.AI.Http;
using Baton.AI.Models;
using Microsoft.Extensions.AI;

namespace Baton.AI.OpenAI;

/// <summary>The <c>openai</c> provider: OpenAI's Chat Completions API, and any endpoint compatible with it, through the official OpenAI SDK.</summary>
/// <remarks>
/// <para>The endpoint is <see cref="ModelSettings.BaseUrl"/>, else <c>OPENAI_BASE_URL</c>, else <c>https://api.openai.com/v1</c>.
/// The key is read when a client is made, from the variable <see cref="ModelSettings.ApiKeyVariable"/> names
/// (default <c>OPENAI_API_KEY</c>). A custom endpoint works without a key (local servers need none).</para>
/// <para>Calls go through <see cref="Http.ModelHttp"/>: retries, the concurrency limit and the timeout are Baton's; the SDK's own retries are off.</para>
/// </remarks>
public sealed class OpenAIModelProvider : IModelProvider
{
    private readonly TimeProvider _timeProvider;
    private readonly Func<string, string?> _environment;

    /// <summary>Creates the provider.</summary>
    /// <param name="timeProvider">The clock for timeouts and retry delays; the system clock by default.</param>
    public OpenAIModelProvider(TimeProvider? timeProvider = null)
        : this(timeProvider ?? TimeProvider.System, Environment.GetEnvironmentVariable)
    {
    }

    internal OpenAIModelProvider(TimeProvider timeProvider, Func<string, string?> environment)
    {
        _timeProvider = timeProvider;
        _environment = environment;
    }

    /// <inheritdoc/>
    public string Name => "openai";

    /// <inheritdoc/>
    public IReadOnlyCollection<string> ApiKeyVariables { get; } = ["OPENAI_API_KEY"];

    /// <inheritdoc/>
    public IChatClient CreateClient(ModelSettings settings, ModelCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(credentials);
        var baseUrl = settings.BaseUrl ?? ModelEndpoint.FromEnvironment(_environment, "OPENAI_BASE_URL", "https://api.openai.com/v1");
        var variable = settings.ApiKeyVariable ?? "OPENAI_API_KEY";
        var key = credentials.Get(variable);
        if (string.IsNullOrEmpty(key))
        {
            if (baseUrl is null || OpenAIEndpoint.IsOfficial(baseUrl))
            {
                throw new ModelConfigurationException(
                    $"The model {settings.Model} needs an OpenAI API key: set {variable} in the environment or in Baton's secrets.");
            }

            key = OpenAIEndpoint.PlaceholderKey;
        }

        return OpenAIChatClientAdapter.Create(Name, settings, baseUrl ?? OpenAIEndpoint.Official, key, _timeProvider);
    }
}
