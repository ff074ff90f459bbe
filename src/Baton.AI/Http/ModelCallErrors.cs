using System.Globalization;
using System.Net;
using System.Runtime.ExceptionServices;
using Baton.AI.Models;

namespace Baton.AI.Http;

/// <summary>The <see cref="ModelCallException"/>s of one provider's calls to one model: messages name the provider, model and status, never a key, a header or a prompt.</summary>
internal sealed class ModelCallErrors(string provider, ModelSettings settings)
{
    private static readonly string[] SecretHeaders = ["Authorization", "x-api-key", "api-key"];

    private string Model => settings.Model.ToString();

    public ModelCallException Timeout(Exception inner) => new(
        AIErrorCodes.CallTimeout,
        $"The call to {Model} did not finish within {Seconds(settings.CallTimeout)}; raise providers.{provider}.timeout if the model needs longer.",
        retryable: true,
        inner);

    public ModelCallException TooLarge(long limit, Exception inner) => new(
        AIErrorCodes.MalformedResponse,
        $"{provider} answered the call to {Model} with a body larger than {limit / (1024 * 1024)} MiB.",
        retryable: true,
        inner);

    public ModelCallException Unreachable(Uri? endpoint, Exception inner, int attempts, IReadOnlyList<string> secrets) => new(
        AIErrorCodes.Unavailable,
        Redact($"{provider} could not be reached for {Model} at {Endpoint(endpoint)} after {Attempts(attempts)}: {inner.Message}", secrets),
        retryable: true,
        inner);

    public async Task<ModelCallException> FromStatusAsync(
        HttpResponseMessage response, int attempts, IReadOnlyList<string> secrets, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var said = ProviderErrorText.Extract(body);
        var status = Status(response);
        var detail = said.Length == 0 ? "." : $": {said}";
        if (ModelHttpRetry.IsRetryableStatus(response.StatusCode))
        {
            var delay = ModelHttpRetry.RequestedDelay(response, timeProvider);
            var why = delay > ModelHttpRetry.MaxServerDelay
                ? $"asked to wait {Seconds(delay.Value)} before retrying, longer than a call waits ({Seconds(ModelHttpRetry.MaxServerDelay)})"
                : $"after {Attempts(attempts)}";
            return new ModelCallException(
                AIErrorCodes.Unavailable,
                Redact($"{provider} is unavailable for {Model}: {status} {why}{detail}", secrets),
                retryable: true);
        }

        var hint = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? $" Check the API key {(settings.ApiKeyVariable is { } variable ? $"in {variable}" : "for the provider")}."
            : "";
        return new ModelCallException(
            AIErrorCodes.Rejected,
            Redact($"{provider} rejected the call to {Model} with {status}{detail}{hint}", secrets),
            retryable: false);
    }

    /// <summary>The answer could not be understood; <paramref name="detail"/> says what was wrong, without quoting the answer.</summary>
    public static ModelCallException Malformed(string provider, ModelReference model, string detail, Exception? inner = null) => new(
        AIErrorCodes.MalformedResponse,
        $"{provider} answered the call to {model} with a response that cannot be read: {detail}",
        retryable: true,
        inner);

    /// <summary>A <see cref="ModelCallException"/> that an SDK wrapped on its way out, so that callers see the pipeline's own.</summary>
    public static ModelCallException? Find(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is ModelCallException found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Throws the <see cref="ModelCallException"/> inside <paramref name="exception"/>, with its own stack trace.</summary>
    public static void ThrowIfWrapped(Exception exception)
    {
        if (Find(exception) is { } found && !ReferenceEquals(found, exception))
        {
            ExceptionDispatchInfo.Capture(found).Throw();
        }
    }

    /// <summary>The credentials a request carries, so that no message can repeat them, even when a provider quotes them back.</summary>
    public static IReadOnlyList<string> SecretsOf(HttpRequestMessage request)
    {
        var secrets = new List<string>();
        foreach (var name in SecretHeaders)
        {
            if (!request.Headers.TryGetValues(name, out var values))
            {
                continue;
            }

            foreach (var value in values)
            {
                var space = value.IndexOf(' ', StringComparison.Ordinal);
                var secret = name == "Authorization" && space > 0 ? value[(space + 1)..].Trim() : value.Trim();
                if (secret.Length >= 4)
                {
                    secrets.Add(secret);
                }
            }
        }

        return secrets;
    }

    private static string Redact(string message, IReadOnlyList<string> secrets)
    {
        foreach (var secret in secrets)
        {
            message = message.Replace(secret, "***", StringComparison.Ordinal);
        }

        return message;
    }

    private static string Status(HttpResponseMessage response)
    {
        var code = (int)response.StatusCode;
        return string.IsNullOrEmpty(response.ReasonPhrase) ? $"HTTP {code}" : $"HTTP {code} ({response.ReasonPhrase})";
    }

    private static string Attempts(int attempts) => attempts == 1 ? "1 attempt" : $"{attempts} attempts";

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";

    private static string Endpoint(Uri? uri) => uri is null ? "(no address)" : $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}";
}
