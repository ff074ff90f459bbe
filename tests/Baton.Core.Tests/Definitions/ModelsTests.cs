using Baton.Definitions;

namespace Baton.Core.Tests.Definitions;

/// <summary>A workflow's <c>models:</c> section: aliases, their settings, and the scripts of scripted models.</summary>
public sealed class ModelsTests
{
    private const string Steps = "steps:\n  - id: a\n    set: { x: 1 }\n";

    [Fact]
    public void Compile_ModelsOfEveryForm_ExposedAsWritten()
    {
        var def = Fixtures.CompileValid(
            "name: w\nmodels:\n  fast: openai/gpt-4o-mini\n  local: ollama/llama3.1:8b\n  org: openai/org/model@2024\n" +
            "  smart: { model: anthropic/claude-sonnet-4-5, temperature: 0.2, max-tokens: 2048 }\n  cold: { model: openai/o1, temperature: 0 }\n" + Steps);

        def.Models!.ToJsonString().Should().Be(
            """{"fast":"openai/gpt-4o-mini","local":"ollama/llama3.1:8b","org":"openai/org/model@2024","smart":{"model":"anthropic/claude-sonnet-4-5","temperature":0.2,"max-tokens":2048},"cold":{"model":"openai/o1","temperature":0}}""");
    }

    [Fact]
    public void Compile_NoModels_IsNull()
    {
        Fixtures.CompileValid("name: w\n" + Steps).Models.Should().BeNull();
    }

    [Fact]
    public void Compile_EmptyModels_IsAnEmptyObject()
    {
        Fixtures.CompileValid("name: w\nmodels: {}\n" + Steps).Models!.Count.Should().Be(0);
    }

    [Theory]
    [InlineData("models: [a]", "w.yaml:2:9: error BATON012: 'models' must be a mapping of aliases to models, such as { fast: openai/gpt-4o-mini }, not a list.")]
    [InlineData("models:", "w.yaml:2:8: error BATON012: 'models' must be a mapping of aliases to models, such as { fast: openai/gpt-4o-mini }, not null.")]
    [InlineData("models: { 1fast: openai/x }", "w.yaml:2:11: error BATON028: '1fast' is not a valid model alias; use letters, digits, '-', '_' and '.', starting with a letter.")]
    [InlineData("models: { fast: gpt-4o }", "w.yaml:2:17: error BATON080: 'gpt-4o' is not a model reference; write provider/model, such as openai/gpt-4o-mini. An alias names a model, never another alias.")]
    [InlineData("models: { fast: OpenAI/gpt-4o }", "w.yaml:2:17: error BATON080: 'OpenAI/gpt-4o' is not a model reference; write provider/model, such as openai/gpt-4o-mini. Provider names are lower case: write 'openai/gpt-4o'.")]
    [InlineData("models: { fast: 'openai/' }", "w.yaml:2:17: error BATON080: 'openai/' is not a model reference; write provider/model, such as openai/gpt-4o-mini.")]
    [InlineData("models: { fast: 'openai/gpt 4' }", "w.yaml:2:17: error BATON080: 'openai/gpt 4' is not a model reference; write provider/model, such as openai/gpt-4o-mini.")]
    [InlineData("models: { fast: 42 }", "w.yaml:2:17: error BATON012: 'fast' must be a model as provider/model, or a mapping with 'model', not an integer.")]
    [InlineData("models: { fast: { temperature: 1 } }", "w.yaml:2:17: error BATON011: A model alias needs 'model'.")]
    [InlineData("models: { fast: { model: openai/x, temprature: 1 } }", "w.yaml:2:36: error BATON010: 'temprature' is not a key of a model alias. Did you mean 'temperature'?")]
    [InlineData("models: { fast: { model: openai/x, temperature: 2.5 } }", "w.yaml:2:49: error BATON022: 'temperature' must be from 0 to 2, not 2.5.")]
    [InlineData("models: { fast: { model: openai/x, temperature: -1 } }", "w.yaml:2:49: error BATON022: 'temperature' must be from 0 to 2, not -1.")]
    [InlineData("models: { fast: { model: openai/x, temperature: '0.2' } }", "w.yaml:2:49: error BATON012: 'temperature' must be a number, not a string.")]
    [InlineData("models: { fast: { model: openai/x, max-tokens: 0 } }", "w.yaml:2:48: error BATON022: 'max-tokens' must be at least 1, not 0.")]
    [InlineData("models: { fast: { model: openai/x, max-tokens: 1.5 } }", "w.yaml:2:48: error BATON012: 'max-tokens' must be an integer, not a number.")]
    [InlineData("models: { fast: { model: openai/x, max-tokens: 99999999999999999999 } }", "w.yaml:2:48: error BATON022: 'max-tokens' must be from 1 to 2147483647, not 99999999999999999999.")]
    [InlineData("models: { fast: { model: openai/x, temperature: 1e999 } }", "w.yaml:2:49: error BATON022: 'temperature' must be a finite number, not 1e999.")]
    [InlineData("models: { fast: { model: [openai/x] } }", "w.yaml:2:26: error BATON012: 'model' must be a model as provider/model, not a list.")]
    public void Compile_BadModels_ReportedWhereTheyAre(string models, string expected)
    {
        var result = Fixtures.Compile("name: w\n" + models + "\n" + Steps);

        result.Diagnostics.Select(d => d.ToString()).Should().Equal(expected);
    }

    [Theory]
    [InlineData("models: { t: scripted/triage }", "w.yaml:2:14: error BATON081: The scripted model 'scripted/triage' replays a file of responses, so it needs one: write { model: scripted/triage, script: ./responses.yaml }.")]
    [InlineData("models: { t: { model: scripted/triage } }", "w.yaml:2:14: error BATON081: The scripted model 'scripted/triage' needs 'script': the file of responses it replays, relative to this file.")]
    [InlineData("models: { t: { model: openai/x, script: s.yaml } }", "w.yaml:2:33: error BATON081: 'script' is for the scripted provider only, and 'openai/x' calls a real model. Remove 'script', or use a scripted/NAME model.")]
    [InlineData("models: { t: { model: scripted/t, script: '' } }", "w.yaml:2:43: error BATON081: 'script' must name a file of responses, not be empty.")]
    [InlineData("models: { t: { model: scripted/t, script: '${{ inputs.s }}' } }", "w.yaml:2:43: error BATON031: 'script' must be a fixed file path, not a template: the script is read and pinned with the definition.")]
    [InlineData("models: { t: { model: scripted/t, script: missing.yaml } }", "w.yaml:2:43: error BATON082: The script 'missing.yaml' cannot be found: the definition bundle does not hold it. Paths are relative to this file.")]
    [InlineData("models: { t: { model: scripted/t, script: 7 } }", "w.yaml:2:43: error BATON012: 'script' must be the path of a file of responses, not an integer.")]
    public void Compile_BadScripts_ReportedWhereTheyAre(string models, string expected)
    {
        var result = Fixtures.Compile("name: w\n" + models + "\n" + Steps);

        result.Diagnostics.Select(d => d.ToString()).Should().Equal(expected);
    }

    [Fact]
    public void Compile_Script_IsBundledAndRewrittenToItsBundleKey()
    {
        var bundle = new DefinitionBundle("flows/w.yaml", "/work", new Dictionary<string, string>
        {
            ["flows/w.yaml"] = "name: w\nmodels:\n  t: { model: scripted/t, script: ../scripts/t.yaml }\n" + Steps,
            ["scripts/t.yaml"] = "responses: [{ text: hi }]\n",
        });

        var def = new WorkflowCompiler().Compile(bundle).GetDefinitionOrThrow();

        def.Models!["t"]!["script"]!.GetValue<string>().Should().Be("scripts/t.yaml");
        def.Source.Files.Should().ContainKey("scripts/t.yaml").WhoseValue.Should().Be("responses: [{ text: hi }]\n");
        def.Hash.Should().Be(def.Source.ComputeHash());
    }

    [Fact]
    public void Compile_ScriptOfAChild_IsRewrittenRelativeToTheChildsBundle()
    {
        var bundle = new DefinitionBundle("main.yaml", "/work", new Dictionary<string, string>
        {
            ["main.yaml"] = "name: main\nsteps:\n  - id: call\n    workflow: { path: lib/child.yaml }\n",
            ["lib/child.yaml"] = "name: child\nmodels:\n  t: { model: scripted/t, script: ../scripts/t.yaml }\n" + Steps,
            ["scripts/t.yaml"] = "responses: []\n",
        });

        var def = new WorkflowCompiler().Compile(bundle).GetDefinitionOrThrow();

        def.Source.Files.Keys.Should().BeEquivalentTo("main.yaml", "lib/child.yaml", "scripts/t.yaml");
        var child = ((WorkflowCallStep)def.GetStep("call")).Child;
        child.Models!["t"]!["script"]!.GetValue<string>().Should().Be("../scripts/t.yaml");
        child.Source.Files.Should().ContainKey("../scripts/t.yaml");
        new WorkflowCompiler().Compile(child.Source).GetDefinitionOrThrow().Hash.Should().Be(child.Hash);
    }

    [Fact]
    public void Compile_ScriptTooLarge_ReportedAtTheScript()
    {
        var bundle = new DefinitionBundle("w.yaml", "/work", new Dictionary<string, string>
        {
            ["w.yaml"] = "name: w\nmodels:\n  t: { model: scripted/t, script: t.yaml }\n" + Steps,
            ["t.yaml"] = new string('#', 400),
        });

        var result = new WorkflowCompiler(new WorkflowCompilerOptions { MaxFileBytes = 300 }).Compile(bundle);

        result.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "w.yaml:3:35: error BATON002: The script 't.yaml' is too large: it has 400 bytes and the limit is 300. Paths are relative to this file.");
    }
}
