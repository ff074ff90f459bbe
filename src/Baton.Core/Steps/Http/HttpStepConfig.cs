using System.Text;
using System.Text.Json.Nodes;

namespace Baton.Steps;

/// <summary>The rendered configuration of one <c>http</c> attempt, checked field by field.</summary>
internal sealed record HttpStepConfig(
    HttpMethod Method,
    Uri Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    JsonNode? Body,
    HttpStatusExpectation Expect,
    int MaxResponseBytes)
{
    public const int DefaultMaxResponseBytes = 10 * 1024 * 1024;

    /// <summary>1 GiB: a response is held in memory and becomes one JSON value.</summary>
    public const int MaxMaxResponseBytes = 1024 * 1024 * 1024;

    private const string Kind = "http";

    private static readonly string[] KnownKeys = ["method", "url", "headers", "query", "body", "expect", "max-response-bytes"];

    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    // Framing headers: a user value would contradict the body that HttpClient actually sends.
    private static readonly string[] ForbiddenHeaders = ["Content-Length", "Transfer-Encoding"];

    public static HttpStepConfig Parse(JsonNode? node)
    {
        var config = StepConfigReader.RequireObject(node, Kind, KnownKeys);
        var url = ParseUrl(StepConfigReader.RequireString(config, "url", Kind));
        return new HttpStepConfig(
            ParseMethod(StepConfigReader.OptionalString(config, "method", Kind)),
            AppendQuery(url, config["query"]),
            ParseHeaders(config["headers"]),
            config["body"],
            HttpStatusExpectation.Parse(config["expect"], $"{Kind}.expect"),
            StepConfigReader.OptionalInteger(config, "max-response-bytes", Kind, DefaultMaxResponseBytes, 1, MaxMaxResponseBytes));
    }

    private static HttpMethod ParseMethod(string? text)
    {
        if (text is null)
        {
            return HttpMethod.Get;
        }

        var method = Methods.FirstOrDefault(m => string.Equals(m, text, StringComparison.OrdinalIgnoreCase));
        return method is null
            ? throw StepConfigReader.Invalid($"{Kind}.method must be one of {string.Join(", ", Methods)}, not '{text}'.")
            : HttpMethod.Parse(method);
    }

    private static Uri ParseUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw StepConfigReader.Invalid($"{Kind}.url must be an absolute http or https URL, not '{text}'.");
        }

        return url;
    }

    /// <summary>Appends each parameter, encoded, after any query the URL already has. Null values are left out; a list repeats the name.</summary>
    private static Uri AppendQuery(Uri url, JsonNode? node)
    {
        if (node is null)
        {
            return url;
        }

        if (node is not JsonObject query)
        {
            throw StepConfigReader.Invalid($"{Kind}.query must be a mapping, not {StepConfigReader.Describe(node)}.");
        }

        var added = new StringBuilder();
        foreach (var (name, value) in query)
        {
            var path = $"{Kind}.query.{name}";
            if (name.Length == 0)
            {
                throw StepConfigReader.Invalid($"{Kind}.query has an empty parameter name.");
            }

            var values = value is JsonArray list
                ? list.Select((item, i) => StepConfigReader.AsScalarText(item, $"{path}[{i}]"))
                : [StepConfigReader.AsScalarText(value, path)];
            foreach (var text in values.OfType<string>())
            {
                added.Append(added.Length == 0 ? "" : "&").Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(text));
            }
        }

        if (added.Length == 0)
        {
            return url;
        }

        var builder = new UriBuilder(url);
        var existing = builder.Query.TrimStart('?');
        builder.Query = existing.Length == 0 ? added.ToString() : $"{existing}&{added}";
        return builder.Uri;
    }

    /// <summary>Reads <c>headers</c>. A null value leaves the header out, so a template can make one optional.</summary>
    private static List<KeyValuePair<string, string>> ParseHeaders(JsonNode? node)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not JsonObject headers)
        {
            throw StepConfigReader.Invalid($"{Kind}.headers must be a mapping, not {StepConfigReader.Describe(node)}.");
        }

        var result = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in headers)
        {
            var path = $"{Kind}.headers.{name}";
            if (!HttpHeaderText.IsToken(name))
            {
                throw StepConfigReader.Invalid($"{path} is not a valid header name.");
            }

            if (ForbiddenHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw StepConfigReader.Invalid($"{path} is set from the body; remove it.");
            }

            var text = StepConfigReader.AsScalarText(value, path);
            if (text is null)
            {
                continue;
            }

            // A line break would let a rendered value inject further headers; other non-ASCII text HttpClient refuses
            // at send time, which would look like a (retryable) connection error.
            if (!HttpHeaderText.IsValidValue(text))
            {
                throw StepConfigReader.Invalid($"{path} must hold only printable ASCII characters, without line breaks.");
            }

            result.Add(new(name, text));
        }

        return result;
    }
}
