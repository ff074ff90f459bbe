using Baton.AI.Anthropic;
using Baton.AI.Models;
using Baton.AI.OpenAI;
using Baton.Testing.Models;
using Microsoft.Extensions.AI;

namespace Baton.AI.Tests.Providers;

public sealed class ProviderConfigurationTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void OpenAICreateClient_NoKeyForTheOfficialEndpoint_NamesTheVariable()
    {
        var provider = new OpenAIModelProvider(TimeProvider.System, NoEnvironment);

        var act = () => provider.CreateClient(new ModelSettings { Model = new ModelReference("openai", "gpt-4o-mini") }, TestCredentials.None);

        act.Should().Throw<ModelConfigurationException>().WithMessage("*openai/gpt-4o-mini*set OPENAI_API_KEY*");
    }

    [Fact]
    public void OpenAICreateClient_NoKeyInTheConfiguredVariable_NamesThatVariable()
    {
        var provider = new OpenAIModelProvider(TimeProvider.System, NoEnvironment);
        var settings = new ModelSettings { Model = new ModelReference("openai", "gpt-4o"), ApiKeyVariable = "TEAM_OPENAI_KEY" };

        var act = () => provider.CreateClient(settings, new TestCredentials(("OPENAI_API_KEY", "sk-other")));

        act.Should().Throw<ModelConfigurationException>().WithMessage("*set TEAM_OPENAI_KEY*");
    }

    [Fact]
    public void AnthropicCreateClient_NoKey_NamesTheVariable()
    {
        var provider = new AnthropicModelProvider(TimeProvider.System, NoEnvironment);

        var act = () => provider.CreateClient(new ModelSettings { Model = new ModelReference("anthropic", "claude-sonnet-4-5") }, TestCredentials.None);

        act.Should().Throw<ModelConfigurationException>().WithMessage("*anthropic/claude-sonnet-4-5*set ANTHROPIC_API_KEY*");
    }

    [Fact]
    public async Task OpenAICreateClient_CustomEndpointWithoutKey_CallsWithAPlaceholder()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync();
        var provider = new OpenAIModelProvider(TimeProvider.System, NoEnvironment);
        using var client = provider.CreateClient(ProviderSetup.OpenAISettings(server), TestCredentials.None);

        var response = await client.GetResponseAsync(ProviderSetup.Ask("Hi"));

        response.Text.Should().Be("ok");
        server.Requests.Single().HasAuthorization.Should().BeTrue();
    }

    [Fact]
    public async Task OpenAICreateClient_BaseUrlFromTheEnvironment_CallsThatEndpoint()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync();
        var environment = Environment(("OPENAI_BASE_URL", server.BaseUrl.AbsoluteUri));
        var provider = new OpenAIModelProvider(TimeProvider.System, environment);
        using var client = provider.CreateClient(new ModelSettings { Model = new ModelReference("openai", "gpt-4o-mini") }, TestCredentials.None);

        await client.GetResponseAsync(ProviderSetup.Ask("Hi"));

        server.Requests.Should().ContainSingle().Which.Path.Should().Be("/v1/chat/completions");
    }

    [Fact]
    public async Task AnthropicCreateClient_BaseUrlFromTheEnvironmentWithoutKey_CallsThatEndpoint()
    {
        await using var server = await LoopbackAnthropicServer.StartAsync();
        var provider = new AnthropicModelProvider(TimeProvider.System, Environment(("ANTHROPIC_BASE_URL", server.BaseUrl.AbsoluteUri)));
        using var client = provider.CreateClient(new ModelSettings { Model = new ModelReference("anthropic", "claude-haiku-4-5") }, TestCredentials.None);

        var response = await client.GetResponseAsync(ProviderSetup.Ask("Hi"));

        response.Text.Should().Be("ok");
        server.Requests.Should().ContainSingle().Which.Model.Should().Be("claude-haiku-4-5");
    }

    [Fact]
    public void OpenAICreateClient_BaseUrlVariableNotAUrl_SaysWhichVariableAndWhy()
    {
        var provider = new OpenAIModelProvider(TimeProvider.System, Environment(("OPENAI_BASE_URL", "api.example.com/v1")));

        var act = () => provider.CreateClient(new ModelSettings { Model = new ModelReference("openai", "gpt-4o-mini") }, TestCredentials.None);

        act.Should().Throw<ModelConfigurationException>().WithMessage("OPENAI_BASE_URL must be an absolute http or https URL*'api.example.com/v1'*");
    }

    [Fact]
    public async Task OllamaCreateClient_BaseUrlWithoutPath_CallsV1WithoutAKey()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync();
        var root = new Uri(server.BaseUrl, "/");
        var provider = new OllamaModelProvider(TimeProvider.System, Environment(("OLLAMA_BASE_URL", root.AbsoluteUri)));
        using var client = provider.CreateClient(new ModelSettings { Model = new ModelReference("ollama", "llama3.1") }, TestCredentials.None);

        var response = await client.GetResponseAsync(ProviderSetup.Ask("Hi"));

        response.AdditionalProperties![AIChatKeys.Provider].Should().Be("ollama");
        var request = server.Requests.Single();
        request.Path.Should().Be("/v1/chat/completions");
        request.Model.Should().Be("llama3.1");
    }

    [Fact]
    public void OllamaCreateClient_NoSettingsOrEnvironment_UsesTheLocalDefault()
    {
        var provider = new OllamaModelProvider(TimeProvider.System, NoEnvironment);

        using var client = provider.CreateClient(new ModelSettings { Model = new ModelReference("ollama", "llama3.1") }, TestCredentials.None);

        client.GetService<ChatClientMetadata>()!.ProviderUri.Should().Be(new Uri("http://localhost:11434/v1"));
    }

    [Fact]
    public void OllamaCreateClient_NamedKeyVariableNotSet_NamesIt()
    {
        var provider = new OllamaModelProvider(TimeProvider.System, NoEnvironment);
        var settings = new ModelSettings { Model = new ModelReference("ollama", "llama3.1"), ApiKeyVariable = "OLLAMA_PROXY_KEY" };

        var act = () => provider.CreateClient(settings, TestCredentials.None);

        act.Should().Throw<ModelConfigurationException>().WithMessage("*OLLAMA_PROXY_KEY*not set*");
    }

    [Theory]
    [InlineData(0, 4, 60, "max-concurrency must be at least 1")]
    [InlineData(8, -1, 60, "max-retries must be 0 or more")]
    [InlineData(8, 4, 0, "timeout must be positive")]
    public void CreateClient_LimitOutOfRange_SaysWhichSettingAndWhy(int maxConcurrency, int maxRetries, int timeoutSeconds, string says)
    {
        var settings = new ModelSettings
        {
            Model = new ModelReference("openai", "gpt-4o-mini"),
            MaxConcurrency = maxConcurrency,
            MaxRetries = maxRetries,
            CallTimeout = TimeSpan.FromSeconds(timeoutSeconds),
        };

        var act = () => new OpenAIModelProvider().CreateClient(settings, new TestCredentials(("OPENAI_API_KEY", "sk-x")));

        act.Should().Throw<ModelConfigurationException>().WithMessage($"providers.openai.{says}*");
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
        => name => variables.FirstOrDefault(v => v.Name == name).Value;
}
