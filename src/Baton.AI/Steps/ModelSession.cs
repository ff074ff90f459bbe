using System.Text.Json.Nodes;
using Baton.AI.Models;
using Baton.AI.Usage;
using Baton.Steps;
using Microsoft.Extensions.AI;

namespace Baton.AI.Steps;

/// <summary>
/// The model calls of one step attempt: each is journaled (so a crash never sends or pays for it twice), and their
/// usage, cost and latency are summed for the step's output.
/// </summary>
internal sealed class ModelSession(StepContext context, IChatClient client, ModelSettings settings, TimeProvider time)
{
    private long _inputTokens;
    private long _outputTokens;
    private double _latencyMs;

    public ModelSettings Settings => settings;

    public int Calls { get; private set; }

    public ChatResponse? Last { get; private set; }

    public long TotalTokens => _inputTokens + _outputTokens;

    public decimal? CostUsd => settings.Price?.Cost(_inputTokens, _outputTokens);

    public bool IsScripted => settings.Model.Provider == "scripted";

    /// <summary>For an agent: the clock of its time budget, which each call records and a replayed call moves forward.</summary>
    public AgentClock? Clock { get; set; }

    /// <summary>Makes (or, after a crash, replays) one call, recorded as the journal entry <paramref name="name"/>.</summary>
    /// <remarks>
    /// The entry's commit is deferred: only parsing follows a model call until the step's next journaled work (a tool
    /// call, another turn) or its outcome, and the engine makes the entry durable before either.
    /// </remarks>
    /// <exception cref="ModelCallException">The call failed; nothing was recorded, so a retry calls again.</exception>
    public async Task<ChatResponse> CallAsync(string name, string kind, IReadOnlyList<ChatMessage> messages, ChatOptions options, CancellationToken cancellationToken)
    {
        var entry = await context.RunOnceAsync(name, kind, async ct =>
        {
            var started = time.GetTimestamp();
            var response = await client.GetResponseAsync(messages, options, ct).ConfigureAwait(false);
            var json = ChatResponseJson.ToJson(response);
            json["latencyMs"] = Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 1);
            ModelCallRecord.Stamp(json, settings, response.Usage);
            Clock?.Stamp(json);
            var note = IsScripted
                ? $"Scripted response from {settings.ScriptPath ?? settings.Model.ToString()}: no model was called."
                : null;
            return new JournalEntry(json, Note: note);
        }, JournalCommit.Deferred, cancellationToken).ConfigureAwait(false);

        var recorded = entry.Output ?? throw new ModelCallException(AIErrorCodes.MalformedResponse, $"The recorded call '{name}' has no response.", retryable: false);
        var reply = ChatResponseJson.FromJson(recorded);
        Clock?.CatchUp(recorded);
        Calls++;
        Last = reply;
        _inputTokens += reply.Usage?.InputTokenCount ?? 0;
        _outputTokens += reply.Usage?.OutputTokenCount ?? 0;
        _latencyMs += recorded["latencyMs"]?.GetValue<double>() ?? 0;
        return reply;
    }

    /// <summary>The fields every AI step's output has: usage, cost, model, provider, ids, finish reason, latency.</summary>
    public JsonObject Describe(JsonObject output)
    {
        output["usage"] = new JsonObject { ["inputTokens"] = _inputTokens, ["outputTokens"] = _outputTokens };
        output["costUsd"] = CostUsd is { } cost ? JsonValue.Create(Math.Round(cost, 6)) : null;
        output["model"] = Last?.ModelId ?? settings.Model.Model;
        output["provider"] = settings.Model.Provider;
        output["responseId"] = Last?.ResponseId;
        output["finishReason"] = Last?.FinishReason?.Value;
        output["latencyMs"] = Math.Round(_latencyMs, 1);
        output["calls"] = Calls;
        if (IsScripted)
        {
            output["scripted"] = true;
        }

        return output;
    }

    public static StepOutcome Failure(ModelCallException error)
        => StepOutcome.Failed(error.Code, error.Message, error.IsTransient);

    public static StepOutcome Failure(ModelConfigurationException error)
        => StepOutcome.Failed(AIErrorCodes.Configuration, error.Message, retryable: false);
}
