using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Baton.Steps;

/// <summary>Builds the request an <c>http</c> attempt sends.</summary>
internal static class HttpRequestFactory
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>
    /// Content headers (<c>Content-Type</c> and the like) go on the content, others on the request. A header the user
    /// sets replaces the default of the same name, <c>Idempotency-Key</c> included.
    /// </summary>
    public static HttpRequestMessage Create(HttpStepConfig config, string idempotencyKey)
    {
        var request = new HttpRequestMessage(config.Method, config.Url) { Content = CreateContent(config.Body) };
        var replaced = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var hasIdempotencyKey = false;
        foreach (var (name, value) in config.Headers)
        {
            hasIdempotencyKey |= string.Equals(name, IdempotencyKeyHeader, StringComparison.OrdinalIgnoreCase);
            if (request.Headers.TryAddWithoutValidation(name, value))
            {
                continue;
            }

            // A content header without a body still reaches the server, on an empty content.
            request.Content ??= new ByteArrayContent([]);
            if (replaced.Add(name))
            {
                request.Content.Headers.Remove(name);
            }

            request.Content.Headers.TryAddWithoutValidation(name, value);
        }

        if (!hasIdempotencyKey)
        {
            request.Headers.TryAddWithoutValidation(IdempotencyKeyHeader, idempotencyKey);
        }

        return request;
    }

    private static HttpContent? CreateContent(JsonNode? body)
    {
        if (body is null)
        {
            return null;
        }

        if (body is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return new StringContent(text, Encoding.UTF8, "text/plain");
        }

        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString(BatonJsonContext.NodeOptions)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
