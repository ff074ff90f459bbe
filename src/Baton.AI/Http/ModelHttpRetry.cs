using System.Globalization;
using System.Net;
using Polly;

namespace Baton.AI.Http;

/// <summary>What the pipeline retries, and how long the provider asked it to wait.</summary>
internal static class ModelHttpRetry
{
    public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>Longer waits are left to the step's own retry policy, which waits durably rather than holding a call open.</summary>
    public static readonly TimeSpan MaxServerDelay = TimeSpan.FromMinutes(2);

    public static bool IsRetryableStatus(HttpStatusCode status) => (int)status is 408 or 429 or >= 500 and <= 599;

    /// <summary>A failure to reach the provider or to read its answer; a timeout of our own is a <c>ModelCallException</c> by then.</summary>
    public static bool IsConnectionError(Exception exception, CancellationToken callerToken) => exception switch
    {
        HttpRequestException or IOException => true,
        OperationCanceledException => !callerToken.IsCancellationRequested,
        _ => false,
    };

    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeProvider timeProvider, CancellationToken callerToken)
    {
        if (outcome.Exception is { } exception)
        {
            return IsConnectionError(exception, callerToken);
        }

        return outcome.Result is { } response
            && IsRetryableStatus(response.StatusCode)
            && !(RequestedDelay(response, timeProvider) > MaxServerDelay);
    }

    public static TimeSpan? ServerDelay(Outcome<HttpResponseMessage> outcome, TimeProvider timeProvider)
        => outcome.Result is { } response ? RequestedDelay(response, timeProvider) : null;

    /// <summary>The wait the response asks for: <c>retry-after-ms</c>, else <c>Retry-After</c> as seconds or an HTTP date; null when it asks for none.</summary>
    public static TimeSpan? RequestedDelay(HttpResponseMessage response, TimeProvider timeProvider)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds)
            && milliseconds >= 0 && milliseconds < int.MaxValue)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
