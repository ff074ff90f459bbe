using Baton.AI.Models;
using Baton.AI.Scripted;
using Baton.AI.Tests.Models;
using Microsoft.Extensions.AI;

namespace Baton.AI.Tests.Scripted;

/// <summary>Makes clients of the real scripted provider from script text.</summary>
internal static class Scripts
{
    public const string Path = "scripted/test.yaml";

    public static ModelSettings Settings(string script) => new()
    {
        Model = new ModelReference("scripted", "triage"),
        ScriptPath = Path,
        ScriptText = script,
    };

    public static IChatClient Client(string script) => new ScriptedModelProvider().CreateClient(Settings(script), TestCredentials.None);

    public static ChatMessage User(string text) => new(ChatRole.User, text);

    public static ChatMessage Assistant(string text) => new(ChatRole.Assistant, text);
}
