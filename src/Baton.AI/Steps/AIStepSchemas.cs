using System.Text.Json.Nodes;

namespace Baton.AI.Steps;

/// <summary>
/// The JSON Schemas of the AI step kinds' configurations: the compiler checks configurations against them (a template
/// matches any type), <c>baton schema</c> publishes them for editors, and each attempt checks the rendered configuration.
/// </summary>
internal static class AIStepSchemas
{
    public static JsonObject Llm() => Parse("""
        {
          "type": "object",
          "description": "One model call, optionally with a validated structured output (docs/ai.md#llm).",
          "required": ["model", "prompt"],
          "additionalProperties": false,
          "properties": {
            "model": { "type": "string", "description": "An alias from models: or provider/model." },
            "system": { "type": "string", "description": "The system prompt (a template)." },
            "prompt": { "type": "string", "description": "The user prompt (a template)." },
            "temperature": { "type": "number", "minimum": 0, "maximum": 2 },
            "max-tokens": { "type": "integer", "minimum": 1 },
            "output-schema": { "type": "object", "x-baton-schema": true, "description": "A JSON Schema the answer must match; the answer is validated and repaired." },
            "repairs": { "type": "integer", "minimum": 0, "maximum": 5, "description": "Repair calls after an invalid answer; default 2." },
            "choices": { "type": "array", "items": { "type": "string" }, "minItems": 2, "description": "Classify among these labels (as the classify step)." }
          },
          "not": {
            "description": "with choices the answer is a choice and a confidence, so output-schema and repairs do not apply",
            "anyOf": [ { "required": ["choices", "output-schema"] }, { "required": ["choices", "repairs"] } ]
          }
        }
        """);

    public static JsonObject Classify() => Parse("""
        {
          "type": "object",
          "description": "A choice among labels, with a confidence (docs/ai.md#classify).",
          "required": ["model", "input", "choices"],
          "additionalProperties": false,
          "properties": {
            "model": { "type": "string" },
            "input": { "type": "string", "description": "What to classify (a template)." },
            "choices": { "type": "array", "items": { "type": "string" }, "minItems": 2 },
            "instructions": { "type": "string" },
            "temperature": { "type": "number", "minimum": 0, "maximum": 2 }
          }
        }
        """);

    public static JsonObject Agent() => Parse("""
        {
          "type": "object",
          "description": "A goal pursued with an allow-list of tools, within a budget (docs/ai.md#agent).",
          "required": ["model", "goal"],
          "additionalProperties": false,
          "properties": {
            "model": { "type": "string" },
            "goal": { "type": "string" },
            "instructions": { "type": "string" },
            "temperature": { "type": "number", "minimum": 0, "maximum": 2 },
            "max-tokens": { "type": "integer", "minimum": 1 },
            "max-iterations": { "type": "integer", "minimum": 1, "maximum": 100, "description": "Model turns; default 10." },
            "budget": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "tokens": { "type": "integer", "minimum": 1 },
                "usd": { "type": "number", "exclusiveMinimum": 0 },
                "time": { "type": "string", "description": "A duration such as 2m." }
              }
            },
            "tools": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "name": { "type": "string" },
                  "description": { "type": "string" },
                  "parameters": { "type": "object" },
                  "http": { "type": "object" },
                  "run": { "type": "object" },
                  "workflow": { "type": "object" },
                  "mcp": { "type": "object" }
                },
                "additionalProperties": false
              }
            }
          }
        }
        """);

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
