using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Baton.Definitions;

namespace Baton.Core.Tests.Definitions;

/// <summary>A run is pinned to its project config and scripts as to its workflow: they are in the bundle, in the hash, and compiled from it without the disk.</summary>
public sealed class ProjectBundleTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly WorkflowCompiler _compiler = new(AiKindSchemas.Options);

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Compile_BundleOfAFileWhoseFilesAreDeleted_GivesTheSameDefinitionWithoutTheDisk()
    {
        var path = WriteProject();
        var fromFile = _compiler.CompileFile(path).GetDefinitionOrThrow();
        Directory.Delete(_tree.Root, recursive: true);
        Directory.CreateDirectory(_tree.Root);

        var fromBundle = _compiler.Compile(fromFile.Source).GetDefinitionOrThrow();

        fromFile.Source.Files.Keys.Should().BeEquivalentTo(
            "main.yaml", "../baton.yaml", "../scripts/t.yaml", "tools/refund.yaml", "../lib/baton.yaml", "../lib/child.yaml", "../lib/s.yaml");
        fromBundle.Hash.Should().Be(fromFile.Hash);
        fromBundle.Source.ProjectFile.Should().Be("../baton.yaml");
        fromBundle.Project!.Models!["triage"]!["script"]!.GetValue<string>().Should().Be("../scripts/t.yaml");
        fromBundle.Models!.ToJsonString().Should().Be(fromFile.Models!.ToJsonString());
        DefinitionDump.Of(fromBundle).Should().Be(DefinitionDump.Of(fromFile));
        var child = ((WorkflowCallStep)fromBundle.GetStep("call")).Child;
        child.Project!.Models!["s"]!["script"]!.GetValue<string>().Should().Be("s.yaml");
        child.Hash.Should().Be(((WorkflowCallStep)fromFile.GetStep("call")).Child.Hash);
    }

    [Fact]
    public void Compile_BundleMovedElsewhere_GivesTheSameDefinition()
    {
        var fromFile = _compiler.CompileFile(WriteProject()).GetDefinitionOrThrow();
        var moved = fromFile.Source with { BaseDirectory = "/x" };

        var fromBundle = _compiler.Compile(moved).GetDefinitionOrThrow();

        fromBundle.Hash.Should().Be(fromFile.Hash);
        DefinitionDump.Of(fromBundle).Should().Be(DefinitionDump.Of(fromFile));
    }

    [Fact]
    public void CompileFile_ProjectConfigChanged_ChangesTheBundleAndTheHash()
    {
        var path = WriteProject();
        var before = _compiler.CompileFile(path).GetDefinitionOrThrow();
        _tree.Write("baton.yaml", File.ReadAllText(_tree.PathOf("baton.yaml")).Replace("openai/gpt-4o-mini", "openai/gpt-4o", StringComparison.Ordinal));

        var after = _compiler.CompileFile(path).GetDefinitionOrThrow();

        after.Source.Files["../baton.yaml"].Should().Contain("openai/gpt-4o\n");
        after.Project!.Models!["fast"]!.GetValue<string>().Should().Be("openai/gpt-4o");
        after.Hash.Should().NotBe(before.Hash);
        after.Hash.Should().Be(after.Source.ComputeHash());
    }

    [Fact]
    public void CompileFile_ScriptChanged_ChangesTheBundleAndTheHash()
    {
        var path = WriteProject();
        var before = _compiler.CompileFile(path).GetDefinitionOrThrow();
        _tree.Write("scripts/t.yaml", "responses: [{ text: bug }]\n");

        var after = _compiler.CompileFile(path).GetDefinitionOrThrow();

        after.Source.Files["../scripts/t.yaml"].Should().Be("responses: [{ text: bug }]\n");
        after.Hash.Should().NotBe(before.Hash);
    }

    [Fact]
    public void Compile_BundleWithChangedScript_ChangesTheHash()
    {
        var bundle = _compiler.CompileFile(WriteProject()).GetDefinitionOrThrow().Source;
        var files = bundle.Files.ToDictionary(f => f.Key, f => f.Value);
        files["../lib/s.yaml"] += "# edited\n";

        var changed = _compiler.Compile(bundle with { Files = files }).GetDefinitionOrThrow();

        changed.Hash.Should().NotBe(bundle.ComputeHash());
        ((WorkflowCallStep)changed.GetStep("call")).Child.Source.Files["s.yaml"].Should().EndWith("# edited\n");
    }

    [Fact]
    public void StoredBundle_RoundTripsItsProjectFile_AndCompilesToTheSameHash()
    {
        var fromFile = _compiler.CompileFile(WriteProject()).GetDefinitionOrThrow();

        var json = JsonSerializer.Serialize(fromFile.Source, BatonJsonContext.Default.DefinitionBundle);
        var stored = JsonSerializer.Deserialize(json, BatonJsonContext.Default.DefinitionBundle)!;

        json.Should().Contain("\"projectFile\":\"../baton.yaml\"");
        stored.ProjectFile.Should().Be("../baton.yaml");
        _compiler.Compile(stored).GetDefinitionOrThrow().Hash.Should().Be(fromFile.Hash);
    }

    [Fact]
    public void StoredBundle_FromBeforeProjectConfigs_HasNoProjectFileAndKeepsItsHash()
    {
        const string Json = """{"rootFile":"w.yaml","baseDirectory":"/a","files":{"w.yaml":"x"}}""";

        var stored = JsonSerializer.Deserialize(Json, BatonJsonContext.Default.DefinitionBundle)!;

        stored.ProjectFile.Should().BeNull();
        stored.ComputeHash().Should().Be(HashAsBeforeProjectConfigs("w.yaml", "w.yaml", "x"), "runs stored before project configs stay pinned to the same hash");
        JsonSerializer.Serialize(stored, BatonJsonContext.Default.DefinitionBundle).Should().Be(Json);
    }

    [Fact]
    public void ComputeHash_ProjectFileRecorded_IsPartOfTheHash()
    {
        var files = new Dictionary<string, string> { ["w.yaml"] = "x", ["baton.yaml"] = "y" };

        new DefinitionBundle("w.yaml", "/a", files, "baton.yaml").ComputeHash()
            .Should().NotBe(new DefinitionBundle("w.yaml", "/a", files).ComputeHash());
    }

    [Fact]
    public void Compile_BundleWithoutRecordedProjectFile_RootHasNoProjectConfig()
    {
        var bundle = new DefinitionBundle("w.yaml", "/flows", new Dictionary<string, string>
        {
            ["w.yaml"] = "name: w\nsteps:\n  - id: a\n    set: { x: 1 }\n",
            ["baton.yaml"] = "models: { fast: openai/x }\n",
        });

        var def = _compiler.Compile(bundle).GetDefinitionOrThrow();

        def.Project.Should().BeNull();
        def.Source.Files.Keys.Should().Equal("w.yaml");
    }

    [Fact]
    public void Compile_BundleMissingItsRecordedProjectFile_Reported()
    {
        var bundle = new DefinitionBundle("w.yaml", "/flows", new Dictionary<string, string> { ["w.yaml"] = "name: w\nsteps:\n  - id: a\n    set: { x: 1 }\n" }, "../baton.yaml");

        var result = _compiler.Compile(bundle);

        result.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "../baton.yaml:1:1: error BATON001: The project config file cannot be read: the definition bundle does not hold it.");
    }

    /// <summary>The hash of a bundle as it was computed before project configs: the root file name, then each file's name and text, length-prefixed.</summary>
    private static string HashAsBeforeProjectConfigs(params string[] parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>A root workflow with a project config and a script, an embedded tool workflow, and a child with its own project config and script.</summary>
    private string WriteProject()
    {
        _tree.Write("baton.yaml", "models:\n  fast: openai/gpt-4o-mini\n  triage: { model: scripted/t, script: scripts/t.yaml }\nprices:\n  openai/gpt-4o-mini: { input: 0.15, output: 0.6 }\n");
        _tree.Write("scripts/t.yaml", "responses: [{ text: billing }]\n");
        _tree.Write("lib/baton.yaml", "models:\n  s: { model: scripted/s, script: ./s.yaml }\n");
        _tree.Write("lib/s.yaml", "responses: [{ text: hi }]\n");
        _tree.Write("lib/child.yaml", "name: child\nsteps:\n  - id: ask\n    llm: { model: s, prompt: hi }\n");
        _tree.Write("flows/tools/refund.yaml", "name: refund\nsteps:\n  - id: pay\n    set: { ok: true }\n");
        return _tree.Write("flows/main.yaml", """
            name: main
            models:
              local: ollama/llama3.1
            steps:
              - id: triage
                classify: { model: triage, input: "${{ inputs.text }}", choices: [a, b] }
              - id: act
                agent:
                  model: fast
                  goal: Help.
                  tools:
                    - { name: refund, workflow: { path: tools/refund.yaml } }
              - id: call
                workflow: { path: ../lib/child.yaml }

            """);
    }
}
