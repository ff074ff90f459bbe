using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Baton.Steps;

/// <summary>The built-in <c>http</c> step kind: sends one HTTP request per attempt.</summary>
/// <remarks>
/// <para>Every request carries <c>Idempotency-Key: {run}:{path}</c>, stable across retries and crash recovery. A
/// workflow that sets its own <c>Idempotency-Key</c> header (for an API that wants another format) sends that value instead.</para>
/// <para>The response body is streamed and never held beyond <c>max-response-bytes</c>. A <c>headers</c> or
/// <c>query</c> value that renders to null is left out of the request, and a <c>body</c> that renders to null sends no body.</para>
/// <para>Error messages name the method and URL (without user info), masked with <see cref="StepContext.Mask"/>.
/// Nothing is logged: headers and bodies can hold secrets.</para>
/// </remarks>
public sealed class HttpStepExecutor : IStepExecutor
{
    private const int ErrorBodyBytes = 1024;

    private readonly HttpClient _httpClient;

    /// <summary>Creates the executor over a client such as <see cref="CreateDefaultHttpClient"/>; the client's timeout should be infinite, since the step's <c>timeout</c> governs.</summary>
    public HttpStepExecutor(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _httpClient = httpClient;
    }

    /// <inheritdoc/>
    public string Kind => "http";

    /// <summary>
    /// Creates the client Baton uses by default: pooled connections renewed every 2 minutes, a 10 s connect timeout,
    /// automatic decompression, no cookies, at most 5 redirects, and no overall timeout (the step's <c>timeout</c> governs).
    /// </summary>
    public static HttpClient CreateDefaultHttpClient()
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = DecompressionMethods.All,
            UseCookies = false,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <inheritdoc/>
    public async ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var config = HttpStepConfig.Parse(context.Config);
            return await SendAsync(config, context.IdempotencyKey, cancellationToken).ConfigureAwait(false);
        }
        catch (StepFailedException ex)
        {
            return StepOutcome.Failed(new ErrorInfo(ex.Code, context.Mask(ex.Message)) { Retryable = ex.Retryable, Details = MaskDetails(ex.Details, context) });
        }
    }

    private async Task<StepOutcome> SendAsync(HttpStepConfig config, string idempotencyKey, CancellationToken cancellationToken)
    {
        var target = $"{config.Method} {config.Url.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped)}";
        using var request = HttpRequestFactory.Create(config, idempotencyKey);
        try
        {
            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (!config.Expect.Accepts(status))
            {
                var (prefix, _) = await HttpResponseBody.ReadAsync(response.Content, ErrorBodyBytes, cancellationToken).ConfigureAwait(false);
                throw StatusError(target, response, config.Expect, Utf8Text.DecodePrefix(prefix));
            }

            if (response.Content.Headers.ContentLength > config.MaxResponseBytes)
            {
                throw TooLarge(target, config.MaxResponseBytes);
            }

            var (body, exceeded) = await HttpResponseBody.ReadAsync(response.Content, config.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
            if (exceeded)
            {
                throw TooLarge(target, config.MaxResponseBytes);
            }

            return StepOutcome.Completed(new JsonObject
            {
                ["status"] = status,
                ["headers"] = HttpResponseBody.ReadHeaders(response),
                ["body"] = HttpResponseBody.ToOutput(body, response.Content.Headers),
            });
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new StepFailedException(ErrorCodes.HttpConnection, $"{target} failed: {ex.Message}", retryable: true);
        }
        catch (InvalidDataException ex)
        {
            // The Content-Encoding (gzip, deflate, br) promises a compression the body does not have.
            throw new StepFailedException(ErrorCodes.HttpConnection, $"{target} failed: the body cannot be decompressed as its Content-Encoding says ({ex.Message})", retryable: true);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Not our token: a handler-level timeout, such as the connect timeout.
            throw new StepFailedException(ErrorCodes.HttpConnection, $"{target} failed: the connection timed out.", retryable: true);
        }
    }

    private static StepFailedException StatusError(string target, HttpResponseMessage response, HttpStatusExpectation expect, string bodyPrefix)
    {
        var status = (int)response.StatusCode;
        var reason = string.IsNullOrEmpty(response.ReasonPhrase) ? "" : $" ({response.ReasonPhrase})";
        var retryable = status is 408 or 425 or 429 or >= 500 and <= 599;
        return new StepFailedException(
            ErrorCodes.HttpStatusPrefix + status.ToString(CultureInfo.InvariantCulture),
            $"{target} returned HTTP {status}{reason}; the step expects {expect}.",
            retryable,
            new JsonObject { ["status"] = status, ["body"] = bodyPrefix });
    }

    private static StepFailedException TooLarge(string target, int limit) => new(
        ErrorCodes.HttpResponseTooLarge,
        $"{target} returned a body larger than {limit} bytes; raise http.max-response-bytes if the step needs all of it.",
        retryable: false);

    private static JsonNode? MaskDetails(JsonNode? details, StepContext context)
    {
        if (details is JsonObject { } obj && obj["body"] is JsonValue body && body.TryGetValue<string>(out var text))
        {
            obj["body"] = context.Mask(text);
        }

        return details;
    }
}
