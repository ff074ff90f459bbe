using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Baton.AI.Structured;

/// <summary>The outcome of <see cref="StructuredOutput.GetAsync"/>.</summary>
/// <param name="Value">The parsed and validated answer; with no schema, the answer's text as a JSON string.</param>
/// <param name="Text">The raw text of the final answer.</param>
/// <param name="Repairs">How many repair calls were made (0 when the first answer was valid).</param>
/// <param name="Responses">Every response, the first call's first, for usage and cost.</param>
public sealed record StructuredResult(JsonNode? Value, string Text, int Repairs, IReadOnlyList<ChatResponse> Responses);
