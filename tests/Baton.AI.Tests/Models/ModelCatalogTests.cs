using Baton.AI.Models;

namespace Baton.AI.Tests.Models;

public sealed class ModelCatalogTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void Resolve_ProviderAndModel_GivesTheProviderDefaults()
    {
        var catalog = new ModelCatalog(TestDefinitions.Create(), environment: NoEnvironment);

        var settings = catalog.Resolve("openai/gpt-4o-mini");

        settings.Model.Should().Be(new ModelReference("openai", "gpt-4o-mini"));
        settings.Alias.Should().BeNull();
        settings.BaseUrl.Should().BeNull();
        settings.ApiKeyVariable.Should().Be("OPENAI_API_KEY");
        settings.CallTimeout.Should().Be(TimeSpan.FromSeconds(60));
        settings.MaxConcurrency.Should().Be(8);
        settings.MaxRetries.Should().Be(4);
        settings.Temperature.Should().BeNull();
        settings.MaxOutputTokens.Should().BeNull();
        settings.Price.Should().BeNull();
        settings.ScriptText.Should().BeNull();
    }

    [Fact]
    public void Resolve_AliasInWorkflowAndProject_WorkflowWins()
    {
        var definition = TestDefinitions.Create(
            workflowModels: """{ "fast": "anthropic/claude-haiku-4-5" }""",
            projectModels: """{ "fast": "openai/gpt-4o-mini", "smart": "openai/gpt-4o" }""");
        var catalog = new ModelCatalog(definition, environment: NoEnvironment);

        catalog.Resolve("fast").Model.Should().Be(new ModelReference("anthropic", "claude-haiku-4-5"));
        catalog.Resolve("smart").Model.Should().Be(new ModelReference("openai", "gpt-4o"));
        catalog.Resolve("smart").Alias.Should().Be("smart");
    }

    [Fact]
    public void Resolve_Override_ReplacesTheModelAndKeepsTheAliasSettings()
    {
        var definition = TestDefinitions.Create(
            workflowModels: """{ "smart": { "model": "anthropic/claude-sonnet-4-5", "temperature": 0.2, "max-tokens": 2048 } }""");
        var overrides = new Dictionary<string, string> { ["smart"] = "ollama/llama3.1" };
        var catalog = new ModelCatalog(definition, overrides, NoEnvironment);

        var settings = catalog.Resolve("smart");

        settings.Model.Should().Be(new ModelReference("ollama", "llama3.1"));
        settings.Alias.Should().Be("smart");
        settings.Temperature.Should().Be(0.2);
        settings.MaxOutputTokens.Should().Be(2048);
    }

    [Fact]
    public void Resolve_OverrideOfAnUndefinedAlias_UsesTheOverride()
    {
        var catalog = new ModelCatalog(TestDefinitions.Create(), new Dictionary<string, string> { ["fast"] = "openai/gpt-4o-mini" }, NoEnvironment);

        catalog.Resolve("fast").Model.Should().Be(new ModelReference("openai", "gpt-4o-mini"));
    }

    [Fact]
    public void Resolve_ProviderSettingsInProjectConfig_AreApplied()
    {
        var definition = TestDefinitions.Create(providers: """
            { "openai": { "base-url": "https://llm.example.com/v1", "api-key-env": "MY_KEY", "max-concurrency": 2, "timeout": "1m30s", "max-retries": 0 } }
            """);
        var environment = new Dictionary<string, string> { ["OPENAI_BASE_URL"] = "https://ignored.example.com/v1" };
        var catalog = new ModelCatalog(definition, environment: environment.GetValueOrDefault);

        var settings = catalog.Resolve("openai/gpt-4o-mini");

        settings.BaseUrl.Should().Be(new Uri("https://llm.example.com/v1"));
        settings.ApiKeyVariable.Should().Be("MY_KEY");
        settings.MaxConcurrency.Should().Be(2);
        settings.CallTimeout.Should().Be(TimeSpan.FromSeconds(90));
        settings.MaxRetries.Should().Be(0);
    }

    [Theory]
    [InlineData("openai", "OPENAI_BASE_URL", "OPENAI_API_KEY")]
    [InlineData("anthropic", "ANTHROPIC_BASE_URL", "ANTHROPIC_API_KEY")]
    public void Resolve_NoProviderConfig_UsesTheEnvironment(string provider, string urlVariable, string keyVariable)
    {
        var environment = new Dictionary<string, string> { [urlVariable] = "http://proxy.internal:8080/v1" };
        var catalog = new ModelCatalog(TestDefinitions.Create(), environment: environment.GetValueOrDefault);

        var settings = catalog.Resolve($"{provider}/some-model");

        settings.BaseUrl.Should().Be(new Uri("http://proxy.internal:8080/v1"));
        settings.ApiKeyVariable.Should().Be(keyVariable);
    }

    [Fact]
    public void Resolve_Ollama_UsesTheLocalEndpointAndNoKey()
    {
        var catalog = new ModelCatalog(TestDefinitions.Create(), environment: NoEnvironment);

        var settings = catalog.Resolve("ollama/llama3.1");

        settings.BaseUrl.Should().Be(new Uri("http://localhost:11434/v1"));
        settings.ApiKeyVariable.Should().BeNull();
    }

    [Fact]
    public void Resolve_OllamaBaseUrlInEnvironment_WinsOverTheDefault()
    {
        var environment = new Dictionary<string, string> { ["OLLAMA_BASE_URL"] = "http://gpu-box:11434/v1" };
        var catalog = new ModelCatalog(TestDefinitions.Create(), environment: environment.GetValueOrDefault);

        catalog.Resolve("ollama/llama3.1").BaseUrl.Should().Be(new Uri("http://gpu-box:11434/v1"));
    }

    [Fact]
    public void Resolve_PriceInProjectConfig_IsAttached()
    {
        var definition = TestDefinitions.Create(
            projectModels: """{ "fast": "openai/gpt-4o-mini" }""",
            prices: """{ "openai/gpt-4o-mini": { "input": 0.15, "output": 0.60 } }""");
        var catalog = new ModelCatalog(definition, environment: NoEnvironment);

        var price = catalog.Resolve("fast").Price;

        price.Should().Be(new ModelPrice(0.15m, 0.60m));
        price!.Cost(1_000_000, 500_000).Should().Be(0.45m);
        catalog.Resolve("openai/gpt-4o").Price.Should().BeNull();
    }

    [Fact]
    public void Resolve_ScriptedAlias_CarriesTheScriptFromTheBundle()
    {
        var definition = TestDefinitions.Create(
            projectModels: """{ "triage": { "model": "scripted/triage", "script": "scripted/triage.yaml" } }""",
            providers: """{ "scripted": { "api-key-env": "NOT_USED" } }""",
            files: new Dictionary<string, string> { ["scripted/triage.yaml"] = "responses:\n  - text: billing\n" });
        var catalog = new ModelCatalog(definition, environment: NoEnvironment);

        var settings = catalog.Resolve("triage");

        settings.Model.Should().Be(new ModelReference("scripted", "triage"));
        settings.ScriptPath.Should().Be("scripted/triage.yaml");
        settings.ScriptText.Should().Be("responses:\n  - text: billing\n");
        settings.ApiKeyVariable.Should().BeNull();
    }

    [Fact]
    public void Aliases_WorkflowAndProject_AreListedOnceInOrder()
    {
        var definition = TestDefinitions.Create(
            workflowModels: """{ "smart": "openai/gpt-4o", "fast": "openai/gpt-4o-mini" }""",
            projectModels: """{ "fast": "openai/gpt-4o-mini", "local": "ollama/llama3.1" }""");

        new ModelCatalog(definition).Aliases.Should().Equal("fast", "local", "smart");
    }
}
