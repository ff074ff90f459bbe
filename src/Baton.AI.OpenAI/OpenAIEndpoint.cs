using Baton.AI.Models;

namespace Baton.AI.OpenAI;

/// <summary>Where an OpenAI-compatible endpoint is, and what to send as a key when it needs none.</summary>
internal static class OpenAIEndpoint
{
    public static readonly Uri Official = new("https://api.openai.com/v1");

    /// <summary>Sent to endpoints that need no key: the SDK requires one.</summary>
    public const string PlaceholderKey = "no-key";

    public static bool IsOfficial(Uri baseUrl) => string.Equals(baseUrl.Host, Official.Host, StringComparison.OrdinalIgnoreCase);

    /// <summary>The URL in <paramref name="variable"/>, or null when it is not set.</summary>
    /// <exception cref="ModelConfigurationException">The variable holds something other than an absolute http(s) URL.</exception>
    public static Uri? FromEnvironment(Func<string, string?> environment, string variable)
    {
        var text = environment(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return url;
        }

        throw new ModelConfigurationException($"{variable} must be an absolute http or https URL, such as https://api.openai.com/v1; it is '{text}'.");
    }

    /// <summary>The SDK appends <c>/chat/completions</c> itself: a trailing slash would double it.</summary>
    public static Uri WithoutTrailingSlash(Uri baseUrl)
        => baseUrl.AbsoluteUri.EndsWith('/') ? new Uri(baseUrl.AbsoluteUri.TrimEnd('/')) : baseUrl;
}
