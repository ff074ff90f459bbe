using System.Text.Json.Nodes;

namespace Baton.AI.Steps;

/// <summary>
/// The JSON Schemas of the AI step kinds' configurations: the compiler checks configurations against them (a template
/// matches any type), <c>baton schema</c> publishes them for editors, and each attempt checks the rendered configuration.
/// </summary>
/// <remarks>
/// Each <c>model</c> property carries the keyword <c>x-baton-model</c> with the providers the host knows: the compiler then
/// checks that a step's model is a defined alias or names one of them (BATON084, BATON085), before anything runs. The
/// values that are schemas themselves (<c>output-schema</c>, a tool's <c>parameters</c>) carry <c>x-baton-schema</c>, so
/// that the compiler checks them as schemas (BATON065). <c>baton schema</c> leaves these markers out.
/// </remarks>
internal static class AIStepSchemas
{
    /// <param name="providers">The host's model providers; null when unknown (then only aliases are checked).</param>
    public static JsonObject Llm(IEnumerable<string>? providers) => WithModel(providers, """
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
            "choices": { "type": "array", "items": { "type": "string", "not": { "description": "a label must not be blank", "pattern": "^\\s*$" } }, "minItems": 2, "uniqueItems": true, "description": "Classify among these labels (as the classify step): distinct, not blank." }
          },
          "not": {
            "description": "with choices the answer is a choice and a confidence, so output-schema and repairs do not apply",
            "anyOf": [ { "required": ["choices", "output-schema"] }, { "required": ["choices", "repairs"] } ]
          }
        }
        """);

    /// <param name="providers">The host's model providers; null when unknown.</param>
    public static JsonObject Classify(IEnumerable<string>? providers) => WithModel(providers, """
        {
          "type": "object",
          "description": "A choice among labels, with a confidence (docs/ai.md#classify).",
          "required": ["model", "input", "choices"],
          "additionalProperties": false,
          "properties": {
            "model": { "type": "string" },
            "input": { "type": "string", "description": "What to classify (a template)." },
            "choices": { "type": "array", "items": { "type": "string", "not": { "description": "a label must not be blank", "pattern": "^\\s*$" } }, "minItems": 2, "uniqueItems": true, "description": "The labels: distinct, not blank." },
            "instructions": { "type": "string" },
            "temperature": { "type": "number", "minimum": 0, "maximum": 2 }
          }
        }
        """);

    /// <param name="providers">The host's model providers; null when unknown.</param>
    public static JsonObject Agent(IEnumerable<string>? providers) => WithModel(providers, """
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
                  "name": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$", "description": "1 to 64 letters, digits, '_' or '-'." },
                  "description": { "type": "string" },
                  "parameters": {
                    "type": "object",
                    "x-baton-schema": true,
                    "properties": { "type": { "const": "object", "description": "A tool's arguments are always an object." } },
                    "description": "A JSON Schema (draft 2020-12) for the arguments object; default: any object."
                  },
                  "http": { "type": "object" },
                  "run": { "type": "object" },
                  "workflow": { "type": "object" },
                  "mcp": {
                    "type": "object",
                    "required": ["command", "tools"],
                    "additionalProperties": false,
                    "properties": {
                      "command": { "type": "string", "description": "The server's program, started over stdio." },
                      "args": { "type": "array", "items": { "type": ["string", "number", "boolean"] } },
                      "env": {
                        "type": "object",
                        "description": "Variables for the server; null removes one it would inherit.",
                        "additionalProperties": { "type": ["string", "number", "boolean", "null"] }
                      },
                      "working-dir": { "type": "string", "description": "Relative to the workflow file's directory." },
                      "tools": {
                        "type": "array",
                        "description": "The allow-list: the server's tools the agent may use.",
                        "minItems": 1,
                        "uniqueItems": true,
                        "items": { "type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$" }
                      }
                    }
                  }
                },
                "additionalProperties": false,
                "allOf": [
                  {
                    "not": {
                      "description": "a tool needs one of the keys http, run, workflow or mcp, which says what it calls",
                      "not": { "anyOf": [ { "required": ["http"] }, { "required": ["run"] }, { "required": ["workflow"] }, { "required": ["mcp"] } ] }
                    }
                  },
                  {
                    "not": {
                      "description": "a tool has only one of the keys http, run, workflow and mcp",
                      "anyOf": [
                        { "required": ["http", "run"] }, { "required": ["http", "workflow"] }, { "required": ["http", "mcp"] },
                        { "required": ["run", "workflow"] }, { "required": ["run", "mcp"] }, { "required": ["workflow", "mcp"] }
                      ]
                    }
                  }
                ],
                "if": { "required": ["mcp"] },
                "then": {
                  "not": {
                    "description": "an mcp entry takes no name, description or parameters: the server gives them; list the tools the agent may use in mcp.tools",
                    "anyOf": [ { "required": ["name"] }, { "required": ["description"] }, { "required": ["parameters"] } ]
                  }
                },
                "else": { "required": ["name", "description"] }
              }
            }
          }
        }
        """);

    /// <summary>The schema, with <c>model</c> marked as a model and the known providers.</summary>
    private static JsonObject WithModel(IEnumerable<string>? providers, string json)
    {
        var schema = JsonNode.Parse(json)!.AsObject();
        var marker = new JsonObject();
        if (providers is not null)
        {
            marker["providers"] = new JsonArray([.. providers.Order(StringComparer.Ordinal).Select(p => (JsonNode?)p)]);
        }

        schema["properties"]!["model"]!["x-baton-model"] = marker;
        return schema;
    }
}
