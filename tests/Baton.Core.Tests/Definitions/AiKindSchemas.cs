using System.Text.Json.Nodes;
using Baton.Definitions;

namespace Baton.Core.Tests.Definitions;

/// <summary>Configuration schemas shaped like those of the AI step kinds (docs/ai.md), registered as custom kinds.</summary>
internal static class AiKindSchemas
{
    public static readonly JsonObject Llm = Parse("""
        { "type": "object", "required": ["model", "prompt"], "additionalProperties": false,
          "properties": {
            "model": { "type": "string", "minLength": 1 }, "system": { "type": "string" }, "prompt": { "type": "string" },
            "temperature": { "type": "number", "minimum": 0, "maximum": 2 }, "max-tokens": { "type": "integer", "minimum": 1 },
            "output-schema": { "type": "object" }, "repairs": { "type": "integer", "minimum": 0, "maximum": 5 },
            "choices": { "type": "array", "items": { "type": "string" }, "minItems": 2 } } }
        """);

    public static readonly JsonObject Classify = Parse("""
        { "type": "object", "required": ["model", "input", "choices"], "additionalProperties": false,
          "properties": {
            "model": { "type": "string" }, "input": { "type": "string" }, "instructions": { "type": "string" },
            "choices": { "type": "array", "items": { "type": "string" }, "minItems": 2 } } }
        """);

    public static readonly JsonObject Agent = Parse("""
        { "type": "object", "required": ["model", "goal"], "additionalProperties": false,
          "properties": {
            "model": { "type": "string" }, "goal": { "type": "string" }, "instructions": { "type": "string" },
            "tools": { "type": "array", "items": { "$ref": "#/definitions/tool" } },
            "max-iterations": { "type": "integer", "minimum": 1 },
            "budget": { "type": "object", "additionalProperties": false,
              "properties": { "tokens": { "type": "integer", "minimum": 1 }, "usd": { "type": "number", "minimum": 0 }, "time": { "type": "string" } } } },
          "definitions": {
            "tool": { "oneOf": [
              { "type": "object", "required": ["name", "http"], "additionalProperties": false,
                "properties": { "name": { "type": "string" }, "description": { "type": "string" }, "parameters": { "type": "object" }, "http": { "type": "object" } } },
              { "type": "object", "required": ["name", "run"], "additionalProperties": false,
                "properties": { "name": { "type": "string" }, "description": { "type": "string" }, "parameters": { "type": "object" }, "run": { "type": "object" } } },
              { "type": "object", "required": ["name", "workflow"], "additionalProperties": false,
                "properties": { "name": { "type": "string" }, "description": { "type": "string" },
                  "workflow": { "type": "object", "required": ["path"], "additionalProperties": false, "properties": { "path": { "type": "string" } } } } },
              { "type": "object", "required": ["mcp"], "additionalProperties": false,
                "properties": { "mcp": { "type": "object", "required": ["command"], "properties": { "command": { "type": "string" }, "args": { "type": "array" }, "tools": { "type": "array" } } } } } ] } } }
        """);

    public static IReadOnlyDictionary<string, JsonObject?> Kinds => new Dictionary<string, JsonObject?>
    {
        ["llm"] = Llm,
        ["classify"] = Classify,
        ["agent"] = Agent,
    };

    public static WorkflowCompilerOptions Options => new() { CustomKinds = Kinds };

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
