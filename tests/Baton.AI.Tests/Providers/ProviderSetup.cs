using Baton.AI.Anthropic;
using Baton.AI.Models;
using Baton.AI.OpenAI;
using Baton.Testing.Models;
using Microsoft.Extensions.AI;

namespace Baton.AI.Tests.Providers;

/// <summary>Clients of the real providers pointed at loopback servers, with a key that tests look for in messages.</summary>
internal static class ProviderSetup
{
    public const string OpenAIKey = "sk-test-secret-4f2a9c";

    public const string AnthropicKey = "sk-ant-test-secret-7d1e3b";

    public static ModelSettings OpenAISettings(LoopbackOpenAIServer server) => new()
    {
        Model = new ModelReference("openai", "gpt-4o-mini"),
        BaseUrl = server.BaseUrl,
    };

    public static ModelSettings AnthropicSettings(LoopbackAnthropicServer server) => new()
    {
        Model = new ModelReference("anthropic", "claude-sonnet-4-5"),
        BaseUrl = server.BaseUrl,
    };

    public static IChatClient OpenAI(ModelSettings settings, TimeProvider? clock = null)
        => new OpenAIModelProvider(clock).CreateClient(settings, new TestCredentials(("OPENAI_API_KEY", OpenAIKey)));

    public static IChatClient Anthropic(ModelSettings settings, TimeProvider? clock = null)
        => new AnthropicModelProvider(clock).CreateClient(settings, new TestCredentials(("ANTHROPIC_API_KEY", AnthropicKey)));

    public static List<ChatMessage> Ask(string text) => [new ChatMessage(ChatRole.User, text)];
}
