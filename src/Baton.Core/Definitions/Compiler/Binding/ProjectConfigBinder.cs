using System.Text.Json.Nodes;
using Baton.Definitions.Compiler.Language;
using Baton.Definitions.Compiler.Yaml;

namespace Baton.Definitions.Compiler.Binding;

/// <summary>Binds the project config file (<c>baton.yaml</c>): <c>models</c>, <c>providers</c> and <c>prices</c>.</summary>
internal sealed class ProjectConfigBinder
{
    private readonly NodeChecks _checks;
    private readonly ModelsBinder _models;

    private ProjectConfigBinder(DiagnosticBag diagnostics, IScriptReader scripts, IReadOnlyCollection<string>? providers)
    {
        _checks = new NodeChecks(diagnostics);
        _models = new ModelsBinder(_checks, scripts, providers);
    }

    private DiagnosticBag Diagnostics => _checks.Diagnostics;

    /// <summary>Binds the file's root node; an empty file is a project config with no sections. Null when the root is not a mapping.</summary>
    /// <param name="root">The file's root node.</param>
    /// <param name="diagnostics">Where errors go.</param>
    /// <param name="scripts">Reads the scripts that models name.</param>
    /// <param name="providers">The model providers the host knows (<see cref="ModelsBinder.KnownProviders"/>); null accepts any.</param>
    public static BoundProject? Bind(SyntaxNode? root, DiagnosticBag diagnostics, IScriptReader scripts, IReadOnlyCollection<string>? providers)
        => new ProjectConfigBinder(diagnostics, scripts, providers).BindRoot(root);

    private BoundProject? BindRoot(SyntaxNode? root)
    {
        switch (root)
        {
            case null or ScalarNode { IsNull: true }:
                return new BoundProject(null, null, null);
            case not MappingNode:
                Diagnostics.Error(
                    DiagnosticCodes.WrongType,
                    root.Location,
                    $"The project config must be a mapping with 'models', 'providers' or 'prices', not {root.Describe()}.");
                return null;
        }

        var map = (MappingNode)root;
        _checks.CheckKeys(map, ModelSpecs.Project);
        return new BoundProject(
            map["models"] is { } models ? _models.Bind(models) : null,
            map["providers"] is { } providers ? BindProviders(providers) : null,
            map["prices"] is { } prices ? BindPrices(prices) : null);
    }

    private JsonObject? BindProviders(SyntaxNode node)
    {
        if (_checks.Mapping(node, "providers", "a mapping of provider names to settings, such as { openai: { api-key-env: OPENAI_API_KEY } }") is not { } map)
        {
            return null;
        }

        foreach (var entry in map.Entries)
        {
            if (!Regexes.ProviderName().IsMatch(entry.Name))
            {
                var lowered = entry.Name.ToLowerInvariant();
                var hint = lowered != entry.Name && Regexes.ProviderName().IsMatch(lowered) ? $" Write '{lowered}'." : string.Empty;
                Diagnostics.Error(
                    DiagnosticCodes.InvalidName,
                    entry.Key.Location,
                    $"'{entry.Name}' is not a valid provider name; use lower-case letters, digits, '-', '_' and '.', starting with a letter.{hint}");
            }
            else
            {
                // A misspelt provider's settings would be ignored without a word, and the defaults used instead.
                _models.IsKnownProvider(entry.Name, entry.Key, $"'providers.{entry.Name}' configures the provider '{entry.Name}'");
            }

            if (_checks.Mapping(entry.Value, entry.Name, "a mapping of settings such as base-url and api-key-env") is { } settings)
            {
                BindProvider(settings);
            }
        }

        return (JsonObject)map.ToJson()!;
    }

    private void BindProvider(MappingNode map)
    {
        _checks.CheckKeys(map, ModelSpecs.Provider);
        if (map["base-url"] is { } url && _checks.StringScalar(url, "base-url", "an absolute http or https URL") is { } text)
        {
            CheckBaseUrl(text);
        }

        if (map["api-key-env"] is { } keyEnv && _checks.StringScalar(keyEnv, "api-key-env", "the name of an environment variable") is { } name
            && !Regexes.EnvName().IsMatch(name.Value))
        {
            Diagnostics.Error(
                DiagnosticCodes.InvalidName,
                name.Location,
                "'api-key-env' names the environment variable that holds the key (never the key itself), so it must be a variable name: letters, digits and '_', starting with a letter or '_'.");
        }

        if (map["max-concurrency"] is { } concurrency)
        {
            _checks.Integer(concurrency, "max-concurrency", 1, 1000);
        }

        if (map["timeout"] is { } timeout)
        {
            _checks.DurationValue(timeout, "timeout", allowZero: false);
        }

        if (map["max-retries"] is { } retries)
        {
            _checks.Integer(retries, "max-retries", 0, 10);
        }
    }

    private void CheckBaseUrl(ScalarNode url)
    {
        if (!Uri.TryCreate(url.Value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            Diagnostics.Error(DiagnosticCodes.InvalidProvider, url.Location, $"'{url.Value}' is not an absolute http or https URL, such as https://api.openai.com/v1.");
        }
        else if (uri.UserInfo.Length > 0)
        {
            // The project config is pinned into every definition's bundle and stored with it: a credential would be persisted.
            Diagnostics.Error(
                DiagnosticCodes.InvalidProvider,
                url.Location,
                "'base-url' must not hold a user name or password: the project config is stored with every run. Put the key in the variable that 'api-key-env' names.");
        }
    }

    private JsonObject? BindPrices(SyntaxNode node)
    {
        if (_checks.Mapping(node, "prices", "a mapping of provider/model to { input, output }") is not { } map)
        {
            return null;
        }

        foreach (var entry in map.Entries)
        {
            _models.Reference(entry.Key);
            if (_checks.Mapping(entry.Value, entry.Name, "a mapping { input, output } in US dollars per million tokens") is not { } price)
            {
                continue;
            }

            _checks.CheckKeys(price, ModelSpecs.Price);
            foreach (var side in new[] { "input", "output" })
            {
                if (price[side] is { } value)
                {
                    _checks.Number(value, side, 0, null);
                }
            }
        }

        return (JsonObject)map.ToJson()!;
    }
}
