using System.Text.Json.Nodes;
using Baton.AI.Models;
using Baton.AI.Structured;
using Baton.AI.Usage;
using Baton.Steps;
using Microsoft.Extensions.AI;

namespace Baton.AI.Steps;

/// <summary>The <c>llm</c> step: one model call (and its repairs), with an optional validated structured output.</summary>
internal sealed class LlmStepExecutor(AIRuntime runtime) : IStepExecutor
{
    public string Kind => "llm";

    public JsonObject? ConfigSchema { get; } = AIStepSchemas.Llm(runtime.Providers.ProviderNames);

    public async ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var config = LlmConfig.ParseLlm(context.Config);
        if (config.Choices is not null)
        {
            return await Classifier.ClassifyAsync(runtime, context, config, cancellationToken).ConfigureAwait(false);
        }

        ModelSession session;
        try
        {
            session = Sessions.Open(runtime, context, config.Model);
        }
        catch (ModelConfigurationException ex)
        {
            return ModelSession.Failure(ex);
        }

        var messages = new List<ChatMessage>();
        if (config.System is { Length: > 0 } system)
        {
            messages.Add(new ChatMessage(ChatRole.System, system));
        }

        messages.Add(new ChatMessage(ChatRole.User, config.Prompt));
        var options = new ChatOptions
        {
            Temperature = (float?)(config.Temperature ?? session.Settings.Temperature),
            MaxOutputTokens = config.MaxTokens ?? session.Settings.MaxOutputTokens,
        };

        try
        {
            var result = await StructuredOutput.GetAsync(
                (name, conversation, callOptions, ct) => session.CallAsync(name, ModelCallRecord.LlmCallKind, conversation, callOptions, ct),
                messages, options, config.OutputSchema, config.Repairs, cancellationToken).ConfigureAwait(false);
            return StepOutcome.Completed(session.Describe(new JsonObject
            {
                ["value"] = result.Value?.DeepClone(),
                ["text"] = result.Text,
                ["repairs"] = result.Repairs,
            }));
        }
        catch (ModelCallException ex)
        {
            return ModelSession.Failure(ex);
        }
        catch (ModelConfigurationException ex)
        {
            return ModelSession.Failure(ex);
        }
    }
}
