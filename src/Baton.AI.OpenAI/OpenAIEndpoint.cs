namespace Baton.AI.OpenAI;

/// <summary>Where an OpenAI-compatible endpoint is, and what to send as a key when it needs none.</summary>
internal static class OpenAIEndpoint
{
    public static readonly Uri Official = new("https://api.openai.com/v1");

    /// <summary>Sent to endpoints that need no key: the SDK requires one.</summary>
    public const string PlaceholderKey = "no-key";

    public static bool IsOfficial(Uri baseUrl) => string.Equals(baseUrl.Host, Official.Host, StringComparison.OrdinalIgnoreCase);

    /// <summary>The SDK appends <c>/chat/completions</c> itself: a trailing slash would double it.</summary>
    public static Uri WithoutTrailingSlash(Uri baseUrl)
        => baseUrl.AbsoluteUri.EndsWith('/') ? new Uri(baseUrl.AbsoluteUri.TrimEnd('/')) : baseUrl;
}
