using System.Text.Json.Nodes;

namespace Baton.AI.Scripted;

/// <summary>A tool call a scripted response makes.</summary>
internal sealed record ScriptedToolCall(string Name, JsonObject Arguments);
