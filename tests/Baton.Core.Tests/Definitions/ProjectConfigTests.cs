using System.Text;
using Baton.Definitions;

namespace Baton.Core.Tests.Definitions;

/// <summary>The project config file, <c>baton.yaml</c>: found next to the workflow or above it, validated, and pinned in the bundle.</summary>
public sealed class ProjectConfigTests : IDisposable
{
    private const string Workflow = "name: w\nsteps:\n  - id: a\n    set: { x: 1 }\n";

    private const string Config = """
        models:
          fast: openai/gpt-4o-mini
          triage: { model: scripted/triage, script: ./scripted/triage.yaml }
        providers:
          openai: { api-key-env: OPENAI_API_KEY, timeout: 30s }
        prices:
          openai/gpt-4o-mini: { input: 0.15, output: 0.6 }

        """;

    private readonly TempTree _tree = new();
    private readonly WorkflowCompiler _compiler = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void CompileFile_ProjectConfigInTheSameDirectory_IsValidatedExposedAndBundled()
    {
        _tree.Write("baton.yaml", Config);
        _tree.Write("scripted/triage.yaml", "responses: [{ text: billing }]\n");
        var path = _tree.Write("w.yaml", Workflow);

        var def = _compiler.CompileFile(path).GetDefinitionOrThrow();

        def.Project!.File.Should().Be("baton.yaml");
        def.Project.Models!.ToJsonString().Should().Be("""{"fast":"openai/gpt-4o-mini","triage":{"model":"scripted/triage","script":"scripted/triage.yaml"}}""");
        def.Project.Providers!.ToJsonString().Should().Be("""{"openai":{"api-key-env":"OPENAI_API_KEY","timeout":"30s"}}""");
        def.Project.Prices!.ToJsonString().Should().Be("""{"openai/gpt-4o-mini":{"input":0.15,"output":0.6}}""");
        def.Source.ProjectFile.Should().Be("baton.yaml");
        def.Source.Files.Keys.Should().BeEquivalentTo("w.yaml", "baton.yaml", "scripted/triage.yaml");
        def.Source.Files["baton.yaml"].Should().Be(Config);
        def.Source.Files[def.Project.Models["triage"]!["script"]!.GetValue<string>()].Should().Be("responses: [{ text: billing }]\n");
        def.Hash.Should().Be(def.Source.ComputeHash());
    }

    [Fact]
    public void CompileFile_ProjectConfigsAbove_TheNearestOneApplies()
    {
        _tree.Write("baton.yaml", "models: { fast: openai/outer }\n");
        _tree.Write("team/baton.yaml", "models: { fast: openai/inner }\n");
        var path = _tree.Write("team/flows/deep/w.yaml", Workflow);

        var def = _compiler.CompileFile(path).GetDefinitionOrThrow();

        def.Project!.File.Should().Be("../../baton.yaml");
        def.Project.Models!["fast"]!.GetValue<string>().Should().Be("openai/inner");
        def.Source.Files.Keys.Should().BeEquivalentTo("w.yaml", "../../baton.yaml");
    }

    [Fact]
    public void CompileFile_NoProjectConfigAnywhere_ProjectIsNull()
    {
        var path = _tree.Write("flows/w.yaml", Workflow);
        AboveAndIncluding(Path.GetDirectoryName(path)!).Should().NotContain(d => File.Exists(Path.Combine(d, "baton.yaml")), "the test needs a tree without any project config");

        var def = _compiler.CompileFile(path).GetDefinitionOrThrow();

        def.Project.Should().BeNull();
        def.Source.ProjectFile.Should().BeNull();
        def.Source.Files.Keys.Should().Equal("w.yaml");
    }

    [Fact]
    public void CompileFile_EmptyProjectConfig_IsAProjectWithoutSections()
    {
        _tree.Write("baton.yaml", "# nothing configured yet\n");
        var path = _tree.Write("w.yaml", Workflow);

        var def = _compiler.CompileFile(path).GetDefinitionOrThrow();

        def.Project.Should().Be(new ProjectConfig("baton.yaml", null, null, null));
        def.Source.Files.Keys.Should().BeEquivalentTo("w.yaml", "baton.yaml");
    }

    [Fact]
    public void CompileFile_WorkflowNamedLikeTheProjectConfig_IsNotItsOwnProjectConfig()
    {
        var path = _tree.Write("baton.yaml", Workflow);

        var def = _compiler.CompileFile(path).GetDefinitionOrThrow();

        def.Project.Should().BeNull();
    }

    [Fact]
    public void CompileFile_ChildInAnotherDirectory_DiscoversItsOwnProjectConfig()
    {
        _tree.Write("a/baton.yaml", "models: { fast: openai/a }\n");
        _tree.Write("b/baton.yaml", "models: { fast: openai/b, t: { model: scripted/t, script: t.yaml } }\n");
        _tree.Write("b/t.yaml", "responses: []\n");
        _tree.Write("b/child.yaml", Workflow.Replace("name: w", "name: child", StringComparison.Ordinal));
        var path = _tree.Write("a/main.yaml", "name: main\nsteps:\n  - id: call\n    workflow: { path: ../b/child.yaml }\n");

        var def = _compiler.CompileFile(path).GetDefinitionOrThrow();

        def.Project!.Models!["fast"]!.GetValue<string>().Should().Be("openai/a");
        def.Source.Files.Keys.Should().BeEquivalentTo("main.yaml", "baton.yaml", "../b/child.yaml", "../b/baton.yaml", "../b/t.yaml");
        var child = ((WorkflowCallStep)def.GetStep("call")).Child;
        child.Project!.File.Should().Be("baton.yaml");
        child.Project.Models!["fast"]!.GetValue<string>().Should().Be("openai/b");
        child.Project.Models["t"]!["script"]!.GetValue<string>().Should().Be("t.yaml");
        child.Source.ProjectFile.Should().Be("baton.yaml");
        child.Source.Files.Keys.Should().BeEquivalentTo("child.yaml", "baton.yaml", "t.yaml");
    }

    [Fact]
    public void CompileFile_InvalidProjectConfig_ReportsEveryErrorAtItsPositionInBatonYaml()
    {
        var config = _tree.Write("baton.yaml", """
            models:
              fast: gpt-4o
              t: { model: scripted/t }
              s: { model: scripted/s, script: nope.yaml }
            providers:
              OpenAI: { api-key-env: sk-live }
              ollama:
                base-url: localhost:11434
                max-concurrency: 0
                timeout: 60
                max-retries: 11
                max-retry: 3
              anthropic: { base-url: "https://user:pw@api.anthropic.com" }
            prices:
              gpt-4o: { input: 1, output: 2 }
              openai/x: { input: -1 }
            modles: {}

            """);
        var path = _tree.Write("w.yaml", Workflow);

        var result = _compiler.CompileFile(path);

        result.Success.Should().BeFalse();
        result.Heads().Should().Equal(
            $"{config}:2:9: error BATON080",
            $"{config}:3:6: error BATON081",
            $"{config}:4:35: error BATON082",
            $"{config}:6:3: error BATON028",
            $"{config}:6:26: error BATON028",
            $"{config}:8:15: error BATON083",
            $"{config}:9:22: error BATON022",
            $"{config}:10:14: error BATON020",
            $"{config}:11:18: error BATON022",
            $"{config}:12:5: error BATON010",
            $"{config}:13:26: error BATON083",
            $"{config}:15:3: error BATON080",
            $"{config}:16:13: error BATON011",
            $"{config}:16:22: error BATON022",
            $"{config}:17:1: error BATON010");
        result.Diagnostics.Select(d => d.ToString()).Should().Contain([
            $"{config}:6:3: error BATON028: 'OpenAI' is not a valid provider name; use lower-case letters, digits, '-', '_' and '.', starting with a letter. Write 'openai'.",
            $"{config}:12:5: error BATON010: 'max-retry' is not a key of a provider. Did you mean 'max-retries'?",
            $"{config}:13:26: error BATON083: 'base-url' must not hold a user name or password: the project config is stored with every run. Put the key in the variable that 'api-key-env' names.",
            $"{config}:16:13: error BATON011: A price needs 'output'.",
            $"{config}:17:1: error BATON010: 'modles' is not a key of the project config. Did you mean 'models'?",
            $"{config}:4:35: error BATON082: The script 'nope.yaml' cannot be found: there is no such file. Paths are relative to this file.",
        ]);
    }

    [Theory]
    [InlineData("- models\n", "1:1: error BATON012: The project config must be a mapping with 'models', 'providers' or 'prices', not a list.")]
    [InlineData("models: [\n", "2:1: error BATON003")]
    [InlineData("models: {}\n---\nprices: {}\n", "2:1: error BATON007")]
    [InlineData("providers: { openai: { base-url: 'https://${{ env.HOST }}/v1' } }\n", "1:34: error BATON083")]
    [InlineData("providers: { openai: { timeout: 0s } }\n", "1:33: error BATON020: 'timeout' must be longer than zero.")]
    [InlineData("providers: { openai: ~ }\n", "1:22: error BATON012: 'openai' must be a mapping of settings such as base-url and api-key-env, not null.")]
    [InlineData("prices: { openai/x: { input: 1, output: '2' } }\n", "1:41: error BATON012: 'output' must be a number, not a string.")]
    [InlineData("prices: { openai/x: { input: 1, output: 1e999999 } }\n", "1:41: error BATON022: 'output' must be a finite number, not 1e999999.")]
    [InlineData("providers: { openai: { max-retries: 99999999999999999999 } }\n", "1:37: error BATON022: 'max-retries' must be from 0 to 10, not 99999999999999999999.")]
    public void CompileFile_BadProjectConfig_ReportedInBatonYaml(string text, string expected)
    {
        var config = _tree.Write("baton.yaml", text);
        var path = _tree.Write("w.yaml", Workflow);

        var result = _compiler.CompileFile(path);

        result.Diagnostics.Should().ContainSingle().Which.ToString().Should().StartWith($"{config}:{expected}");
    }

    [Fact]
    public void CompileFile_ProjectConfigNotUtf8_ReportedAtItsFirstLine()
    {
        File.WriteAllBytes(_tree.PathOf("baton.yaml"), [.. Encoding.ASCII.GetBytes("models: { caf"), 0xE9, (byte)'}', (byte)'\n']);
        var path = _tree.Write("w.yaml", Workflow);

        var result = _compiler.CompileFile(path);

        result.Diagnostics.Select(d => d.ToString()).Should().Equal(
            $"{_tree.PathOf("baton.yaml")}:1:1: error BATON001: The project config file cannot be read: it is not UTF-8 text.");
    }

    [Fact]
    public void CompileFile_ProjectConfigIsADirectory_ReportedInsteadOfIgnored()
    {
        Directory.CreateDirectory(_tree.PathOf("baton.yaml"));
        var path = _tree.Write("w.yaml", Workflow);

        var result = _compiler.CompileFile(path);

        result.Diagnostics.Select(d => d.ToString()).Should().Equal(
            $"{_tree.PathOf("baton.yaml")}:1:1: error BATON001: The project config file cannot be read: it is a directory, not a file.");
    }

    [Fact]
    public void CompileFile_ProjectConfigTooLarge_ReportedAtItsFirstLine()
    {
        _tree.Write("baton.yaml", "models: {}\n" + new string('#', 500) + "\n");
        var path = _tree.Write("w.yaml", Workflow);

        var result = new WorkflowCompiler(new WorkflowCompilerOptions { MaxFileBytes = 200 }).CompileFile(path);

        result.Heads().Should().Equal($"{_tree.PathOf("baton.yaml")}:1:1: error BATON002");
    }

    [Fact]
    public void CompileFile_RelativePath_NamesTheProjectConfigRelatively()
    {
        _tree.Write("baton.yaml", "modles: {}\n");
        var path = Path.GetRelativePath(Environment.CurrentDirectory, _tree.Write("flows/w.yaml", Workflow));
        Path.IsPathRooted(path).Should().BeFalse();

        var result = _compiler.CompileFile(path);

        var expected = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(path))!, "baton.yaml");
        result.Diagnostics.Should().ContainSingle().Which.Location.Should().Be(new SourceLocation(expected, 1, 1));
    }

    private static IEnumerable<string> AboveAndIncluding(string directory)
    {
        for (var d = new DirectoryInfo(directory); d is not null; d = d.Parent)
        {
            yield return d.FullName;
        }
    }
}
