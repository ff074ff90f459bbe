using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Baton.AI.Telemetry;
using Baton.Definitions.Compiler;
using Baton.Secrets;
using Microsoft.Extensions.AI;

namespace Baton.AI.Models;

/// <summary>The model providers by name, and the clients they make, cached and wrapped with GenAI telemetry.</summary>
/// <remarks>
/// Thread-safe. A client is made once per <see cref="ModelSettings"/> and API key, and reused: settings hold no secret, so the
/// key is part of the cache key only as a SHA-256 fingerprint, which lets a rotated key take effect without a restart.
/// When two providers have the same name, the later one wins, so that code can replace a built-in provider. Each provider's
/// <see cref="IModelProvider.ApiKeyVariables"/> are registered with <see cref="CredentialVariables"/>, so that no process
/// Baton starts inherits them.
/// </remarks>
public sealed class ModelProviderRegistry
{
    private readonly Dictionary<string, IModelProvider> _providers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ClientKey, Lazy<IChatClient>> _clients = new();
    private readonly TimeProvider _timeProvider;
    private readonly bool _captureContent;
    private readonly Func<string, string>? _mask;

    /// <param name="providers">The providers; names are matched in lower case.</param>
    /// <param name="timeProvider">The clock for call durations; default <see cref="TimeProvider.System"/>.</param>
    /// <param name="captureContent">Whether spans carry prompts and answers (<c>gen_ai.input.messages</c>, <c>gen_ai.output.messages</c>); default false.</param>
    /// <param name="mask">Masks secrets in the captured prompts and answers; default none.</param>
    public ModelProviderRegistry(IEnumerable<IModelProvider> providers, TimeProvider? timeProvider = null, bool captureContent = false, Func<string, string>? mask = null)
    {
        ArgumentNullException.ThrowIfNull(providers);
        foreach (var provider in providers)
        {
            ArgumentNullException.ThrowIfNull(provider);
            if (string.IsNullOrWhiteSpace(provider.Name))
            {
                throw new ArgumentException($"The model provider {provider.GetType().FullName} has no name.", nameof(providers));
            }

            _providers[provider.Name.Trim().ToLowerInvariant()] = provider;
            CredentialVariables.Register(provider.ApiKeyVariables);
        }

        _timeProvider = timeProvider ?? TimeProvider.System;
        _captureContent = captureContent;
        _mask = mask;
        ProviderNames = _providers.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The registered provider names, in ordinal order.</summary>
    public IReadOnlyCollection<string> ProviderNames { get; }

    /// <summary>The client for <paramref name="settings"/>: made by its provider on first use, then reused.</summary>
    /// <exception cref="ModelConfigurationException">The provider is not registered, or it cannot make a client for the settings (a missing key, an unreadable script).</exception>
    public IChatClient GetClient(ModelSettings settings, ModelCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(credentials);
        var provider = Find(settings.Model);
        var key = new ClientKey(settings, Fingerprint(settings.ApiKeyVariable is { } variable ? credentials.Get(variable) : null));
        var lazy = _clients.GetOrAdd(key, _ => new Lazy<IChatClient>(() => Create(provider, settings, credentials)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A failed creation is not cached: the next call may find the key set or the script fixed.
            _clients.TryRemove(KeyValuePair.Create(key, lazy));
            throw;
        }
    }

    private IModelProvider Find(ModelReference model)
    {
        if (_providers.TryGetValue(model.Provider, out var provider))
        {
            return provider;
        }

        throw new ModelConfigurationException(UnknownProvider(model, ProviderNames));
    }

    /// <summary>The message for a model whose provider is not among <paramref name="names"/>, with the closest name as a hint.</summary>
    internal static string UnknownProvider(ModelReference model, IReadOnlyCollection<string> names)
    {
        var known = names.Count == 0 ? "none is registered" : $"the known ones are {string.Join(", ", names)}";
        return $"The model '{model}' names the provider '{model.Provider}', which is not registered: {known}.{Suggestions.Hint(model.Provider, names)}";
    }

    private IChatClient Create(IModelProvider provider, ModelSettings settings, ModelCredentials credentials)
    {
        var inner = provider.CreateClient(settings, credentials)
            ?? throw new ModelConfigurationException($"The provider '{settings.Model.Provider}' made no client for the model '{settings.Model}'.");
        return new GenAITelemetryChatClient(inner, settings, _timeProvider, _captureContent, _mask);
    }

    private static string? Fingerprint(string? apiKey)
        => apiKey is null ? null : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));

    private readonly record struct ClientKey(ModelSettings Settings, string? KeyFingerprint);
}
