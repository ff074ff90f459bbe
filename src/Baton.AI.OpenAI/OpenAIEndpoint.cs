namespace Baton.AI.OpenAI;

/// <summary>Where an OpenAI-compatible endpoint is, and what to send as a key when it needs none.</summary>
internal static class OpenAIEndpoint
{
    public static readonly Uri Official = new("https://api.openai.com/v1");

    /// <summary>Sent to endpoints that need no key: the SDK requires one.</summary>
    public const string PlaceholderKey = "no-key";

    private static readonly string[] AzureHosts = [".openai.azure.com", ".cognitiveservices.azure.com", ".services.ai.azure.com"];

    public static bool IsOfficial(Uri baseUrl) => string.Equals(baseUrl.Host, Official.Host, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the endpoint is OpenAI's or Azure OpenAI's, which read the output cap from <c>max_completion_tokens</c> and
    /// refuse <c>max_tokens</c> for reasoning models. Other OpenAI-compatible servers (Ollama, LM Studio, vLLM...) read
    /// <c>max_tokens</c>, so they are sent both.
    /// </summary>
    public static bool ReadsMaxCompletionTokensOnly(Uri baseUrl)
        => IsOfficial(baseUrl) || AzureHosts.Any(h => baseUrl.Host.EndsWith(h, StringComparison.OrdinalIgnoreCase));

    /// <summary>The SDK appends <c>/chat/completions</c> itself: a trailing slash would double it.</summary>
    public static Uri WithoutTrailingSlash(Uri baseUrl)
        => baseUrl.AbsoluteUri.EndsWith('/') ? new Uri(baseUrl.AbsoluteUri.TrimEnd('/')) : baseUrl;
}
