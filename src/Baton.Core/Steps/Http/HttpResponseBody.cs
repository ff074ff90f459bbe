using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Baton.Steps;

/// <summary>Reads and converts a response body without ever holding more than the step allows.</summary>
internal static class HttpResponseBody
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes, plus one to learn whether more follow. The caller disposes the
    /// response afterwards, which stops the transfer of the rest.
    /// </summary>
    public static async Task<(byte[] Bytes, bool Exceeded)> ReadAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream((int)Math.Min(content.Headers.ContentLength ?? 0, limit));
            var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
            try
            {
                while (buffer.Length <= limit)
                {
                    var room = (int)Math.Min(chunk.Length, limit + 1L - buffer.Length);
                    var read = await stream.ReadAsync(chunk.AsMemory(0, room), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return (buffer.ToArray(), false);
                    }

                    buffer.Write(chunk, 0, read);
                }

                return (buffer.GetBuffer().AsSpan(0, limit).ToArray(), true);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }
    }

    /// <summary>The output's <c>body</c>: null when empty, parsed when the media type is JSON and the text parses, else the text.</summary>
    public static JsonNode? ToOutput(byte[] bytes, HttpContentHeaders headers)
    {
        if (bytes.Length == 0)
        {
            return null;
        }

        var text = Decode(bytes, headers.ContentType?.CharSet);
        if (IsJson(headers.ContentType?.MediaType) && JsonText.TryParse(text, out var json))
        {
            return json;
        }

        return JsonValue.Create(text);
    }

    /// <summary>The output's <c>headers</c>: lower-case names, repeated values joined with ", ".</summary>
    public static JsonObject ReadHeaders(HttpResponseMessage response)
    {
        var result = new JsonObject();
        foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
        {
            var key = name.ToLowerInvariant();
            var joined = string.Join(", ", values);
            result[key] = result[key] is { } existing ? $"{existing.GetValue<string>()}, {joined}" : joined;
        }

        return result;
    }

    private static bool IsJson(string? mediaType)
        => mediaType is not null
            && (string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase)
                || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static string Decode(byte[] bytes, string? charset)
    {
        var encoding = Encoding.UTF8;
        if (!string.IsNullOrWhiteSpace(charset))
        {
            try
            {
                encoding = Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                // An unknown charset: UTF-8 is the best guess, and invalid bytes become U+FFFD rather than an error.
            }
        }

        var text = encoding.GetString(bytes);
        return text.StartsWith('\uFEFF') ? text[1..] : text;
    }
}
