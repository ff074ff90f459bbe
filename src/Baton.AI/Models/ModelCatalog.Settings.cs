using System.Text.Json.Nodes;

namespace Baton.AI.Models;

public sealed partial class ModelCatalog
{
    private ModelSettings Build(ModelReference model, string? alias, ConfigValue? mapping)
    {
        var provider = ProviderConfig(model.Provider);
        var defaults = ProviderDefaults.For(model.Provider);
        var settings = new ModelSettings
        {
            Model = model,
            Alias = alias,
            Temperature = mapping?.Double("temperature", 0, 2),
            MaxOutputTokens = mapping?.Int("max-tokens", 1),
            BaseUrl = provider?.Url("base-url") ?? EnvironmentUrl(defaults.BaseUrlVariable) ?? defaults.BaseUrl,
            ApiKeyVariable = defaults.TakesKey ? provider?.String("api-key-env") ?? defaults.ApiKeyVariable : null,
            Price = Price(model),
        };

        settings = settings with
        {
            CallTimeout = provider?.Duration("timeout") ?? settings.CallTimeout,
            MaxConcurrency = provider?.Int("max-concurrency", 1) ?? settings.MaxConcurrency,
            MaxRetries = provider?.Int("max-retries", 0) ?? settings.MaxRetries,
        };

        return model.Provider == ProviderDefaults.Scripted ? WithScript(settings, mapping) : settings;
    }

    private ConfigValue? ProviderConfig(string provider)
    {
        if (_definition.Project is not { Providers: { } providers } project || FindKey(providers, provider) is not { } key)
        {
            return null;
        }

        var where = $"providers.{key} in {project.File}";
        return providers[key] switch
        {
            JsonObject mapping => new ConfigValue(where, mapping),
            null => null,
            var other => throw new ModelConfigurationException($"{where}: the provider's settings are {ConfigValue.Show(other)}, but they must be a mapping such as '{{ base-url: ..., timeout: 60s }}'."),
        };
    }

    private Uri? EnvironmentUrl(string? variable)
    {
        if (variable is null || _environment(variable) is not { Length: > 0 } text)
        {
            return null;
        }

        return ConfigValue.ParseUrl(text)
            ?? throw new ModelConfigurationException($"The environment variable {variable} is '{text}', but it must be an absolute http or https URL.");
    }

    private ModelPrice? Price(ModelReference model)
    {
        if (_definition.Project is not { Prices: { } prices } project)
        {
            return null;
        }

        var key = prices.ContainsKey(model.ToString())
            ? model.ToString()
            : prices.Select(p => p.Key).FirstOrDefault(k => ModelReference.TryParse(k, out var other) && other == model);
        if (key is null || prices[key] is null)
        {
            return null;
        }

        var where = $"prices.{key} in {project.File}";
        if (prices[key] is not JsonObject entry)
        {
            throw new ModelConfigurationException($"{where}: the price is {ConfigValue.Show(prices[key])}, but it must be a mapping such as '{{ input: 0.15, output: 0.60 }}' (US dollars per million tokens).");
        }

        var price = new ConfigValue(where, entry);
        return new ModelPrice(
            price.Decimal("input") ?? throw price.Missing("input", "the price of a million input tokens in US dollars"),
            price.Decimal("output") ?? throw price.Missing("output", "the price of a million output tokens in US dollars"));
    }

    private ModelSettings WithScript(ModelSettings settings, ConfigValue? mapping)
    {
        var script = mapping?.String("script")
            ?? throw new ModelConfigurationException(
                $"The model '{settings.Model}' has no script. A scripted model is named through an alias with a script, such as "
                + $"'models: {{ {settings.Alias ?? "triage"}: {{ model: {settings.Model}, script: ./scripted/{settings.Model.Model}.yaml }} }}'.");
        if (!_definition.Source.Files.TryGetValue(script, out var text))
        {
            throw new ModelConfigurationException(
                $"{mapping.Where}: the script '{script}' is not among the definition's files; check that the file exists, relative to the file that declares the alias.");
        }

        return settings with { ScriptPath = script, ScriptText = text };
    }

    private static string? FindKey(JsonObject section, string provider)
        => section.ContainsKey(provider) ? provider : section.Select(p => p.Key).FirstOrDefault(k => k.Trim().Equals(provider, StringComparison.OrdinalIgnoreCase));
}
