using System.Text.Json.Nodes;
using Baton.AI.Models;
using Microsoft.Extensions.AI;

namespace Baton.AI.Structured;

/// <summary>Gets an answer that matches a JSON Schema from a model, sending the validation errors back for a corrected answer when it does not.</summary>
public static class StructuredOutput
{
    /// <summary>The name under which the schema is sent to providers; OpenAI requires one made of letters, digits, '_' and '-'.</summary>
    private const string SchemaName = "output";

    /// <summary>The response format that asks a provider for JSON matching <paramref name="schema"/>.</summary>
    public static ChatResponseFormat FormatFor(JsonObject schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return ChatResponseFormat.ForJsonSchema(JsonValues.ToElement(schema), SchemaName);
    }

    /// <summary>Calls the model until its answer matches <paramref name="schema"/>, or the repairs run out.</summary>
    /// <remarks>
    /// The calls are named <c>call-1</c>, then <c>call-2</c>... for each repair. An answer is read as JSON when it is a JSON value,
    /// or a single <c>```json</c> fenced block, with nothing but whitespace around it: prose around the JSON is a validation error.
    /// A repair call sends the conversation, the invalid answer, and a user message that lists every problem
    /// (<c>insights[2]: must be a string, not a number</c>). When <paramref name="options"/> has no response format and there is
    /// a schema, the call asks for <see cref="FormatFor"/>. With no schema, the first answer's text is the value.
    /// </remarks>
    /// <param name="maxRepairs">How many repair calls may follow the first; 0 or more.</param>
    /// <exception cref="ModelConfigurationException">The schema cannot be loaded; no call is made.</exception>
    /// <exception cref="ModelCallException">With <see cref="AIErrorCodes.InvalidOutput"/>, not retryable: no answer matched; the message lists the last answer's problems.</exception>
    public static async Task<StructuredResult> GetAsync(
        ModelCall call, IReadOnlyList<ChatMessage> conversation, ChatOptions options, JsonObject? schema, int maxRepairs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRepairs);

        // Loaded before the first call, so that a schema that cannot be used costs no model call.
        var validator = schema is null ? null : OutputSchema.Get(schema);
        if (schema is not null && options.ResponseFormat is null)
        {
            options = options.Clone();
            options.ResponseFormat = FormatFor(schema);
        }

        var messages = new List<ChatMessage>(conversation);
        var responses = new List<ChatResponse>();
        IReadOnlyList<string> problems = [];
        for (var attempt = 1; attempt <= maxRepairs + 1; attempt++)
        {
            var response = await call($"call-{attempt}", messages.ToList(), options, cancellationToken).ConfigureAwait(false)
                ?? throw new ModelCallException(AIErrorCodes.MalformedResponse, "The model call returned no response.", retryable: true);
            responses.Add(response);
            var text = response.Text;
            if (validator is null)
            {
                return new StructuredResult(JsonValue.Create(text), text, attempt - 1, responses);
            }

            problems = AnswerJson.TryParse(text, out var value, out var problem) ? OutputSchema.Validate(validator, value) : [problem];
            if (problems.Count == 0)
            {
                return new StructuredResult(value, text, attempt - 1, responses);
            }

            messages.AddRange(response.Messages);
            messages.Add(new ChatMessage(ChatRole.User, RepairRequest(problems)));
        }

        var tries = maxRepairs == 0 ? "and no repair was allowed" : $"after {maxRepairs} {(maxRepairs == 1 ? "repair" : "repairs")}";
        throw new ModelCallException(
            AIErrorCodes.InvalidOutput,
            $"The model's answer does not match the output schema {tries}: {string.Join("; ", problems)}.",
            retryable: false);
    }

    private static string RepairRequest(IReadOnlyList<string> problems)
        => "Your answer does not match the required JSON schema:\n"
            + string.Concat(problems.Select(p => $"- {p}\n"))
            + "Answer again with only the corrected JSON.";
}
