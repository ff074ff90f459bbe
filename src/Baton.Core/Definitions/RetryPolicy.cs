namespace Baton.Definitions;

/// <summary>How a failed step attempt is retried.</summary>
public sealed record RetryPolicy
{
    /// <summary>The total number of attempts, the first included. Default 1 (no retry).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>How the delay grows between attempts. Default exponential.</summary>
    public BackoffKind Backoff { get; init; } = BackoffKind.Exponential;

    /// <summary>The delay before the second attempt. Default 1 second.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The cap on any one delay. Default: no cap.</summary>
    public TimeSpan? MaxDelay { get; init; }

    /// <summary>The fraction (0 to 1) of each delay that is randomized, to spread retries out. Default 0.</summary>
    public double Jitter { get; init; }

    /// <summary>
    /// The error codes to retry, such as <c>timeout</c> or <c>http.status.5xx</c>; a trailing <c>*</c> matches a prefix.
    /// Null retries every error that can succeed on a retry (see <see cref="Baton.Steps.ErrorInfo.Retryable"/>).
    /// </summary>
    public IReadOnlyList<string>? On { get; init; }

    /// <summary>The delay before attempt <paramref name="nextAttempt"/> (2 for the first retry).</summary>
    /// <param name="nextAttempt">The attempt about to be made; at least 2.</param>
    /// <param name="random">A value in [0, 1) that drives the jitter.</param>
    public TimeSpan GetDelay(int nextAttempt, double random)
    {
        var retry = Math.Max(1, nextAttempt - 1);
        var ms = Backoff == BackoffKind.Exponential
            ? Delay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30))
            : Delay.TotalMilliseconds;
        if (MaxDelay is { } max)
        {
            ms = Math.Min(ms, max.TotalMilliseconds);
        }

        ms = Math.Min(ms, Duration.Max.TotalMilliseconds);
        if (Jitter > 0)
        {
            ms *= 1 - (Jitter * random);
        }

        return TimeSpan.FromMilliseconds(Math.Max(0, ms));
    }

    /// <summary>Whether an error with this code should be retried under this policy.</summary>
    public bool Matches(string code, bool retryable)
    {
        if (On is null)
        {
            return retryable;
        }

        foreach (var pattern in On)
        {
            if (pattern.EndsWith('*')
                ? code.StartsWith(pattern[..^1], StringComparison.Ordinal)
                : string.Equals(code, pattern, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

public enum BackoffKind
{
    Fixed = 1,
    Exponential = 2,
}
