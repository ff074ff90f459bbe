using Baton.AI.Models;

namespace Baton.AI.Tests.Models;

public sealed class ModelCatalogErrorTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Resolve_NoName_SaysWhatToGive(string name)
        => Error(TestDefinitions.Create(), name).Should().Be(
            "No model is named: give an alias from 'models:' or a provider/model such as openai/gpt-4o-mini.");

    [Fact]
    public void Resolve_UnknownAlias_ListsTheAliasesAndSuggestsTheClosest()
        => Error(TestDefinitions.Create(workflowModels: """{ "smart": "openai/gpt-4o" }""", projectModels: """{ "fast": "openai/gpt-4o-mini" }"""), "smrt")
            .Should().Be("The model 'smrt' is neither a model alias nor provider/model (such as openai/gpt-4o-mini). The aliases are: fast, smart. Did you mean 'smart'?");

    [Fact]
    public void Resolve_UnknownAliasWithNoAliasesDefined_SaysSo()
        => Error(TestDefinitions.Create(), "fast")
            .Should().Be("The model 'fast' is not provider/model (such as openai/gpt-4o-mini), and no model aliases are defined.");

    [Fact]
    public void Resolve_OverrideThatIsNotAModel_QuotesIt()
    {
        var catalog = new ModelCatalog(TestDefinitions.Create(), new Dictionary<string, string> { ["fast"] = "gpt-4o" }, _ => null);

        var act = () => catalog.Resolve("fast");

        act.Should().Throw<ModelConfigurationException>()
            .WithMessage("The model override 'fast=gpt-4o' is not usable: 'gpt-4o' is not provider/model, such as openai/gpt-4o-mini.");
    }

    [Theory]
    [InlineData("""{ "fast": 42 }""", "models.fast in flow.yaml: the model alias 'fast' is 42, but it must be provider/model or a mapping with 'model'.")]
    [InlineData("""{ "fast": null }""", "models.fast in flow.yaml: the model alias 'fast' is null, but it must be provider/model or a mapping with 'model'.")]
    [InlineData("""{ "fast": { "temperature": 0.1 } }""", "models.fast in flow.yaml: the model alias 'fast' has no 'model'; add one such as 'model: openai/gpt-4o-mini'.")]
    [InlineData("""{ "fast": "gpt-4o" }""", "models.fast in flow.yaml: 'model' is 'gpt-4o', but it must be provider/model, such as openai/gpt-4o-mini.")]
    [InlineData("""{ "fast": { "model": "openai/gpt-4o", "temperature": "hot" } }""", "models.fast in flow.yaml: 'temperature' is 'hot', but it must be a number from 0 to 2.")]
    [InlineData("""{ "fast": { "model": "openai/gpt-4o", "temperature": 3 } }""", "models.fast in flow.yaml: 'temperature' is 3, but it must be a number from 0 to 2.")]
    [InlineData("""{ "fast": { "model": "openai/gpt-4o", "max-tokens": 0 } }""", "models.fast in flow.yaml: 'max-tokens' is 0, but it must be a whole number, 1 or more.")]
    [InlineData("""{ "fast": { "model": "openai/gpt-4o", "max-tokens": 1.5 } }""", "models.fast in flow.yaml: 'max-tokens' is 1.5, but it must be a whole number, 1 or more.")]
    public void Resolve_OddWorkflowAlias_ExplainsWhereAndWhy(string models, string expected)
        => Error(TestDefinitions.Create(workflowModels: models), "fast").Should().Be(expected);

    [Theory]
    [InlineData("""{ "openai": "fast" }""", "providers.openai in baton.yaml: the provider's settings are 'fast', but they must be a mapping such as '{ base-url: ..., timeout: 60s }'.")]
    [InlineData("""{ "openai": { "base-url": "ftp://files" } }""", "providers.openai in baton.yaml: 'base-url' is 'ftp://files', but it must be an absolute http or https URL.")]
    [InlineData("""{ "openai": { "timeout": "soon" } }""", "providers.openai in baton.yaml: 'timeout' is 'soon', but it must be a duration longer than zero, such as 60s or 2m.")]
    [InlineData("""{ "openai": { "timeout": 60 } }""", "providers.openai in baton.yaml: 'timeout' is 60, but it must be a duration longer than zero, such as 60s or 2m.")]
    [InlineData("""{ "openai": { "max-concurrency": 0 } }""", "providers.openai in baton.yaml: 'max-concurrency' is 0, but it must be a whole number, 1 or more.")]
    [InlineData("""{ "openai": { "max-retries": -1 } }""", "providers.openai in baton.yaml: 'max-retries' is -1, but it must be a whole number, 0 or more.")]
    [InlineData("""{ "openai": { "api-key-env": "" } }""", "providers.openai in baton.yaml: 'api-key-env' is '', but it must be a non-empty string.")]
    public void Resolve_OddProviderSettings_ExplainWhereAndWhy(string providers, string expected)
        => Error(TestDefinitions.Create(providers: providers), "openai/gpt-4o").Should().Be(expected);

    [Theory]
    [InlineData("""{ "openai/gpt-4o": 3 }""", "prices.openai/gpt-4o in baton.yaml: the price is 3, but it must be a mapping such as '{ input: 0.15, output: 0.60 }' (US dollars per million tokens).")]
    [InlineData("""{ "openai/gpt-4o": { "input": 2.5 } }""", "prices.openai/gpt-4o in baton.yaml: 'output' is missing; give the price of a million output tokens in US dollars.")]
    [InlineData("""{ "openai/gpt-4o": { "input": -1, "output": 1 } }""", "prices.openai/gpt-4o in baton.yaml: 'input' is -1, but it must be a number of US dollars, 0 or more.")]
    public void Resolve_OddPrice_ExplainsWhereAndWhy(string prices, string expected)
        => Error(TestDefinitions.Create(prices: prices), "openai/gpt-4o").Should().Be(expected);

    [Fact]
    public void Resolve_BaseUrlVariableThatIsNotAUrl_NamesTheVariable()
    {
        var catalog = new ModelCatalog(TestDefinitions.Create(), environment: name => name == "OPENAI_BASE_URL" ? "localhost:8080" : null);

        var act = () => catalog.Resolve("openai/gpt-4o");

        act.Should().Throw<ModelConfigurationException>()
            .WithMessage("The environment variable OPENAI_BASE_URL is 'localhost:8080', but it must be an absolute http or https URL.");
    }

    [Fact]
    public void Resolve_ScriptedWithoutScript_ShowsHowToGiveOne()
        => Error(TestDefinitions.Create(), "scripted/triage").Should().Be(
            "The model 'scripted/triage' has no script. A scripted model is named through an alias with a script, such as "
            + "'models: { triage: { model: scripted/triage, script: ./scripted/triage.yaml } }'.");

    [Fact]
    public void Resolve_ScriptMissingFromTheBundle_NamesTheScriptAndTheAlias()
        => Error(TestDefinitions.Create(projectModels: """{ "triage": { "model": "scripted/triage", "script": "scripted/gone.yaml" } }"""), "triage")
            .Should().Be("models.triage in baton.yaml: the script 'scripted/gone.yaml' is not among the definition's files; check that the file exists, relative to the file that declares the alias.");

    private static string Error(Baton.Definitions.WorkflowDefinition definition, string model)
    {
        var catalog = new ModelCatalog(definition, environment: _ => null);
        var act = () => catalog.Resolve(model);
        return act.Should().Throw<ModelConfigurationException>().Which.Message;
    }
}
