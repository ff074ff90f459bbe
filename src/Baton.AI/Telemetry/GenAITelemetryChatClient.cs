using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Baton.AI.Models;
using Microsoft.Extensions.AI;

namespace Baton.AI.Telemetry;

/// <summary>
/// Wraps a provider's client with a <c>chat {model}</c> span and the GenAI client metrics, and stamps the provider name on
/// responses that lack it.
/// </summary>
internal sealed class GenAITelemetryChatClient : DelegatingChatClient
{
    private readonly ModelSettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly bool _captureContent;
    private readonly Func<string, string> _mask;

    /// <param name="mask">Masks secrets (keys, secret values) in the prompts and answers that <paramref name="captureContent"/> puts on spans.</param>
    public GenAITelemetryChatClient(IChatClient inner, ModelSettings settings, TimeProvider timeProvider, bool captureContent, Func<string, string>? mask = null)
        : base(inner)
    {
        _settings = settings;
        _timeProvider = timeProvider;
        _captureContent = captureContent;
        _mask = mask ?? (text => text);
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        using var activity = Start(list, options);
        var started = _timeProvider.GetTimestamp();
        try
        {
            var response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
            Complete(activity, response, options, started);
            return response;
        }
        catch (Exception ex)
        {
            Fail(activity, ex, options, started);
            throw;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        using var activity = Start(list, options);
        var started = _timeProvider.GetTimestamp();
        var updates = new List<ChatResponseUpdate>();
        await using var enumerator = base.GetStreamingResponseAsync(list, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            ChatResponseUpdate update;
            try
            {
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    break;
                }

                update = enumerator.Current;
            }
            catch (Exception ex)
            {
                Fail(activity, ex, options, started);
                throw;
            }

            updates.Add(update);
            yield return update;
        }

        Complete(activity, updates.ToChatResponse(), options, started);
    }

    private string RequestModel(ChatOptions? options) => options?.ModelId ?? _settings.Model.Model;

    private Activity? Start(IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        var model = RequestModel(options);
        var activity = AITelemetry.Source.StartActivity($"{GenAIAttributes.ChatOperation} {model}", ActivityKind.Client);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag(GenAIAttributes.OperationName, GenAIAttributes.ChatOperation);
        activity.SetTag(GenAIAttributes.ProviderName, _settings.Model.Provider);
        activity.SetTag(GenAIAttributes.RequestModel, model);
        // float to double via text: 0.2f should read 0.2 on the span, not 0.20000000298023224.
        var temperature = options?.Temperature is { } requested
            ? double.Parse(requested.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : _settings.Temperature;
        if (temperature is not null)
        {
            activity.SetTag(GenAIAttributes.RequestTemperature, temperature.Value);
        }

        if ((options?.MaxOutputTokens ?? _settings.MaxOutputTokens) is { } maxTokens)
        {
            activity.SetTag(GenAIAttributes.RequestMaxTokens, maxTokens);
        }

        if (_captureContent && activity.IsAllDataRequested)
        {
            if (options?.Instructions is { } instructions)
            {
                activity.SetTag(GenAIAttributes.SystemInstructions, _mask(instructions));
            }

            activity.SetTag(GenAIAttributes.InputMessages, _mask(GenAIMessages.Input(messages)));
        }

        return activity;
    }

    private void Complete(Activity? activity, ChatResponse response, ChatOptions? options, long started)
    {
        response.AdditionalProperties ??= [];
        response.AdditionalProperties.TryAdd(AIChatKeys.Provider, _settings.Model.Provider);
        var usage = response.Usage;
        Measure(options, started, response.ModelId, errorType: null, usage);
        if (activity is null)
        {
            return;
        }

        activity.SetTag(GenAIAttributes.ResponseModel, response.ModelId);
        activity.SetTag(GenAIAttributes.ResponseId, response.ResponseId);
        activity.SetTag(GenAIAttributes.UsageInputTokens, usage?.InputTokenCount);
        activity.SetTag(GenAIAttributes.UsageOutputTokens, usage?.OutputTokenCount);
        if (response.FinishReason is { } finishReason)
        {
            activity.SetTag(GenAIAttributes.ResponseFinishReasons, new[] { finishReason.Value });
        }

        if (_captureContent && activity.IsAllDataRequested)
        {
            activity.SetTag(GenAIAttributes.OutputMessages, _mask(GenAIMessages.Output(response)));
        }
    }

    private void Fail(Activity? activity, Exception exception, ChatOptions? options, long started)
    {
        AITelemetry.RecordError(activity, exception);
        Measure(options, started, responseModel: null, AITelemetry.ErrorType(exception), usage: null);
    }

    private void Measure(ChatOptions? options, long started, string? responseModel, string? errorType, UsageDetails? usage)
    {
        var tags = new TagList
        {
            { GenAIAttributes.OperationName, GenAIAttributes.ChatOperation },
            { GenAIAttributes.ProviderName, _settings.Model.Provider },
            { GenAIAttributes.RequestModel, RequestModel(options) },
        };
        if (responseModel is not null)
        {
            tags.Add(GenAIAttributes.ResponseModel, responseModel);
        }

        if (errorType is not null)
        {
            tags.Add(GenAIAttributes.ErrorType, errorType);
        }

        AITelemetry.OperationDuration.Record(_timeProvider.GetElapsedTime(started).TotalSeconds, tags);
        if (usage?.InputTokenCount is { } input)
        {
            var inputTags = tags;
            inputTags.Add(GenAIAttributes.TokenType, "input");
            AITelemetry.TokenUsage.Record(input, inputTags);
        }

        if (usage?.OutputTokenCount is { } output)
        {
            var outputTags = tags;
            outputTags.Add(GenAIAttributes.TokenType, "output");
            AITelemetry.TokenUsage.Record(output, outputTags);
        }
    }
}
