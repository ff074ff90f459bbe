using Baton.AI.Models;

namespace Baton.AI.Http;

/// <summary>Reads a provider's endpoint from an environment variable such as <c>OPENAI_BASE_URL</c>.</summary>
internal static class ModelEndpoint
{
    /// <summary>The URL in <paramref name="variable"/>, or null when it is not set.</summary>
    /// <exception cref="ModelConfigurationException">The variable holds something other than an absolute http(s) URL.</exception>
    public static Uri? FromEnvironment(Func<string, string?> environment, string variable, string example)
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

        throw new ModelConfigurationException($"{variable} must be an absolute http or https URL, such as {example}; it is '{text}'.");
    }
}
