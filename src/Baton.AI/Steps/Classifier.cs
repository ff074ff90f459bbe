using System.Text.Json.Nodes;
using Baton.AI.Models;
using Baton.AI.Structured;
using Baton.AI.Usage;
using Baton.Steps;
using Microsoft.Extensions.AI;

namespace Baton.AI.Steps;

/// <summary>
/// Picks one label and says how sure it is: from token log-probabilities when the provider gives them (the model
/// answers with the label alone), otherwise from a validated structured answer that carries the model's own estimate.
/// </summary>
internal static class Classifier
{
    public static async Task<StepOutcome> ClassifyAsync(AIRuntime runtime, StepContext context, LlmConfig config, CancellationToken cancellationToken)
    {
        var choices = config.Choices!;
        ModelSession session;
        try
        {
            session = Sessions.Open(runtime, context, config.Model);
        }
        catch (ModelConfigurationException ex)
        {
            return ModelSession.Failure(ex);
        }

        try
        {
            if (session.Settings.Model.Provider != "anthropic")
            {
                var labelOnly = await session.CallAsync("call-1", ModelCallRecord.LlmCallKind, LabelOnlyPrompt(config), new ChatOptions
                {
                    Temperature = (float?)(config.Temperature ?? 0),
                    MaxOutputTokens = 16,
                    AdditionalProperties = new AdditionalPropertiesDictionary
                    {
                        [AIChatKeys.RequestLogProbs] = true,
                        [AIChatKeys.TopLogProbs] = 5,
                    },
                }, cancellationToken).ConfigureAwait(false);
                var logProbs = labelOnly.AdditionalProperties?.TryGetValue(AIChatKeys.LogProbs, out var raw) == true ? raw as IReadOnlyList<TokenLogProb> : null;
                var (choice, confidence) = ChoiceConfidence.FromLogProbs(labelOnly.Text, logProbs, choices);
                if (choice is not null && confidence is not null)
                {
                    return Completed(session, choice, confidence.Value, "logprobs", labelOnly.Text);
                }
            }

            var schema = AnswerSchema(choices);
            var answer = await StructuredOutput.GetAsync(
                (name, conversation, options, ct) => session.CallAsync($"answer-{name}", ModelCallRecord.LlmCallKind, conversation, options, ct),
                AnswerPrompt(config), new ChatOptions { Temperature = (float?)(config.Temperature ?? 0) }, schema, 2, cancellationToken).ConfigureAwait(false);
            return Completed(session, answer.Value!["choice"]!.GetValue<string>(), answer.Value!["confidence"]!.GetValue<double>(), "answer", answer.Text);
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

    private static StepOutcome Completed(ModelSession session, string choice, double confidence, string source, string text)
        => StepOutcome.Completed(session.Describe(new JsonObject
        {
            ["choice"] = choice,
            ["confidence"] = Math.Round(Math.Clamp(confidence, 0, 1), 4),
            ["confidenceSource"] = source,
            ["value"] = choice,
            ["text"] = text,
        }));

    private static List<ChatMessage> LabelOnlyPrompt(LlmConfig config) =>
    [
        new(ChatRole.System, $"Classify the input into exactly one of these labels: {string.Join(", ", config.Choices!)}. Answer with the label alone, exactly as written, and nothing else." + Instructions(config)),
        new(ChatRole.User, config.Prompt),
    ];

    private static List<ChatMessage> AnswerPrompt(LlmConfig config) =>
    [
        new(ChatRole.System, $"Classify the input into exactly one of these labels: {string.Join(", ", config.Choices!)}. Answer with JSON only: {{\"choice\": the label, \"confidence\": how sure you are, from 0 to 1}}." + Instructions(config)),
        new(ChatRole.User, config.Prompt),
    ];

    private static string Instructions(LlmConfig config) => config.System is { Length: > 0 } extra ? $"\n{extra}" : "";

    private static JsonObject AnswerSchema(IReadOnlyList<string> choices) => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray("choice", "confidence"),
        ["properties"] = new JsonObject
        {
            ["choice"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. choices.Select(c => (JsonNode?)c)]) },
            ["confidence"] = new JsonObject { ["type"] = "number", ["minimum"] = 0, ["maximum"] = 1 },
        },
    };
}
