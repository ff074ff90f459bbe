using Baton.AI.Http;
using Baton.AI.Models;
using Microsoft.Extensions.AI;

namespace Baton.AI.OpenAI;

/// <summary>The <c>ollama</c> provider: a preset of <c>openai</c> for a local Ollama's OpenAI-compatible API.</summary>
/// <remarks>
/// The endpoint is <see cref="ModelSettings.BaseUrl"/>, else <c>OLLAMA_BASE_URL</c>, else <c>http://localhost:11434/v1</c>;
/// an address with no path (<c>http://host:11434</c>) gets <c>/v1</c>. No key is needed: when
/// <see cref="ModelSettings.ApiKeyVariable"/> names one (for a proxy in front of Ollama), it must be set.
/// </remarks>
public sealed class OllamaModelProvider : IModelProvider
{
    private static readonly Uri DefaultBaseUrl = new("http://localhost:11434/v1");

    private readonly TimeProvider _timeProvider;
    private readonly Func<string, string?> _environment;

    /// <summary>Creates the provider.</summary>
    /// <param name="timeProvider">The clock for timeouts and retry delays; the system clock by default.</param>
    public OllamaModelProvider(TimeProvider? timeProvider = null)
        : this(timeProvider ?? TimeProvider.System, Environment.GetEnvironmentVariable)
    {
    }

    internal OllamaModelProvider(TimeProvider timeProvider, Func<string, string?> environment)
    {
        _timeProvider = timeProvider;
        _environment = environment;
    }

    /// <inheritdoc/>
    public string Name => "ollama";

    /// <inheritdoc/>
    public IChatClient CreateClient(ModelSettings settings, ModelCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(credentials);
        var baseUrl = settings.BaseUrl ?? ModelEndpoint.FromEnvironment(_environment, "OLLAMA_BASE_URL", "http://localhost:11434/v1") ?? DefaultBaseUrl;
        if (baseUrl.AbsolutePath == "/")
        {
            baseUrl = new Uri(baseUrl, "v1");
        }

        var key = OpenAIEndpoint.PlaceholderKey;
        if (settings.ApiKeyVariable is { } variable)
        {
            key = credentials.Get(variable);
            if (string.IsNullOrEmpty(key))
            {
                throw new ModelConfigurationException(
                    $"The model {settings.Model} is configured with the API key variable {variable}, which is not set: set it in the environment or in Baton's secrets, or remove providers.ollama.api-key-env.");
            }
        }

        return OpenAIChatClientAdapter.Create(Name, settings, baseUrl, key, _timeProvider);
    }
}
