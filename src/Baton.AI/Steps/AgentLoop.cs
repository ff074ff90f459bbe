using System.Text.Json.Nodes;
using Baton.AI.Models;
using Baton.AI.Tools;
using Baton.AI.Usage;
using Baton.Steps;
using Microsoft.Extensions.AI;

namespace Baton.AI.Steps;

/// <summary>One attempt of an agent: turns of the model, each followed by the tool calls it asked for, until it answers.</summary>
internal sealed class AgentLoop(AgentConfig config, ModelSession session, AgentToolbox toolbox, StepContext context, AgentClock clock)
{
    private readonly JsonArray _toolCalls = [];

    public async Task<StepOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var conversation = new List<ChatMessage>
        {
            new(ChatRole.System, SystemPrompt()),
            new(ChatRole.User, config.Goal),
        };
        var options = new ChatOptions
        {
            Temperature = (float?)(config.Temperature ?? session.Settings.Temperature),
            MaxOutputTokens = config.MaxTokens ?? session.Settings.MaxOutputTokens,
            Tools = [.. toolbox.Tools.Select(t => AIFunctionFactory.CreateDeclaration(t.Name, t.Description, t.ParametersSchema))],
        };

        for (var turn = 1; turn <= config.MaxIterations; turn++)
        {
            if (OverBudget() is { } breach)
            {
                return breach;
            }

            ChatResponse reply;
            using (var deadline = clock.Within(config.TimeBudget, cancellationToken))
            {
                try
                {
                    reply = await session.CallAsync($"turn-{turn}", ModelCallRecord.AgentTurnKind, conversation, options, deadline.Token).ConfigureAwait(false);
                }
                catch (Exception) when (deadline.Expired)
                {
                    return TimeBreach($", during model turn {turn}");
                }
            }

            conversation.AddRange(reply.Messages);
            if (OverBudget() is { } afterTurn)
            {
                return afterTurn;
            }

            var calls = reply.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
            if (calls.Count == 0)
            {
                return StepOutcome.Completed(session.Describe(new JsonObject
                {
                    ["answer"] = reply.Text,
                    ["turns"] = turn,
                    ["toolCalls"] = _toolCalls.DeepClone(),
                }));
            }

            var results = new List<AIContent>();
            for (var i = 0; i < calls.Count; i++)
            {
                if (OverBudget() is { } beforeTool)
                {
                    return beforeTool;
                }

                using var deadline = clock.Within(config.TimeBudget, cancellationToken);
                try
                {
                    results.Add(await CallToolAsync(turn, i + 1, calls[i], deadline.Token).ConfigureAwait(false));
                }
                catch (Exception) when (deadline.Expired)
                {
                    return TimeBreach($", during its call of the tool '{calls[i].Name}'");
                }
            }

            conversation.Add(new ChatMessage(ChatRole.Tool, results));
        }

        return StepOutcome.Failed(AIErrorCodes.AgentMaxIterations,
            $"The agent used all {config.MaxIterations} turns without a final answer. Raise agent.max-iterations, or narrow the goal.", retryable: false);
    }

    /// <summary>Runs one tool call the model asked for, or refuses it, and records the outcome as a journal entry.</summary>
    private async Task<FunctionResultContent> CallToolAsync(int turn, int index, FunctionCallContent call, CancellationToken cancellationToken)
    {
        var name = $"tool-{turn}.{index}-{Sanitize(call.Name)}";
        var path = $"{context.Path}/{name}";
        var entry = await context.RunOnceAsync(name, "tool.call", async ct =>
        {
            var arguments = JsonValues.ToNode(call.Arguments) as JsonObject ?? [];
            if (!toolbox.TryGet(call.Name, out var tool))
            {
                var refusal = $"The tool '{call.Name}' is not on this agent's allow-list; it was not run. Available tools: {string.Join(", ", toolbox.Tools.Select(t => t.Name))}.";
                return new JournalEntry(Record(call, arguments, isError: true, null, AIErrorCodes.ToolNotAllowed, refusal), new ErrorInfo(AIErrorCodes.ToolNotAllowed, refusal) { Retryable = false });
            }

            var result = await tool.InvokeAsync(arguments, new ToolInvocation { Step = context, CallId = call.CallId, Path = path }, ct).ConfigureAwait(false);
            var recorded = Record(call, arguments, result.IsError, result.Content, result.ErrorCode, result.Message);
            return result.IsError
                ? new JournalEntry(recorded, new ErrorInfo(result.ErrorCode ?? AIErrorCodes.ToolFailed, result.Message ?? "The tool failed."))
                : new JournalEntry(recorded);
        }, cancellationToken).ConfigureAwait(false);

        var outcome = entry.Output as JsonObject ?? [];
        clock.CatchUp(outcome);
        _toolCalls.Add(new JsonObject
        {
            ["name"] = call.Name,
            ["callId"] = call.CallId,
            ["ok"] = entry.IsSuccess,
            ["code"] = entry.Error?.Code,
        });
        JsonNode? forModel = entry.IsSuccess
            ? outcome["content"]?.DeepClone()
            : new JsonObject { ["error"] = entry.Error!.Code, ["message"] = entry.Error.Message, ["content"] = outcome["content"]?.DeepClone() };
        return new FunctionResultContent(call.CallId, JsonValues.ToText(forModel));
    }

    private JsonObject Record(FunctionCallContent call, JsonObject arguments, bool isError, JsonNode? content, string? code, string? message)
    {
        var recorded = new JsonObject
        {
            ["tool"] = call.Name,
            ["callId"] = call.CallId,
            ["arguments"] = arguments.DeepClone(),
            ["isError"] = isError,
            ["content"] = content?.DeepClone(),
            ["code"] = code,
            ["message"] = message,
        };
        clock.Stamp(recorded);
        return recorded;
    }

    private StepOutcome? OverBudget()
    {
        if (config.TokenBudget is { } tokens && session.TotalTokens > tokens)
        {
            return Breach($"{session.TotalTokens} tokens, over its budget of {tokens}", "");
        }

        if (config.UsdBudget is { } usd && session.CostUsd is { } cost && cost > usd)
        {
            return Breach($"{UsdText.Format(cost)}, over its budget of {UsdText.Format(usd)}", "");
        }

        return config.TimeBudget is { } limit && clock.Spent >= limit ? TimeBreach("") : null;
    }

    private StepOutcome TimeBreach(string when)
        => Breach($"{clock.Spent.TotalSeconds:0.0} s, over its budget of {Definitions.Duration.Format(config.TimeBudget!.Value)}", when);

    /// <param name="what">What was used, against the budget.</param>
    /// <param name="when">Empty, or ", during ..." for work the budget cut short.</param>
    private StepOutcome Breach(string what, string when)
        => StepOutcome.Failed(AIErrorCodes.BudgetExceeded, $"The agent used {what}; it was stopped after {session.Calls} model turn(s){when}.", retryable: false,
            details: session.Describe(new JsonObject { ["toolCalls"] = _toolCalls.DeepClone() }));

    private string SystemPrompt()
    {
        var prompt = "You are an agent working inside one step of a governed workflow. Pursue the user's goal. Use the tools when you need facts or actions; "
            + "when the goal is met, reply with the final result and call no tool.";
        return config.Instructions is { Length: > 0 } extra ? $"{prompt}\n\n{extra}" : prompt;
    }

    private static string Sanitize(string name) => new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_').Take(64)]);
}
