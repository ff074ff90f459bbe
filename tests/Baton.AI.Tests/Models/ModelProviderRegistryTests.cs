using Baton.AI.Models;
using Microsoft.Extensions.AI;

namespace Baton.AI.Tests.Models;

public sealed class ModelProviderRegistryTests
{
    private static readonly ModelSettings Settings = new() { Model = new ModelReference("test", "model-a"), ApiKeyVariable = "TEST_KEY" };

    [Fact]
    public void ProviderNames_AreLowerCaseInOrder_AndTheLaterOfTwoNamesakesWins()
    {
        var first = Provider("Zeta");
        var replaced = Provider("alpha");
        var replacement = Provider("ALPHA");
        var registry = new ModelProviderRegistry([first, replaced, replacement]);

        registry.ProviderNames.Should().Equal("alpha", "zeta");
        registry.GetClient(Settings with { Model = new ModelReference("alpha", "m") }, TestCredentials.None);
        replacement.Created.Should().Be(1);
        replaced.Created.Should().Be(0);
    }

    [Fact]
    public void GetClient_UnknownProvider_ListsTheKnownOnesAndSuggestsTheClosest()
    {
        var registry = new ModelProviderRegistry([Provider("openai"), Provider("scripted")]);

        var act = () => registry.GetClient(Settings with { Model = new ModelReference("opena", "gpt-4o") }, TestCredentials.None);

        act.Should().Throw<ModelConfigurationException>().WithMessage(
            "The model 'opena/gpt-4o' names the provider 'opena', which is not registered: the known ones are openai, scripted. Did you mean 'openai'?");
    }

    [Fact]
    public void GetClient_NoProviders_SaysNoneIsRegistered()
    {
        var act = () => new ModelProviderRegistry([]).GetClient(Settings, TestCredentials.None);

        act.Should().Throw<ModelConfigurationException>()
            .WithMessage("The model 'test/model-a' names the provider 'test', which is not registered: none is registered.");
    }

    [Fact]
    public void GetClient_SameSettingsAndKey_ReusesTheClient()
    {
        var provider = Provider("test");
        var registry = new ModelProviderRegistry([provider]);
        var credentials = new TestCredentials(new Dictionary<string, string> { ["TEST_KEY"] = "k1" });

        var first = registry.GetClient(Settings, credentials);
        var second = registry.GetClient(Settings with { }, credentials);

        second.Should().BeSameAs(first);
        provider.Created.Should().Be(1);
    }

    [Fact]
    public void GetClient_OtherSettings_MakesAnotherClient()
    {
        var provider = Provider("test");
        var registry = new ModelProviderRegistry([provider]);

        var first = registry.GetClient(Settings, TestCredentials.None);
        var second = registry.GetClient(Settings with { Temperature = 0.5 }, TestCredentials.None);

        second.Should().NotBeSameAs(first);
        provider.Created.Should().Be(2);
    }

    [Fact]
    public void GetClient_KeyChanged_MakesAClientWithTheNewKey()
    {
        var keys = new List<string?>();
        var provider = new TestModelProvider("test", (s, c) =>
        {
            keys.Add(c.Get(s.ApiKeyVariable!));
            return Answering("hi");
        });
        var registry = new ModelProviderRegistry([provider]);

        registry.GetClient(Settings, new TestCredentials(new Dictionary<string, string> { ["TEST_KEY"] = "old" }));
        registry.GetClient(Settings, new TestCredentials(new Dictionary<string, string> { ["TEST_KEY"] = "new" }));

        keys.Should().Equal("old", "new");
    }

    [Fact]
    public void GetClient_CreationFailed_TriesAgainNextTime()
    {
        var failures = 1;
        var provider = new TestModelProvider("test", (_, _) => failures-- > 0
            ? throw new ModelConfigurationException("The key TEST_KEY is not set.")
            : Answering("hi"));
        var registry = new ModelProviderRegistry([provider]);

        var act = () => registry.GetClient(Settings, TestCredentials.None);

        act.Should().Throw<ModelConfigurationException>().WithMessage("The key TEST_KEY is not set.");
        act.Should().NotThrow();
        provider.Created.Should().Be(2);
    }

    [Fact]
    public async Task GetClient_ResponseWithoutProvider_IsStampedWithTheProviderName()
    {
        var registry = new ModelProviderRegistry([new TestModelProvider("test", (_, _) => Answering("hello"))]);

        var response = await registry.GetClient(Settings, TestCredentials.None).GetResponseAsync("hi");

        response.Text.Should().Be("hello");
        response.AdditionalProperties![AIChatKeys.Provider].Should().Be("test");
    }

    private static TestModelProvider Provider(string name) => new(name, (_, _) => Answering("hi"));

    private static TestChatClient Answering(string text) => new((_, _) => new ChatResponse(new ChatMessage(ChatRole.Assistant, text)));
}
