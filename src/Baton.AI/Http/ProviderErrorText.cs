using System.Text;
using System.Text.Json;

namespace Baton.AI.Http;

/// <summary>The provider's own explanation in an error body, short enough for a message.</summary>
internal static class ProviderErrorText
{
    public const int MaxLength = 300;

    /// <summary>
    /// <c>error.message</c> (OpenAI and Anthropic), <c>error</c> as a string (Ollama) or <c>message</c>; else the body itself.
    /// Whitespace is collapsed and the text cut to <see cref="MaxLength"/> characters.
    /// </summary>
    public static string Extract(string body)
    {
        var text = FromJson(body) ?? body;
        return Shorten(text);
    }

    private static string? FromJson(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String)
                {
                    return error.GetString();
                }

                if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var nested) && nested.ValueKind == JsonValueKind.String)
                {
                    return nested.GetString();
                }
            }

            return root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength + 1));
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
            if (builder.Length > MaxLength)
            {
                builder.Length = char.IsHighSurrogate(builder[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
                return builder.Append('…').ToString();
            }
        }

        return builder.ToString();
    }
}
