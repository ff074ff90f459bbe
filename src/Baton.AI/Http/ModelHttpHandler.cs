using Baton.AI.Models;
using Polly;
using Polly.Retry;

namespace Baton.AI.Http;

/// <summary>Sends a model call: a concurrency slot, a timeout and buffering per attempt, retries around the attempts, and failures as <see cref="ModelCallException"/>.</summary>
internal sealed class ModelHttpHandler : DelegatingHandler
{
    internal const long MaxResponseBytes = 32 * 1024 * 1024;

    private readonly ModelSettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly ModelConcurrencyLimit _limit;
    private readonly ModelCallErrors _errors;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public ModelHttpHandler(ModelSettings settings, string provider, TimeProvider timeProvider)
    {
        _settings = settings;
        _timeProvider = timeProvider;
        _limit = ModelConcurrencyLimit.For(provider, settings.BaseUrl, settings.MaxConcurrency);
        _errors = new ModelCallErrors(provider, settings);
        _pipeline = BuildPipeline(settings.MaxRetries, timeProvider);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            // A retry resends the same message, so its body must be readable more than once.
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        var secrets = ModelCallErrors.SecretsOf(request);
        var attempts = 0;
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    return await SendOnceAsync(request, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ModelHttpRetry.IsConnectionError(ex, cancellationToken))
        {
            throw _errors.Unreachable(request.RequestUri, ex, attempts, secrets);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await _errors.FromStatusAsync(response, attempts, secrets, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await _limit.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var timeout = _settings.CallTimeout == Timeout.InfiniteTimeSpan
                ? null
                : new CancellationTokenSource(_settings.CallTimeout, _timeProvider);
            using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var token = linked?.Token ?? cancellationToken;
            HttpResponseMessage? response = null;
            try
            {
                response = await base.SendAsync(request, token).ConfigureAwait(false);
                await response.Content.LoadIntoBufferAsync(MaxResponseBytes, token).ConfigureAwait(false);
                return response;
            }
            catch (OperationCanceledException ex) when (timeout?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
            {
                response?.Dispose();
                throw _errors.Timeout(ex);
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded)
            {
                response?.Dispose();
                throw _errors.TooLarge(MaxResponseBytes, ex);
            }
            catch
            {
                response?.Dispose();
                throw;
            }
        }
        finally
        {
            _limit.Release();
        }
    }

    private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(int maxRetries, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (maxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = ModelHttpRetry.BaseDelay,
                MaxDelay = ModelHttpRetry.MaxBackoff,
                ShouldHandle = args => ValueTask.FromResult(ModelHttpRetry.ShouldRetry(args.Outcome, timeProvider, args.Context.CancellationToken)),
                DelayGenerator = args => ValueTask.FromResult(ModelHttpRetry.ServerDelay(args.Outcome, timeProvider)),
            });
        }

        return builder.Build();
    }
}
