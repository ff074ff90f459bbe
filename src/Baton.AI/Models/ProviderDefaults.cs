namespace Baton.AI.Models;

/// <summary>What the built-in providers use when the project config does not say: the environment variables and endpoints of docs/ai.md.</summary>
/// <param name="BaseUrlVariable">The environment variable that may hold the endpoint.</param>
/// <param name="BaseUrl">The endpoint when neither the config nor the variable gives one; null for the provider SDK's own default.</param>
/// <param name="ApiKeyVariable">The variable that holds the key when the config names none; null for no key.</param>
/// <param name="TakesKey">False for a provider that never uses a key, whatever the config says.</param>
internal sealed record ProviderDefaults(string? BaseUrlVariable, Uri? BaseUrl, string? ApiKeyVariable, bool TakesKey)
{
    public const string Scripted = "scripted";

    private static readonly ProviderDefaults OpenAI = new("OPENAI_BASE_URL", null, "OPENAI_API_KEY", true);
    private static readonly ProviderDefaults Anthropic = new("ANTHROPIC_BASE_URL", null, "ANTHROPIC_API_KEY", true);
    private static readonly ProviderDefaults Ollama = new("OLLAMA_BASE_URL", new Uri("http://localhost:11434/v1"), null, true);
    private static readonly ProviderDefaults ScriptedDefaults = new(null, null, null, false);
    private static readonly ProviderDefaults Custom = new(null, null, null, true);

    public static ProviderDefaults For(string provider) => provider switch
    {
        "openai" => OpenAI,
        "anthropic" => Anthropic,
        "ollama" => Ollama,
        Scripted => ScriptedDefaults,
        _ => Custom,
    };
}
