using System.Net;
using Baton.AI.Models;

namespace Baton.AI.Http;

/// <summary>Makes the <see cref="HttpClient"/> that every model provider sends its calls through.</summary>
/// <remarks>
/// <para>Each request made with the client is sent with:</para>
/// <list type="bullet">
/// <item>retries on 408, 429, 5xx and connection errors, up to <see cref="ModelSettings.MaxRetries"/>, with exponential
/// backoff and jitter (1 s median first delay, at most 30 s), honouring <c>Retry-After</c> (delta seconds or an HTTP date)
/// and <c>retry-after-ms</c>; a provider that asks for more than 2 minutes is not retried within the call;</item>
/// <item>a concurrency limit of <see cref="ModelSettings.MaxConcurrency"/> calls in flight, shared by every client for the
/// same provider, base URL and limit; a call waiting for a slot does not use up its timeout;</item>
/// <item>a timeout of <see cref="ModelSettings.CallTimeout"/> per attempt (<see cref="Timeout.InfiniteTimeSpan"/> for none),
/// measured by the given <see cref="TimeProvider"/> and not retried.</item>
/// </list>
/// <para>Request bodies are buffered for the length of the call, so that retries can resend them. Responses are buffered
/// (at most 32 MiB) before they are returned.</para>
/// <para>Failures are thrown as <see cref="ModelCallException"/>: <see cref="AIErrorCodes.Unavailable"/> when retries are
/// exhausted, <see cref="AIErrorCodes.Rejected"/> for other non-success statuses (with the provider's own error message,
/// truncated), <see cref="AIErrorCodes.CallTimeout"/> for a timeout. Messages name the provider, model and status, never a
/// header, a key or a prompt. Cancellation by the caller's token is thrown as <see cref="OperationCanceledException"/>.</para>
/// </remarks>
public static class ModelHttp
{
    // One connection pool for every model client: clients are cheap and may be made per call.
    private static readonly SocketsHttpHandler SharedSockets = new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AutomaticDecompression = DecompressionMethods.All,
        UseCookies = false,
    };

    /// <summary>Makes a client for one provider's calls to the model in <paramref name="settings"/>.</summary>
    /// <param name="settings">The model's settings; <see cref="ModelSettings.BaseUrl"/> should be the endpoint actually used, since it keys the concurrency limit.</param>
    /// <param name="providerName">The provider's name, for messages and the concurrency limit.</param>
    /// <param name="timeProvider">The clock for timeouts and retry delays.</param>
    /// <exception cref="ModelConfigurationException">A limit in <paramref name="settings"/> is out of range.</exception>
    public static HttpClient CreateClient(ModelSettings settings, string providerName, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Validate(settings, providerName);
        var handler = new ModelHttpHandler(settings, providerName, timeProvider) { InnerHandler = SharedSockets };

        // The handler holds nothing to dispose, and disposing it would dispose the shared pool.
        return new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>
    /// The longest a call through the pipeline can take: every attempt at its timeout, with the longest wait a provider may
    /// ask for between them; infinite when calls have no timeout. An SDK's own timeout, which spans the whole call, must not be shorter.
    /// </summary>
    internal static TimeSpan LongestCall(ModelSettings settings)
    {
        if (settings.CallTimeout == Timeout.InfiniteTimeSpan)
        {
            return Timeout.InfiniteTimeSpan;
        }

        var attempts = settings.MaxRetries + 1;
        return (settings.CallTimeout * attempts) + (ModelHttpRetry.MaxServerDelay * settings.MaxRetries) + TimeSpan.FromMinutes(1);
    }

    private static void Validate(ModelSettings settings, string provider)
    {
        if (settings.MaxConcurrency < 1)
        {
            throw new ModelConfigurationException(
                $"providers.{provider}.max-concurrency must be at least 1; it is {settings.MaxConcurrency}.");
        }

        if (settings.MaxRetries < 0)
        {
            throw new ModelConfigurationException(
                $"providers.{provider}.max-retries must be 0 or more; it is {settings.MaxRetries}.");
        }

        if (settings.CallTimeout <= TimeSpan.Zero && settings.CallTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ModelConfigurationException(
                $"providers.{provider}.timeout must be positive; it is {settings.CallTimeout}.");
        }
    }
}
