using System.Text.Json;
using Anthropic.Models.Messages;
using Microsoft.Extensions.AI;

namespace Baton.AI.Anthropic;

/// <summary>
/// Carries temperature, top-p and top-k to the Anthropic SDK's chat client, which leaves them out of the request
/// (its typed request parameters no longer have them): they go in the raw body of the parameters the client starts from.
/// </summary>
internal static class AnthropicSamplingParams
{
    private static readonly Dictionary<string, JsonElement> None = [];

    /// <summary>Sets <see cref="ChatOptions.RawRepresentationFactory"/> when <paramref name="options"/> asks for sampling settings.</summary>
    public static void Apply(ChatOptions options, string defaultModel, int defaultMaxTokens)
    {
        if (options.RawRepresentationFactory is not null || options is { Temperature: null, TopP: null, TopK: null })
        {
            return;
        }

        // Parameters given this way replace the client's defaults, so the required model and max_tokens come too.
        var body = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            ["model"] = JsonSerializer.SerializeToElement(options.ModelId ?? defaultModel, AnthropicJsonContext.Default.String),
            ["max_tokens"] = JsonSerializer.SerializeToElement(options.MaxOutputTokens ?? defaultMaxTokens, AnthropicJsonContext.Default.Int32),
            ["messages"] = JsonSerializer.SerializeToElement([], AnthropicJsonContext.Default.JsonElementArray),
        };
        Add(body, "temperature", options.Temperature);
        Add(body, "top_p", options.TopP);
        if (options.TopK is { } topK)
        {
            body["top_k"] = JsonSerializer.SerializeToElement(topK, AnthropicJsonContext.Default.Int32);
        }

        options.RawRepresentationFactory = _ => MessageCreateParams.FromRawUnchecked(None, None, body);
    }

    private static void Add(Dictionary<string, JsonElement> body, string name, float? value)
    {
        if (value is { } number)
        {
            // Through decimal, so that 0.2f goes out as 0.2 and not 0.20000000298023224.
            body[name] = JsonSerializer.SerializeToElement((double)(decimal)number, AnthropicJsonContext.Default.Double);
        }
    }
}
